import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEAL_STATUS_LABELS, DealStatus, findProvince, findTechField, localizedName, type Lang } from '@techport/shared';
import { fieldLabel, fieldsOf, splitFieldCounts } from '../stats/field-breakdown.js';
import { Errors } from '../../common/errors.js';
import { t, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, type Viewer } from '../../common/auth/viewer.js';
import { APPROVED_DEAL_STATUSES } from '../deals/deal.workflow.js';
import { EventEntity, MeetingRequestStatus, RegistrationRole, RegistrationStatus } from './event.entity.js';
import { MeetingAttendance, MeetingOutcomeKind } from './event-day.entity.js';
import { EventsService } from './events.service.js';
import { EventDayService } from './event-day.service.js';
import { MEETING_SIDES_SQL, MEETING_TIME_SQL } from './check-in.js';
import catalogue from './event-report.service.messages.json' with { type: 'json' };

const M = catalogue.messages satisfies Record<string, Localized>;

export const OUTCOME_LABELS: Record<MeetingOutcomeKind, Localized> = catalogue.OUTCOME_LABELS;

/** One recorded outcome, as the report's table and CSV list them. */
export interface OutcomeRow {
  meetingId: string;
  meetingAt: Date | null;
  kind: MeetingOutcomeKind;
  value: number | null;
  listingId: string;
  listingTitle: string;
  fieldCodes: string[];
  supplier: string;
  buyer: string;
  provinceCode: string;
  interestId: string;
  dealId: string | null;
  dealStatus: DealStatus | null;
  /** The deal's value in the register (whole VND), when there is a deal. */
  dealValue: number | null;
}

/** A meeting held (attendance HELD) whose outcome nobody has recorded: listed as "not recorded". */
export interface UnrecordedMeetingRow {
  meetingId: string;
  meetingAt: Date | null;
  /**
   * The two organisations that met: the exhibitor's, then the visitor's (the CSV's supplier and
   * buyer columns), whoever asked; between two of the same role, the requester's first.
   */
  parties: string[];
}

/** A deal in the register is signed when both parties signed it (SIGNED), and stays so once COMPLETED. */
export const SIGNED_DEAL_STATUSES: readonly DealStatus[] = [DealStatus.SIGNED, DealStatus.COMPLETED];

export interface KeyFigure {
  key: string;
  label: string;
  count: number;
  value: number;
}

export interface EventReport {
  event: EventEntity;
  exhibitors: number;
  visitors: number;
  exhibitorsCheckedIn: number;
  visitorsCheckedIn: number;
  registrationsPending: number;
  meetingsRequested: number;
  meetingsAccepted: number;
  meetingsDeclined: number;
  meetingsScheduled: number;
  meetingsHeld: number;
  meetingsNoShow: number;
  interests: number;
  mous: number;
  mouValue: number;
  contracts: number;
  contractValue: number;
  dealsApproved: number;
  dealValueApproved: number;
  /** Of the recorded MOUs / contracts, those whose deal the register shows signed or completed, with the deals' value. */
  mousSigned: number;
  mouSignedValue: number;
  contractsSigned: number;
  contractSignedValue: number;
  /** Held meetings without a recorded outcome. */
  unrecorded: UnrecordedMeetingRow[];
  byField: KeyFigure[];
  /** The same agreements by sub-field, under their top-level field (see field-breakdown.ts). */
  bySubField: (KeyFigure & { topKey: string })[];
  byProvince: KeyFigure[];
  outcomes: OutcomeRow[];
}

/** MOUs and contracts count unless their deal was cancelled or rejected since. */
/** What an ended event made, for everyone (Event.results). */
export interface EventResults {
  exhibitors: number;
  visitors: number;
  meetingsHeld: number;
  mous: number;
  contracts: number;
  /** The agreements' value, whole VND. */
  value: number;
}

const LIVE = (o: Pick<OutcomeRow, 'kind' | 'dealStatus'>) => o.kind !== MeetingOutcomeKind.INTEREST && o.dealStatus !== DealStatus.CANCELLED && o.dealStatus !== DealStatus.REJECTED;

