/**
 * Techmart events as a kind of moderated content (see moderation-core/moderated-kind.ts; the
 * worked example of docs/engineering.md): owned by the organiser organisation's members, reviewed
 * by the department covering the event's province, not expiring (an event ends by its dates),
 * announced on `event.changed`.
 */
import type { Localized } from '../../common/i18n.js';
import { pick } from '../../common/pick.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import type { ModeratedKind } from '../moderation-core/moderated-kind.js';
import { approvalNote } from '../moderation-core/moderation.labels.js';
import { EventEntity, EVENT_TRAIL, type EventContent } from './event.entity.js';
import catalogue from './event.kind.messages.json' with { type: 'json' };

export const EVENT_CHANGED = 'event.changed';

/** An event's content: the columns a pending revision holds, in the order it is written. */
const EVENT_CONTENT_FIELDS = ['nameVi', 'nameEn', 'kind', 'startsOn', 'endsOn', 'provinceCode', 'online', 'venue', 'description', 'descriptionEn', 'fieldCodes', 'registrationOpensAt', 'registrationClosesAt', 'meetingDays', 'dayStartsAt', 'dayEndsAt', 'slotMinutes', 'meetingTables', 'breaks', 'maxExhibitors', 'maxVisitors', 'questions'] as const;

export function contentOf(e: EventEntity): EventContent {
  return pick(e, EVENT_CONTENT_FIELDS);
}

export const EVENT_MESSAGES = catalogue satisfies Record<string, Localized>;

export const eventKind: ModeratedKind<EventEntity, EventContent> = {
  name: 'event',
  review: { code: 'EVENT', title: (e, lang) => (lang === 'en' && e.nameEn ? e.nameEn : e.nameVi), path: (e) => `/moderation/events/${e.id}`, organizationOf: (e) => e.organizerId },
  entity: EventEntity,
  table: 'techmart_event',
  trail: EVENT_TRAIL,
  // An event ends by its dates, not by a term; an archived (cancelled) event stays archived.
  workflow: { expires: false, reopensArchived: false },
  ownership: { kind: 'organization', column: 'organizer_id', of: (e) => e.organizerId },
  messages: EVENT_MESSAGES,
  contentOf,
  slugSource: (c) => c.nameVi,
  url: (e) => `/events/${e.slug}`,
  manageUrl: (e) => `/dashboard/events/${e.id}/edit`,
  sameTextWithdrawsRevision: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  notices: {
    approved: (e, note) => ({
      kind: 'EVENT_APPROVED',
      title: { vi: 'Sự kiện của bạn đã được duyệt', en: 'Your event was approved' },
      body: {
        vi: `Sự kiện "${e.nameVi}" đã được Sở KH&CN duyệt và hiển thị công khai; các tổ chức có thể đăng ký tham gia.${approvalNote(note).vi}`,
        en: `The event "${e.nameEn}" was approved by the department and is now public; organisations can register.${approvalNote(note).en}`,
      },
    }),
    rejected: (_e, notice) => ({
      kind: 'EVENT_REJECTED',
      title: { vi: 'Sự kiện của bạn bị từ chối', en: 'Your event was rejected' },
      body: { vi: `${notice.vi} Hãy sửa sự kiện rồi gửi duyệt lại.`, en: `${notice.en} Edit the event and submit it again.` },
    }),
    revisionApproved: (_e, _revision, note) => ({
      kind: 'EVENT_REVISION_APPROVED',
      title: { vi: 'Bản cập nhật sự kiện đã được duyệt', en: 'Your event revision was approved' },
      body: { vi: `Nội dung mới của sự kiện đã được hiển thị công khai.${approvalNote(note).vi}`, en: `The event's new text is now public.${approvalNote(note).en}` },
    }),
    revisionRejected: (_e, notice) => ({
      kind: 'EVENT_REVISION_REJECTED',
      title: { vi: 'Bản cập nhật sự kiện bị từ chối', en: 'Your event revision was rejected' },
      body: { vi: `Sự kiện vẫn hiển thị nội dung cũ. ${notice.vi}`, en: `The event keeps its published text. ${notice.en}` },
    }),
  },
  audit: {
    action: StaffAuditAction.EVENT_MODERATED,
    targetKind: StaffAuditTargetKind.EVENT,
    summary: (e, approve, revision) => ({
      vi: `${approve ? 'Duyệt' : 'Từ chối'} ${revision ? 'bản cập nhật sự kiện' : 'sự kiện'} «${e.nameVi}»`,
      en: `${approve ? 'Approved' : 'Rejected'} ${revision ? 'the changes to the event' : 'the event'} «${e.nameEn || e.nameVi}»`,
    }),
    subject: (e) => ({ title: e.nameVi }),
  },
  publicationEvents: (e) => [[EVENT_CHANGED, { eventId: e.id }]],
};
