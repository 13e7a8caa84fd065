import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import { DEAL_STATUS_LABELS, DealStatus, InterestStatus, ListingKind, ModerationDecision, Role, DEAL_NOTE_MAX, TRANSFER_MODE_LABELS, type TransferMode } from '@techport/shared';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { Clock } from '../../common/clock.js';
import { format, groupedNumber, type Localized } from '../../common/i18n.js';
import { coversProvince, isModerator, jurisdictionOf, type Viewer } from '../../common/auth/viewer.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { isUniqueViolation } from '../../common/slug.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { NotificationsService, type NotificationDraft } from '../notifications/notifications.service.js';
import { InterestEntity } from './interest.entity.js';
import { DealEntity, DealEventEntity } from './deal.entity.js';
import {
  DealAction,
  DealRole,
  AWAITING_PARTY_STATUSES,
  FINAL_DEAL_STATUSES,
  PARTY_NEXT_STEPS,
  availableActions,
  decide,
  type DealFacts,
  type DealTransition,
} from './deal.workflow.js';
import type { DealInput } from './dto/deal.inputs.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { dealReviewSummary } from './deals.labels.js';
import catalogue from './deals.service.messages.json' with { type: 'json' };

export const NOTE_MAX = DEAL_NOTE_MAX;

const M = {
  deal: { vi: 'giao dịch', en: 'Deal' },
  interest: { vi: 'mối quan tâm', en: 'Interest' },
  terms: { vi: 'Điều khoản phải dài từ 10 đến 10.000 ký tự.', en: 'Terms must be 10 to 10,000 characters long.' },
  noteLength: { vi: `Ghi chú không được dài quá ${groupedNumber(NOTE_MAX).vi} ký tự.`, en: `A note must be at most ${groupedNumber(NOTE_MAX).en} characters long.` },
  noteRequired: { vi: 'Cần ghi rõ lý do từ chối.', en: 'A rejection needs a note saying why.' },
  interestNotAccepted: {
    vi: 'Chỉ đề xuất giao dịch được khi mối quan tâm đã được chấp nhận.',
    en: 'A deal can only be proposed on an accepted interest.',
  },
  liveDeal: {
    vi: 'Mối quan tâm này đã có một giao dịch chưa kết thúc.',
    en: 'There is already a deal under way on this interest.',
  },
  keyReused: {
    vi: 'Khóa chống gửi trùng này đã được dùng cho một mối quan tâm khác.',
    en: 'This idempotency key was already used for another interest.',
  },
  invalidStep: {
    vi: 'Không thể {action} giao dịch ở trạng thái “{status}”.',
    en: 'Cannot {action} a deal that is {status}.',
  },
  alreadySigned: { vi: 'Bên bạn đã ký giao dịch này.', en: 'Your side has already signed this deal.' },
} satisfies Record<string, Localized>;

const ACTION_VERBS: Record<DealAction, Localized> = catalogue.ACTION_VERBS;

const FORBIDDEN_MESSAGES: Record<DealAction, Localized> = catalogue.FORBIDDEN_MESSAGES;

/** "Cannot approve a deal that is cancelled", in both languages. */
function invalidStep(action: DealAction, status: DealStatus): Localized {
  return {
    vi: format(M.invalidStep, { action: ACTION_VERBS[action].vi, status: DEAL_STATUS_LABELS[status].vi.toLowerCase() }).vi,
    en: format(M.invalidStep, { action: ACTION_VERBS[action].en, status: DEAL_STATUS_LABELS[status].en.toLowerCase() }).en,
  };
}

/** Checks an optional note's length; blank means none. */
export function noteText(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  if (text.length > NOTE_MAX) throw Errors.invalidField('note', M.noteLength);
  return text;
}

type Party = 'SUPPLIER' | 'BUYER';

/** What a user is to a deal: the parties they belong to and the workflow roles that gives them. */
export interface DealStanding {
  parties: Party[];
  roles: Set<DealRole>;
  visible: boolean;
}

