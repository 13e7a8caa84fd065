/**
 * The demo exchange's Techmarts (issue #17): a past local Techmart with its exhibitors, visitors,
 * programme and answered meeting requests, and an upcoming specialised Techmart with registration
 * open, some registrations approved and some waiting. Event histories are stories told through the
 * moderated-content core's workflow table (replay), like the listings' and experts'. What they are
 * called, their days and programme, and the words of their meetings are in events.json (apps/api/demo-data).
 */
import type { EntityManager } from 'typeorm';
import { slugify } from '@techport/shared';
import { moderationTransitions, replay } from '../modules/moderation-core/moderation.workflow.js';
import { writeTrail } from '../modules/moderation-core/moderation-trail.js';
import { EVENT_CHANGED, eventKind } from '../modules/events/event.kind.js';
import { vietnamDay } from '../modules/events/event.rules.js';
import { MeetingRequestStatus, RegistrationRole, RegistrationStatus, type EventContent } from '../modules/events/event.entity.js';
import { demoData, fill } from './demo-data.js';

const DAY = 24 * 60 * 60 * 1000;
const EVENT_WORKFLOW = moderationTransitions(eventKind.workflow);

export interface DemoEventWorld {
  /** Organisations that may organise (a government body or an intermediary), by key, with their province. */
  organisers: { key: string; provinceCode: string }[];
  publishedListings: { id: string; kind: string; orgKey: string }[];
  orgIds: Map<string, string>;
  memberOf: (orgKey: string) => string | null;
  moderatorId: string | null;
  now: Date;
}

/** 'YYYY-MM-DD' in Vietnam, `days` from now. */
const dayFrom = (now: Date, days: number) => vietnamDay(new Date(now.getTime() + days * DAY));
/** An instant in Vietnam time on that day. */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);

