import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import type { Localized } from '../../common/i18n.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { messageText } from '../deals/interests.service.js';
import { ExpertContactEntity, ExpertMessageEntity, ExpertProfileEntity } from './expert.entity.js';
import { ExpertProfileStatus } from './expert.rules.js';
import catalogue from './expert-contacts.service.messages.json' with { type: 'json' };

const M = catalogue satisfies Record<string, Localized>;

/** A message's text, trimmed and checked (1–5000 characters, no control characters other than line breaks and tabs). */
function messageBody(path: string, raw: string): string {
  const text = messageText(path, raw, true)!;
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw Errors.invalidField(path, M.control);
  return text;
}

function excerpt(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Which side of a conversation a user is on (possibly both: an expert writing to their own organisation's thread). */
export interface ContactSides {
  expert: boolean;
  organization: boolean;
}

export function contactSides(contact: Pick<ExpertContactEntity, 'expertUserId' | 'organizationId'>, userId: string | null, orgIds: readonly string[]): ContactSides {
  return { expert: !!userId && contact.expertUserId === userId, organization: orgIds.includes(contact.organizationId) };
}

/**
 * "Contact the expert": an organisation's members write to a published expert; the expert and
 * the organisation's members then exchange messages. One conversation per organisation and
 * expert (contacting again continues it). Nobody else ever sees it.
 */
@Injectable()
export class ExpertContactsService {
  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
  ) {}

  async contact(viewer: Viewer, expertId: string, organizationId: string, message: string): Promise<ExpertContactEntity> {
    const text = messageBody('message', message);
    return this.ds.transaction(async (em) => {
      const expert = isUuid(expertId) ? await em.getRepository(ExpertProfileEntity).findOneBy({ id: expertId }) : null;
      if (!expert || expert.status !== ExpertProfileStatus.PUBLISHED) throw Errors.notFound(M.expert);
      const org = isUuid(organizationId) ? await em.getRepository(OrganizationEntity).findOneBy({ id: organizationId }) : null;
      if (!org) throw Errors.notFound(M.organization);
      if (!(await this.organizations.isMember(viewer.id, org.id, em))) throw Errors.forbidden(M.notMember);
      if (expert.userId === viewer.id) throw Errors.invalidField('expertId', M.ownProfile);

      // Concurrent first contacts from one organisation meet on the unique index: one row, both messages.
      await em.query(
        `INSERT INTO expert_contact (expert_id, expert_user_id, organization_id, expert_name, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (expert_id, organization_id) DO NOTHING`,
        [expert.id, expert.userId, org.id, expert.fullName, viewer.id],
      );
      const contact = await em.getRepository(ExpertContactEntity).findOneOrFail({
        where: { expertId: expert.id, organizationId: org.id },
        lock: { mode: 'pessimistic_write' },
      });
      await this.addMessage(em, contact, viewer.id, false, text);
      await this.notifications.notifyUsers(em, [expert.userId], {
        kind: 'EXPERT_CONTACT',
        title: { vi: `${org.name} muốn trao đổi với bạn`, en: `${org.name} would like to talk to you` },
        body: { vi: excerpt(text), en: excerpt(text) },
        url: `/experts/contacts/${contact.id}`,
      });
      return em.getRepository(ExpertContactEntity).findOneByOrFail({ id: contact.id });
    });
  }

  /** The expert or a member of the organisation writes; the other side is notified. */
  async sendMessage(viewer: Viewer, contactId: string, body: string): Promise<ExpertMessageEntity> {
    const text = messageBody('body', body);
    return this.ds.transaction(async (em) => {
      const contact = isUuid(contactId)
        ? await em.getRepository(ExpertContactEntity).findOne({ where: { id: contactId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!contact) throw Errors.notFound(M.contact);
      const sides = contactSides(contact, viewer.id, await this.organizations.memberOrganizationIds(viewer.id, em));
      if (!sides.expert && !sides.organization) throw Errors.notFound(M.contact);
      const message = await this.addMessage(em, contact, viewer.id, sides.expert, text);
      const url = `/experts/contacts/${contact.id}`;
      if (sides.expert) {
        await this.notifications.notifyOrganizationMembers(
          em,
          contact.organizationId,
          {
            kind: 'EXPERT_MESSAGE',
            title: { vi: `Tin nhắn mới từ chuyên gia ${contact.expertName}`, en: `New message from the expert ${contact.expertName}` },
            body: { vi: excerpt(text), en: excerpt(text) },
            url,
          },
          viewer.id,
        );
      } else {
        const org = await em.getRepository(OrganizationEntity).findOneByOrFail({ id: contact.organizationId });
        await this.notifications.notifyUsers(em, [contact.expertUserId], {
          kind: 'EXPERT_MESSAGE',
          title: { vi: `Tin nhắn mới từ ${org.name}`, en: `New message from ${org.name}` },
          body: { vi: excerpt(text), en: excerpt(text) },
          url,
        });
      }
      return message;
    });
  }

  /** Conversations the user is in (as the expert or as a member of the organisation), most recent first. */
  async listForUser(userId: string): Promise<ExpertContactEntity[]> {
    const orgIds = await this.organizations.memberOrganizationIds(userId);
    const qb = this.ds.getRepository(ExpertContactEntity).createQueryBuilder('c').where('c.expert_user_id = :userId', { userId });
    if (orgIds.length) qb.orWhere('c.organization_id IN (:...orgIds)', { orgIds });
    return qb.orderBy('c.last_message_at', 'DESC').addOrderBy('c.id', 'ASC').limit(500).getMany();
  }

  /** The conversation if the user is on either side; null for everyone else. */
  async findVisible(userId: string | null, id: string): Promise<ExpertContactEntity | null> {
    if (!userId || !isUuid(id)) return null;
    const contact = await this.ds.getRepository(ExpertContactEntity).findOneBy({ id });
    if (!contact) return null;
    const sides = contactSides(contact, userId, await this.organizations.memberOrganizationIds(userId));
    return sides.expert || sides.organization ? contact : null;
  }

  /** Messages of several conversations at once, oldest first (for a DataLoader). */
  async messagesOf(contactIds: readonly string[]): Promise<ExpertMessageEntity[]> {
    const valid = contactIds.filter(isUuid);
    if (!valid.length) return [];
    return this.ds.getRepository(ExpertMessageEntity).find({ where: { contactId: In(valid) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private async addMessage(em: EntityManager, contact: ExpertContactEntity, authorId: string, fromExpert: boolean, body: string): Promise<ExpertMessageEntity> {
    const message = await em.getRepository(ExpertMessageEntity).save({ contactId: contact.id, authorId, fromExpert, body });
    await em.query(`UPDATE expert_contact SET last_message_at = $2 WHERE id = $1`, [contact.id, message.createdAt]);
    return message;
  }
}
