import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { InterestStatus, ListingStatus } from '@techport/shared';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { Clock } from '../../common/clock.js';
import { groupedNumber, type Localized } from '../../common/i18n.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation } from '../../common/slug.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { isExpired } from '../listings/listing.rules.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { InterestEntity, MessageEntity } from './interest.entity.js';
import { DealEntity } from './deal.entity.js';
import { FINAL_DEAL_STATUSES } from './deal.workflow.js';

export const MESSAGE_MAX = 5000;

const M = {
  interest: { vi: 'mối quan tâm', en: 'Interest' },
  listing: { vi: 'tin công nghệ', en: 'Listing' },
  organization: { vi: 'tổ chức', en: 'Organisation' },
  messageLength: { vi: `Tin nhắn phải dài từ 1 đến ${groupedNumber(MESSAGE_MAX).vi} ký tự.`, en: `A message must be 1 to ${groupedNumber(MESSAGE_MAX).en} characters long.` },
  notMember: { vi: 'Bạn không phải là thành viên của tổ chức này.', en: 'You are not a member of this organisation.' },
  ownListing: { vi: 'Không thể bày tỏ quan tâm đến tin của chính tổ chức mình.', en: "An organisation cannot express interest in its own listing." },
  expired: { vi: 'Tin này đã hết hạn, không nhận thêm quan tâm.', en: 'This listing has expired and takes no more interest.' },
  duplicate: {
    vi: 'Tổ chức này đã có một mối quan tâm đang mở với tin này.',
    en: 'This organisation already has an open interest in this listing.',
  },
  notListingSide: { vi: 'Chỉ thành viên của tổ chức đăng tin mới trả lời được.', en: "Only members of the listing's organisation can respond." },
  notInterestedSide: { vi: 'Chỉ tổ chức đã bày tỏ quan tâm mới rút lại được.', en: 'Only the interested organisation can withdraw.' },
  notOpen: { vi: 'Mối quan tâm này đã được trả lời.', en: 'This interest has already been answered.' },
  closed: { vi: 'Cuộc trao đổi này đã kết thúc.', en: 'This conversation is closed.' },
  liveDeal: {
    vi: 'Đang có một giao dịch chưa kết thúc trên mối quan tâm này; hãy hủy giao dịch trước.',
    en: 'A deal on this interest is still under way; cancel it first.',
  },
} satisfies Record<string, Localized>;

/** Trims a message and checks its length; `path` names the argument in the error. */
export function messageText(path: string, raw: string | null | undefined, required: boolean): string | null {
  const text = (raw ?? '').trim();
  if (!text) {
    if (required) throw Errors.invalidField(path, M.messageLength);
    return null;
  }
  if (text.length > MESSAGE_MAX) throw Errors.invalidField(path, M.messageLength);
  return text;
}