export function standingOf(viewer: Viewer | null, deal: DealEntity, orgIds: readonly string[]): DealStanding {
  const parties: Party[] = [];
  if (orgIds.includes(deal.supplierOrganizationId)) parties.push('SUPPLIER');
  if (orgIds.includes(deal.buyerOrganizationId)) parties.push('BUYER');
  const roles = new Set<DealRole>();
  if (parties.length) roles.add(DealRole.PARTY);
  const counterpartyOrg = deal.proposerOrganizationId === deal.supplierOrganizationId ? deal.buyerOrganizationId : deal.supplierOrganizationId;
  if (viewer && orgIds.includes(counterpartyOrg) && viewer.id !== deal.proposedBy) roles.add(DealRole.COUNTERPARTY);
  const covers = coversProvince(viewer, deal.provinceCode);
  if (covers && !parties.length) roles.add(DealRole.REVIEWER);
  return { parties, roles, visible: parties.length > 0 || covers };
}

/** Signature facts for the party a user would sign for (the first of theirs that has not signed yet). */
export function signatureFacts(deal: DealEntity, parties: Party[]): { party: Party | null; facts: DealFacts } {
  const signed = (p: Party) => (p === 'SUPPLIER' ? deal.supplierSignedAt : deal.buyerSignedAt) !== null;
  const party = parties.find((p) => !signed(p)) ?? parties[0] ?? null;
  if (!party) return { party: null, facts: { ownPartySigned: false, otherPartySigned: false } };
  const other: Party = party === 'SUPPLIER' ? 'BUYER' : 'SUPPLIER';
  return { party, facts: { ownPartySigned: signed(party), otherPartySigned: signed(other) } };
}

/**
 * Deals: proposal on an accepted interest, the other party's answer, the department's review,
 * signatures and completion. Every step goes through `decide` (deal.workflow.ts) on the deal
 * row locked FOR UPDATE, and writes its DealEvent in the same transaction.
 */
