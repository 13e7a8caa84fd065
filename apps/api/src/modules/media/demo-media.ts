import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadSharp } from './image-libraries.js';
import { foldDiacritics } from '@techport/shared';
import type { MediaStore } from './storage/media-store.js';
import { originalKey } from './upload-pipeline.js';
import { simplePdf } from './simple-pdf.js';
import { MEDIA_STORED } from './media.service.js';

/**
 * Pictures and specification sheets for the demo exchange, drawn by the project itself: SVG
 * templates rendered with sharp (no image files in the repository), and PDF sheets written from
 * the listing's own text. Half of the published listings get a picture (their cover), a quarter
 * a sheet, and every organisation a logo. The worker then makes their WebP sizes and reads the
 * sheets' text, as for an upload (outbox `media.stored`).
 */
const PALETTE = ['#1f6f8b', '#2b7a5a', '#8a5a14', '#6b3fa0', '#a23b3b', '#2f5d9a', '#4d7c0f', '#9a3412'];

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      out.push(line.trim());
      line = word;
      if (out.length === lines) break;
    } else line += ' ' + word;
  }
  if (out.length < lines && line.trim()) out.push(line.trim());
  return out;
}

/**
 * A listing's picture: a machine-like pictogram on the field's colour. No text: the card and the
 * page print the title beside it, and the fonts at hand may lack Vietnamese marks (a folded copy of
 * the title, "Quy trinh tong hop muc in", stood above every card).
 */
function listingSvg(kind: string, seed: number): string {
  const colour = PALETTE[seed % PALETTE.length];
  // Demands get a magnifier over the frame (a need looked for), offers the gears alone.
  const gears = [0, 1, 2].map((i) => `<circle cx="${480 + i * 120}" cy="${360 + (i % 2) * 90}" r="${70 - i * 12}" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="18" stroke-dasharray="22 14"/>`).join('');
  const magnifier = kind === 'OFFER' ? '' : '<circle cx="860" cy="300" r="90" fill="none" stroke="#ffffff" stroke-opacity="0.8" stroke-width="22"/><path d="M925 365 L1020 460" stroke="#ffffff" stroke-opacity="0.8" stroke-width="30" stroke-linecap="round"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="#0f172a"/></linearGradient></defs>
  <rect width="1200" height="800" fill="url(#g)"/>
  <rect x="340" y="230" width="520" height="340" rx="24" fill="#ffffff" fill-opacity="0.12" stroke="#ffffff" stroke-opacity="0.4" stroke-width="4"/>
  ${gears}
  <rect x="400" y="600" width="400" height="26" rx="13" fill="#ffffff" fill-opacity="0.35"/>
  ${magnifier}
</svg>`;
}

/** An organisation's logo: its initials in a roundel. */
function logoSvg(name: string, seed: number): string {
  const initials = foldDiacritics(name)
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .slice(-3)
    .map((w) => w[0])
    .join('') || 'T';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
  <rect width="400" height="400" fill="#ffffff"/>
  <circle cx="200" cy="200" r="170" fill="${PALETTE[seed % PALETTE.length]}"/>
  <circle cx="200" cy="200" r="140" fill="none" stroke="#ffffff" stroke-width="8"/>
  <text x="200" y="235" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${initials.length > 2 ? 96 : 120}" font-weight="bold" fill="#ffffff">${escapeXml(initials)}</text>
</svg>`;
}

