import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ListingStatus, ModerationDecision, RejectionReason, slugify, type ListingKind } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { AppError, Errors } from '../../common/errors.js';
import { format, sentence, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, jurisdictionOf, type Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation, withUniqueSlug } from '../../common/slug.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ListingEntity, ListingEventEntity, type ListingContent } from './listing.entity.js';
import {
  DAY_MS,
  DUPLICATE_SIMILARITY,
  EDITABLE_STATUSES,
  ListingAction,
  STATUS_LABELS,
  SUBMITTABLE_STATUSES,
  assessQuality,
  canRenew,
  detectLanguage,
  isPubliclyVisible,
  rejectionNotice,
  titleSimilarity,
  titleWords,
} from './listing.rules.js';
import { PRICE_ORDER, type ListingInput, type ListingUpdateInput } from './dto/listing.inputs.js';
import { applyModerationQueue } from '../../common/moderation-queue.js';

/** The outbox topic the search index (and anything else that mirrors public listings) listens to. */
export const LISTING_CHANGED = 'listing.changed';

export const MAX_MODERATION_NOTE = 2000;

const M = {
  listing: { vi: 'tin', en: 'Listing' },
  organization: { vi: 'tổ chức', en: 'Organisation' },
  notMember: {
    vi: 'Chỉ thành viên của tổ chức sở hữu tin mới được thực hiện thao tác này.',
    en: 'Only members of the organisation that owns the listing may do this.',
  },
  notMemberCreate: { vi: 'Bạn không phải là thành viên của tổ chức này.', en: 'You are not a member of this organisation.' },
  stale: {
    vi: 'Tin đã được thay đổi bởi người khác (phiên bản {current}, bạn gửi {sent}). Hãy tải lại rồi sửa tiếp.',
    en: 'The listing was changed by someone else (version {current}, you sent {sent}). Reload it and edit again.',
  },
  cannot: { vi: 'Không thể {action} tin ở trạng thái "{status}".', en: 'Cannot {action} a listing that is {status}.' },
  revisionUnderReview: {
    vi: 'Bản cập nhật đang chờ duyệt; hãy đợi kết quả trước khi sửa tiếp.',
    en: 'The revision is being reviewed; wait for the decision before editing again.',
  },
  nothingToSubmit: {
    vi: 'Tin đã đăng không có bản cập nhật nào để gửi duyệt.',
    en: 'This published listing has no revision to submit for review.',
  },
  revisionAlreadySubmitted: { vi: 'Bản cập nhật đã được gửi duyệt.', en: 'The revision has already been submitted for review.' },
  notRenewable: {
    vi: 'Chỉ gia hạn được tin đã đăng khi còn dưới {days} ngày nữa hết hạn hoặc đã hết hạn.',
    en: 'Only a published listing within {days} days of expiry, or past it, can be renewed.',
  },
  outsideJurisdiction: { vi: 'Tin này nằm ngoài địa bàn bạn phụ trách.', en: 'This listing is outside your jurisdiction.' },
  ownListing: { vi: 'Bạn không thể duyệt tin của tổ chức mình.', en: 'You cannot review a listing of your own organisation.' },
  required: { vi: 'Không được để trống.', en: 'Must not be empty.' },
  noteRequired: {
    vi: 'Hãy ghi chú cho bên đăng tin biết cần sửa gì.',
    en: 'Write a note telling the owner what to fix.',
  },
  noteTooLong: { vi: `Ghi chú dài tối đa ${MAX_MODERATION_NOTE} ký tự.`, en: `The note must be at most ${MAX_MODERATION_NOTE} characters long.` },
} satisfies Record<string, Localized>;

const ACTIONS: Record<string, Localized> = {
  edit: { vi: 'sửa', en: 'edit' },
  submit: { vi: 'gửi duyệt', en: 'submit' },
  archive: { vi: 'lưu trữ', en: 'archive' },
  moderate: { vi: 'duyệt', en: 'review' },
};

