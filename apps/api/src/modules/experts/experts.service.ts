import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ModerationDecision, slugify, type RejectionReason } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { AppError, Errors } from '../../common/errors.js';
import { format, sentence, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, jurisdictionOf, type Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation } from '../../common/slug.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { rejectionNotice } from '../listings/listing.rules.js';
import { moderationInput, uniqueKeywords } from '../listings/listings.service.js';
import { ExpertProfileEntity, ExpertProfileEventEntity, type ExpertContent } from './expert.entity.js';
import {
  EDITABLE_STATUSES,
  EXPERT_STATUS_LABELS,
  ExpertAction,
  ExpertProfileStatus,
  SUBMITTABLE_STATUSES,
  canViewExpert,
  isOwner,
  reviewProvince,
} from './expert.rules.js';
import { EXPERT_CHANGED_TOPIC } from './expert-index.js';
import type { ExpertProfileInput } from './dto/expert.inputs.js';
import { applyModerationQueue } from '../../common/moderation-queue.js';

/** The outbox topic the search index listens to: { expertId }. */
export const EXPERT_CHANGED = EXPERT_CHANGED_TOPIC;

const M = {
  expert: { vi: 'hồ sơ chuyên gia', en: 'Expert profile' },
  notOwner: { vi: 'Chỉ chủ hồ sơ mới được thực hiện thao tác này.', en: 'Only the expert who owns this profile may do this.' },
  notMember: {
    vi: 'Bạn chỉ có thể ghi tổ chức mà bạn là thành viên.',
    en: 'You can only name an organisation you are a member of.',
  },
  stale: {
    vi: 'Hồ sơ đã được thay đổi ở nơi khác (phiên bản {current}, bạn gửi {sent}). Hãy tải lại rồi sửa tiếp.',
    en: 'The profile was changed elsewhere (version {current}, you sent {sent}). Reload it and edit again.',
  },
  cannot: { vi: 'Không thể {action} hồ sơ ở trạng thái "{status}".', en: 'Cannot {action} a profile that is {status}.' },
  revisionUnderReview: {
    vi: 'Bản cập nhật đang chờ duyệt; hãy đợi kết quả trước khi sửa tiếp.',
    en: 'The revision is being reviewed; wait for the decision before editing again.',
  },
  nothingToSubmit: { vi: 'Hồ sơ đã đăng không có bản cập nhật nào để gửi duyệt.', en: 'This published profile has no revision to submit for review.' },
  revisionAlreadySubmitted: { vi: 'Bản cập nhật đã được gửi duyệt.', en: 'The revision has already been submitted for review.' },
  outsideJurisdiction: { vi: 'Hồ sơ này nằm ngoài địa bàn bạn phụ trách.', en: 'This profile is outside your jurisdiction.' },
  ownProfile: { vi: 'Bạn không thể tự duyệt hồ sơ của mình.', en: 'You cannot review your own profile.' },
} satisfies Record<string, Localized>;

const ACTIONS: Record<string, Localized> = {
  edit: { vi: 'sửa', en: 'edit' },
  submit: { vi: 'gửi duyệt', en: 'submit' },
  archive: { vi: 'lưu trữ', en: 'archive' },
  moderate: { vi: 'duyệt', en: 'review' },
};

function cannot(action: keyof typeof ACTIONS, status: ExpertProfileStatus): AppError {
  const a = ACTIONS[action];
  const s = EXPERT_STATUS_LABELS[status];
  return Errors.conflict({ vi: format(M.cannot, { action: a.vi, status: s.vi }).vi, en: format(M.cannot, { action: a.en, status: s.en }).en });
}

export function contentOf(e: ExpertProfileEntity): ExpertContent {
  return {
    fullName: e.fullName,
    headline: e.headline,
    bio: e.bio,
    fieldCodes: e.fieldCodes,
    services: e.services,
    pastTransfers: e.pastTransfers,
    provinceCode: e.provinceCode,
    organizationId: e.organizationId,
  };
}

function sameContent(a: ExpertContent, b: ExpertContent): boolean {
  return JSON.stringify(contentKey(a)) === JSON.stringify(contentKey(b));
}
function contentKey(c: ExpertContent) {
  return [c.fullName, c.headline, c.bio, c.fieldCodes, c.services, c.pastTransfers, c.provinceCode, c.organizationId ?? null];
}

