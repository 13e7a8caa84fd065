import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { normalizeForSearch, techFieldWithDescendants, type Lang } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { EventEntity, EventRegistrationEntity, MeetingRequestEntity, MeetingRequestStatus, RegistrationRole, RegistrationStatus } from './event.entity.js';
import { EventsService } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';
import { registrationDocuments } from './event-matching.js';
import { bestPairMatch, type PairMatch } from './scheduler/meeting-priority.js';
import type { EventMarketplaceInput } from './dto/event.inputs.js';

export const OPEN_MEETING_STATUSES = [MeetingRequestStatus.REQUESTED, MeetingRequestStatus.COUNTER_PROPOSED, MeetingRequestStatus.ACCEPTED];

/** How much of an event's marketplace the caller sees. */
export enum MarketplaceScope {
  /** The public: approved exhibitors and the offers they show (what the event page already shows). */
  EXHIBITORS = 'EXHIBITORS',
  /** Approved participants and the organiser: every approved participant, visitors and their demands too. */
  PARTICIPANTS = 'PARTICIPANTS',
}

export interface MarketplacePage extends Page<EventRegistrationEntity> {
  scope: MarketplaceScope;
}

/** One "person here you should meet": another approved participant, the engine's best pair with them, and any open request between the two. */
export interface MeetingSuggestion {
  participant: EventRegistrationEntity;
  match: PairMatch;
  openRequest: MeetingRequestEntity | null;
}

/**
 * An event's marketplace (issue #17, "Matchmaking"): its approved participants with their
 * organisation, role, booth and the listings they bring, searched and filtered, and, for one
 * participant, the matching engine's suggestions restricted to the event.
 *
 * Visibility: exhibitors and the published offers at their booths are public already (the event
 * page lists them, and the offers are public listings), so anyone who may see the event sees
 * that part. Who comes to buy, with which demands, is the participants' business: visitors are
 * shown only to approved participants and the organiser.
 *
 * An event has hundreds of participants, not millions: the filters run over the event's approved
 * registrations in memory, each word of the query starting a word of the folded text (with or
 * without diacritics).
 */
