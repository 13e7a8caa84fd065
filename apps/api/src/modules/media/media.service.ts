import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ListingStatus } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { Errors } from '../../common/errors.js';
import { readAsWebAddress } from '../../common/validation.js';
import type { Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, isModerator, type Viewer } from '../../common/auth/viewer.js';
import { moderatorCovers } from '../moderation-core/moderation.rules.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { publicListingSql } from '../listings/listing.rules.js';
import { LISTING_CHANGED, ListingsService, canView as canViewListing, contentOf } from '../listings/listings.service.js';
import { ExpertProfileEntity } from '../experts/expert.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { AuditAction, ModerationStatus } from '../moderation-core/moderation.workflow.js';
import { ExpertProfileStatus } from '../experts/expert.rules.js';
import { contentOf as expertContentOf } from '../experts/expert.kind.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { AttachmentEntity, AttachmentKind, AttachmentOwnerKind, DerivativeStatus } from './attachment.entity.js';
import { ownerTrail } from './pending-media.js';
import { DERIVATIVE_WIDTHS, derivativeKey, originalKey, processUpload, UploadRefused, type UploadLimits } from './upload-pipeline.js';
import { MEDIA_STORE } from './media.tokens.js';
import type { MediaStore } from './storage/media-store.js';
import catalogue from './media.service.messages.json' with { type: 'json' };

/** The entity of each kind of owner (whose row a media write locks first: MediaService.access). */
const OWNER_ENTITIES = {
  [AttachmentOwnerKind.LISTING]: ListingEntity,
  [AttachmentOwnerKind.EXPERT]: ExpertProfileEntity,
  [AttachmentOwnerKind.ORGANIZATION]: OrganizationEntity,
  [AttachmentOwnerKind.EVENT]: EventEntity,
} as const;

/** Outbox topics: a file was stored (derivatives, PDF text); files may have lost their last row (clean-up). */
export const MEDIA_STORED = 'media.stored' as const;
export const MEDIA_RELEASED = 'media.released' as const;

const M = catalogue satisfies Record<string, Localized>;

const VIDEO_HOSTS = ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'vimeo.com', 'www.vimeo.com', 'player.vimeo.com'];

/** What a caller may do with an owner's attachments. */
export interface OwnerAccess {
  /** The owner exists and the caller may see it. */
  visible: boolean;
  /** The caller may add, order, caption and remove (members of the owning organisation; the expert). */
  edit: boolean;
  /** The caller sees the working set: private files and changes not yet approved (owner, moderators). */
  privileged: boolean;
  /** Listings: the listing (media changes of a published listing wait for its next approval). */
  listing?: ListingEntity;
  /** Expert profiles: the profile (its media are moderated with it, as a listing's). */
  expert?: ExpertProfileEntity;
  /** Listings and expert profiles: their last approval (of the item or of a revision). */
  approvedAt?: Date | null;
}

interface UploadClaims {
  /** Upload id (single use: attachment.upload_id is unique). */
  id: string;
  userId: string;
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  private: boolean;
  captionVi: string | null;
  captionEn: string | null;
  /** Expiry, epoch seconds. */
  exp: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * Attachments: the upload URL (signed, short-lived), storing a checked upload, ordering, cover,
 * captions, removal, and who may see what. Authorisation is always the owner object's: members of
 * the listing's or organisation's organisation, the expert profile's user; moderators see what
 * they may review. What a caller may not see answers as if it did not exist.
 */
@Injectable()
export class MediaService implements OnModuleDestroy {
  private readonly logger = new Logger('Media');
  private readonly uploadKey: Buffer;
  private readonly urlKey: Buffer;
  readonly limits: UploadLimits;
  /** Attachments per owner (MEDIA_MAX_PER_OWNER). */
  readonly maxPerOwner: number;
  readonly workDir: string;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MEDIA_STORE) readonly store: MediaStore,
    private readonly organizations: OrganizationsService,
    private readonly listings: ListingsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {
    // Keys of their own, derived from the JWT secret, so an upload token or a file signature can
    // never pass for a bearer token (or the other way round).
    this.uploadKey = createHmac('sha256', config.JWT_SECRET).update('techport:media-upload').digest();
    this.urlKey = createHmac('sha256', config.JWT_SECRET).update('techport:media-url').digest();
    const mb = (n: number) => Math.round(n * 1024 * 1024);
    this.limits = {
      image: mb(config.MEDIA_MAX_IMAGE_MB),
      document: mb(config.MEDIA_MAX_DOCUMENT_MB),
      video: mb(config.MEDIA_MAX_VIDEO_MB),
      pixels: config.MEDIA_MAX_IMAGE_PIXELS,
      pdfPages: config.MEDIA_MAX_PDF_PAGES,
    };
    this.maxPerOwner = config.MEDIA_MAX_PER_OWNER;
    this.workDir = config.MEDIA_TMP_DIR ?? join(tmpdir(), 'techport-uploads');
  }

