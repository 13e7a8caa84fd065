/** Words and dates of Techmart events, shared by the event pages. */
import { m } from '$lib/paraglide/messages';
import type { EventKind, ProgrammeSessionKind, RegistrationRole, RegistrationStatus } from '$lib/graphql/types';
import { formatDate } from '$lib/format';

const KIND: Record<EventKind, () => string> = {
  NATIONAL_TECHMART: m.eventKind_NATIONAL_TECHMART,
  LOCAL_TECHMART: m.eventKind_LOCAL_TECHMART,
  SPECIALISED_TECHMART: m.eventKind_SPECIALISED_TECHMART,
  BROKERAGE_DAY: m.eventKind_BROKERAGE_DAY,
  ONLINE_SESSION: m.eventKind_ONLINE_SESSION,
};
const SESSION: Record<ProgrammeSessionKind, () => string> = {
  TALK: m.sessionKind_TALK,
  DEMONSTRATION: m.sessionKind_DEMONSTRATION,
  WORKSHOP: m.sessionKind_WORKSHOP,
  CEREMONY: m.sessionKind_CEREMONY,
};
const ROLE: Record<RegistrationRole, () => string> = { EXHIBITOR: m.registrationRole_EXHIBITOR, VISITOR: m.registrationRole_VISITOR };
const STATUS: Record<RegistrationStatus, () => string> = {
  PENDING: m.registrationStatus_PENDING,
  APPROVED: m.registrationStatus_APPROVED,
  DECLINED: m.registrationStatus_DECLINED,
  WITHDRAWN: m.registrationStatus_WITHDRAWN,
};

export const eventKindLabel = (k: EventKind) => KIND[k]();
export const sessionKindLabel = (k: ProgrammeSessionKind) => SESSION[k]();
export const registrationRoleLabel = (r: RegistrationRole) => ROLE[r]();
export const registrationStatusLabel = (s: RegistrationStatus) => STATUS[s]();

/** "12 thg 5, 2027 – 13 thg 5, 2027" from the event's Vietnam days ('YYYY-MM-DD'). */
export function eventDates(startsOn: string, endsOn: string): string {
  // Noon in Vietnam: the formatted day is that day in Asia/Ho_Chi_Minh.
  const a = formatDate(`${startsOn}T12:00:00+07:00`);
  return startsOn === endsOn ? a : `${a} – ${formatDate(`${endsOn}T12:00:00+07:00`)}`;
}
