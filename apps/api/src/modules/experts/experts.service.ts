import { Injectable } from '@nestjs/common';
import { ModerationDecision, type RejectionReason } from '@techport/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { retryOnUniqueViolation } from '../../common/slug.js';
import { uniqueKeywords } from '../../common/keywords.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ModeratedContentService } from '../moderation-core/moderated-content.service.js';
import { ModeratedKindService } from '../moderation-core/moderated-kind.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ExpertProfileEntity, type ExpertContent } from './expert.entity.js';
import { ExpertProfileStatus } from './expert.rules.js';
import { expertKind } from './expert.kind.js';
import { EXPERT_CHANGED_TOPIC } from './expert-index.js';
import type { ExpertProfileInput } from './dto/expert.inputs.js';

export { contentOf } from './expert.kind.js';

/** The outbox topic the search index listens to: { expertId }. */
export const EXPERT_CHANGED = EXPERT_CHANGED_TOPIC;

const M = {
  takenDownTitle: { vi: 'Hồ sơ chuyên gia của bạn đã được gỡ khỏi danh sách công khai', en: 'Your expert profile was taken off the public list' },
  takenDownBody: {
    vi: 'Tài khoản của bạn đã bị khóa nên hồ sơ chuyên gia không còn hiển thị công khai. Khi tài khoản được mở lại, hãy gửi duyệt lại hồ sơ trên trang “Hồ sơ chuyên gia của tôi”.',
    en: 'Your account was disabled, so your expert profile is no longer public. Once your account is enabled again, submit the profile for review again on “My expert profile”.',
  },
  ownerDisabled: { vi: 'Tài khoản của chuyên gia đã bị khóa: không thể duyệt đăng hồ sơ này, hãy từ chối.', en: "The expert's account is disabled: the profile cannot be approved; reject it instead." },
  notMember: {
    vi: 'Bạn chỉ có thể ghi tổ chức mà bạn là thành viên.',
    en: 'You can only name an organisation you are a member of.',
  },
} satisfies Record<string, Localized>;

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
 * Expert profiles: one per account. Their workflow, pending revisions, audit trail, review and
 * archiving are the moderated-content core's (expert.kind.ts plugs profiles in); this service
 * keeps what is the profile's own: one profile per person, the affiliation check, public reads.
 */
@Injectable()
export class ExpertsService extends ModeratedKindService<ExpertProfileEntity, ExpertContent> {
  readonly kind = expertKind;

  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    protected readonly core: ModeratedContentService,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  override onModuleInit(): void {
    super.onModuleInit();
    // A disabled account's public profile comes down: nobody should find and write to a person the department shut out.
    this.outbox.register('account.disabled', 'experts', (events) => this.takeDownProfilesOf(events.map((e) => e.payload.userId)));
  }

  /** The system archives these people's published profiles, if their accounts are still disabled (an admin may have undone it since). */
  private async takeDownProfilesOf(userIds: string[]): Promise<void> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT e.id FROM expert_profile e JOIN app_user u ON u.id = e.user_id WHERE e.user_id = ANY($1::uuid[]) AND u.disabled AND e.status = $2`,
      [userIds, ExpertProfileStatus.PUBLISHED],
    );
    for (const p of rows) await this.core.takeDown(this.kind, p.id, { kind: 'EXPERT_PROFILE_TAKEN_DOWN', title: M.takenDownTitle, body: M.takenDownBody });
  }

  /** A moderator's decision; a disabled account's profile (or revision) is not published: reject it instead. */
  override async moderate(viewer: Viewer, id: string, decision: ModerationDecision, note: string | null | undefined, reason: RejectionReason | null | undefined): Promise<ExpertProfileEntity> {
    if (decision === ModerationDecision.APPROVE && isUuid(id)) {
      const [owner] = await this.ds.query(`SELECT u.disabled FROM expert_profile e JOIN app_user u ON u.id = e.user_id WHERE e.id = $1`, [id]);
      if (owner?.disabled) throw Errors.conflict(M.ownerDisabled);
    }
    return super.moderate(viewer, id, decision, note, reason);
  }

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

  /** The published profiles affiliated with each organisation (in the order of `organizationIds`), by name, at most 100 each. */
  async publishedOfOrganizations(organizationIds: readonly string[]): Promise<ExpertProfileEntity[][]> {
    const valid = organizationIds.filter(isUuid);
    const rows = valid.length
      ? await this.ds.getRepository(ExpertProfileEntity).find({ where: { organizationId: In(valid), status: ExpertProfileStatus.PUBLISHED }, order: { fullName: 'ASC', id: 'ASC' } })
      : [];
    return organizationIds.map((id) => rows.filter((r) => r.organizationId === id).slice(0, 100));
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

  // -------------------------------------------------------------------------------------------
  // Writes

  /**
   * Creates the caller's profile (DRAFT) or replaces its content: in place while DRAFT, REJECTED
   * or ARCHIVED; as a pending revision while PUBLISHED (the published text stays public until a
   * moderator approves it). Refused while the profile or its revision is under review.
   */
  async upsertMine(viewer: Viewer, input: ExpertProfileInput): Promise<ExpertProfileEntity> {
    const content = normalizeContent(input);
    // A concurrent first upsert of the same user, or another profile taking the slug, ends in a
    // unique violation: then try again.
    return retryOnUniqueViolation(() =>
      this.ds.transaction(async (em) => {
        await this.checkOrganization(em, viewer, content.organizationId);
        const existing = await em.getRepository(ExpertProfileEntity).findOne({ where: { userId: viewer.id }, lock: { mode: 'pessimistic_write' } });
        let id: string;
        if (existing) {
          await this.core.edit(em, this.kind, viewer, existing, input.version ?? null, () => content);
          id = existing.id;
        } else {
          const slug = await this.core.freeSlug(em, this.kind, content.fullName);
          id = await this.core.insert(em, this.kind, viewer.id, { ...content, slug, userId: viewer.id });
        }
        return em.getRepository(ExpertProfileEntity).findOneByOrFail({ id });
      }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** The affiliation must be an organisation the expert belongs to. */
  private async checkOrganization(em: EntityManager, viewer: Viewer, organizationId: string | null): Promise<void> {
    if (organizationId === null) return;
    const exists = isUuid(organizationId) && (await em.getRepository(OrganizationEntity).existsBy({ id: organizationId }));
    if (!exists || !(await this.organizations.isMember(viewer.id, organizationId, em))) throw Errors.invalidField('input.organizationId', M.notMember);
  }
}