  onModuleDestroy(): void {
    (this.store as { destroy?: () => void }).destroy?.();
  }

  // -------------------------------------------------------------------------------------------
  // Who may do what

  /**
   * What `viewer` may do with the owner's media. `lockOwner` (writes, inside their transaction):
   * the owner's row is locked first, so the write decides on the row as it is once concurrent
   * edits of the owner have committed (an edit withdrawing a pending revision, an approval), and
   * every media write takes its locks in the order approvals do: the owner's row, then the
   * owner's advisory lock, then attachment rows.
   */
  async access(viewer: Viewer | null, ownerKind: AttachmentOwnerKind, ownerId: string, em: EntityManager = this.ds.manager, lockOwner = false): Promise<OwnerAccess> {
    const none: OwnerAccess = { visible: false, edit: false, privileged: false };
    if (!isUuid(ownerId)) return none;
    if (lockOwner) await em.query(`SELECT 1 FROM ${em.getRepository(OWNER_ENTITIES[ownerKind]).metadata.tableName} WHERE id = $1 FOR UPDATE`, [ownerId]);
    if (ownerKind === AttachmentOwnerKind.LISTING) {
      const l = await em.findOneBy(ListingEntity, { id: ownerId });
      if (!l) return none;
      const a = await this.listings.access(viewer, l, em);
      if (!canViewListing(l, a)) return none;
      return { visible: true, edit: a.owner, privileged: a.owner || a.moderator, listing: l, approvedAt: (await this.approvalTimes(em, [l.id])).get(l.id) ?? null };
    }
    if (ownerKind === AttachmentOwnerKind.ORGANIZATION) {
      const org = await em.findOneBy(OrganizationEntity, { id: ownerId });
      if (!org) return none;
      const member = !!viewer && (await this.organizations.isMember(viewer.id, org.id, em));
      return { visible: true, edit: member, privileged: member || coversProvince(viewer, org.provinceCode) };
    }
    if (ownerKind === AttachmentOwnerKind.EVENT) {
      // An event's pictures and documents (programme, floor plan) are its organiser's, public once
      // the department has published the event, as an organisation's logo is.
      const ev = await em.findOneBy(EventEntity, { id: ownerId });
      if (!ev) return none;
      const organiser = !!viewer && (await this.organizations.isMember(viewer.id, ev.organizerId, em));
      const moderator = isModerator(viewer) && coversProvince(viewer, ev.provinceCode) && ev.status !== ModerationStatus.DRAFT;
      return { visible: organiser || moderator || ev.status === ModerationStatus.PUBLISHED, edit: organiser, privileged: organiser || moderator };
    }
    const e = await em.findOneBy(ExpertProfileEntity, { id: ownerId });
    if (!e) return none;
    const own = viewer?.id === e.userId;
    // A moderator covering the profile, or the province its pending revision moves it to (the
    // review goes to that province's moderators: moderation.rules.ts reviewProvince).
    const moderator = isModerator(viewer) && moderatorCovers(viewer, e) && e.status !== ExpertProfileStatus.DRAFT;
    const approvedAt = (await this.approvalTimes(em, [e.id], AttachmentOwnerKind.EXPERT)).get(e.id) ?? null;
    return { visible: own || moderator || e.status === ExpertProfileStatus.PUBLISHED, edit: own, privileged: own || moderator, expert: e, approvedAt };
  }