@Injectable()
export class DealsService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly audit: StaffAuditService,
  ) {}

  async propose(viewer: Viewer, input: DealInput): Promise<DealEntity> {
    const key = input.idempotencyKey ?? null;
    try {
      return await this.ds.transaction((em) => this.proposeIn(em, viewer, input, null));
    } catch (err) {
      // Two proposals racing past the checks (another interest with the same key): the indexes decide.
      if (isUniqueViolation(err)) throw Errors.conflict(key ? M.keyReused : M.liveDeal);
      throw err;
    }
  }

  /**
   * The proposal inside the caller's transaction (a Techmart meeting's outcome proposes its deal in
   * the same transaction as the interest it opens), tagged with the event it came out of, if any.
   */
  async proposeIn(em: EntityManager, viewer: Viewer, input: DealInput, eventId: string | null): Promise<DealEntity> {
    const terms = input.terms.trim();
    if (terms.length < 10 || terms.length > 10_000) throw Errors.invalidField('input.terms', M.terms);
    const key = input.idempotencyKey ?? null;
    // Locking the interest serialises proposals on it: a retried request waits for the first
    // and then finds its deal by the idempotency key.
    const interest = isUuid(input.interestId)
      ? await em.getRepository(InterestEntity).findOne({ where: { id: input.interestId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!interest) throw Errors.notFound(M.interest);
    const orgIds = await this.organizations.memberOrganizationIds(viewer.id, em);
    const onInterested = orgIds.includes(interest.organizationId);
    if (!onInterested && !orgIds.includes(interest.listingOrganizationId)) throw Errors.notFound(M.interest);

    if (key) {
      const previous = await em.getRepository(DealEntity).findOneBy({ proposedBy: viewer.id, idempotencyKey: key });
      if (previous) {
        if (previous.interestId !== interest.id) throw Errors.conflict(M.keyReused);
        return previous;
      }
    }
    const decision = decide(null, DealAction.PROPOSE, new Set([DealRole.PARTY]));
    if (!decision.ok) throw Errors.forbidden(FORBIDDEN_MESSAGES.PROPOSE);
    if (interest.status !== InterestStatus.ACCEPTED) throw Errors.conflict(M.interestNotAccepted);
    const live = await em
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .where('d.interest_id = :id AND d.status NOT IN (:...final)', { id: interest.id, final: FINAL_DEAL_STATUSES })
      .getExists();
    if (live) throw Errors.conflict(M.liveDeal);

    const listing = await em.getRepository(ListingEntity).findOneByOrFail({ id: interest.listingId });
    // The supplier is the OFFER side.
    const supplierId = listing.kind === ListingKind.OFFER ? interest.listingOrganizationId : interest.organizationId;
    const buyerId = supplierId === interest.organizationId ? interest.listingOrganizationId : interest.organizationId;
    const supplier = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: supplierId });
    const proposerOrg = onInterested ? interest.organizationId : interest.listingOrganizationId;

    const deal = await em.getRepository(DealEntity).save({
      interestId: interest.id,
      listingId: listing.id,
      supplierOrganizationId: supplierId,
      buyerOrganizationId: buyerId,
      provinceCode: supplier.provinceCode,
      value: input.value,
      currency: input.currency ?? 'VND',
      transferMode: input.transferMode,
      terms,
      status: decision.transition.to,
      proposedBy: viewer.id,
      proposerOrganizationId: proposerOrg,
      idempotencyKey: key,
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      approvedAt: null,
      supplierSignedAt: null,
      supplierSignedBy: null,
      buyerSignedAt: null,
      buyerSignedBy: null,
      completedAt: null,
      eventId,
    });
    await this.record(em, deal, decision.transition, null, viewer.id, proposerOrg, null);
    await this.notify(em, deal, DealAction.PROPOSE, viewer.id, listing.title);
    return em.getRepository(DealEntity).findOneByOrFail({ id: deal.id });
  }

  respond(viewer: Viewer, id: string, accept: boolean, note: string | null | undefined): Promise<DealEntity> {
    return this.act(viewer, id, accept ? DealAction.ACCEPT : DealAction.DECLINE, noteText(note));
  }

  review(viewer: Viewer, id: string, decision: ModerationDecision, note: string | null | undefined): Promise<DealEntity> {
    return this.act(viewer, id, decision === ModerationDecision.APPROVE ? DealAction.APPROVE : DealAction.REJECT, noteText(note));
  }

  sign(viewer: Viewer, id: string): Promise<DealEntity> {
    return this.act(viewer, id, DealAction.SIGN, null);
  }

  complete(viewer: Viewer, id: string): Promise<DealEntity> {
    return this.act(viewer, id, DealAction.COMPLETE, null);
  }

  cancel(viewer: Viewer, id: string, note: string | null | undefined): Promise<DealEntity> {
    return this.act(viewer, id, DealAction.CANCEL, noteText(note));
  }

  /**
   * One workflow step: lock the deal row, check the caller may see it (else NOT_FOUND) and that the
   * table allows the step (else FORBIDDEN / CONFLICT), apply it and its automatic follow-up, write
   * the events and the notifications: all in one transaction, so a refused step changes nothing and
   * two simultaneous steps are applied one after the other, the second against the first's result.
   */
  private act(viewer: Viewer, id: string, action: DealAction, note: string | null): Promise<DealEntity> {
    return this.ds.transaction(async (em) => {
      const deal = isUuid(id) ? await em.getRepository(DealEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!deal) throw Errors.notFound(M.deal);
      const standing = standingOf(viewer, deal, await this.organizations.memberOrganizationIds(viewer.id, em));
      if (!standing.visible) throw Errors.notFound(M.deal);
      const { party, facts } = signatureFacts(deal, standing.parties);
      const decision = decide(deal.status, action, standing.roles, facts);
      if (!decision.ok) {
        if (decision.code === 'FORBIDDEN') throw Errors.forbidden(FORBIDDEN_MESSAGES[action]);
        if (action === DealAction.SIGN && deal.status === DealStatus.APPROVED && facts.ownPartySigned) throw Errors.conflict(M.alreadySigned);
        throw Errors.conflict(invalidStep(action, deal.status));
      }
      const transition = decision.transition;
      if (transition.noteRequired && !note) throw Errors.invalidField('note', M.noteRequired);

      const now = this.clock.now();
      const from = deal.status;
      deal.status = transition.to;
      let actingOrg: string | null = null;
      switch (action) {
        case DealAction.APPROVE:
        case DealAction.REJECT:
          deal.reviewedBy = viewer.id;
          deal.reviewedAt = now;
          deal.reviewNote = note;
          if (action === DealAction.APPROVE) deal.approvedAt = now;
          break;
        case DealAction.SIGN:
          if (party === 'SUPPLIER') {
            deal.supplierSignedAt = now;
            deal.supplierSignedBy = viewer.id;
          } else {
            deal.buyerSignedAt = now;
            deal.buyerSignedBy = viewer.id;
          }
          actingOrg = party === 'SUPPLIER' ? deal.supplierOrganizationId : deal.buyerOrganizationId;
          break;
        case DealAction.COMPLETE:
          deal.completedAt = now;
          break;
        default:
          break;
      }
      if (!actingOrg && standing.parties.length) {
        // The party acted for: the counterparty when answering a proposal, else the first of the caller's.
        const counterparty = deal.proposerOrganizationId === deal.supplierOrganizationId ? deal.buyerOrganizationId : deal.supplierOrganizationId;
        const first = standing.parties[0] === 'SUPPLIER' ? deal.supplierOrganizationId : deal.buyerOrganizationId;
        actingOrg = standing.roles.has(DealRole.COUNTERPARTY) && (action === DealAction.ACCEPT || action === DealAction.DECLINE) ? counterparty : first;
      }
      await em.getRepository(DealEntity).save(deal);
      await this.record(em, deal, transition, from, viewer.id, actingOrg, note, now);
      const listing = await em.getRepository(ListingEntity).findOneByOrFail({ id: deal.listingId });
      if (action === DealAction.APPROVE || action === DealAction.REJECT) {
        const names = new Map(
          (await em.getRepository(OrganizationEntity).find({ select: { id: true, name: true }, where: { id: In([deal.supplierOrganizationId, deal.buyerOrganizationId]) } })).map((o) => [o.id, o.name]),
        );
        const [supplier, buyer] = [names.get(deal.supplierOrganizationId) ?? '', names.get(deal.buyerOrganizationId) ?? ''];
        await this.audit.record(em, {
          actor: viewer,
          action: StaffAuditAction.DEAL_REVIEWED,
          targetKind: StaffAuditTargetKind.DEAL,
          targetId: deal.id,
          summary: dealReviewSummary(action === DealAction.APPROVE, { title: listing.title, supplier, buyer, provinceCode: deal.provinceCode }),
          details: { decision: action, from, to: deal.status, title: listing.title, supplier, buyer, provinceCode: deal.provinceCode, value: String(deal.value), note },
        });
      }

      // The automatic follow-up (an accepted deal goes to the department at once).
      if (transition.then) {
        const next = decide(deal.status, transition.then, new Set([DealRole.SYSTEM]));
        if (!next.ok) throw new Error(`deal workflow: ${transition.then} must follow ${action}`);
        const before = deal.status;
        deal.status = next.transition.to;
        await em.getRepository(DealEntity).save(deal);
        await this.record(em, deal, next.transition, before, viewer.id, actingOrg, null, now);
      }
      await this.notify(em, deal, action, viewer.id, listing.title, note);
      return em.getRepository(DealEntity).findOneByOrFail({ id: deal.id });
    });
  }

  private async record(
    em: EntityManager,
    deal: DealEntity,
    t: DealTransition,
    from: DealStatus | null,
    actorId: string,
    actorOrganizationId: string | null,
    note: string | null,
    at: Date = this.clock.now(),
  ): Promise<void> {
    await em.getRepository(DealEventEntity).insert({ dealId: deal.id, action: t.action, fromStatus: from, status: t.to, actorId, actorOrganizationId, note, at });
  }

  /** Tells the people who have to act next, or who should know, in the same transaction. */
  private async notify(em: EntityManager, deal: DealEntity, action: DealAction, actorId: string, title: string, note: string | null = null): Promise<void> {
    // The storefront's /deals/<id> sends parties to their deal page and moderators to the review page.
    const url = `/deals/${deal.id}`;
    const both = [deal.supplierOrganizationId, deal.buyerOrganizationId];
    const proposer = deal.proposerOrganizationId;
    const counterparty = proposer === deal.supplierOrganizationId ? deal.buyerOrganizationId : deal.supplierOrganizationId;
    const noteBody = (fallback: Localized): Localized => (note ? { vi: note, en: note } : fallback);
    const send = async (orgIds: string[], n: NotificationDraft) => {
      for (const orgId of orgIds) await this.notifications.notifyOrganizationMembers(em, orgId, n, actorId);
    };
    const t = (vi: string, en: string): Localized => ({ vi: vi.replace('%t', title), en: en.replace('%t', title) });
    switch (action) {
      case DealAction.PROPOSE: {
        // Who proposes what, said in the notice and its e-mail: the value is what the other side weighs first.
        const org = (await em.getRepository(OrganizationEntity).findOneByOrFail({ id: proposer })).name;
        const value = groupedNumber(Number(deal.value));
        const mode = TRANSFER_MODE_LABELS[deal.transferMode as TransferMode];
        return send([counterparty], {
          kind: 'DEAL_PROPOSED',
          title: t('Đề xuất giao dịch mới cho “%t”', 'New deal proposal for “%t”'),
          body: {
            vi: `${org} đề xuất ${value.vi} ₫, ${mode.vi.toLowerCase()}. Hãy xem điều khoản và chấp nhận hoặc từ chối.`,
            en: `${org} proposes ₫${value.en}, ${mode.en.toLowerCase()}. Review the terms and accept or decline.`,
          },
          url,
        });
      }
      case DealAction.ACCEPT: {
        await send([proposer], {
          kind: 'DEAL_ACCEPTED',
          title: t('Giao dịch “%t” đã được chấp nhận', 'The deal for “%t” was accepted'),
          body: noteBody(t('Giao dịch đã được gửi Sở KH&CN thẩm định.', 'It has gone to the Department of Science and Technology for review.')),
          url,
        });
        // The department learns of a deal to review (in the app; its queue is `deals(status: UNDER_REVIEW)`).
        const moderators: { id: string }[] = await em.query(
          `SELECT id FROM app_user
           WHERE NOT disabled AND $1 = ANY(roles) AND (all_provinces OR $2 = ANY(moderated_province_codes))
             AND id NOT IN (SELECT user_id FROM organization_member WHERE organization_id = ANY($3::uuid[]))`,
          [Role.MODERATOR, deal.provinceCode, both],
        );
        await this.notifications.notifyUsers(
          em,
          moderators.map((m) => m.id),
          {
            kind: 'DEAL_REVIEW_REQUESTED',
            title: t('Giao dịch chờ thẩm định: “%t”', 'Deal awaiting review: “%t”'),
            body: t('Hai bên đã thống nhất; giao dịch cần Sở thẩm định.', 'Both parties agreed; the deal needs the department’s review.'),
            url,
            email: false,
          },
        );
        return;
      }
      case DealAction.DECLINE:
        return send([proposer], {
          kind: 'DEAL_DECLINED',
          title: t('Đề xuất giao dịch “%t” đã bị từ chối', 'The deal proposal for “%t” was declined'),
          body: noteBody(t('Bên kia đã từ chối đề xuất.', 'The other party declined the proposal.')),
          url,
        });
      case DealAction.APPROVE:
        return send(both, {
          kind: 'DEAL_APPROVED',
          title: t('Sở KH&CN đã duyệt giao dịch “%t”', 'The department approved the deal for “%t”'),
          body: noteBody(t('Hai bên có thể ký kết.', 'Both parties can now sign.')),
          url,
        });
      case DealAction.REJECT:
        return send(both, {
          kind: 'DEAL_REJECTED',
          title: t('Sở KH&CN đã từ chối giao dịch “%t”', 'The department rejected the deal for “%t”'),
          body: noteBody(t('Xem lý do trong giao dịch.', 'See the reason in the deal.')),
          url,
        });
      case DealAction.SIGN:
        return send(both, {
          kind: deal.status === DealStatus.SIGNED ? 'DEAL_SIGNED' : 'DEAL_SIGNATURE',
          title:
            deal.status === DealStatus.SIGNED
              ? t('Giao dịch “%t” đã được hai bên ký kết', 'The deal for “%t” is signed by both parties')
              : t('Một bên đã ký giao dịch “%t”', 'One party signed the deal for “%t”'),
          body:
            deal.status === DealStatus.SIGNED
              ? t('Xác nhận hoàn thành khi đã chuyển giao xong.', 'Mark it completed once the transfer is done.')
              : t('Giao dịch chờ chữ ký của bên còn lại.', 'The deal awaits the other party’s signature.'),
          url,
        });
      case DealAction.COMPLETE:
        return send(both, {
          kind: 'DEAL_COMPLETED',
          title: t('Giao dịch “%t” đã hoàn thành', 'The deal for “%t” is completed'),
          body: t('Cảm ơn hai bên đã sử dụng sàn.', 'Thank you for using the exchange.'),
          url,
        });
      case DealAction.CANCEL:
        return send(both, {
          kind: 'DEAL_CANCELLED',
          title: t('Giao dịch “%t” đã bị hủy', 'The deal for “%t” was cancelled'),
          body: noteBody(t('Một bên đã hủy giao dịch.', 'A party cancelled the deal.')),
          url,
        });
      default:
        return;
    }
  }

  /** The deal if the user is a party or a moderator covering it; null for everyone else. */
  async findVisible(viewer: Viewer | null, id: string): Promise<DealEntity | null> {
    if (!viewer || !isUuid(id)) return null;
    const deal = await this.ds.getRepository(DealEntity).findOneBy({ id });
    if (!deal) return null;
    return standingOf(viewer, deal, await this.organizations.memberOrganizationIds(viewer.id)).visible ? deal : null;
  }

  /** Parties see their deals; moderators also those in their jurisdiction (admins: all). Newest first. */
  async list(viewer: Viewer, status: DealStatus | null, page: PageInput | undefined): Promise<Page<DealEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const orgIds = await this.organizations.memberOrganizationIds(viewer.id);
    const qb = this.ds.getRepository(DealEntity).createQueryBuilder('d');
    qb.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (orgIds.length) w.orWhere('(d.supplier_organization_id IN (:...orgIds) OR d.buyer_organization_id IN (:...orgIds))', { orgIds });
        if (isModerator(viewer)) {
          const codes = jurisdictionOf(viewer);
          if (codes === null) w.orWhere('1 = 1');
          else w.orWhere('d.province_code = ANY(:codes)', { codes });
        }
      }),
    );
    if (status) qb.andWhere('d.status = :status', { status });
    const [items, totalItems] = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'ASC').skip(offset).take(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /**
   * The deals whose next step is the caller's, as a member of a party: a proposal from the other
   * side to answer, a signature, the completion. Newest first. (A moderator's reviews are the
   * review queue's.) A party has few deals in these statuses, so the steps are worked out per deal
   * with the workflow table rather than in SQL.
   */
  async awaitingParty(viewer: Viewer, page: PageInput | undefined): Promise<Page<DealEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const orgIds = await this.organizations.memberOrganizationIds(viewer.id);
    if (!orgIds.length) return { items: [], totalItems: 0, page: p, pageSize };
    const rows = await this.ds
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .where('(d.supplier_organization_id IN (:...orgIds) OR d.buyer_organization_id IN (:...orgIds))', { orgIds })
      .andWhere('d.status IN (:...statuses)', { statuses: AWAITING_PARTY_STATUSES })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    const waiting = rows.filter((d) => this.actionsFor(viewer, d, orgIds).some((a) => PARTY_NEXT_STEPS.includes(a)));
    return { items: waiting.slice(offset, offset + pageSize), totalItems: waiting.length, page: p, pageSize };
  }

  async findByIds(ids: readonly string[]): Promise<DealEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(DealEntity).findBy({ id: In(valid) }) : [];
  }

  /** The history of several deals, in order (for a DataLoader). */
  async eventsOf(dealIds: readonly string[]): Promise<DealEventEntity[]> {
    if (!dealIds.length) return [];
    return this.ds.getRepository(DealEventEntity).find({ where: { dealId: In([...dealIds]) }, order: { id: 'ASC' } });
  }

  /** The steps the user may take on the deal now. */
  actionsFor(viewer: Viewer | null, deal: DealEntity, orgIds: readonly string[]): DealAction[] {
    const standing = standingOf(viewer, deal, orgIds);
    if (!standing.visible) return [];
    return availableActions(deal.status, standing.roles, signatureFacts(deal, standing.parties).facts);
  }
}