/**
 * The event's report for the organiser and the department (issue #17): participants by role and
 * checked in, meetings requested → accepted → scheduled → held / no-show, and the outcomes (MOUs
 * and contracts by count and value, by field and by the supplier's province; deals the department
 * approved). Read live from the event's rows: an event has hundreds of meetings, not millions.
 */
@Injectable()
export class EventReportService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventsService,
    private readonly day: EventDayService,
  ) {}

  /** NOT_FOUND when the caller cannot see the event; FORBIDDEN for others who can (the public, participants). */
  async forViewer(viewer: Viewer, eventId: string): Promise<EventEntity> {
    const event = isUuid(eventId) ? await this.events.findOne({ id: eventId }) : null;
    if (!event || !(await this.events.canView(viewer, event))) throw Errors.notFound(M.noun);
    if (!(await this.day.isStaff(viewer, event))) throw Errors.forbidden(M.staffOnly);
    return event;
  }

  /**
   * Whether the viewer reads the report as the department (a moderator covering the event's
   * province who is not one of the organiser's members), the same rule as an event created by
   * staff: such a download is a staff export and goes to the audit log.
   */
  async readsAsDepartment(viewer: Viewer, event: EventEntity): Promise<boolean> {
    return coversProvince(viewer, event.provinceCode) && !(await this.events.isOrganizer(viewer, event));
  }

  /**
   * What each ended event made, for everyone (Event.results), for many events at once: the
   * report's exhibitors, visitors, meetings held, agreements and their value (the same counts and
   * the same LIVE rule as report()), in three grouped statements instead of a report per event
   * (an events list of twenty past fairs took a hundred statements).
   */
  async resultsOf(eventIds: readonly string[]): Promise<Map<string, EventResults>> {
    const out = new Map<string, EventResults>(eventIds.map((id) => [id, { exhibitors: 0, visitors: 0, meetingsHeld: 0, mous: 0, contracts: 0, value: 0 }]));
    if (!eventIds.length) return out;
    await this.ds.transaction('REPEATABLE READ', async (em) => {
      const people: { event_id: string; exhibitors: number; visitors: number }[] = await em.query(
        `SELECT event_id, count(*) FILTER (WHERE role = $3)::int AS exhibitors, count(*) FILTER (WHERE role = $4)::int AS visitors
         FROM techmart_registration WHERE event_id = ANY($1) AND status = $2 GROUP BY event_id`,
        [eventIds, RegistrationStatus.APPROVED, RegistrationRole.EXHIBITOR, RegistrationRole.VISITOR],
      );
      for (const r of people) Object.assign(out.get(r.event_id)!, { exhibitors: r.exhibitors, visitors: r.visitors });
      const held: { event_id: string; n: number }[] = await em.query(
        `SELECT m.event_id, count(*)::int AS n FROM techmart_meeting_request m JOIN techmart_meeting_record r ON r.meeting_id = m.id
         WHERE m.event_id = ANY($1) AND m.status = $2 AND r.attendance = $3 GROUP BY m.event_id`,
        [eventIds, MeetingRequestStatus.ACCEPTED, MeetingAttendance.HELD],
      );
      for (const r of held) out.get(r.event_id)!.meetingsHeld = r.n;
      const outcomes: { event_id: string; kind: MeetingOutcomeKind; value: string | null; dealStatus: DealStatus | null }[] = await em.query(
        `SELECT m.event_id, r.outcome AS kind, r.outcome_value::text AS value, d.status AS "dealStatus"
         FROM techmart_meeting_record r
         JOIN techmart_meeting_request m ON m.id = r.meeting_id
         JOIN listing l ON l.id = r.outcome_listing_id
         JOIN interest i ON i.id = r.interest_id
         LEFT JOIN deal d ON d.id = r.deal_id
         WHERE m.event_id = ANY($1) AND r.outcome IS NOT NULL`,
        [eventIds],
      );
      for (const o of outcomes) {
        if (!LIVE(o)) continue;
        const r = out.get(o.event_id)!;
        if (o.kind === MeetingOutcomeKind.MOU) r.mous++;
        if (o.kind === MeetingOutcomeKind.CONTRACT) r.contracts++;
        if (o.kind === MeetingOutcomeKind.MOU || o.kind === MeetingOutcomeKind.CONTRACT) r.value += o.value === null ? 0 : Number(o.value);
      }
    });
    return out;
  }

  async report(event: EventEntity, lang: Lang): Promise<EventReport> {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const [p]: Record<string, number>[] = await em.query(
        `SELECT count(*) FILTER (WHERE status = $2 AND role = $3)::int AS exhibitors,
                count(*) FILTER (WHERE status = $2 AND role = $4)::int AS visitors,
                count(*) FILTER (WHERE status = $2 AND role = $3 AND checked_in_at IS NOT NULL)::int AS "exhibitorsCheckedIn",
                count(*) FILTER (WHERE status = $2 AND role = $4 AND checked_in_at IS NOT NULL)::int AS "visitorsCheckedIn",
                count(*) FILTER (WHERE status = $5)::int AS "registrationsPending"
         FROM techmart_registration WHERE event_id = $1`,
        [event.id, RegistrationStatus.APPROVED, RegistrationRole.EXHIBITOR, RegistrationRole.VISITOR, RegistrationStatus.PENDING],
      );
      const [mt]: Record<string, number>[] = await em.query(
        `SELECT count(*)::int AS "meetingsRequested",
                count(*) FILTER (WHERE m.status = $2)::int AS "meetingsAccepted",
                count(*) FILTER (WHERE m.status = $3)::int AS "meetingsDeclined",
                count(*) FILTER (WHERE m.status = $2 AND ${MEETING_TIME_SQL('m')} IS NOT NULL)::int AS "meetingsScheduled",
                count(*) FILTER (WHERE m.status = $2 AND r.attendance = $4)::int AS "meetingsHeld",
                count(*) FILTER (WHERE m.status = $2 AND r.attendance = $5)::int AS "meetingsNoShow"
         FROM techmart_meeting_request m LEFT JOIN techmart_meeting_record r ON r.meeting_id = m.id
         WHERE m.event_id = $1`,
        [event.id, MeetingRequestStatus.ACCEPTED, MeetingRequestStatus.DECLINED, MeetingAttendance.HELD, MeetingAttendance.NO_SHOW],
      );
      const outcomes = (
        await em.query(
          `SELECT m.id AS "meetingId", ${MEETING_TIME_SQL('m')} AS "meetingAt", r.outcome AS kind, r.outcome_value::text AS value,
                  l.id AS "listingId", l.title AS "listingTitle", l.field_codes AS "fieldCodes",
                  coalesce(so.name, CASE WHEN l.kind = 'OFFER' THEN lo.name ELSE io.name END) AS supplier,
                  coalesce(bo.name, CASE WHEN l.kind = 'OFFER' THEN io.name ELSE lo.name END) AS buyer,
                  coalesce(d.province_code, l.province_code) AS "provinceCode",
                  r.interest_id AS "interestId", d.id AS "dealId", d.status AS "dealStatus", d.value::text AS "dealValue"
           FROM techmart_meeting_record r
           JOIN techmart_meeting_request m ON m.id = r.meeting_id
           JOIN listing l ON l.id = r.outcome_listing_id
           JOIN interest i ON i.id = r.interest_id
           JOIN organization lo ON lo.id = i.listing_organization_id
           JOIN organization io ON io.id = i.organization_id
           LEFT JOIN deal d ON d.id = r.deal_id
           LEFT JOIN organization so ON so.id = d.supplier_organization_id
           LEFT JOIN organization bo ON bo.id = d.buyer_organization_id
           WHERE m.event_id = $1 AND r.outcome IS NOT NULL
           ORDER BY ${MEETING_TIME_SQL('m')} NULLS LAST, m.id`,
          [event.id],
        )
      ).map((o: OutcomeRow & { value: string | null; dealValue: string | null }) => ({
        ...o,
        value: o.value === null ? null : Number(o.value),
        dealValue: o.dealValue === null ? null : Number(o.dealValue),
      })) as OutcomeRow[];
      const unrecorded: UnrecordedMeetingRow[] = await em.query(
        `SELECT m.id AS "meetingId", ${MEETING_TIME_SQL('m')} AS "meetingAt",
                CASE WHEN fr.role = $4 AND tr.role = $5 THEN ARRAY[tor.name, fo.name] ELSE ARRAY[fo.name, tor.name] END AS parties
         FROM techmart_meeting_request m
         JOIN techmart_meeting_record r ON r.meeting_id = m.id
         ${MEETING_SIDES_SQL('m')}
         WHERE m.event_id = $1 AND m.status = $2 AND r.attendance = $3 AND r.outcome IS NULL
         ORDER BY ${MEETING_TIME_SQL('m')} NULLS LAST, m.id`,
        [event.id, MeetingRequestStatus.ACCEPTED, MeetingAttendance.HELD, RegistrationRole.VISITOR, RegistrationRole.EXHIBITOR],
      );
      const [approved]: { n: number; total: string }[] = await em.query(
        `SELECT count(*)::int AS n, coalesce(sum(value), 0)::text AS total FROM deal WHERE event_id = $1 AND status = ANY($2)`,
        [event.id, APPROVED_DEAL_STATUSES],
      );

      const sum = (kind: MeetingOutcomeKind) => outcomes.filter((o) => o.kind === kind && LIVE(o));
      const signed = (kind: MeetingOutcomeKind) => outcomes.filter((o) => o.kind === kind && o.dealStatus !== null && SIGNED_DEAL_STATUSES.includes(o.dealStatus));
      const group = (keysOf: (o: OutcomeRow) => string[], label: (k: string) => string): KeyFigure[] => {
        const by = new Map<string, KeyFigure>();
        for (const o of outcomes.filter(LIVE)) {
          for (const key of new Set(keysOf(o))) {
            const f = by.get(key) ?? { key, label: label(key), count: 0, value: 0 };
            f.count++;
            f.value += o.value ?? 0;
            by.set(key, f);
          }
        }
        return [...by.values()].sort((a, b) => b.value - a.value || b.count - a.count || a.key.localeCompare(b.key));
      };
      // By the top-level field of each listing field (an agreement on a listing in two top-level
      // fields counts in both, once in each), and apart by sub-field: the rule of /stats.
      const byAnyField = group(
        (o) => o.fieldCodes.flatMap(fieldsOf),
        (k) => fieldLabel(k, lang),
      );
      const fields = splitFieldCounts(byAnyField, (a, b) => b.value - a.value || b.count - a.count || a.key.localeCompare(b.key));
      return {
        event,
        ...(p as Pick<EventReport, 'exhibitors' | 'visitors' | 'exhibitorsCheckedIn' | 'visitorsCheckedIn' | 'registrationsPending'>),
        ...(mt as Pick<EventReport, 'meetingsRequested' | 'meetingsAccepted' | 'meetingsDeclined' | 'meetingsScheduled' | 'meetingsHeld' | 'meetingsNoShow'>),
        interests: outcomes.filter((o) => o.kind === MeetingOutcomeKind.INTEREST).length,
        mous: sum(MeetingOutcomeKind.MOU).length,
        mouValue: sum(MeetingOutcomeKind.MOU).reduce((s, o) => s + (o.value ?? 0), 0),
        contracts: sum(MeetingOutcomeKind.CONTRACT).length,
        contractValue: sum(MeetingOutcomeKind.CONTRACT).reduce((s, o) => s + (o.value ?? 0), 0),
        dealsApproved: approved.n,
        dealValueApproved: Number(approved.total),
        mousSigned: signed(MeetingOutcomeKind.MOU).length,
        mouSignedValue: signed(MeetingOutcomeKind.MOU).reduce((s, o) => s + (o.dealValue ?? 0), 0),
        contractsSigned: signed(MeetingOutcomeKind.CONTRACT).length,
        contractSignedValue: signed(MeetingOutcomeKind.CONTRACT).reduce((s, o) => s + (o.dealValue ?? 0), 0),
        unrecorded,
        byField: fields.top,
        bySubField: fields.sub,
        byProvince: group(
          (o) => [o.provinceCode],
          (k) => {
            const pr = findProvince(k);
            return pr ? localizedName(pr, lang) : k;
          },
        ),
        outcomes,
      };
    });
  }

  /**
   * The report's CSV: a line a held meeting or recorded outcome, in meeting time order (a held
   * meeting without an outcome reads "Chưa ghi nhận"), then, after an empty line, the totals
   * (label, count, value) the report's key figures show.
   */
  static csvLines(r: EventReport, lang: Lang): (string | number | null)[][] {
    const day = (at: Date | null) => (at ? new Date(at).getTime() : Number.POSITIVE_INFINITY);
    const rows: { at: number; id: string; cells: (string | number | null)[] }[] = [
      ...r.outcomes.map((o) => ({ at: day(o.meetingAt), id: o.meetingId, cells: EventReportService.csvRow(o, lang) })),
      ...r.unrecorded.map((u) => ({
        at: day(u.meetingAt),
        id: u.meetingId,
        cells: [EventReportService.csvTime(u.meetingAt), t(M.notRecorded, lang), null, null, u.parties[0], u.parties[1], null, null, null, null],
      })),
    ].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const kind = (k: MeetingOutcomeKind) => r.outcomes.filter((o) => o.kind === k).length;
    const totals: (string | number | null)[][] = [
      [t(M.totals, lang)],
      [t(M.participants, lang), r.exhibitors + r.visitors, null],
      [t(M.checkedIn, lang), r.exhibitorsCheckedIn + r.visitorsCheckedIn, null],
      [t(M.meetingsHeld, lang), r.meetingsHeld, null],
      [t(M.recordedInterest, lang), kind(MeetingOutcomeKind.INTEREST), null],
      [t(M.recordedMou, lang), r.mous, r.mouValue],
      [t(M.recordedContract, lang), r.contracts, r.contractValue],
      [t(M.recordedNone, lang), r.unrecorded.length, null],
      [t(M.signedMou, lang), r.mousSigned, r.mouSignedValue],
      [t(M.signedContract, lang), r.contractsSigned, r.contractSignedValue],
      [t(M.dealsApproved, lang), r.dealsApproved, r.dealValueApproved],
    ];
    return [...rows.map((x) => x.cells), [], ...totals];
  }

  static csvTime(at: Date | null): string | null {
    return at ? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(at)) : null;
  }

  /** One recorded outcome as CSV cells, for the department's spreadsheets (labels in `lang`). */
  static csvRow(o: OutcomeRow, lang: Lang): (string | number | null)[] {
    const name = (r: { nameVi: string; nameEn: string } | undefined, code: string) => (r ? localizedName(r, lang) : code);
    const fields = o.fieldCodes.map((c) => name(findTechField(c), c)).join('; ');
    const day = EventReportService.csvTime(o.meetingAt);
    return [
      day,
      t(OUTCOME_LABELS[o.kind], lang),
      o.listingTitle,
      fields,
      o.supplier,
      o.buyer,
      name(findProvince(o.provinceCode), o.provinceCode),
      o.value,
      o.dealStatus ? t(DEAL_STATUS_LABELS[o.dealStatus], lang) : null,
      o.dealId,
    ];
  }
}

/**
 * The CSV's columns, as the department's spreadsheets name them, in the reader's language. The
 * outcome is what the participants recorded; the deal's status is the register's (only "Đã ký
 * kết"/"Hoàn thành" means signed). The totals block below the rows uses the first three columns.
 */
export const EVENT_REPORT_COLUMNS: readonly Localized[] = [
  { vi: 'Giờ gặp', en: 'Meeting time' },
  { vi: 'Kết quả ghi nhận (theo người tham gia)', en: 'Recorded outcome (by participants)' },
  { vi: 'Công nghệ', en: 'Technology' },
  { vi: 'Lĩnh vực', en: 'Fields' },
  { vi: 'Bên chuyển giao', en: 'Supplier' },
  { vi: 'Bên nhận', en: 'Buyer' },
  { vi: 'Tỉnh/thành', en: 'Province' },
  { vi: 'Giá trị (VND)', en: 'Value (VND)' },
  { vi: 'Trạng thái giao dịch', en: 'Deal status' },
  { vi: 'Mã giao dịch', en: 'Deal ID' },
];