  /**
   * What an anonymous visitor may see of each expert profile's files, in the order of `ids`: what
   * access(null, EXPERT, id) answers, for a page of cards in two queries whatever their number.
   */
  async publicExpertAccess(ids: readonly string[]): Promise<OwnerAccess[]> {
    const none: OwnerAccess = { visible: false, edit: false, privileged: false };
    const wanted = ids.filter(isUuid);
    if (!wanted.length) return ids.map(() => none);
    const [experts, approvals] = await Promise.all([
      this.ds.manager.findBy(ExpertProfileEntity, { id: In(wanted) }),
      this.approvalTimes(this.ds.manager, wanted, AttachmentOwnerKind.EXPERT),
    ]);
    const byId = new Map(experts.map((e) => [e.id, e]));
    return ids.map((id) => {
      const e = byId.get(id);
      return e ? { visible: e.status === ExpertProfileStatus.PUBLISHED, edit: false, privileged: false, expert: e, approvedAt: approvals.get(id) ?? null } : none;
    });
  }

  /** Last approval (of the item or of a revision) per listing or expert profile. */
  async approvalTimes(em: EntityManager, ids: readonly string[], kind: AttachmentOwnerKind.LISTING | AttachmentOwnerKind.EXPERT = AttachmentOwnerKind.LISTING): Promise<Map<string, Date>> {
    if (!ids.length) return new Map();
    const { table, itemColumn: column } = ownerTrail(kind);
    const rows: { id: string; at: Date }[] = await em.query(
      `SELECT ${column} AS id, max(at) AS at FROM ${table} WHERE ${column} = ANY($1) AND action = ANY($2) GROUP BY ${column}`,
      [ids, [AuditAction.APPROVE, AuditAction.REVISION_APPROVE]],
    );
    return new Map(rows.map((r) => [r.id, r.at]));
  }

  /**
   * The attachments a caller sees, in order. Privileged callers (owner, moderators) see the working
   * set: every attachment not being removed, private ones included. Everyone else sees the public
   * set: no private files, and on a listing or expert profile only what its last approval covered.
   */
  visibleOf(rows: AttachmentEntity[], access: OwnerAccess): AttachmentEntity[] {
    if (!access.visible) return [];
    if (access.privileged) return rows.filter((a) => !a.removalRequestedAt);
    return rows.filter((a) => !a.private && this.approvedForPublic(a, access));
  }

  /**
   * Privileged callers (owner, moderators of the item): the attachments the owner removed from a
   * published listing or expert profile, whose removal waits for the next approval (they stay public
   * until then). Rows an approval already covers (the worker deletes them soon) are not listed.
   * Everyone else: none.
   */
  pendingRemovalsOf(rows: AttachmentEntity[], access: OwnerAccess): AttachmentEntity[] {
    if (!access.visible || !access.privileged) return [];
    return rows.filter((a) => !!a.removalRequestedAt && (!access.approvedAt || a.removalRequestedAt > access.approvedAt));
  }

  private approvedForPublic(a: AttachmentEntity, access: OwnerAccess): boolean {
    if (!access.listing && !access.expert) return true;
    // A listing or profile never approved is seen only by the privileged (or not at all).
    const approvedAt = access.approvedAt;
    if (!approvedAt) return false;
    if (a.createdAt > approvedAt) return false;
    return !a.removalRequestedAt || a.removalRequestedAt > approvedAt;
  }

  /**
   * The public cover image of each listing (published, unexpired, covered by its last approval),
   * in one query for a page of search results. Rows come with `publicView` true by construction.
   */
  async publicCovers(listingIds: readonly string[]): Promise<AttachmentEntity[]> {
    const ids = listingIds.filter(isUuid);
    if (!ids.length) return [];
    return this.ds
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .innerJoin(ListingEntity, 'l', 'l.id = a.owner_id')
      .where(`a.owner_kind = :kind AND a.owner_id IN (:...ids) AND a.is_cover AND NOT a.private AND a.kind = :image`, { kind: AttachmentOwnerKind.LISTING, ids, image: AttachmentKind.IMAGE })
      .andWhere(publicListingSql('l', ':now'), { now: this.clock.now() })
      .andWhere(
        `a.created_at <= (SELECT max(e.at) FROM listing_event e WHERE e.listing_id = l.id AND e.action IN (:...approvals))
         AND (a.removal_requested_at IS NULL OR a.removal_requested_at > (SELECT max(e.at) FROM listing_event e WHERE e.listing_id = l.id AND e.action IN (:...approvals)))`,
        { approvals: [AuditAction.APPROVE, AuditAction.REVISION_APPROVE] },
      )
      .getMany();
  }

