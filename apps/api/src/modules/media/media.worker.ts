import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { loadSharp } from './image-libraries.js';
import { getDocumentProxy } from 'unpdf';
import { LISTING_CHANGED } from '../listings/listings.service.js';
import { AuditAction } from '../moderation-core/moderation.workflow.js';
import { isUuid } from '../../common/ids.js';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import { AttachmentEntity, AttachmentKind, AttachmentOwnerKind, DerivativeStatus } from './attachment.entity.js';
import { ownerTrail } from './pending-media.js';
import { MEDIA_RELEASED, MEDIA_STORED, MediaService } from './media.service.js';
import { DERIVATIVE_WIDTHS, derivativeKey, originalKey } from './upload-pipeline.js';

/** After this many failed attempts an image is marked FAILED (pages then show the original). */
const MAX_ATTEMPTS = 8;
/** PDF text extraction: pages read and time allowed, characters kept. */
export const PDF_TEXT_PAGES = 30;
export const PDF_TEXT_MS = 20_000;
export const PDF_TEXT_CHARS = 50_000;

/**
 * Media work done after commit, off the request path, by the outbox worker (so an upload answers
 * at once, and a crash mid-way loses nothing: the event stays until a pass succeeds):
 *   media.stored   images: WebP derivatives 320/640/1280 wide (never wider than the original);
 *                  PDFs: their text (bounded pages and time), for the listing's search document;
 *   media.released stored files no attachment uses any more are deleted (originals and derivatives).
 * Every step is idempotent: a derivative is written by key, the text replaced, a deletion repeated.
 */
@Injectable()
export class MediaWorker implements OnModuleInit {
  private readonly logger = new Logger('MediaWorker');

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly media: MediaService,
  ) {}

  onModuleInit(): void {
    this.outbox.register(MEDIA_STORED, 'media', (events) => this.handleStored(events));
    this.outbox.register(MEDIA_RELEASED, 'media', (events) => this.handleReleased(events));
    // An approval of a published listing's or expert profile's revision (announced on
    // listing.changed / expert.changed) carries out the removals that waited for it.
    this.outbox.register(LISTING_CHANGED, 'media', (events) => this.applyApprovedRemovals(events.map((e) => String(e.payload.listingId))));
    this.outbox.register('expert.changed', 'media', (events) => this.applyApprovedRemovals(events.map((e) => String(e.payload.expertId)), AttachmentOwnerKind.EXPERT));
  }

  /** Deletes the rows whose removal an approval has covered (one statement per batch), then their files when no other row uses them. */
  async applyApprovedRemovals(ownerIds: string[], kind: AttachmentOwnerKind.LISTING | AttachmentOwnerKind.EXPERT = AttachmentOwnerKind.LISTING): Promise<void> {
    const ids = [...new Set(ownerIds)].filter(isUuid);
    if (!ids.length) return;
    const { table, itemColumn: column } = ownerTrail(kind);
    await this.ds.transaction(async (em) => {
      const rows: { sha256: string | null }[] = await em.query(
        `WITH approved AS (
           SELECT ${column} AS owner_id, max(at) AS at FROM ${table} WHERE ${column} = ANY($1::uuid[]) AND action = ANY($2) GROUP BY ${column}
         )
         DELETE FROM attachment a USING approved p
         WHERE a.owner_kind = $3 AND a.owner_id = p.owner_id AND a.removal_requested_at IS NOT NULL AND a.removal_requested_at <= p.at
         RETURNING a.sha256`,
        [ids, [AuditAction.APPROVE, AuditAction.REVISION_APPROVE], kind],
      );
      const released = rows.map((r) => r.sha256).filter((h): h is string => !!h);
      if (released.length) await this.outbox.publish(em, MEDIA_RELEASED, { sha256: released });
    });
  }

  private async handleStored(events: OutboxEvent[]): Promise<void> {
    for (const e of events) {
      const a = await this.ds.getRepository(AttachmentEntity).findOneBy({ id: String(e.payload.attachmentId) });
      if (!a || !a.sha256) continue; // removed meanwhile: nothing to make
      try {
        if (a.kind === AttachmentKind.IMAGE && a.derivatives !== DerivativeStatus.READY) await this.makeDerivatives(a);
        if (a.kind === AttachmentKind.DOCUMENT && a.documentText === null) await this.extractText(a);
      } catch (err) {
        if (e.attempts + 1 >= MAX_ATTEMPTS) {
          this.logger.error(`attachment ${a.id}: giving up after ${e.attempts + 1} attempts: ${(err as Error).message}`);
          if (a.kind === AttachmentKind.IMAGE) await this.ds.getRepository(AttachmentEntity).update({ id: a.id }, { derivatives: DerivativeStatus.FAILED });
          else await this.ds.getRepository(AttachmentEntity).update({ id: a.id }, { documentText: '' });
          continue;
        }
        throw err;
      }
    }
  }

  /** The WebP sizes of one image; the widths smaller than the image itself (one at least, at the image's width, for tiny ones). */
  async makeDerivatives(a: AttachmentEntity): Promise<number[]> {
    const stream = await this.media.store.open(originalKey(a.sha256!));
    if (!stream) throw new Error(`original of ${a.id} is missing from the store`);
    const original = await buffer(stream);
    const sharp = await loadSharp();
    const width = a.width ?? (await sharp(original).metadata()).width ?? 0;
    const widths = DERIVATIVE_WIDTHS.filter((w) => w < width);
    if (!widths.length) widths.push(DERIVATIVE_WIDTHS[0]);
    for (const w of widths) {
      const key = derivativeKey(a.sha256!, w);
      if (await this.media.store.stat(key)) continue; // the same bytes, made for another attachment or an earlier pass
      const out = await sharp(original, { limitInputPixels: this.media.limits.pixels }).resize({ width: w, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
      await this.media.store.put(key, out, 'image/webp');
    }
    await this.ds.getRepository(AttachmentEntity).update({ id: a.id }, { derivatives: DerivativeStatus.READY, derivativeWidths: widths });
    return widths;
  }

  /** The PDF's text (first PDF_TEXT_PAGES pages, at most PDF_TEXT_MS), then a search update of the listing. */
  async extractText(a: AttachmentEntity): Promise<void> {
    const stream = await this.media.store.open(originalKey(a.sha256!));
    if (!stream) throw new Error(`original of ${a.id} is missing from the store`);
    const bytes = new Uint8Array(await buffer(stream));
    const work = (async () => {
      const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
      try {
        const pages: string[] = [];
        for (let p = 1; p <= Math.min(pdf.numPages, PDF_TEXT_PAGES); p++) {
          const content = await (await pdf.getPage(p)).getTextContent();
          pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
        }
        return pages.join('\n');
      } finally {
        await pdf.destroy();
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PDF text extraction took over ${PDF_TEXT_MS} ms`)), PDF_TEXT_MS);
    });
    const text = await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
    const clean = text.replace(/\s+/g, ' ').trim().slice(0, PDF_TEXT_CHARS);
    await this.ds.transaction(async (em) => {
      await em.update(AttachmentEntity, { id: a.id }, { documentText: clean });
      if (a.ownerKind === AttachmentOwnerKind.LISTING) await this.outbox.publish(em, LISTING_CHANGED, { listingId: a.ownerId });
    });
  }

  private async handleReleased(events: OutboxEvent[]): Promise<void> {
    const hashes = events.flatMap((e) => (Array.isArray(e.payload.sha256) ? (e.payload.sha256 as string[]) : []));
    await this.media.releaseIfUnused(hashes);
  }
}
