/**
 * Listings as a kind of moderated content (see moderation-core/moderated-kind.ts): owned by an
 * organisation's members, scored for quality on submission, expiring LISTING_TTL_DAYS after
 * publication (renewed in one step), announced on `listing.changed` (search index) and
 * `listing.published` (match alerts).
 */
import { LISTING_KIND_LABELS, ListingStatus } from '@techport/shared';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/config.js';
import type { Localized } from '../../common/i18n.js';
import { pick } from '../../common/pick.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import type { ModeratedKind } from '../moderation-core/moderated-kind.js';
import type { OutboxMessage } from '../outbox/outbox.topics.js';
import { approvalNote } from '../moderation-core/moderation.labels.js';
import { ListingEntity, LISTING_TRAIL, type ListingContent } from './listing.entity.js';
import { DAY_MS, assessQuality, canRenew } from './listing.rules.js';
import { AttachmentOwnerKind } from '../media/attachment.entity.js';
import catalogue from './listing.kind.messages.json' with { type: 'json' };

/** The outbox topic the search index (and anything else that mirrors public listings) listens to. */

/** A listing's pictures, documents and videos as its text being written has them (not those it asks to remove): the quality score's NO_MEDIA hint. */
export async function countAttachments(em: EntityManager, listingId: string): Promise<number> {
  return (await countAttachmentsOf(em, [listingId]))[0];
}

/** The pictures, documents and videos of each listing that are not being removed (what its quality score counts), in one statement. */
export async function countAttachmentsOf(em: EntityManager, listingIds: readonly string[]): Promise<number[]> {
  const rows: { id: string; n: number }[] = await em.query(
    `SELECT owner_id::text AS id, count(*)::int AS n FROM attachment
     WHERE owner_kind = $1 AND owner_id = ANY($2::uuid[]) AND removal_requested_at IS NULL GROUP BY owner_id`,
    [AttachmentOwnerKind.LISTING, listingIds],
  );
  const byId = new Map(rows.map((r) => [r.id, r.n]));
  return listingIds.map((id) => byId.get(id) ?? 0);
}

export const LISTING_CHANGED = 'listing.changed';
/** A listing became public (approved or renewed): match alerts (modules/matching). */
export const LISTING_PUBLISHED = 'listing.published';

/** A listing's content: the columns a pending revision holds, in the order it is written. */
const LISTING_CONTENT_FIELDS = ['title', 'summary', 'description', 'specification', 'advantages', 'mediaUrls', 'fieldCodes', 'keywords', 'trl', 'transferModes', 'ipStatus', 'priceMin', 'priceMax', 'currency', 'negotiable', 'provinceCode', 'language'] as const;

export function contentOf(l: ListingEntity): ListingContent {
  return pick(l, LISTING_CONTENT_FIELDS);
}

export const LISTING_MESSAGES = catalogue satisfies Record<string, Localized>;

/** What the workflow switches on (also used by the demo seed). */
export const LISTING_WORKFLOW = { expires: true, reopensArchived: false };

export function listingKind(config: Pick<AppConfig, 'LISTING_TTL_DAYS' | 'LISTING_EXPIRY_WARNING_DAYS'>): ModeratedKind<ListingEntity, ListingContent> {
  const term = (now: Date) => new Date(now.getTime() + config.LISTING_TTL_DAYS * DAY_MS);
  return {
    name: 'listing',
    review: {
      code: 'LISTING',
      title: (l) => l.title,
      path: (l) => `/moderation/listings/${l.id}`,
      detail: (l, lang) => LISTING_KIND_LABELS[l.kind][lang],
      organizationOf: (l) => l.organizationId,
    },
    entity: ListingEntity,
    table: 'listing',
    trail: LISTING_TRAIL,
    workflow: LISTING_WORKFLOW,
    ownership: { kind: 'organization', column: 'organization_id', of: (l) => l.organizationId },
    messages: LISTING_MESSAGES,
    contentOf,
    slugSource: (c) => c.title,
    url: (l) => `/listings/${l.slug}`,
    manageUrl: (l) => `/dashboard/listings/${l.id}`,
    notices: {
      approved: (l, note) => ({
        kind: 'LISTING_APPROVED',
        title: { vi: `Tin đã được duyệt: ${l.title}`, en: `Listing approved: ${l.title}` },
        body: {
          vi: `Tin "${l.title}" đã được Sở KH&CN duyệt và đăng công khai.${approvalNote(note).vi}`,
          en: `"${l.title}" was approved by the department and is now public.${approvalNote(note).en}`,
        },
      }),
      rejected: (l, notice) => ({
        kind: 'LISTING_REJECTED',
        title: { vi: `Tin bị từ chối: ${l.title}`, en: `Listing rejected: ${l.title}` },
        body: { vi: `${notice.vi} Hãy sửa tin rồi gửi duyệt lại.`, en: `${notice.en} Edit the listing and submit it again.` },
      }),
      revisionApproved: (_l, revision, note) => ({
        kind: 'LISTING_REVISION_APPROVED',
        title: { vi: `Bản cập nhật đã được duyệt: ${revision.title}`, en: `Revision approved: ${revision.title}` },
        body: {
          vi: `Nội dung mới của tin đã được đăng công khai.${approvalNote(note).vi}`,
          en: `The listing's new text is now public.${approvalNote(note).en}`,
        },
      }),
      revisionRejected: (l, notice) => ({
        kind: 'LISTING_REVISION_REJECTED',
        title: { vi: `Bản cập nhật bị từ chối: ${l.title}`, en: `Revision rejected: ${l.title}` },
        body: { vi: `Tin vẫn hiển thị nội dung cũ. ${notice.vi}`, en: `The listing keeps its published text. ${notice.en}` },
      }),
    },
    audit: {
      action: StaffAuditAction.LISTING_MODERATED,
      targetKind: StaffAuditTargetKind.LISTING,
      summary: (l, approve, revision) => ({
        vi: `${approve ? 'Duyệt' : 'Từ chối'} ${revision ? 'bản cập nhật của tin' : 'tin'} «${l.title}»`,
        en: `${approve ? 'Approved' : 'Rejected'} ${revision ? 'the changes to the listing' : 'the listing'} «${l.title}»`,
      }),
      subject: (l) => ({ title: l.title }),
    },
    publicationEvents: (l, cause) => [
      [LISTING_CHANGED, { listingId: l.id }],
      ...(cause === 'APPROVE' || cause === 'RENEW' ? [[LISTING_PUBLISHED, { listingId: l.id, reason: cause }] satisfies OutboxMessage] : []),
    ],
    hooks: {
      onSubmit: async (l, content, em) => {
        const q = assessQuality(l.kind, content, await countAttachments(em, l.id));
        return { qualityScore: q.score, qualityHints: q.hints };
      },
      // A listing is public for one term from its (first or renewed) publication.
      onPublish: (_l, now) => ({ expiresAt: term(now), expiredAt: null, expiryWarnedAt: null }),
    },
    renewal: {
      canRenew: (l, now) => l.status === ListingStatus.PUBLISHED && canRenew(l, now, config.LISTING_EXPIRY_WARNING_DAYS),
      renewed: (_l, now) => ({ expiresAt: term(now), expiredAt: null, expiryWarnedAt: null }),
      notRenewable: {
        vi: `Chỉ gia hạn được tin đã đăng khi còn dưới ${config.LISTING_EXPIRY_WARNING_DAYS} ngày nữa hết hạn hoặc đã hết hạn.`,
        en: `Only a published listing within ${config.LISTING_EXPIRY_WARNING_DAYS} days of expiry, or past it, can be renewed.`,
      },
    },
  };
}