  async ofOwners(ownerKind: AttachmentOwnerKind, ownerIds: readonly string[]): Promise<AttachmentEntity[]> {
    const ids = ownerIds.filter(isUuid);
    if (!ids.length) return [];
    return this.ds.getRepository(AttachmentEntity).find({ where: { ownerKind, ownerId: In(ids) }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  private async requireEditable(viewer: Viewer, ownerKind: AttachmentOwnerKind, ownerId: string, em: EntityManager, lockOwner = false): Promise<OwnerAccess> {
    const access = await this.access(viewer, ownerKind, ownerId, em, lockOwner);
    if (!access.visible) throw Errors.notFound(M.owner);
    if (!access.edit) throw Errors.forbidden();
    if (access.listing?.status === ListingStatus.ARCHIVED) throw Errors.conflict(M.archived);
    return access;
  }

  /**
   * The attachment for a change by `viewer`, locked (after its owner's row: access with lockOwner);
   * NOT_FOUND when they may not see it, FORBIDDEN when they may not change it.
   */
  private async lockForEdit(em: EntityManager, viewer: Viewer, id: string): Promise<{ a: AttachmentEntity; access: OwnerAccess }> {
    const found = isUuid(id) ? await em.findOneBy(AttachmentEntity, { id }) : null;
    if (!found) throw Errors.notFound(M.attachment);
    const access = await this.access(viewer, found.ownerKind, found.ownerId, em, true);
    const a = await em.findOne(AttachmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!a || a.removalRequestedAt) throw Errors.notFound(M.attachment);
    if (!this.visibleOf([a], access).length) throw Errors.notFound(M.attachment);
    if (!access.edit) throw Errors.forbidden();
    if (access.listing?.status === ListingStatus.ARCHIVED) throw Errors.conflict(M.archived);
    return { a, access };
  }

  /**
   * Media changes of a PUBLISHED listing or expert profile wait for review with its text: if it
   * has no pending revision, one is opened with the published text (the owner submits it as
   * usual), so the change has something to travel with. The only place media touches moderation.
   */
  private async openRevisionFor(em: EntityManager, access: OwnerAccess): Promise<void> {
    const l = access.listing;
    if (l && l.status === ListingStatus.PUBLISHED && !l.pendingRevision) await em.update(ListingEntity, { id: l.id }, { pendingRevision: contentOf(l) });
    const e = access.expert;
    if (e && e.status === ExpertProfileStatus.PUBLISHED && !e.pendingRevision) await em.update(ExpertProfileEntity, { id: e.id }, { pendingRevision: expertContentOf(e) });
  }

  // -------------------------------------------------------------------------------------------
  // Uploads

  /** A short-lived URL (path) to which the caller streams one file for the owner. */
  async requestUpload(
    viewer: Viewer,
    input: { ownerKind: AttachmentOwnerKind; ownerId: string; private?: boolean | null; captionVi?: string | null; captionEn?: string | null },
  ): Promise<{ path: string; expiresAt: Date; maxBytes: { image: number; document: number; video: number } }> {
    await this.requireEditable(viewer, input.ownerKind, input.ownerId, this.ds.manager);
    if (input.private && input.ownerKind !== AttachmentOwnerKind.ORGANIZATION) throw Errors.invalidField('input.private', M.privateOnlyOrg);
    await this.checkCount(this.ds.manager, input.ownerKind, input.ownerId);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.MEDIA_UPLOAD_TTL_MINUTES * 60_000);
    const claims: UploadClaims = {
      id: randomUUID(),
      userId: viewer.id,
      ownerKind: input.ownerKind,
      ownerId: input.ownerId,
      private: !!input.private,
      captionVi: input.captionVi?.trim() || null,
      captionEn: input.captionEn?.trim() || null,
      exp: Math.floor(expiresAt.getTime() / 1000),
    };
    const payload = b64(JSON.stringify(claims));
    const token = `${payload}.${b64(createHmac('sha256', this.uploadKey).update(payload).digest())}`;
    return { path: `/media/uploads/${token}`, expiresAt, maxBytes: { image: this.limits.image, document: this.limits.document, video: this.limits.video } };
  }

  /** The claims of a valid, unexpired upload token, or null. */
  verifyUploadToken(token: string): UploadClaims | null {
    const [payload, sig] = token.split('.');
    if (!payload || !sig) return null;
    const expected = createHmac('sha256', this.uploadKey).update(payload).digest();
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UploadClaims;
      if (claims.exp * 1000 < this.clock.now().getTime()) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private async checkCount(em: EntityManager, ownerKind: AttachmentOwnerKind, ownerId: string): Promise<number> {
    const n = await em.count(AttachmentEntity, { where: { ownerKind, ownerId } });
    if (n >= this.config.MEDIA_MAX_PER_OWNER) {
      const max = String(this.config.MEDIA_MAX_PER_OWNER);
      throw Errors.conflict({ vi: M.tooMany.vi.replace('{max}', max), en: M.tooMany.en.replace('{max}', max) });
    }
    return n;
  }

  /**
   * Stores one streamed file under an upload token: checks the token, then the bytes
   * (processUpload), then stores them by hash (once: the same bytes are not stored twice) and adds
   * the row, in one transaction that re-checks the caller's right to the owner. Refused uploads
   * leave nothing: the temporary files are removed, and no row or object is written.
   */
  async storeUpload(token: string, fileName: string, body: Readable): Promise<AttachmentEntity> {
    const claims = this.verifyUploadToken(token);
    if (!claims) throw new UploadRefused(M.linkExpired, 404);
    const name = cleanFileName(fileName);
    const processed = await processUpload(body, name, this.limits, this.workDir);
    try {
      const key = originalKey(processed.sha256);
      const existed = !!(await this.store.stat(key));
      if (!existed) await this.store.put(key, { path: processed.path, size: processed.size }, processed.mime);
      try {
        return await this.ds.transaction(async (em) => {
          // Still allowed now (membership may have ended since the URL was issued)? Editing rights
          // depend only on who the uploader is, never on staff roles.
          const uploader = { id: claims.userId, roles: [], moderatedProvinceCodes: [] } as unknown as Viewer;
          const access = await this.access(uploader, claims.ownerKind, claims.ownerId, em, true);
          if (!access.visible || !access.edit) throw new UploadRefused(M.linkExpired, 404);
          // Serialises uploads for one owner, so positions and the count limit hold.
          await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attachment:${claims.ownerId}`]);
          // Serialises with a release of the same bytes (releaseIfUnused): if one deleted the
          // object after we stored or found it, store it again; once we commit, a release sees our row.
          await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`media:${processed.sha256}`]);
          if (!(await this.store.stat(key))) await this.store.put(key, { path: processed.path, size: processed.size }, processed.mime);
          const position = await this.checkCount(em, claims.ownerKind, claims.ownerId);
          const hasCover = processed.kind === AttachmentKind.IMAGE && (await em.exists(AttachmentEntity, { where: { ownerKind: claims.ownerKind, ownerId: claims.ownerId, isCover: true } }));
          const row = em.create(AttachmentEntity, {
            ownerKind: claims.ownerKind,
            ownerId: claims.ownerId,
            kind: processed.kind,
            position,
            isCover: processed.kind === AttachmentKind.IMAGE && !hasCover && !claims.private,
            captionVi: claims.captionVi,
            captionEn: claims.captionEn,
            private: claims.private,
            fileName: processed.fileName,
            sha256: processed.sha256,
            size: processed.size,
            mime: processed.mime,
            width: processed.width,
            height: processed.height,
            derivatives: processed.kind === AttachmentKind.IMAGE ? DerivativeStatus.PENDING : DerivativeStatus.NONE,
            uploadId: claims.id,
            createdBy: claims.userId,
          });
          const saved = await em.save(row).catch((err: { code?: string }) => {
            if (err.code === '23505') throw new UploadRefused(M.linkExpired, 404);
            throw err;
          });
          await this.openRevisionFor(em, access);
          // A new private document answers a declined verification (the certificate asked for):
          // the organisation is back in the department's queue, as a profile edit puts it.
          if (claims.ownerKind === AttachmentOwnerKind.ORGANIZATION && claims.private) {
            await em.update(OrganizationEntity, { id: claims.ownerId, verified: false }, { verificationDeclinedAt: null });
          }
          await this.outbox.publish(em, MEDIA_STORED, { attachmentId: saved.id });
          await this.announce(em, saved);
          return saved;
        });
      } catch (err) {
        // Nothing may stay behind a refused upload: drop the object if this upload put it there
        // and no row uses it (another upload of the same bytes may have committed meanwhile).
        if (!existed) await this.releaseIfUnused([processed.sha256]).catch(() => undefined);
        throw err;
      }
    } finally {
      await processed.cleanup();
    }
  }

  async addVideoLink(viewer: Viewer, input: { ownerKind: AttachmentOwnerKind; ownerId: string; url: string; captionVi?: string | null; captionEn?: string | null }): Promise<AttachmentEntity> {
    let url: URL;
    try {
      // Pasted as people copy it: "youtube.com/watch?v=…" without a scheme, or an old http:// link
      // (both hosts serve https only, so the stored link is https either way).
      url = new URL(readAsWebAddress(input.url));
    } catch {
      throw Errors.invalidField('input.url', M.videoHost);
    }
    if (url.protocol === 'http:') url.protocol = 'https:';
    if (url.protocol !== 'https:' || !VIDEO_HOSTS.includes(url.hostname.toLowerCase())) throw Errors.invalidField('input.url', M.videoHost);
    return this.ds.transaction(async (em) => {
      const access = await this.requireEditable(viewer, input.ownerKind, input.ownerId, em, true);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attachment:${input.ownerId}`]);
      const position = await this.checkCount(em, input.ownerKind, input.ownerId);
      const saved = await em.save(
        em.create(AttachmentEntity, {
          ownerKind: input.ownerKind,
          ownerId: input.ownerId,
          kind: AttachmentKind.VIDEO_LINK,
          position,
          videoUrl: url.toString(),
          captionVi: input.captionVi?.trim() || null,
          captionEn: input.captionEn?.trim() || null,
          createdBy: viewer.id,
        }),
      );
      await this.openRevisionFor(em, access);
      await this.announce(em, saved);
      return saved;
    });
  }

  async updateCaption(viewer: Viewer, id: string, captionVi: string | null | undefined, captionEn: string | null | undefined): Promise<AttachmentEntity> {
    for (const [path, v] of [['input.captionVi', captionVi], ['input.captionEn', captionEn]] as const) {
      if (v && v.trim().length > 300) throw Errors.invalidField(path, M.caption);
    }
    return this.ds.transaction(async (em) => {
      const { a, access } = await this.lockForEdit(em, viewer, id);
      if (captionVi !== undefined) a.captionVi = captionVi?.trim() || null;
      if (captionEn !== undefined) a.captionEn = captionEn?.trim() || null;
      const saved = await em.save(a);
      await this.openRevisionFor(em, access);
      await this.announce(em, saved);
      return saved;
    });
  }

  async setCover(viewer: Viewer, id: string): Promise<AttachmentEntity> {
    return this.ds.transaction(async (em) => {
      const { a, access } = await this.lockForEdit(em, viewer, id);
      if (a.kind !== AttachmentKind.IMAGE || a.private) throw Errors.invalidField('id', M.coverImage);
      await em.update(AttachmentEntity, { ownerKind: a.ownerKind, ownerId: a.ownerId, isCover: true }, { isCover: false });
      await em.update(AttachmentEntity, { id: a.id }, { isCover: true });
      await this.openRevisionFor(em, access);
      await this.announce(em, a);
      return { ...a, isCover: true };
    });
  }

  /** New order: `ids` must be exactly the owner's current attachments (as the caller sees them). */
  async reorder(viewer: Viewer, ownerKind: AttachmentOwnerKind, ownerId: string, ids: string[]): Promise<AttachmentEntity[]> {
    return this.ds.transaction(async (em) => {
      const access = await this.requireEditable(viewer, ownerKind, ownerId, em, true);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attachment:${ownerId}`]);
      const current = this.visibleOf(await em.find(AttachmentEntity, { where: { ownerKind, ownerId } }), access);
      const known = new Set(current.map((a) => a.id));
      if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) throw Errors.invalidField('ids', M.order);
      for (const [i, id] of ids.entries()) await em.update(AttachmentEntity, { id }, { position: i });
      await this.openRevisionFor(em, access);
      await this.announceOwner(em, ownerKind, ownerId);
      return em.find(AttachmentEntity, { where: { id: In(ids) }, order: { position: 'ASC' } });
    });
  }

  /**
   * Removes an attachment. On a published listing or expert profile the file stays public until the next approval
   * (its removal travels with the revision); otherwise the row goes now, and the worker deletes the
   * file after commit when no other row uses the same bytes.
   */
  async remove(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const { a, access } = await this.lockForEdit(em, viewer, id);
      const published = access.listing?.status === ListingStatus.PUBLISHED || access.expert?.status === ExpertProfileStatus.PUBLISHED;
      const waitsForReview = published && !!access.approvedAt && a.createdAt <= access.approvedAt;
      if (waitsForReview) {
        await em.update(AttachmentEntity, { id: a.id }, { removalRequestedAt: this.clock.now(), isCover: false });
        await this.openRevisionFor(em, access);
      } else {
        await em.delete(AttachmentEntity, { id: a.id });
        if (a.sha256) await this.outbox.publish(em, MEDIA_RELEASED, { sha256: [a.sha256] });
      }
      await this.announce(em, a);
      return true;
    });
  }

  /** A change of a listing's attachments may change its search document (cover, document text). */
  private async announce(em: EntityManager, a: AttachmentEntity): Promise<void> {
    await this.announceOwner(em, a.ownerKind, a.ownerId);
  }

  private async announceOwner(em: EntityManager, ownerKind: AttachmentOwnerKind, ownerId: string): Promise<void> {
    if (ownerKind === AttachmentOwnerKind.LISTING) await this.outbox.publish(em, LISTING_CHANGED, { listingId: ownerId });
  }

  /** Deletes the stored files (original and derivatives) of hashes no attachment row uses any more. */
  async releaseIfUnused(hashes: string[]): Promise<number> {
    let removed = 0;
    for (const sha256 of new Set(hashes)) {
      // Under the hash's lock, which an upload of the same bytes takes before committing its row
      // (storeUpload): the check and the deletion cannot interleave with that upload.
      const gone = await this.ds.transaction(async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`media:${sha256}`]);
        if (await em.exists(AttachmentEntity, { where: { sha256 } })) return false;
        await this.store.delete(originalKey(sha256));
        for (const w of DERIVATIVE_WIDTHS) await this.store.delete(derivativeKey(sha256, w));
        return true;
      });
      if (gone) removed++;
    }
    return removed;
  }

  // -------------------------------------------------------------------------------------------
  // Serving

  /** A signature for a file URL of a non-public attachment, valid `ttlSeconds`, for a caller who may see it. */
  signFile(id: string, ttlSeconds = 3600): string {
    // Rounded to the hour, so a page's URLs stay the same (and cacheable) for a while.
    const exp = Math.ceil((this.clock.now().getTime() / 1000 + ttlSeconds) / 3600) * 3600;
    const sig = createHmac('sha256', this.urlKey).update(`${id}:${exp}`).digest('base64url');
    return `exp=${exp}&sig=${sig}`;
  }

  verifyFileSignature(id: string, exp: string | undefined, sig: string | undefined): boolean {
    if (!exp || !sig || !/^\d+$/.test(exp) || Number(exp) * 1000 < this.clock.now().getTime()) return false;
    const expected = createHmac('sha256', this.urlKey).update(`${id}:${exp}`).digest();
    const given = Buffer.from(sig, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  async findForServing(id: string): Promise<AttachmentEntity | null> {
    return isUuid(id) ? this.ds.getRepository(AttachmentEntity).findOneBy({ id }) : null;
  }

  /** Whether `viewer` sees this attachment (the same rules as the GraphQL fields). */
  async canSee(viewer: Viewer | null, a: AttachmentEntity): Promise<boolean> {
    const access = await this.access(viewer, a.ownerKind, a.ownerId);
    return this.visibleOf([a], access).length > 0;
  }
}

/** The file name as shown and used in downloads: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (base || 'file').slice(0, 200);
}