/** A second picture for some listings (a gallery of two): the process as a diagram, three steps and arrows. */
function processSvg(kind: string, seed: number): string {
  const colour = PALETTE[(seed + 3) % PALETTE.length];
  const steps = kind === 'OFFER' ? ['NGUYEN LIEU', 'XU LY', 'SAN PHAM'] : ['HIEN TRANG', 'GIAI PHAP', 'MUC TIEU'];
  const boxes = steps
    .map((label, i) => {
      const x = 80 + i * 380;
      const arrow = i < 2 ? `<path d="M ${x + 300} 400 L ${x + 370} 400" stroke="${colour}" stroke-width="10" marker-end="url(#a)"/>` : '';
      return `<rect x="${x}" y="300" width="280" height="200" rx="20" fill="${colour}" fill-opacity="${0.35 + i * 0.25}"/><text x="${x + 140}" y="412" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#0f172a">${label}</text>${arrow}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <defs><marker id="a" markerWidth="6" markerHeight="6" refX="3" refY="3" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="${colour}"/></marker></defs>
  <rect width="1200" height="800" fill="#f8fafc"/>
  <text x="80" y="160" font-family="DejaVu Sans, sans-serif" font-size="40" fill="#0f172a">SO DO QUY TRINH</text>
  ${boxes}
</svg>`;
}

async function store(mediaStore: MediaStore, bytes: Buffer, mime: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = originalKey(sha256);
  if (!(await mediaStore.stat(key))) await mediaStore.put(key, bytes, mime);
  return sha256;
}

/**
 * `limit`: only the first this-many published listings and organisations (by slug) get media. The
 * backup spec needs files of every kind, not the whole set: the worker's WebP sizes and PDF text
 * for ~500 files took most of that spec's time.
 *
 * The pictures are plain libjpeg (quality 80), not mozjpeg: mozjpeg's smaller files (about 12 KB
 * instead of 18 KB for these flat drawings) cost twice the encoding time, and the seed spec took
 * 22.6 s with it against 12.5 s without (2026-12-05); `npm start` seeds the same pictures.
 */
export async function seedDemoMedia(ds: DataSource, mediaStore: MediaStore, { limit }: { limit?: number } = {}): Promise<{ pictures: number; sheets: number; logos: number }> {
  const take = limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`;
  const listings: { id: string; title: string; summary: string; description: string; kind: string; keywords: string[]; published_at: Date }[] = await ds.query(
    `SELECT id, title, summary, description, kind, keywords, published_at FROM listing WHERE status = 'PUBLISHED' AND published_at IS NOT NULL ORDER BY slug${take}`,
  );
  const orgs: { id: string; name: string; created_at: Date }[] = await ds.query(`SELECT id, name, created_at FROM organization ORDER BY slug${take}`);
  const counts = { pictures: 0, sheets: 0, logos: 0 };
  const sharp = await loadSharp();
  const diagrams = new Map<string, Buffer>();
  const rows: unknown[][] = [];
  for (const [i, l] of listings.entries()) {
    // Before the listing's approval, so its last approval covers them (MediaService.visibleOf).
    const at = new Date(new Date(l.published_at).getTime() - 60_000);
    if (i % 2 === 0) {
      const jpeg = await sharp(Buffer.from(listingSvg(l.kind, i))).jpeg({ quality: 80 }).toBuffer();
      rows.push(['LISTING', l.id, 'IMAGE', 0, true, null, null, 'anh-minh-hoa.jpg', await store(mediaStore, jpeg, 'image/jpeg'), jpeg.length, 'image/jpeg', 1200, 800, 'PENDING', at]);
      counts.pictures++;
    }
    if (i % 4 === 0) {
      // A gallery of two on every fourth listing: the illustration and the process diagram.
      // It depends only on the kind and the colour: drawn once per pair (seeding stays quick).
      const svg = processSvg(l.kind, i);
      const diagram = diagrams.get(svg) ?? (await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer());
      diagrams.set(svg, diagram);
      rows.push(['LISTING', l.id, 'IMAGE', 1, false, 'Sơ đồ quy trình', 'Process diagram', 'so-do-quy-trinh.jpg', await store(mediaStore, diagram, 'image/jpeg'), diagram.length, 'image/jpeg', 1200, 800, 'PENDING', at]);
      counts.pictures++;
      const fold = (s: string) => foldDiacritics(s).replace(/\s+/g, ' ').trim();
      const body = wrap(fold(l.description), 80, 30);
      const pdf = simplePdf([[`Thong so ky thuat: ${fold(l.title)}`.slice(0, 90), '', ...wrap(fold(l.summary), 80, 4), '', ...body, '', `Tu khoa: ${l.keywords.map(fold).join(', ')}`]]);
      rows.push(['LISTING', l.id, 'DOCUMENT', 2, false, 'Bảng thông số kỹ thuật', 'Specification sheet', 'thong-so-ky-thuat.pdf', await store(mediaStore, pdf, 'application/pdf'), pdf.length, 'application/pdf', null, null, 'NONE', at]);
      counts.sheets++;
    }
  }
  for (const [i, o] of orgs.entries()) {
    const png = await sharp(Buffer.from(logoSvg(o.name, i))).png({ compressionLevel: 9 }).toBuffer();
    rows.push(['ORGANIZATION', o.id, 'IMAGE', 0, true, 'Biểu trưng', 'Logo', 'logo.png', await store(mediaStore, png, 'image/png'), png.length, 'image/png', 400, 400, 'PENDING', o.created_at]);
    counts.logos++;
  }
  await ds.transaction(async (em) => {
    for (const r of rows) {
      const [{ id }] = await em.query(
        `INSERT INTO attachment (owner_kind, owner_id, kind, position, is_cover, caption_vi, caption_en, file_name, sha256, size, mime, width, height, derivatives, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
        r,
      );
      await em.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)`, [MEDIA_STORED, JSON.stringify({ attachmentId: id })]);
    }
    // The score recorded at their submission counted no media; with pictures now, the hint to add some goes.
    const illustrated = [...new Set(rows.filter((r) => r[0] === 'LISTING').map((r) => r[1] as string))];
    await em.query(
      `UPDATE listing SET quality_score = LEAST(100, quality_score + (SELECT (h->>'penalty')::int FROM jsonb_array_elements(quality_hints) h WHERE h->>'code' = 'NO_MEDIA')),
              quality_hints = (SELECT coalesce(jsonb_agg(h), '[]'::jsonb) FROM jsonb_array_elements(quality_hints) h WHERE h->>'code' <> 'NO_MEDIA')
        WHERE id = ANY($1::uuid[]) AND quality_hints @> '[{"code": "NO_MEDIA"}]'::jsonb`,
      [illustrated],
    );
  });
  return counts;
}