function cannot(action: keyof typeof ACTIONS, status: ListingStatus): AppError {
  const a = ACTIONS[action];
  const s = STATUS_LABELS[status];
  return Errors.conflict({ vi: format(M.cannot, { action: a.vi, status: s.vi }).vi, en: format(M.cannot, { action: a.en, status: s.en }).en });
}

/** The province a review is about: the revision's when a revision is under review (it may move the listing). */
export function reviewProvince(l: ListingEntity): string {
  return l.status === ListingStatus.PUBLISHED && l.revisionSubmittedAt && l.pendingRevision ? l.pendingRevision.provinceCode : l.provinceCode;
}

export function contentOf(l: ListingEntity): ListingContent {
  return {
    title: l.title,
    summary: l.summary,
    description: l.description,
    specification: l.specification,
    advantages: l.advantages,
    mediaUrls: l.mediaUrls,
    fieldCodes: l.fieldCodes,
    keywords: l.keywords,
    trl: l.trl,
    transferModes: l.transferModes,
    ipStatus: l.ipStatus,
    priceMin: l.priceMin,
    priceMax: l.priceMax,
    currency: l.currency,
    negotiable: l.negotiable,
    provinceCode: l.provinceCode,
    language: l.language,
  };
}

/** Case-insensitive de-duplication that keeps the first spelling. */
export function uniqueKeywords(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of list.map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean)) {
    const key = k.toLocaleLowerCase('vi');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(k);
    }
  }
  return out;
}

const unique = <T>(list: T[]): T[] => [...new Set(list)];
const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * Checks a moderator's decision arguments (a rejection needs a note, its reason defaults to OTHER; notes are
 * bounded) and returns the trimmed note. Shared by every moderated thing (listings, expert profiles).
 */
export function moderationInput(
  decision: ModerationDecision,
  noteInput: string | null | undefined,
  reason: RejectionReason | null | undefined,
): { note: string | null; rejectionReason: RejectionReason | null } {
  const note = noteInput?.trim() || null;
  const problems: Record<string, Localized> = {};
  if (note && note.length > MAX_MODERATION_NOTE) problems.note = M.noteTooLong;
  // The contract's call has no reason (moderateListing(id, decision, note)): a rejection without
  // one is filed under OTHER, and the note is what the owner reads.
  if (decision === ModerationDecision.REJECT && !note) problems.note = M.noteRequired;
  if (Object.keys(problems).length) throw Errors.badInput(problems);
  return { note, rejectionReason: decision === ModerationDecision.REJECT ? (reason ?? RejectionReason.OTHER) : null };
}

/** Who the caller is with respect to one listing. */
export interface ListingAccess {
  /** A member of the owning organisation. */
  owner: boolean;
  /** A moderator whose jurisdiction covers the listing (or the revision under review). */
  moderator: boolean;
}

/**
 * Drafts are seen by the owner's members only; listings in review, rejected or archived also by
 * moderators covering them; published ones (expired too) by everyone.
 */
export function canView(l: ListingEntity, access: ListingAccess): boolean {
  if (access.owner || isPubliclyVisible(l)) return true;
  return access.moderator && l.status !== ListingStatus.DRAFT;
}

export function moderatorCovers(viewer: Viewer | null, l: ListingEntity): boolean {
  return coversProvince(viewer, l.provinceCode) || (!!l.pendingRevision && coversProvince(viewer, l.pendingRevision.provinceCode));
}

