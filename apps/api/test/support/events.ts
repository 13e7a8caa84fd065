import type { Client } from './graphql.js';
import { uniq } from './graphql.js';

// Techmart events in API specs: one input with every field, changed per test by overrides, and
// the organiser's create → submit → moderator's approval.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A calendar day (YYYY-MM-DD, Vietnam's date) `offsetDays` from now. */
export const eventDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY + 7 * HOUR).toISOString().slice(0, 10);

export const CREATE_EVENT = `mutation($o: ID!, $input: EventInput!) { createEvent(organizerId: $o, input: $input) { id slug status nameVi } }`;
export const SUBMIT_EVENT = `mutation($id: ID!) { submitEvent(id: $id) { id status } }`;
export const APPROVE_EVENT = `mutation($id: ID!) { moderateEvent(id: $id, decision: APPROVE) { id status } }`;

/** A Da Nang local Techmart 40–41 days ahead, open for registration, with a meeting grid on its second day. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    nameVi: `Chợ công nghệ và thiết bị Đà Nẵng ${uniq('')}`,
    nameEn: `Da Nang Techmart ${uniq('')}`,
    kind: 'LOCAL_TECHMART',
    startsOn: eventDay(40),
    endsOn: eventDay(41),
    provinceCode: 'da-nang',
    online: false,
    venue: 'Cung Hội nghị Quốc tế Ariyana, 107 Võ Nguyên Giáp, Đà Nẵng',
    description: 'Chợ công nghệ kết nối viện nghiên cứu, trường đại học và doanh nghiệp miền Trung, với phiên gặp gỡ B2B giữa bên cung và bên cầu.',
    fieldCodes: ['2'],
    registrationOpensAt: new Date(Date.now() - HOUR).toISOString(),
    registrationClosesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    meetingDays: [eventDay(41)],
    dayStartsAt: '08:30',
    dayEndsAt: '17:00',
    slotMinutes: 20,
    meetingTables: 40,
    breaks: [{ startsAt: '12:00', endsAt: '13:30' }],
    maxExhibitors: null,
    maxVisitors: null,
    questions: [],
    ...overrides,
  };
}

export interface CreatedEvent {
  id: string;
  slug: string;
  status: string;
  nameVi: string;
}

/** The organiser's draft of an event (eventInput with overrides). */
export async function draftEvent(organiser: Client, organizerId: string, overrides: Record<string, unknown> = {}): Promise<CreatedEvent> {
  return (await organiser.ok<{ createEvent: CreatedEvent }>(CREATE_EVENT, { o: organizerId, input: eventInput(overrides) })).createEvent;
}

/** Drafted, submitted, and approved by `moderator` (who must cover its province): a published event. */
export async function publishedEvent(organiser: Client, organizerId: string, moderator: Client, overrides: Record<string, unknown> = {}): Promise<CreatedEvent> {
  const event = await draftEvent(organiser, organizerId, overrides);
  await organiser.ok(SUBMIT_EVENT, { id: event.id });
  const { moderateEvent } = await moderator.ok<{ moderateEvent: { status: string } }>(APPROVE_EVENT, { id: event.id });
  return { ...event, status: moderateEvent.status };
}
