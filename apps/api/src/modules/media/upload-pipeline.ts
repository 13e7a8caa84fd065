import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Metadata } from 'sharp';
import { loadFileTypeFromBuffer, loadSharp } from './image-libraries.js';
import { getDocumentProxy } from 'unpdf';
import { format, type Localized } from '../../common/i18n.js';
import { AttachmentKind } from './attachment.entity.js';
import catalogue from './upload-pipeline.messages.json' with { type: 'json' };

/** Accepted types, decided from the bytes (file-type), by kind. HEIC/HEIF is read by sharp's libvips and re-encoded as JPEG. */
const ACCEPTED: Record<string, { kind: AttachmentKind; ext: string[] }> = {
  'image/jpeg': { kind: AttachmentKind.IMAGE, ext: ['jpg', 'jpeg', 'jfif'] },
  'image/png': { kind: AttachmentKind.IMAGE, ext: ['png'] },
  'image/webp': { kind: AttachmentKind.IMAGE, ext: ['webp'] },
  'image/avif': { kind: AttachmentKind.IMAGE, ext: ['avif'] },
  'image/heic': { kind: AttachmentKind.IMAGE, ext: ['heic', 'heif'] },
  'image/heif': { kind: AttachmentKind.IMAGE, ext: ['heic', 'heif'] },
  'application/pdf': { kind: AttachmentKind.DOCUMENT, ext: ['pdf'] },
  'video/mp4': { kind: AttachmentKind.VIDEO, ext: ['mp4', 'm4v'] },
  'video/webm': { kind: AttachmentKind.VIDEO, ext: ['webm'] },
};

/** Extensions of every type we know by name, to tell a misleading one (photo.pdf holding a JPEG) from a name without meaning. */
const KNOWN_EXTENSIONS = new Set(Object.values(ACCEPTED).flatMap((a) => a.ext));

/**
 * The type is told by the bytes, never by the name: a name whose extension says another known type
 * gets the stored type's extension instead ("anh.jpg" holding a PNG → "anh.png"); a name without a
 * known extension stays as it is.
 */
export function nameForType(name: string, mime: string): string {
  const accepted = ACCEPTED[mime];
  const match = /\.([a-z0-9]{1,5})$/i.exec(name);
  const ext = match?.[1]?.toLowerCase();
  if (!accepted || !ext || !KNOWN_EXTENSIONS.has(ext) || accepted.ext.includes(ext)) return name;
  return `${name.slice(0, match!.index)}.${accepted.ext[0]}`;
}

/** Enough bytes for file-type to recognise every accepted type. */
const SNIFF_BYTES = 4100;

export interface UploadLimits {
  /** Bytes per kind. */
  image: number;
  document: number;
  video: number;
  pixels: number;
  pdfPages: number;
}

const M = catalogue.messages satisfies Record<string, Localized>;

const KIND_NAMES: Record<AttachmentKind, Localized> = catalogue.KIND_NAMES;

/** An upload refused for what it is: `status` is the HTTP answer (400, or 413 when too large). */
export class UploadRefused extends Error {
  constructor(
    readonly localized: Localized,
    readonly status = 400,
  ) {
    super(localized.en);
  }
}

function refuse(message: Localized, params: Record<string, string | number>, status = 400): UploadRefused {
  return new UploadRefused(format(message, params), status);
}

/** What a stored file is, ready for its attachment row. */
export interface ProcessedUpload {
  kind: AttachmentKind;
  /** The file to store (re-encoded for images), a temporary file the caller removes with `cleanup`. */
  path: string;
  size: number;
  sha256: string;
  mime: string;
  width: number | null;
  height: number | null;
  /**
   * The name to keep and download by: the uploaded one, its extension made true to the stored type
   * when it named another known type (a PNG sent as "anh.jpg" is kept as "anh.png"; a HEIC photo,
   * stored as JPEG, as "anh.jpg").
   */
  fileName: string;
  cleanup(): Promise<void>;
}

function limitOf(kind: AttachmentKind, limits: UploadLimits): number {
  return kind === AttachmentKind.IMAGE ? limits.image : kind === AttachmentKind.DOCUMENT ? limits.document : limits.video;
}