@Injectable()
export class ListingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: StaffAuditService,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Reads

  async findOne(by: { id?: string | null; slug?: string | null }): Promise<ListingEntity | null> {
    const repo = this.ds.getRepository(ListingEntity);
    if (by.id) return isUuid(by.id) ? repo.findOneBy({ id: by.id }) : null;
    if (by.slug) return repo.findOneBy({ slug: by.slug });
    return null;
  }

  async findByIds(ids: readonly string[]): Promise<ListingEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(ListingEntity).findBy({ id: In(valid) }) : [];
  }

  async access(viewer: Viewer | null, l: ListingEntity, em: EntityManager = this.ds.manager): Promise<ListingAccess> {
    if (!viewer) return { owner: false, moderator: false };
    return { owner: await this.organizations.isMember(viewer.id, l.organizationId, em), moderator: moderatorCovers(viewer, l) };
  }

  /** Listings of every organisation the caller belongs to, any status, most recently changed first. */
  async listMine(viewer: Viewer, status: ListingStatus | null, page: PageInput | undefined): Promise<Page<ListingEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const orgIds = await this.organizations.memberOrganizationIds(viewer.id);
    if (!orgIds.length) return { items: [], totalItems: 0, page: p, pageSize };
    const qb = this.ds.getRepository(ListingEntity).createQueryBuilder('l').where('l.organization_id IN (:...orgIds)', { orgIds });
    if (status) qb.andWhere('l.status = :status', { status });
    const [items, totalItems] = await qb.orderBy('l.updated_at', 'DESC').addOrderBy('l.id').offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /** An organisation's listings: everything for its members, published and unexpired ones for everyone else. */
  async listForOrganization(viewer: Viewer | null, organizationId: string, page: PageInput | undefined): Promise<Page<ListingEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const member = !!viewer && (await this.organizations.isMember(viewer.id, organizationId));
    const qb = this.ds.getRepository(ListingEntity).createQueryBuilder('l').where('l.organization_id = :organizationId', { organizationId });
    if (member) {
      qb.orderBy('l.updated_at', 'DESC');
    } else {
      this.wherePubliclyListed(qb, 'l');
      qb.orderBy('l.published_at', 'DESC');
    }
    const [items, totalItems] = await qb.addOrderBy('l.id').offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /** Restricts a query to what the public lists show: published and not expired (by the clock). */
  wherePubliclyListed<Q extends { andWhere(sql: string, params?: Record<string, unknown>): Q }>(qb: Q, alias: string): Q {
    return qb
      .andWhere(`${alias}.status = :published`, { published: ListingStatus.PUBLISHED })
      .andWhere(`${alias}.expired_at IS NULL`)
      .andWhere(`(${alias}.expires_at IS NULL OR ${alias}.expires_at > :now)`, { now: this.clock.now() });
  }

  /**
   * Moderators: listings waiting for review, and published listings whose revision waits for review,
   * in the moderator's provinces (a revision counts where it would move the listing), oldest first.
   * Listings of the moderator's own organisations are left out: they cannot review those.
   */
  async moderationQueue(viewer: Viewer, page: PageInput | undefined): Promise<Page<ListingEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const codes = jurisdictionOf(viewer);
    const ownOrgs = await this.organizations.memberOrganizationIds(viewer.id);
    const qb = applyModerationQueue(this.ds.getRepository(ListingEntity).createQueryBuilder('l'), 'l', codes, {
      pending: ListingStatus.PENDING_REVIEW,
      published: ListingStatus.PUBLISHED,
    });
    if (ownOrgs.length) qb.andWhere('l.organization_id NOT IN (:...ownOrgs)', { ownOrgs });
    const [items, totalItems] = await qb.offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /**
   * The text the owner is working on: a published listing's pending revision when it has one,
   * otherwise the listing itself. Its quality and duplicates are what the owner can still act on.
   */
  workingContent(l: ListingEntity): ListingContent {
    return l.status === ListingStatus.PUBLISHED && l.pendingRevision ? l.pendingRevision : contentOf(l);
  }

  /**
   * Listings whose title looks like this one's (same kind; see titleSimilarity), most alike first:
   * published listings of any organisation, and the owner organisation's own listings in any status
   * but archived (its drafts only when `withDrafts`, i.e. the caller is a member: moderators do not
   * see other organisations' drafts). Candidates are narrowed in SQL to titles sharing a word
   * (the slug holds the folded words), then scored here.
   */
  async possibleDuplicates(l: ListingEntity, withDrafts: boolean, limit = 5): Promise<{ listing: ListingEntity; similarity: number }[]> {
    const title = this.workingContent(l).title;
    const words = [...new Set(titleWords(title))];
    if (!words.length) return [];
    const statuses = [ListingStatus.PUBLISHED, ListingStatus.PENDING_REVIEW, ListingStatus.REJECTED, ...(withDrafts ? [ListingStatus.DRAFT] : [])];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM listing c
        WHERE c.kind = $1 AND c.id <> $2
          AND (c.status = $3 OR (c.organization_id = $4 AND c.status = ANY($5::text[])))
          AND string_to_array(c.slug, '-') && $6::text[]
        ORDER BY cardinality(ARRAY(SELECT unnest(string_to_array(c.slug, '-')) INTERSECT SELECT unnest($6::text[]))) DESC, c.id
        LIMIT 50`,
      [l.kind, l.id, ListingStatus.PUBLISHED, l.organizationId, statuses, words],
    );
    const candidates = rows.length ? await this.ds.getRepository(ListingEntity).findBy({ id: In(rows.map((r) => r.id)) }) : [];
    return candidates
      .map((c) => ({ listing: c, similarity: titleSimilarity(title, c.title) }))
      .filter((d) => d.similarity >= DUPLICATE_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity || a.listing.id.localeCompare(b.listing.id))
      .slice(0, limit);
  }

  async eventsOf(listingIds: readonly string[]): Promise<ListingEventEntity[]> {
    const valid = listingIds.filter(isUuid);
    if (!valid.length) return [];
    return this.ds.getRepository(ListingEventEntity).find({ where: { listingId: In(valid) }, order: { at: 'ASC', id: 'ASC' } });
  }

  // -------------------------------------------------------------------------------------------
  // Writes: one transaction each, the row locked, every step in the audit trail

  async create(viewer: Viewer, input: ListingInput): Promise<ListingEntity> {
    const org = isUuid(input.organizationId) ? await this.ds.getRepository(OrganizationEntity).findOneBy({ id: input.organizationId }) : null;
    if (!org) throw Errors.notFound(M.organization);
    if (!(await this.organizations.isMember(viewer.id, org.id))) throw Errors.forbidden(M.notMemberCreate);
    const content = this.normalizeContent({
      title: input.title,
      summary: input.summary,
      description: input.description,
      specification: blankToNull(input.specification),
      advantages: blankToNull(input.advantages),
      mediaUrls: input.mediaUrls ?? [],
      fieldCodes: input.fieldCodes,
      keywords: input.keywords,
      trl: input.trl ?? null,
      transferModes: input.transferModes,
      ipStatus: input.ipStatus ?? null,
      priceMin: input.priceMin ?? null,
      priceMax: input.priceMax ?? null,
      currency: input.currency ?? 'VND',
      negotiable: input.negotiable ?? true,
      provinceCode: input.provinceCode,
      language: input.language ?? '',
    });
    this.checkCrossFields(content, input);
    return withUniqueSlug(
      content.title,
      (base) => this.slugsTaken(this.ds.manager, base),
      async (slug) => {
        try {
          return await this.ds.transaction(async (em) => {
            const { identifiers } = await em.getRepository(ListingEntity).insert({
              ...content,
              kind: input.kind as ListingKind,
              slug,
              status: ListingStatus.DRAFT,
              organizationId: org.id,
              createdBy: viewer.id,
            });
            const id = identifiers[0].id as string;
            await this.recordEvent(em, id, viewer.id, ListingAction.CREATE, null, ListingStatus.DRAFT);
            return em.getRepository(ListingEntity).findOneByOrFail({ id });
          });
        } catch (err) {
          if (isUniqueViolation(err)) return null;
          throw err;
        }
      },
    );
  }

  /**
   * Edits a draft or rejected listing in place; edits to a published listing become (or extend) its
   * pending revision, and the published text stays public until a moderator approves it.
   */
  async update(viewer: Viewer, id: string, input: ListingUpdateInput): Promise<ListingEntity> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.ds.transaction(async (em) => {
          const l = await this.lockForOwner(em, viewer, id);
          if (l.version !== input.version) throw Errors.conflict(format(M.stale, { current: l.version, sent: input.version }));
          const revising = l.status === ListingStatus.PUBLISHED;
          if (revising && l.revisionSubmittedAt) throw Errors.conflict(M.revisionUnderReview);
          if (!revising && !EDITABLE_STATUSES.includes(l.status)) throw cannot('edit', l.status);

          const before = revising ? (l.pendingRevision ?? contentOf(l)) : contentOf(l);
          const content = this.applyUpdate(before, input);
          if (revising) {
            await em.update(ListingEntity, { id: l.id }, { pendingRevision: content, revisionSubmittedAt: null });
            await this.recordEvent(em, l.id, viewer.id, ListingAction.REVISION_UPDATE, l.status, l.status);
          } else {
            // The slug follows the title until the listing is first published; after that it never changes.
            let slug = l.slug;
            if (!l.publishedAt && content.title !== l.title) {
              const base = slugify(content.title, 90);
              const used = await this.slugsTaken(em, base, l.id);
              slug = base;
              for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
            }
            await em.update(ListingEntity, { id: l.id }, { ...content, slug });
            await this.recordEvent(em, l.id, viewer.id, ListingAction.UPDATE, l.status, l.status);
          }
          return em.getRepository(ListingEntity).findOneByOrFail({ id: l.id });
        });
      } catch (err) {
        // Another listing took the slug between our look-up and our update: look again.
        if (isUniqueViolation(err) && attempt < 4) continue;
        throw err;
      }
    }
  }

  /** DRAFT/REJECTED → PENDING_REVIEW, or submits a published listing's pending revision. Scores quality. */
  async submit(viewer: Viewer, id: string): Promise<ListingEntity> {
    return this.ds.transaction(async (em) => {
      const l = await this.lockForOwner(em, viewer, id);
      const now = this.clock.now();
      if (l.status === ListingStatus.PUBLISHED) {
        if (!l.pendingRevision) throw Errors.conflict(M.nothingToSubmit);
        if (l.revisionSubmittedAt) throw Errors.conflict(M.revisionAlreadySubmitted);
        const q = assessQuality(l.kind, l.pendingRevision);
        await em.update(ListingEntity, { id: l.id }, { revisionSubmittedAt: now, qualityScore: q.score, qualityHints: q.hints });
        await this.recordEvent(em, l.id, viewer.id, ListingAction.REVISION_SUBMIT, l.status, l.status);
      } else {
        if (!SUBMITTABLE_STATUSES.includes(l.status)) throw cannot('submit', l.status);
        const q = assessQuality(l.kind, contentOf(l));
        await em.update(ListingEntity, { id: l.id }, { status: ListingStatus.PENDING_REVIEW, submittedAt: now, qualityScore: q.score, qualityHints: q.hints });
        await this.recordEvent(em, l.id, viewer.id, ListingAction.SUBMIT, l.status, ListingStatus.PENDING_REVIEW);
      }
      return em.getRepository(ListingEntity).findOneByOrFail({ id: l.id });
    });
  }

  /** PUBLISHED → ARCHIVED (a pending revision goes with it). */
  async archive(viewer: Viewer, id: string): Promise<ListingEntity> {
    return this.ds.transaction(async (em) => {
      const l = await this.lockForOwner(em, viewer, id);
      if (l.status !== ListingStatus.PUBLISHED) throw cannot('archive', l.status);
      await em.update(ListingEntity, { id: l.id }, { status: ListingStatus.ARCHIVED, pendingRevision: null, revisionSubmittedAt: null });
      await this.recordEvent(em, l.id, viewer.id, ListingAction.ARCHIVE, l.status, ListingStatus.ARCHIVED);
      await this.outbox.publish(em, LISTING_CHANGED, { listingId: l.id });
      return em.getRepository(ListingEntity).findOneByOrFail({ id: l.id });
    });
  }

  /** One-step renewal of a published listing near or past its expiry: another LISTING_TTL_DAYS from now. */
  async renew(viewer: Viewer, id: string): Promise<ListingEntity> {
    return this.ds.transaction(async (em) => {
      const l = await this.lockForOwner(em, viewer, id);
      const now = this.clock.now();
      if (!canRenew(l, now, this.config.LISTING_EXPIRY_WARNING_DAYS)) {
        throw Errors.conflict(format(M.notRenewable, { days: this.config.LISTING_EXPIRY_WARNING_DAYS }));
      }
      const expiresAt = new Date(now.getTime() + this.config.LISTING_TTL_DAYS * DAY_MS);
      await em.update(ListingEntity, { id: l.id }, { expiresAt, expiredAt: null, expiryWarnedAt: null });
      await this.recordEvent(em, l.id, viewer.id, ListingAction.RENEW, l.status, l.status);
      await this.outbox.publish(em, LISTING_CHANGED, { listingId: l.id });
      await this.outbox.publish(em, 'listing.published', { listingId: l.id, reason: 'RENEW' }); // match alerts (modules/matching)
      return em.getRepository(ListingEntity).findOneByOrFail({ id: l.id });
    });
  }

  /**
   * A moderator's decision on a listing in review (PENDING_REVIEW → PUBLISHED | REJECTED) or on a
   * published listing's submitted revision (applied on approval; kept for the owner to fix on rejection).
   */
  async moderate(viewer: Viewer, id: string, decision: ModerationDecision, noteInput: string | null | undefined, reason: RejectionReason | null | undefined): Promise<ListingEntity> {
    const { note, rejectionReason } = moderationInput(decision, noteInput, reason);

    return this.ds.transaction(async (em) => {
      const l = await this.lock(em, id);
      const access = l ? await this.access(viewer, l, em) : { owner: false, moderator: false };
      if (!l || !canView(l, access)) throw Errors.notFound(M.listing);
      if (!coversProvince(viewer, reviewProvince(l))) throw Errors.forbidden(M.outsideJurisdiction);
      if (access.owner) throw Errors.forbidden(M.ownListing);

      const now = this.clock.now();
      const url = `/listings/${l.slug}`;
      const notice = rejectionNotice(rejectionReason, note);
      const approve = decision === ModerationDecision.APPROVE;

      if (l.status === ListingStatus.PENDING_REVIEW) {
        if (approve) {
          const expiresAt = new Date(now.getTime() + this.config.LISTING_TTL_DAYS * DAY_MS);
          await em.update(ListingEntity, { id: l.id }, {
            status: ListingStatus.PUBLISHED,
            publishedAt: now,
            expiresAt,
            expiredAt: null,
            expiryWarnedAt: null,
            moderationNote: note,
            rejectionReason: null,
          });
          await this.recordEvent(em, l.id, viewer.id, ListingAction.APPROVE, l.status, ListingStatus.PUBLISHED, note);
          await this.outbox.publish(em, LISTING_CHANGED, { listingId: l.id });
          await this.outbox.publish(em, 'listing.published', { listingId: l.id, reason: 'APPROVE' }); // match alerts (modules/matching)
          await this.notifications.notifyOrganizationMembers(em, l.organizationId, {
            kind: 'LISTING_APPROVED',
            title: { vi: `Tin đã được duyệt: ${l.title}`, en: `Listing approved: ${l.title}` },
            body: {
              vi: `Tin "${l.title}" đã được Sở KH&CN duyệt và đăng công khai.${note ? ` Ghi chú: ${sentence(note)}` : ''}`,
              en: `"${l.title}" was approved by the department and is now public.${note ? ` Note: ${sentence(note)}` : ''}`,
            },
            url,
          });
        } else {
          await em.update(ListingEntity, { id: l.id }, { status: ListingStatus.REJECTED, moderationNote: note, rejectionReason });
          await this.recordEvent(em, l.id, viewer.id, ListingAction.REJECT, l.status, ListingStatus.REJECTED, note, rejectionReason);
          await this.notifications.notifyOrganizationMembers(em, l.organizationId, {
            kind: 'LISTING_REJECTED',
            title: { vi: `Tin bị từ chối: ${l.title}`, en: `Listing rejected: ${l.title}` },
            body: {
              vi: `${notice.vi} Hãy sửa tin rồi gửi duyệt lại.`,
              en: `${notice.en} Edit the listing and submit it again.`,
            },
            url,
          });
        }
      } else if (l.status === ListingStatus.PUBLISHED && l.revisionSubmittedAt && l.pendingRevision) {
        if (approve) {
          // The slug stays: links to the published listing keep working.
          await em.update(ListingEntity, { id: l.id }, { ...l.pendingRevision, pendingRevision: null, revisionSubmittedAt: null, moderationNote: note, rejectionReason: null });
          await this.recordEvent(em, l.id, viewer.id, ListingAction.REVISION_APPROVE, l.status, l.status, note);
          await this.outbox.publish(em, LISTING_CHANGED, { listingId: l.id });
          await this.notifications.notifyOrganizationMembers(em, l.organizationId, {
            kind: 'LISTING_REVISION_APPROVED',
            title: { vi: `Bản cập nhật đã được duyệt: ${l.pendingRevision.title}`, en: `Revision approved: ${l.pendingRevision.title}` },
            body: {
              vi: `Nội dung mới của tin đã được đăng công khai.${note ? ` Ghi chú: ${sentence(note)}` : ''}`,
              en: `The listing's new text is now public.${note ? ` Note: ${sentence(note)}` : ''}`,
            },
            url,
          });
        } else {
          await em.update(ListingEntity, { id: l.id }, { revisionSubmittedAt: null, moderationNote: note, rejectionReason });
          await this.recordEvent(em, l.id, viewer.id, ListingAction.REVISION_REJECT, l.status, l.status, note, rejectionReason);
          await this.notifications.notifyOrganizationMembers(em, l.organizationId, {
            kind: 'LISTING_REVISION_REJECTED',
            title: { vi: `Bản cập nhật bị từ chối: ${l.title}`, en: `Revision rejected: ${l.title}` },
            body: {
              vi: `Tin vẫn hiển thị nội dung cũ. ${notice.vi}`,
              en: `The listing keeps its published text. ${notice.en}`,
            },
            url,
          });
        }
      } else {
        throw cannot('moderate', l.status);
      }
      const revision = l.status === ListingStatus.PUBLISHED;
      await this.audit.record(em, {
        actor: viewer,
        action: StaffAuditAction.LISTING_MODERATED,
        targetKind: StaffAuditTargetKind.LISTING,
        targetId: l.id,
        summary: `${approve ? 'Duyệt' : 'Từ chối'} ${revision ? 'bản chỉnh sửa của tin' : 'tin'} «${l.title}»`,
        details: { decision, revision, title: l.title, provinceCode: reviewProvince(l), reason: rejectionReason ?? null, note: note ?? null },
      });
      return em.getRepository(ListingEntity).findOneByOrFail({ id: l.id });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** SELECT … FOR UPDATE: concurrent transitions of one listing run one after the other. */
  private async lock(em: EntityManager, id: string): Promise<ListingEntity | null> {
    if (!isUuid(id)) return null;
    return em.getRepository(ListingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks the listing for an owner's action. Not a member: NOT_FOUND when the caller cannot see
   * the listing (a draft of another organisation), FORBIDDEN when they can (a published one).
   */
  private async lockForOwner(em: EntityManager, viewer: Viewer, id: string): Promise<ListingEntity> {
    const l = await this.lock(em, id);
    if (!l) throw Errors.notFound(M.listing);
    const access = await this.access(viewer, l, em);
    if (access.owner) return l;
    if (canView(l, access)) throw Errors.forbidden(M.notMember);
    throw Errors.notFound(M.listing);
  }

  async recordEvent(
    em: EntityManager,
    listingId: string,
    actorId: string | null,
    action: ListingAction,
    from: ListingStatus | null,
    to: ListingStatus,
    note: string | null = null,
    reason: string | null = null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO listing_event (listing_id, actor_id, action, from_status, to_status, note, reason_code, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [listingId, actorId, action, from, to, note, reason, this.clock.now()],
    );
  }

  private async slugsTaken(em: EntityManager, base: string, exceptId?: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await em.query(
      `SELECT slug FROM listing WHERE (slug = $1 OR slug LIKE $2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [base, `${base.replace(/[\\%_]/g, (c) => '\\' + c)}-%`, exceptId ?? null],
    );
    return new Set(rows.map((r) => r.slug));
  }

  /** Trims, de-duplicates and fills the language (detected from the text when not chosen). */
  private normalizeContent(c: ListingContent): ListingContent {
    return {
      ...c,
      title: c.title.trim(),
      summary: c.summary.trim(),
      description: c.description.trim(),
      keywords: uniqueKeywords(c.keywords),
      fieldCodes: unique(c.fieldCodes),
      transferModes: unique(c.transferModes),
      mediaUrls: unique(c.mediaUrls.map((u) => u.trim())),
      language: c.language || detectLanguage(`${c.title}\n${c.summary}\n${c.description}`),
    };
  }

  /** Omitted fields stay; null clears optional ones and is refused for required ones. */
  private applyUpdate(before: ListingContent, input: ListingUpdateInput): ListingContent {
    const missing: Record<string, Localized> = {};
    const required = ['title', 'summary', 'description', 'fieldCodes', 'keywords', 'transferModes', 'provinceCode', 'currency', 'negotiable'] as const;
    for (const key of required) if (input[key] === null) missing[`input.${key}`] = M.required;
    if (Object.keys(missing).length) throw Errors.badInput(missing);
    const pick = <K extends keyof ListingContent>(key: K, value: ListingContent[K] | null | undefined): ListingContent[K] =>
      value === undefined ? before[key] : (value as ListingContent[K]);
    const content = this.normalizeContent({
      title: pick('title', input.title),
      summary: pick('summary', input.summary),
      description: pick('description', input.description),
      specification: input.specification === undefined ? before.specification : blankToNull(input.specification),
      advantages: input.advantages === undefined ? before.advantages : blankToNull(input.advantages),
      mediaUrls: input.mediaUrls === undefined ? before.mediaUrls : (input.mediaUrls ?? []),
      fieldCodes: pick('fieldCodes', input.fieldCodes),
      keywords: pick('keywords', input.keywords),
      trl: pick('trl', input.trl),
      transferModes: pick('transferModes', input.transferModes),
      ipStatus: pick('ipStatus', input.ipStatus),
      priceMin: pick('priceMin', input.priceMin),
      priceMax: pick('priceMax', input.priceMax),
      currency: pick('currency', input.currency),
      negotiable: pick('negotiable', input.negotiable),
      provinceCode: pick('provinceCode', input.provinceCode),
      // null: detect again from the (new) text; omitted: keep.
      language: input.language === undefined ? before.language : (input.language ?? ''),
    });
    this.checkCrossFields(content, input);
    return content;
  }

  /**
   * Rules that involve two fields, on the content as it will be stored. ListingInput's decorators
   * already refuse a request whose own priceMin/priceMax disagree (with its other problems); this
   * catches an update that sends one side only, against the stored other side. The error names the
   * field the caller sent.
   */
  private checkCrossFields(c: ListingContent, input: { priceMin?: number | null; priceMax?: number | null }): void {
    if (c.priceMin !== null && c.priceMax !== null && c.priceMin > c.priceMax) {
      const path = input.priceMax !== undefined && input.priceMax !== null ? 'input.priceMax' : 'input.priceMin';
      throw Errors.invalidField(path, PRICE_ORDER);
    }
  }
}