export async function seedDemoEvents(em: EntityManager, w: DemoEventWorld): Promise<{ events: number; registrations: number; meetingRequests: number; meetingOutcomes?: number }> {
  const organiser = w.organisers[0];
  if (!organiser || !w.moderatorId) return { events: 0, registrations: 0, meetingRequests: 0 };
  const organiserId = w.orgIds.get(organiser.key)!;
  const organiserUser = w.memberOf(organiser.key);
  if (!organiserUser) return { events: 0, registrations: 0, meetingRequests: 0 };
  const exhibitors = uniqueOrgs(w.publishedListings.filter((l) => l.kind === 'OFFER' && l.orgKey !== organiser.key)).slice(0, 8);
  const visitors = uniqueOrgs(w.publishedListings.filter((l) => l.kind === 'DEMAND' && l.orgKey !== organiser.key && !exhibitors.some((e) => e.orgKey === l.orgKey))).slice(0, 6);

  const counts = { events: 0, registrations: 0, meetingRequests: 0, meetingOutcomes: 0 };
  const data = demoData().events;

  // The Techmarts of events.json, their days counted from today.
  const events = data.events.map((e) => {
    // What the file says as it is stored; the days and the names' year come from today.
    const { nameVi, nameEn, startsInDays, days, registrationOpensInDays, registrationClosesInDays, registrationClosesAt, meetingOnDays, publishedInDays, registrations, programme, ...stored } = e;
    const startsOn = dayFrom(w.now, startsInDays);
    const year = startsOn.slice(0, 4);
    const content: EventContent = {
      ...stored,
      nameVi: fill(nameVi, { year }),
      nameEn: fill(nameEn, { year }),
      startsOn,
      endsOn: dayFrom(w.now, startsInDays + days - 1),
      provinceCode: organiser.provinceCode,
      registrationOpensAt: new Date(w.now.getTime() + registrationOpensInDays * DAY).toISOString(),
      registrationClosesAt: at(dayFrom(w.now, registrationClosesInDays), registrationClosesAt).toISOString(),
      meetingDays: meetingOnDays.map((d) => dayFrom(w.now, startsInDays + d - 1)),
    };
    return { content, published: new Date(w.now.getTime() + publishedInDays * DAY), registrations, sessions: programme };
  });

  for (const ev of events) {
    const submitted = new Date(ev.published.getTime() - 2 * DAY);
    const story = replay(EVENT_WORKFLOW, [
      { action: 'CREATE', role: 'OWNER', actorId: organiserUser, at: new Date(submitted.getTime() - DAY) },
      { action: 'SUBMIT', role: 'OWNER', actorId: organiserUser, at: submitted },
      { action: 'APPROVE', role: 'MODERATOR', actorId: w.moderatorId, at: ev.published },
    ]);
    const { identifiers } = await em.getRepository(eventKind.entity).insert({
      ...ev.content,
      slug: slugify(ev.content.nameVi, 90),
      status: story[story.length - 1].to,
      organizerId: organiserId,
      createdBy: organiserUser,
      submittedAt: submitted,
      publishedAt: ev.published,
    });
    const eventId = identifiers[0].id as string;
    await writeTrail(em, eventKind.trail, eventId, story);
    await em.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)`, [EVENT_CHANGED, JSON.stringify({ eventId })]);
    counts.events++;
    for (const session of ev.sessions) {
      const startsAt = at(ev.content.startsOn, session.startsAt);
      await em.query(`INSERT INTO techmart_programme_session (event_id, kind, title, title_en, speaker, room, starts_at, ends_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
        eventId, session.kind, session.title, session.titleEn, session.speaker, session.room, startsAt, new Date(startsAt.getTime() + 60 * 60 * 1000),
      ]);
    }

    // Past: everyone approved; open: the first ones approved, the rest waiting for the organiser.
    const registrationIds: { id: string; role: RegistrationRole; member: string; orgId: string; listingIds: string[] }[] = [];
    const people = [...exhibitors.map((x) => ({ ...x, role: RegistrationRole.EXHIBITOR })), ...visitors.map((x) => ({ ...x, role: RegistrationRole.VISITOR }))];
    for (const [i, p] of people.entries()) {
      const registeredBy = w.memberOf(p.orgKey);
      if (!registeredBy) continue;
      const approved = ev.registrations === 'past' || i % 3 !== 2;
      // Hours after registration opened (and after the event was published), never before.
      const opened = Math.max(ev.published.getTime(), Date.parse(ev.content.registrationOpensAt));
      const registeredAt = new Date(opened + (i + 1) * 3600_000);
      const [row] = await em.query(
        `INSERT INTO techmart_registration (event_id, organization_id, registered_by, role, status, listing_ids, answers, booth, decided_by, decided_at, created_at, check_in_code, checked_in_at, checked_in_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
        [
          eventId, w.orgIds.get(p.orgKey), registeredBy, p.role,
          approved ? RegistrationStatus.APPROVED : RegistrationStatus.PENDING,
          p.listingIds.slice(0, 3),
          JSON.stringify([{ questionId: ev.content.questions[0].id, answer: String(2 + (i % 3)) }]),
          approved && p.role === RegistrationRole.EXHIBITOR ? `A${i + 1}` : null,
          approved ? organiserUser : null,
          approved ? new Date(registeredAt.getTime() + DAY) : null,
          registeredAt,
          // Deterministic demo check-in codes (real ones are random: check-in.ts).
          approved ? `${ev.registrations === 'past' ? 'PAST' : 'OPEN'}DEMO${String(i + 1).padStart(2, '0')}` : null,
          // At the past Techmart everyone but the last came and was checked in on the first morning.
          ev.registrations === 'past' && i < people.length - 1 ? at(ev.content.startsOn, `07:${String(30 + i).padStart(2, '0')}`) : null,
          ev.registrations === 'past' && i < people.length - 1 ? organiserUser : null,
        ],
      );
      counts.registrations++;
      if (approved) registrationIds.push({ id: row.id, role: p.role, member: registeredBy, orgId: w.orgIds.get(p.orgKey)!, listingIds: p.listingIds });
    }

    // Meeting requests from visitors to exhibitors at the past Techmart: most accepted, one declined.
    if (ev.registrations === 'past') {
      const exh = registrationIds.filter((r) => r.role === RegistrationRole.EXHIBITOR);
      const vis = registrationIds.filter((r) => r.role === RegistrationRole.VISITOR);
      let slot = 0;
      for (const [i, v] of vis.entries()) {
        for (const x of exh.slice(i, i + 2)) {
          const start = at(ev.content.meetingDays[0], data.meetings.slots[slot++ % data.meetings.slots.length]);
          const declined = i === 0 && x === exh[i + 1];
          const [meeting] = await em.query(
            `INSERT INTO techmart_meeting_request (event_id, from_registration_id, to_registration_id, requested_by, reason, proposed_slots, status, accepted_slot, response_note, responded_by, responded_at, created_at)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
            [
              eventId, v.id, x.id, v.member,
              data.meetings.reason,
              [start],
              declined ? MeetingRequestStatus.DECLINED : MeetingRequestStatus.ACCEPTED,
              declined ? null : start,
              declined ? data.meetings.declineNote : null,
              x.member,
              new Date(ev.published.getTime() + 10 * DAY),
              new Date(ev.published.getTime() + 8 * DAY),
            ],
          );
          counts.meetingRequests++;
          if (!declined) {
            const held = await seedMeetingDay(em, { eventId, meetingId: meeting.id, at: start, visitor: v, exhibitor: x, n: counts.meetingRequests, moderatorId: w.moderatorId, eventName: ev.content.nameVi });
            if (held) counts.meetingOutcomes++;
          }
        }
      }
    }
  }
  return counts;
}

function uniqueOrgs(listings: { id: string; orgKey: string }[]): { orgKey: string; listingIds: string[] }[] {
  const byOrg = new Map<string, string[]>();
  for (const l of listings) byOrg.set(l.orgKey, [...(byOrg.get(l.orgKey) ?? []), l.id]);
  return [...byOrg].map(([orgKey, listingIds]) => ({ orgKey, listingIds }));
}