/** Trims and de-duplicates (services and transfers case-insensitively, keeping the first spelling). */
export function normalizeContent(input: ExpertProfileInput): ExpertContent {
  return {
    fullName: input.fullName.trim().replace(/\s+/g, ' '),
    headline: input.headline.trim(),
    bio: input.bio.trim(),
    fieldCodes: [...new Set(input.fieldCodes)],
    services: uniqueKeywords(input.services),
    pastTransfers: uniqueKeywords(input.pastTransfers ?? []),
    provinceCode: input.provinceCode,
    organizationId: input.organizationId ?? null,
  };
}

/**
 * Expert profiles: one per account, the listing's moderation workflow (see expert.rules.ts), an
 * audit trail of every step, notifications to the expert, and 'expert.changed' on the outbox
 * whenever what the public sees changes (for the search index).
 */
@Injectable()
export class ExpertsService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly audit: StaffAuditService,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Reads

  async findOne(by: { id?: string | null; slug?: string | null }): Promise<ExpertProfileEntity | null> {
    const repo = this.ds.getRepository(ExpertProfileEntity);
    if (by.id) return isUuid(by.id) ? repo.findOneBy({ id: by.id }) : null;
    // Slugs are lower-case letters, digits and hyphens: anything else names no profile.
    if (by.slug) return /^[a-z0-9-]{1,120}$/.test(by.slug) ? repo.findOneBy({ slug: by.slug }) : null;
    return null;
  }

  async findByIds(ids: readonly string[]): Promise<ExpertProfileEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(ExpertProfileEntity).findBy({ id: In(valid) }) : [];
  }

  async findMine(userId: string): Promise<ExpertProfileEntity | null> {
    return this.ds.getRepository(ExpertProfileEntity).findOneBy({ userId });
  }

  /** Published profiles among these ids (search hits are re-read so nothing unpublished slips through). */
  async publicByIds(ids: readonly string[]): Promise<Map<string, ExpertProfileEntity>> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return new Map();
    const rows = await this.ds.getRepository(ExpertProfileEntity).findBy({ id: In(valid), status: ExpertProfileStatus.PUBLISHED });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Moderators: profiles waiting for review, and published profiles whose revision waits for
   * review, in the moderator's provinces, oldest first. Their own profile is left out.
   */
  async moderationQueue(viewer: Viewer, page: PageInput | undefined): Promise<Page<ExpertProfileEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const codes = jurisdictionOf(viewer);
    const qb = applyModerationQueue(this.ds.getRepository(ExpertProfileEntity).createQueryBuilder('e'), 'e', codes, {
      pending: ExpertProfileStatus.PENDING_REVIEW,
      published: ExpertProfileStatus.PUBLISHED,
    }).andWhere('e.user_id <> :me', { me: viewer.id });
    const [items, totalItems] = await qb.offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  async eventsOf(expertIds: readonly string[]): Promise<ExpertProfileEventEntity[]> {
    const valid = expertIds.filter(isUuid);
    if (!valid.length) return [];
    return this.ds.getRepository(ExpertProfileEventEntity).find({ where: { expertId: In(valid) }, order: { at: 'ASC', id: 'ASC' } });
  }

  // -------------------------------------------------------------------------------------------
  // Writes: one transaction each, the row locked, every step in the audit trail

  /**
   * Creates the caller's profile (DRAFT) or replaces its content: in place while DRAFT, REJECTED
   * or ARCHIVED; as a pending revision while PUBLISHED (the published text stays public until a
   * moderator approves it). Refused while the profile or its revision is under review.
   */
  async upsertMine(viewer: Viewer, input: ExpertProfileInput): Promise<ExpertProfileEntity> {
    const content = normalizeContent(input);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.ds.transaction(async (em) => {
          await this.checkOrganization(em, viewer, content.organizationId);
          const existing = await em.getRepository(ExpertProfileEntity).findOne({ where: { userId: viewer.id }, lock: { mode: 'pessimistic_write' } });
          const id = existing ? await this.update(em, viewer, existing, content, input.version ?? null) : await this.insert(em, viewer, content);
          return em.getRepository(ExpertProfileEntity).findOneByOrFail({ id });
        });
      } catch (err) {
        // A concurrent first upsert of the same user, or another profile took the slug: try again.
        if (isUniqueViolation(err) && attempt < 4) continue;
        throw err;
      }
    }
  }

  /** DRAFT / REJECTED / ARCHIVED → PENDING_REVIEW, or submits a published profile's pending revision. */
  async submit(viewer: Viewer, id: string): Promise<ExpertProfileEntity> {
    return this.ds.transaction(async (em) => {
      const e = await this.lockForOwner(em, viewer, id);
      const now = this.clock.now();
      if (e.status === ExpertProfileStatus.PUBLISHED) {
        if (!e.pendingRevision) throw Errors.conflict(M.nothingToSubmit);
        if (e.revisionSubmittedAt) throw Errors.conflict(M.revisionAlreadySubmitted);
        await em.update(ExpertProfileEntity, { id: e.id }, { revisionSubmittedAt: now });
        await this.recordEvent(em, e.id, viewer.id, ExpertAction.REVISION_SUBMIT, e.status, e.status);
      } else {
        if (!SUBMITTABLE_STATUSES.includes(e.status)) throw cannot('submit', e.status);
        await em.update(ExpertProfileEntity, { id: e.id }, { status: ExpertProfileStatus.PENDING_REVIEW, submittedAt: now });
        await this.recordEvent(em, e.id, viewer.id, ExpertAction.SUBMIT, e.status, ExpertProfileStatus.PENDING_REVIEW);
      }
      return em.getRepository(ExpertProfileEntity).findOneByOrFail({ id: e.id });
    });
  }

  /** PUBLISHED → ARCHIVED: the profile leaves the public list and search (a pending revision goes with it). */
  async archive(viewer: Viewer, id: string): Promise<ExpertProfileEntity> {
    return this.ds.transaction(async (em) => {
      const e = await this.lockForOwner(em, viewer, id);
      if (e.status !== ExpertProfileStatus.PUBLISHED) throw cannot('archive', e.status);
      await em.update(ExpertProfileEntity, { id: e.id }, { status: ExpertProfileStatus.ARCHIVED, pendingRevision: null, revisionSubmittedAt: null });
      await this.recordEvent(em, e.id, viewer.id, ExpertAction.ARCHIVE, e.status, ExpertProfileStatus.ARCHIVED);
      await this.outbox.publish(em, EXPERT_CHANGED, { expertId: e.id });
      return em.getRepository(ExpertProfileEntity).findOneByOrFail({ id: e.id });
    });
  }

  /**
   * A moderator's decision on a profile in review (PENDING_REVIEW → PUBLISHED | REJECTED) or on a
   * published profile's submitted revision (applied on approval; kept for the expert to fix on
   * rejection). Moderators act in their provinces only, and never on their own profile.
   */
  async moderate(
    viewer: Viewer,
    id: string,
    decision: ModerationDecision,
    noteInput: string | null | undefined,
    reason: RejectionReason | null | undefined,
  ): Promise<ExpertProfileEntity> {
    const { note, rejectionReason } = moderationInput(decision, noteInput, reason);
    return this.ds.transaction(async (em) => {
      const e = await this.lock(em, id);
      if (!e || !canViewExpert(viewer, e)) throw Errors.notFound(M.expert);
      if (!coversProvince(viewer, reviewProvince(e))) throw Errors.forbidden(M.outsideJurisdiction);
      if (isOwner(viewer, e)) throw Errors.forbidden(M.ownProfile);

      const now = this.clock.now();
      const url = `/experts/${e.slug}`;
      const notice = rejectionNotice(rejectionReason, note);
      const approve = decision === ModerationDecision.APPROVE;
      const notify = (kind: string, title: Localized, body: Localized) => this.notifications.notifyUsers(em, [e.userId], { kind, title, body, url });

      if (e.status === ExpertProfileStatus.PENDING_REVIEW) {
        if (approve) {
          await em.update(ExpertProfileEntity, { id: e.id }, { status: ExpertProfileStatus.PUBLISHED, publishedAt: now, moderationNote: note, rejectionReason: null });
          await this.recordEvent(em, e.id, viewer.id, ExpertAction.APPROVE, e.status, ExpertProfileStatus.PUBLISHED, note);
          await this.outbox.publish(em, EXPERT_CHANGED, { expertId: e.id });
          await notify(
            'EXPERT_PROFILE_APPROVED',
            { vi: 'Hồ sơ chuyên gia của bạn đã được duyệt', en: 'Your expert profile was approved' },
            {
              vi: `Hồ sơ "${e.fullName}" đã được Sở KH&CN duyệt và hiển thị công khai.${note ? ` Ghi chú: ${sentence(note)}` : ''}`,
              en: `The profile "${e.fullName}" was approved by the department and is now public.${note ? ` Note: ${sentence(note)}` : ''}`,
            },
          );
        } else {
          await em.update(ExpertProfileEntity, { id: e.id }, { status: ExpertProfileStatus.REJECTED, moderationNote: note, rejectionReason });
          await this.recordEvent(em, e.id, viewer.id, ExpertAction.REJECT, e.status, ExpertProfileStatus.REJECTED, note, rejectionReason);
          await notify(
            'EXPERT_PROFILE_REJECTED',
            { vi: 'Hồ sơ chuyên gia của bạn bị từ chối', en: 'Your expert profile was rejected' },
            {
              vi: `${notice.vi} Hãy sửa hồ sơ rồi gửi duyệt lại.`,
              en: `${notice.en} Edit the profile and submit it again.`,
            },
          );
        }
      } else if (e.status === ExpertProfileStatus.PUBLISHED && e.revisionSubmittedAt && e.pendingRevision) {
        if (approve) {
          // The slug stays: links to the published profile keep working.
          await em.update(ExpertProfileEntity, { id: e.id }, { ...e.pendingRevision, pendingRevision: null, revisionSubmittedAt: null, moderationNote: note, rejectionReason: null });
          await this.recordEvent(em, e.id, viewer.id, ExpertAction.REVISION_APPROVE, e.status, e.status, note);
          await this.outbox.publish(em, EXPERT_CHANGED, { expertId: e.id });
          await notify(
            'EXPERT_REVISION_APPROVED',
            { vi: 'Bản cập nhật hồ sơ chuyên gia đã được duyệt', en: 'Your expert profile revision was approved' },
            {
              vi: `Nội dung mới của hồ sơ đã được hiển thị công khai.${note ? ` Ghi chú: ${sentence(note)}` : ''}`,
              en: `The profile's new text is now public.${note ? ` Note: ${sentence(note)}` : ''}`,
            },
          );
        } else {
          await em.update(ExpertProfileEntity, { id: e.id }, { revisionSubmittedAt: null, moderationNote: note, rejectionReason });
          await this.recordEvent(em, e.id, viewer.id, ExpertAction.REVISION_REJECT, e.status, e.status, note, rejectionReason);
          await notify(
            'EXPERT_REVISION_REJECTED',
            { vi: 'Bản cập nhật hồ sơ chuyên gia bị từ chối', en: 'Your expert profile revision was rejected' },
            {
              vi: `Hồ sơ vẫn hiển thị nội dung cũ. ${notice.vi}`,
              en: `The profile keeps its published text. ${notice.en}`,
            },
          );
        }
      } else {
        throw cannot('moderate', e.status);
      }
      const revision = e.status === ExpertProfileStatus.PUBLISHED;
      await this.audit.record(em, {
        actor: viewer,
        action: StaffAuditAction.EXPERT_MODERATED,
        targetKind: StaffAuditTargetKind.EXPERT,
        targetId: e.id,
        summary: `${approve ? 'Duyệt' : 'Từ chối'} ${revision ? 'bản chỉnh sửa hồ sơ' : 'hồ sơ'} chuyên gia «${e.fullName}»`,
        details: { decision, revision, fullName: e.fullName, provinceCode: reviewProvince(e), reason: rejectionReason ?? null, note: note ?? null },
      });
      return em.getRepository(ExpertProfileEntity).findOneByOrFail({ id: e.id });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private async insert(em: EntityManager, viewer: Viewer, content: ExpertContent): Promise<string> {
    const slug = await this.freeSlug(em, content.fullName);
    const { identifiers } = await em.getRepository(ExpertProfileEntity).insert({ ...content, slug, status: ExpertProfileStatus.DRAFT, userId: viewer.id });
    const id = identifiers[0].id as string;
    await this.recordEvent(em, id, viewer.id, ExpertAction.CREATE, null, ExpertProfileStatus.DRAFT);
    return id;
  }

  private async update(em: EntityManager, viewer: Viewer, e: ExpertProfileEntity, content: ExpertContent, version: number | null): Promise<string> {
    if (version !== null && e.version !== version) throw Errors.conflict(format(M.stale, { current: e.version, sent: version }));
    if (e.status === ExpertProfileStatus.PUBLISHED) {
      if (e.revisionSubmittedAt) throw Errors.conflict(M.revisionUnderReview);
      // Writing back exactly the published text withdraws the revision.
      const revision = sameContent(content, contentOf(e)) ? null : content;
      await em.update(ExpertProfileEntity, { id: e.id }, { pendingRevision: revision, revisionSubmittedAt: null });
      await this.recordEvent(em, e.id, viewer.id, ExpertAction.REVISION_UPDATE, e.status, e.status);
      return e.id;
    }
    if (!EDITABLE_STATUSES.includes(e.status)) throw cannot('edit', e.status);
    // The slug follows the name until the profile is first published; after that it never changes.
    const slug = !e.publishedAt && content.fullName !== e.fullName ? await this.freeSlug(em, content.fullName, e.id) : e.slug;
    await em.update(ExpertProfileEntity, { id: e.id }, { ...content, slug });
    await this.recordEvent(em, e.id, viewer.id, ExpertAction.UPDATE, e.status, e.status);
    return e.id;
  }

  /** The affiliation must be an organisation the expert belongs to. */
  private async checkOrganization(em: EntityManager, viewer: Viewer, organizationId: string | null): Promise<void> {
    if (organizationId === null) return;
    const exists = isUuid(organizationId) && (await em.getRepository(OrganizationEntity).existsBy({ id: organizationId }));
    if (!exists || !(await this.organizations.isMember(viewer.id, organizationId, em))) throw Errors.invalidField('input.organizationId', M.notMember);
  }

  /** SELECT … FOR UPDATE: concurrent transitions of one profile run one after the other. */
  private async lock(em: EntityManager, id: string): Promise<ExpertProfileEntity | null> {
    if (!isUuid(id)) return null;
    return em.getRepository(ExpertProfileEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the profile for its owner: NOT_FOUND when the caller cannot see it, FORBIDDEN when they can. */
  private async lockForOwner(em: EntityManager, viewer: Viewer, id: string): Promise<ExpertProfileEntity> {
    const e = await this.lock(em, id);
    if (!e) throw Errors.notFound(M.expert);
    if (isOwner(viewer, e)) return e;
    if (canViewExpert(viewer, e)) throw Errors.forbidden(M.notOwner);
    throw Errors.notFound(M.expert);
  }

  private async recordEvent(
    em: EntityManager,
    expertId: string,
    actorId: string | null,
    action: ExpertAction,
    from: ExpertProfileStatus | null,
    to: ExpertProfileStatus,
    note: string | null = null,
    reason: string | null = null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO expert_profile_event (expert_id, actor_id, action, from_status, to_status, note, reason_code, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [expertId, actorId, action, from, to, note, reason, this.clock.now()],
    );
  }

  /** "Nguyễn Văn An" → nguyen-van-an, or nguyen-van-an-2… when taken (a race ends in a unique violation, retried). */
  private async freeSlug(em: EntityManager, fullName: string, exceptId?: string): Promise<string> {
    const base = slugify(fullName, 90);
    const rows: { slug: string }[] = await em.query(
      `SELECT slug FROM expert_profile WHERE (slug = $1 OR slug LIKE $2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [base, `${base.replace(/[\\%_]/g, (c) => '\\' + c)}-%`, exceptId ?? null],
    );
    const used = new Set(rows.map((r) => r.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }
}