function excerpt(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Which side of an interest a user is on (possibly both, if they belong to both organisations). */
export interface InterestSides {
  interested: boolean;
  owner: boolean;
}

export function sidesOf(interest: Pick<InterestEntity, 'organizationId' | 'listingOrganizationId'>, orgIds: readonly string[]): InterestSides {
  return { interested: orgIds.includes(interest.organizationId), owner: orgIds.includes(interest.listingOrganizationId) };
}

/**
 * Interests and their conversations. Only members of the two organisations ever see an
 * interest or its messages; to everybody else it does not exist.
 */
@Injectable()
export class InterestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async express(viewer: Viewer, listingId: string, organizationId: string, message: string): Promise<InterestEntity> {
    const text = messageText('message', message, true)!;
    try {
      return await this.ds.transaction(async (em) => {
        const listing = isUuid(listingId) ? await em.getRepository(ListingEntity).findOneBy({ id: listingId }) : null;
        if (!listing || listing.status !== ListingStatus.PUBLISHED) throw Errors.notFound(M.listing);
        const org = isUuid(organizationId) ? await em.getRepository(OrganizationEntity).findOneBy({ id: organizationId }) : null;
        if (!org) throw Errors.notFound(M.organization);
        if (!(await this.organizations.isMember(viewer.id, org.id, em))) throw Errors.forbidden(M.notMember);
        if (org.id === listing.organizationId) throw Errors.invalidField('organizationId', M.ownListing);
        if (isExpired(listing, this.clock.now())) throw Errors.conflict(M.expired);
        const live = await em.getRepository(InterestEntity).existsBy({
          listingId: listing.id,
          organizationId: org.id,
          status: In([InterestStatus.OPEN, InterestStatus.ACCEPTED]),
        });
        if (live) throw Errors.conflict(M.duplicate);

        const interest = await em.getRepository(InterestEntity).save({
          listingId: listing.id,
          organizationId: org.id,
          listingOrganizationId: listing.organizationId,
          status: InterestStatus.OPEN,
          createdBy: viewer.id,
          respondedBy: null,
          respondedAt: null,
        });
        await this.addMessage(em, interest, viewer.id, org.id, text);
        await this.notifications.notifyOrganizationMembers(
          em,
          listing.organizationId,
          {
            kind: 'INTEREST_NEW',
            title: { vi: `${org.name} quan tâm đến “${listing.title}”`, en: `${org.name} is interested in “${listing.title}”` },
            body: { vi: excerpt(text), en: excerpt(text) },
            url: `/interests/${interest.id}`,
            dedupeKey: `interest:${interest.id}:new`,
          },
          viewer.id,
        );
        return em.getRepository(InterestEntity).findOneByOrFail({ id: interest.id });
      });
    } catch (err) {
      // Two requests at the same moment: the partial unique index lets one through.
      if (isUniqueViolation(err)) throw Errors.conflict(M.duplicate);
      throw err;
    }
  }

  /**
   * An interest that two organisations agreed on face to face (a held Techmart meeting), inside the
   * caller's transaction: opened already ACCEPTED, so either side can propose a deal at once, with
   * the recorder's message as the first of the conversation and the event it came out of. When the
   * interested organisation already has a live interest in the listing, that one is used (and
   * tagged with the event if it had none). The other side's members are notified.
   */
  async openFromMeeting(
    em: EntityManager,
    args: { actorId: string; actorOrganizationId: string; listing: ListingEntity; interestedOrganizationId: string; message: string; eventId: string; url?: string },
  ): Promise<InterestEntity> {
    const { listing, interestedOrganizationId: orgId } = args;
    const repo = em.getRepository(InterestEntity);
    const live = await repo.findOne({
      where: { listingId: listing.id, organizationId: orgId, status: In([InterestStatus.OPEN, InterestStatus.ACCEPTED]) },
      lock: { mode: 'pessimistic_write' },
    });
    const now = this.clock.now();
    let interest: InterestEntity;
    if (live) {
      await repo.update({ id: live.id }, {
        status: InterestStatus.ACCEPTED,
        eventId: live.eventId ?? args.eventId,
        ...(live.status === InterestStatus.OPEN ? { respondedBy: args.actorId, respondedAt: now } : {}),
      });
      interest = await repo.findOneByOrFail({ id: live.id });
    } else {
      interest = await repo.save({
        listingId: listing.id,
        organizationId: orgId,
        listingOrganizationId: listing.organizationId,
        status: InterestStatus.ACCEPTED,
        createdBy: args.actorId,
        respondedBy: args.actorId,
        respondedAt: now,
        eventId: args.eventId,
      });
    }
    const text = messageText('input.message', args.message, true)!;
    await this.addMessage(em, interest, args.actorId, args.actorOrganizationId, text);
    const other = args.actorOrganizationId === orgId ? listing.organizationId : orgId;
    const org = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: args.actorOrganizationId });
    await this.notifications.notifyOrganizationMembers(
      em,
      other,
      {
        kind: 'INTEREST_FROM_MEETING',
        title: { vi: `${org.name} ghi nhận kết quả cuộc gặp về “${listing.title}”`, en: `${org.name} recorded your meeting's outcome on “${listing.title}”` },
        body: { vi: excerpt(text), en: excerpt(text) },
        url: args.url ?? `/interests/${interest.id}`,
      },
      args.actorId,
    );
    return interest;
  }

  /** The listing's organisation accepts or declines an OPEN interest, optionally with a message. */
  async respond(viewer: Viewer, id: string, accept: boolean, message: string | null | undefined): Promise<InterestEntity> {
    const text = messageText('message', message, false);
    return this.ds.transaction(async (em) => {
      const { interest, sides } = await this.lockVisible(em, viewer, id);
      if (!sides.owner) throw Errors.forbidden(M.notListingSide);
      if (interest.status !== InterestStatus.OPEN) throw Errors.conflict(M.notOpen);
      interest.status = accept ? InterestStatus.ACCEPTED : InterestStatus.DECLINED;
      interest.respondedBy = viewer.id;
      interest.respondedAt = this.clock.now();
      await em.getRepository(InterestEntity).save(interest);
      if (text) await this.addMessage(em, interest, viewer.id, interest.listingOrganizationId, text);
      const listing = await em.getRepository(ListingEntity).findOneByOrFail({ id: interest.listingId });
      await this.notifications.notifyOrganizationMembers(
        em,
        interest.organizationId,
        {
          kind: accept ? 'INTEREST_ACCEPTED' : 'INTEREST_DECLINED',
          title: accept
            ? { vi: `Quan tâm của bạn đến “${listing.title}” đã được chấp nhận`, en: `Your interest in “${listing.title}” was accepted` }
            : { vi: `Quan tâm của bạn đến “${listing.title}” đã bị từ chối`, en: `Your interest in “${listing.title}” was declined` },
          body: text
            ? { vi: excerpt(text), en: excerpt(text) }
            : accept
              ? { vi: 'Hai bên có thể trao đổi và đề xuất giao dịch.', en: 'Both sides can now talk and propose a deal.' }
              : { vi: 'Tổ chức đăng tin đã từ chối.', en: "The listing's organisation declined." },
          url: `/interests/${interest.id}`,
        },
        viewer.id,
      );
      return em.getRepository(InterestEntity).findOneByOrFail({ id: interest.id });
    });
  }

  /** The interested organisation withdraws (OPEN or ACCEPTED, and no deal under way). */
  async withdraw(viewer: Viewer, id: string): Promise<InterestEntity> {
    return this.ds.transaction(async (em) => {
      const { interest, sides } = await this.lockVisible(em, viewer, id);
      if (!sides.interested) throw Errors.forbidden(M.notInterestedSide);
      if (interest.status !== InterestStatus.OPEN && interest.status !== InterestStatus.ACCEPTED) throw Errors.conflict(M.closed);
      const liveDeal = await em
        .getRepository(DealEntity)
        .createQueryBuilder('d')
        .where('d.interest_id = :id AND d.status NOT IN (:...final)', { id: interest.id, final: FINAL_DEAL_STATUSES })
        .getExists();
      if (liveDeal) throw Errors.conflict(M.liveDeal);
      interest.status = InterestStatus.WITHDRAWN;
      interest.respondedBy = viewer.id;
      interest.respondedAt = this.clock.now();
      await em.getRepository(InterestEntity).save(interest);
      const [org, listing] = await Promise.all([
        em.getRepository(OrganizationEntity).findOneByOrFail({ id: interest.organizationId }),
        em.getRepository(ListingEntity).findOneByOrFail({ id: interest.listingId }),
      ]);
      await this.notifications.notifyOrganizationMembers(
        em,
        interest.listingOrganizationId,
        {
          kind: 'INTEREST_WITHDRAWN',
          title: { vi: `${org.name} đã rút quan tâm đến “${listing.title}”`, en: `${org.name} withdrew its interest in “${listing.title}”` },
          body: { vi: 'Cuộc trao đổi đã kết thúc.', en: 'The conversation is closed.' },
          url: `/interests/${interest.id}`,
        },
        viewer.id,
      );
      return em.getRepository(InterestEntity).findOneByOrFail({ id: interest.id });
    });
  }

  /** A member of either organisation writes in an OPEN or ACCEPTED interest; the other side is notified. */
  async sendMessage(viewer: Viewer, interestId: string, body: string): Promise<MessageEntity> {
    const text = messageText('body', body, true)!;
    return this.ds.transaction(async (em) => {
      const { interest, sides } = await this.lockVisible(em, viewer, interestId);
      if (interest.status !== InterestStatus.OPEN && interest.status !== InterestStatus.ACCEPTED) throw Errors.conflict(M.closed);
      const side = sides.interested ? interest.organizationId : interest.listingOrganizationId;
      const other = side === interest.organizationId ? interest.listingOrganizationId : interest.organizationId;
      const message = await this.addMessage(em, interest, viewer.id, side, text);
      const [org, listing] = await Promise.all([
        em.getRepository(OrganizationEntity).findOneByOrFail({ id: side }),
        em.getRepository(ListingEntity).findOneByOrFail({ id: interest.listingId }),
      ]);
      await this.notifications.notifyOrganizationMembers(
        em,
        other,
        {
          kind: 'INTEREST_MESSAGE',
          title: { vi: `Tin nhắn mới từ ${org.name} về “${listing.title}”`, en: `New message from ${org.name} about “${listing.title}”` },
          body: { vi: excerpt(text), en: excerpt(text) },
          url: `/interests/${interest.id}`,
        },
        viewer.id,
      );
      return message;
    });
  }

  /** Interests the user's organisations expressed or received, most recently active first. */
  async listForUser(userId: string, listingId: string | null): Promise<InterestEntity[]> {
    const orgIds = await this.organizations.memberOrganizationIds(userId);
    if (!orgIds.length) return [];
    if (listingId !== null && !isUuid(listingId)) return [];
    const qb = this.ds
      .getRepository(InterestEntity)
      .createQueryBuilder('i')
      .where('(i.organization_id IN (:...orgIds) OR i.listing_organization_id IN (:...orgIds))', { orgIds });
    if (listingId) qb.andWhere('i.listing_id = :listingId', { listingId });
    return qb.orderBy('i.last_message_at', 'DESC').addOrderBy('i.id', 'ASC').limit(500).getMany();
  }

  /** The interest if the user belongs to either organisation; null for everyone else. */
  async findVisible(userId: string | null, id: string): Promise<InterestEntity | null> {
    if (!userId || !isUuid(id)) return null;
    const interest = await this.ds.getRepository(InterestEntity).findOneBy({ id });
    if (!interest) return null;
    const orgIds = await this.organizations.memberOrganizationIds(userId);
    const sides = sidesOf(interest, orgIds);
    return sides.interested || sides.owner ? interest : null;
  }

  async findByIds(ids: readonly string[]): Promise<InterestEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(InterestEntity).findBy({ id: In(valid) }) : [];
  }

  /** Messages of several interests at once, oldest first (for a DataLoader). */
  async messagesOf(interestIds: readonly string[]): Promise<MessageEntity[]> {
    if (!interestIds.length) return [];
    return this.ds
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.interest_id IN (:...ids)', { ids: [...interestIds] })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  /** Locks the interest for the rest of the transaction; NOT_FOUND unless the user is on either side. */
  private async lockVisible(em: EntityManager, viewer: Viewer, id: string): Promise<{ interest: InterestEntity; sides: InterestSides }> {
    const interest = isUuid(id) ? await em.getRepository(InterestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!interest) throw Errors.notFound(M.interest);
    const sides = sidesOf(interest, await this.organizations.memberOrganizationIds(viewer.id, em));
    if (!sides.interested && !sides.owner) throw Errors.notFound(M.interest);
    return { interest, sides };
  }

  private async addMessage(em: EntityManager, interest: InterestEntity, authorId: string, authorOrganizationId: string, body: string): Promise<MessageEntity> {
    const message = await em.getRepository(MessageEntity).save({ interestId: interest.id, authorId, authorOrganizationId, body });
    await em.query(`UPDATE interest SET last_message_at = $2, updated_at = now() WHERE id = $1`, [interest.id, message.createdAt]);
    return message;
  }
}