/** The outcomes of the past Techmart's meetings, in turn: contract, MOU, interest; every fifth one a no-show. */
const OUTCOME_TURN = ['CONTRACT', 'MOU', 'INTEREST'] as const;

/**
 * A past meeting's day-of record, as EventDayService writes it: held (or a no-show), and for a held
 * one its outcome, which became an accepted interest tagged with the event and, for a contract or
 * an MOU, a deal the department approved a week later (so the event's report and the market's
 * "made at Techmarts" figure have numbers). Returns whether an outcome was recorded.
 */
async function seedMeetingDay(
  em: EntityManager,
  c: { eventId: string; meetingId: string; at: Date; visitor: { member: string; orgId: string }; exhibitor: { member: string; orgId: string; listingIds: string[] }; n: number; moderatorId: string; eventName: string },
): Promise<boolean> {
  const markedAt = new Date(c.at.getTime() + 30 * 60_000);
  if (c.n % 5 === 0) {
    await em.query(`INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_by, attendance_at) VALUES ($1, 'NO_SHOW', $2, $3)`, [c.meetingId, c.exhibitor.member, markedAt]);
    return false;
  }
  const listingId = c.exhibitor.listingIds[0];
  const kind = OUTCOME_TURN[c.n % 3];
  const [interest] = listingId
    ? await em.query(
        `INSERT INTO interest (listing_id, organization_id, listing_organization_id, status, created_by, responded_by, responded_at, last_message_at, created_at, event_id)
         VALUES ($1, $2, $3, 'ACCEPTED', $4, $4, $5, $5, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [listingId, c.visitor.orgId, c.exhibitor.orgId, c.visitor.member, markedAt, c.eventId],
      )
    : [];
  if (!interest) {
    await em.query(`INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_by, attendance_at) VALUES ($1, 'HELD', $2, $3)`, [c.meetingId, c.exhibitor.member, markedAt]);
    return false;
  }
  const outcomes = demoData().events.outcomes;
  const what = outcomes[kind];
  await em.query(`INSERT INTO interest_message (interest_id, author_id, author_organization_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`, [
    interest.id, c.visitor.member, c.visitor.orgId, fill(outcomes.message, { event: c.eventName, outcome: what.toLowerCase() }), markedAt,
  ]);
  let dealId: string | null = null;
  const value = kind === 'CONTRACT' ? 850_000_000 + (c.n % 4) * 275_000_000 : kind === 'MOU' ? 400_000_000 + (c.n % 3) * 150_000_000 : null;
  if (value !== null) {
    const [{ province_code: province, transfer_modes: modes, title }] = await em.query(
      `SELECT o.province_code, l.transfer_modes, l.title FROM listing l JOIN organization o ON o.id = l.organization_id WHERE l.id = $1`,
      [listingId],
    );
    const step = (k: number) => new Date(markedAt.getTime() + k * DAY);
    const [deal] = await em.query(
      `INSERT INTO deal (interest_id, listing_id, supplier_organization_id, buyer_organization_id, province_code, value, transfer_mode, terms, status,
         proposed_by, proposer_organization_id, reviewed_by, reviewed_at, approved_at, created_at, event_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'APPROVED',$9,$10,$11,$12,$12,$13,$14) RETURNING id`,
      [interest.id, listingId, c.exhibitor.orgId, c.visitor.orgId, province, value, modes[0] ?? 'LICENSING', fill(outcomes.terms, { Outcome: what, event: c.eventName, title }), c.visitor.member, c.visitor.orgId, c.moderatorId, step(7), markedAt, c.eventId],
    );
    dealId = deal.id;
    const steps: [string, string | null, string, string, string | null, Date][] = [
      ['PROPOSE', null, 'PROPOSED', c.visitor.member, c.visitor.orgId, markedAt],
      ['ACCEPT', 'PROPOSED', 'ACCEPTED', c.exhibitor.member, c.exhibitor.orgId, step(1)],
      ['SUBMIT', 'ACCEPTED', 'UNDER_REVIEW', c.exhibitor.member, c.exhibitor.orgId, step(1)],
      ['APPROVE', 'UNDER_REVIEW', 'APPROVED', c.moderatorId, null, step(7)],
    ];
    for (const [action, from, to, actor, org, at] of steps) {
      await em.query(`INSERT INTO deal_event (deal_id, action, from_status, status, actor_id, actor_organization_id, note, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
        deal.id, action, from, to, actor, org, action === 'APPROVE' ? outcomes.approvalNote : null, at,
      ]);
    }
  }
  await em.query(
    `INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_by, attendance_at, outcome, outcome_value, outcome_listing_id, interest_id, deal_id, outcome_by, outcome_at)
     VALUES ($1, 'HELD', $2, $3, $4, $5, $6, $7, $8, $9, $3)`,
    [c.meetingId, c.exhibitor.member, markedAt, kind, value, listingId, interest.id, dealId, c.visitor.member],
  );
  return true;
}