function looksLikeSvgOrXml(head: Buffer): boolean {
  const text = head.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return text.startsWith('<?xml') || text.startsWith('<svg') || text.includes('<svg');
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Takes an upload from the request stream to a checked file ready to store:
 *   1. spools the bytes to a temporary file, never holding them whole in memory; the first 4 kB
 *      decide the type (file-type, from the bytes: not the name or the browser's header), and the
 *      type's size limit is enforced while the rest streams in: one byte over and it stops reading;
 *   2. images are re-encoded with sharp: orientation applied (rotate()), every metadata block
 *      (EXIF, GPS, XMP) dropped, decompression bombs refused from the header (limitInputPixels),
 *      damaged files refused (sharp fails on decoder warnings); HEIC becomes JPEG;
 *   3. PDFs are opened (unpdf) to refuse damaged ones and those over the page limit.
 * Whatever is refused throws UploadRefused, naming the file, and leaves nothing behind.
 */
export async function processUpload(body: Readable, fileName: string, limits: UploadLimits, workDir: string): Promise<ProcessedUpload> {
  await mkdir(workDir, { recursive: true });
  const base = join(workDir, `upload-${Date.now()}-${randomBytes(8).toString('hex')}`);
  const spooled = `${base}.in`;
  const output = `${base}.out`;
  const cleanup = async () => {
    await rm(spooled, { force: true });
    await rm(output, { force: true });
  };
  const name = fileName;
  try {
    const { kind, mime, size } = await spool(body, spooled, name, limits);
    if (kind === AttachmentKind.IMAGE) {
      const image = await reencode(spooled, output, mime, name, limits);
      await rm(spooled, { force: true });
      return { kind, path: output, size: image.size, sha256: await sha256Of(output), mime: image.mime, width: image.width, height: image.height, fileName: nameForType(name, image.mime), cleanup };
    }
    if (kind === AttachmentKind.DOCUMENT) await checkPdf(spooled, name, limits);
    return { kind, path: spooled, size, sha256: await sha256Of(spooled), mime, width: null, height: null, fileName: nameForType(name, mime), cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function spool(body: Readable, path: string, name: string, limits: UploadLimits): Promise<{ kind: AttachmentKind; mime: string; size: number }> {
  const out = createWriteStream(path, { mode: 0o600 });
  let size = 0;
  let head: Buffer[] = [];
  let headSize = 0;
  let decided: { kind: AttachmentKind; mime: string; limit: number } | null = null;

  const decide = async (bytes: Buffer) => {
    if (!bytes.length) throw refuse(M.empty, { name });
    const type = await (await loadFileTypeFromBuffer())(bytes);
    if (!type) throw refuse(looksLikeSvgOrXml(bytes) ? M.svg : M.unknown, { name });
    if (type.mime === 'image/svg+xml' || looksLikeSvgOrXml(bytes)) throw refuse(M.svg, { name });
    const accepted = ACCEPTED[type.mime];
    if (!accepted) throw refuse(M.notAccepted, { name, type: type.ext.toUpperCase() });
    // An accepted type under another type's name is taken as what its bytes are (its name is fixed: nameForType).
    decided = { kind: accepted.kind, mime: type.mime, limit: limitOf(accepted.kind, limits) };
  };
  const write = async (chunk: Buffer) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };

  try {
    // Not destroyed when we stop reading early: the caller still answers on the same connection.
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (!decided) {
        head.push(chunk);
        headSize += chunk.length;
        if (headSize < SNIFF_BYTES) continue;
        const bytes = Buffer.concat(head);
        head = [];
        await decide(bytes);
        await write(bytes);
      } else {
        await write(chunk);
      }
      const d = decided as unknown as { kind: AttachmentKind; limit: number };
      if (size > d.limit) throw tooLarge(name, d.kind, d.limit);
    }
    if (!decided) {
      const bytes = Buffer.concat(head);
      await decide(bytes);
      await write(bytes);
    }
    out.end();
    await once(out, 'finish');
    const d = decided as unknown as { kind: AttachmentKind; mime: string; limit: number };
    if (size > d.limit) throw tooLarge(name, d.kind, d.limit);
    return { kind: d.kind, mime: d.mime, size };
  } catch (err) {
    // Closed, not destroyed: a write may still be in flight, and a file stream destroyed under it
    // reports the lost write later, outside any request. The caller removes the file.
    if (!out.destroyed) {
      out.end();
      await finished(out).catch(() => undefined);
    }
    throw err;
  }
}

function tooLarge(name: string, kind: AttachmentKind, limit: number): UploadRefused {
  const mb = String(Math.round((limit / 1024 / 1024) * 10) / 10);
  const k = KIND_NAMES[kind];
  return new UploadRefused({ vi: format(M.tooLarge, { name, kind: k.vi, mb }).vi, en: format(M.tooLarge, { name, kind: k.en, mb }).en }, 413);
}

const OUTPUT_OF: Record<string, 'jpeg' | 'png' | 'webp' | 'avif'> = {
  'image/jpeg': 'jpeg',
  'image/heic': 'jpeg',
  'image/heif': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

async function reencode(input: string, output: string, mime: string, name: string, limits: UploadLimits) {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse(M.badImage, { name });
  }
  // From the header alone, before anything is decoded: a 30 000 × 30 000 PNG of a few kB is refused here.
  if ((meta.width ?? 0) * (meta.height ?? 0) > limits.pixels || (meta.pages ?? 1) > 1000) {
    throw refuse(M.pixels, { name, mp: Math.floor(limits.pixels / 1_000_000) });
  }
  const outFormat = OUTPUT_OF[mime] ?? 'jpeg';
  try {
    // sharp drops all metadata (EXIF with GPS, XMP, IPTC) unless asked to keep it; rotate() applies
    // the EXIF orientation first. failOn 'warning' (the default, stated) refuses truncated files.
    const info = await sharp(input, { limitInputPixels: limits.pixels, failOn: 'warning', pages: 1 })
      .rotate()
      .toFormat(outFormat, outFormat === 'jpeg' ? { quality: 85 } : outFormat === 'png' ? { compressionLevel: 9 } : { quality: 80 })
      .toFile(output);
    return { size: (await stat(output)).size, width: info.width, height: info.height, mime: `image/${outFormat}` };
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error).message))) throw refuse(M.pixels, { name, mp: Math.floor(limits.pixels / 1_000_000) });
    throw refuse(M.badImage, { name });
  }
}

async function checkPdf(path: string, name: string, limits: UploadLimits): Promise<void> {
  let pages: number;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)), { verbosity: 0 });
    pages = pdf.numPages;
    await pdf.destroy();
  } catch {
    throw refuse(M.badPdf, { name });
  }
  if (pages > limits.pdfPages) throw refuse(M.pages, { name, pages, max: limits.pdfPages });
}

/** The key of an original in the media store: by content hash, so the same bytes are stored once. */
export function originalKey(sha256: string): string {
  return `o/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The key of a WebP derivative of an image. */
export function derivativeKey(sha256: string, width: number): string {
  return `d/${sha256.slice(0, 2)}/${sha256}/w${width}.webp`;
}

/** Widths of the responsive derivatives (srcset). */
export const DERIVATIVE_WIDTHS = [320, 640, 1280] as const;