@Injectable()
export class EventMarketplaceService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly clock: Clock,
  ) {}

  /** PARTICIPANTS for the organiser's members and approved participants' members; EXHIBITORS for everyone else. */
  async scope(viewer: Viewer | null, event: EventEntity): Promise<MarketplaceScope> {
    if (!viewer) return MarketplaceScope.EXHIBITORS;
    if (await this.events.isOrganizer(viewer, event)) return MarketplaceScope.PARTICIPANTS;
    const mine = await this.registrations.mine(viewer, event.id);
    return mine.some((r) => r.status === RegistrationStatus.APPROVED) ? MarketplaceScope.PARTICIPANTS : MarketplaceScope.EXHIBITORS;
  }

  /** The marketplace of an event the caller may see (null otherwise): exhibitors first, by booth, then by name. */
  async search(viewer: Viewer | null, eventId: string, input: EventMarketplaceInput, page: PageInput | undefined): Promise<MarketplacePage | null> {
    const event = isUuid(eventId) ? await this.events.findOne({ id: eventId }) : null;
    if (!event || !(await this.events.canView(viewer, event))) return null;
    const scope = await this.scope(viewer, event);
    const { offset, pageSize, page: p } = pageWindow(page);
    const role = scope === MarketplaceScope.EXHIBITORS ? RegistrationRole.EXHIBITOR : (input.role ?? null);
    if (scope === MarketplaceScope.EXHIBITORS && input.role === RegistrationRole.VISITOR) return { items: [], totalItems: 0, page: p, pageSize, scope };

    const regs = await this.ds.getRepository(EventRegistrationEntity).find({ where: { eventId: event.id, status: RegistrationStatus.APPROVED, ...(role ? { role } : {}) } });
    const orgIds = [...new Set(regs.map((r) => r.organizationId))];
    const orgs = new Map((orgIds.length ? await this.ds.getRepository(OrganizationEntity).findBy({ id: In(orgIds) }) : []).map((o) => [o.id, o]));
    const listings = new Map((await this.registrations.publicListings([...new Set(regs.flatMap((r) => r.listingIds))])).map((l) => [l.id, l]));

    const fields = input.fieldCode ? new Set(techFieldWithDescendants(input.fieldCode)) : null;
    const words = normalizeForSearch(input.query ?? '').split(/\s+/).filter(Boolean);
    const rows = regs.filter((r) => {
      const org = orgs.get(r.organizationId)!;
      if (input.provinceCode && org.provinceCode !== input.provinceCode) return false;
      const own = r.listingIds.flatMap((id) => listings.get(id) ?? []);
      if (fields && !own.some((l) => l.fieldCodes.some((c) => fields.has(c)))) return false;
      if (!words.length) return true;
      // Each word starts a word of the text ("say" finds "sấy", "b1" the booth B1 but not "ab12").
      const tokens = normalizeForSearch([org.name, r.booth ?? '', ...own.flatMap((l) => [l.title, l.summary, ...l.keywords])].join(' ')).split(' ');
      return words.every((w) => tokens.some((tok) => tok.startsWith(w)));
    });
    const collator = new Intl.Collator('vi', { numeric: true });
    rows.sort(
      (a, b) =>
        (a.role === b.role ? 0 : a.role === RegistrationRole.EXHIBITOR ? -1 : 1) ||
        (a.booth === b.booth ? 0 : a.booth === null ? 1 : b.booth === null ? -1 : collator.compare(a.booth, b.booth)) ||
        collator.compare(orgs.get(a.organizationId)!.name, orgs.get(b.organizationId)!.name) ||
        a.id.localeCompare(b.id),
    );
    return { items: rows.slice(offset, offset + pageSize), totalItems: rows.length, page: p, pageSize, scope };
  }

  /**
   * "People here you should meet": the other approved participants of the registration's event
   * whose listings the matching engine pairs with the registration's (an offer of one side for a
   * demand of the other), best first, with the engine's reasons in `lang`. Participants the engine
   * finds no relevance with, and those bringing no offer–demand pair, are left out. The caller
   * checks who may ask (the registration's organisation and the organiser).
   */
  async suggestions(registration: EventRegistrationEntity, limit: number, lang: Lang): Promise<MeetingSuggestion[]> {
    if (registration.status !== RegistrationStatus.APPROVED) return [];
    const regs = await this.ds.getRepository(EventRegistrationEntity).findBy({ eventId: registration.eventId, status: RegistrationStatus.APPROVED });
    const others = regs.filter((r) => r.organizationId !== registration.organizationId);
    if (!others.length) return [];
    const docs = await registrationDocuments(this.ds.manager, regs, this.clock.now());
    const mine = docs.get(registration.id) ?? [];
    if (!mine.length) return [];
    const ranked = others
      .flatMap((r) => {
        const match = bestPairMatch(mine, docs.get(r.id) ?? [], lang);
        return match && match.score > 0 ? [{ participant: r, match }] : [];
      })
      .sort((a, b) => b.match.score - a.match.score || a.participant.id.localeCompare(b.participant.id))
      .slice(0, limit);
    if (!ranked.length) return [];
    const ids = ranked.map((s) => s.participant.id);
    const open = await this.ds
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('m')
      .where('m.status IN (:...open)', { open: OPEN_MEETING_STATUSES })
      .andWhere(
        new Brackets((w) =>
          w
            .where('m.from_registration_id = :me AND m.to_registration_id IN (:...ids)', { me: registration.id, ids })
            .orWhere('m.to_registration_id = :me AND m.from_registration_id IN (:...ids)', { me: registration.id, ids }),
        ),
      )
      .orderBy('m.created_at', 'DESC')
      .getMany();
    return ranked.map((s) => ({
      ...s,
      openRequest: open.find((m) => m.fromRegistrationId === s.participant.id || m.toRegistrationId === s.participant.id) ?? null,
    }));
  }
}
