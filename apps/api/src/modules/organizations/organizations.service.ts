import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, type Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation, withUniqueSlug } from '../../common/slug.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationEntity, OrganizationMemberEntity, type MemberRole } from './organization.entity.js';
import type { OrganizationInput, OrganizationUpdateInput } from './dto/organization.inputs.js';
import { UserEntity } from '../accounts/user.entity.js';
import { normalizeEmail } from '../accounts/accounts.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { RateLimitService } from '../../common/rate-limit.service.js';
import { AccountMailService, hashToken } from '../accounts/account-mail.service.js';
import { OrganizationInvitationEntity } from './invitation.entity.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import catalogue from './organizations.service.messages.json' with { type: 'json' };

const M = catalogue;

/** A reason as a sentence: ends with a full stop unless it has its own. */
const withStop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly mail: AccountMailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: StaffAuditService,
    private readonly limits: RateLimitService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Creates the organisation and makes the creator its owner, in one transaction. */
  async create(viewer: Viewer, input: OrganizationInput): Promise<OrganizationEntity> {
    return withUniqueSlug(
      input.name,
      async (base) => {
        const rows: { slug: string }[] = await this.ds.query(`SELECT slug FROM organization WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`]);
        return new Set(rows.map((r) => r.slug));
      },
      async (slug) => {
        try {
          return await this.ds.transaction(async (em) => {
            const org = await em.getRepository(OrganizationEntity).save({
              slug,
              name: input.name.trim(),
              kind: input.kind,
              provinceCode: input.provinceCode,
              description: input.description?.trim() || null,
              website: input.website?.trim() || null,
              taxCode: input.taxCode?.trim() || null,
              createdBy: viewer.id,
            });
            await em.getRepository(OrganizationMemberEntity).insert({ organizationId: org.id, userId: viewer.id, role: 'OWNER' });
            return org;
          });
        } catch (err) {
          if (isUniqueViolation(err)) return null;
          throw err;
        }
      },
    );
  }

  async findOne(by: { id?: string | null; slug?: string | null }): Promise<OrganizationEntity | null> {
    const repo = this.ds.getRepository(OrganizationEntity);
    if (by.id) return isUuid(by.id) ? repo.findOneBy({ id: by.id }) : null;
    if (by.slug) return repo.findOneBy({ slug: by.slug });
    return null;
  }

  async findByIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(OrganizationEntity).findBy({ id: In(valid) }) : [];
  }

  /** Organisation ids the user belongs to. */
  async memberOrganizationIds(userId: string, em: EntityManager = this.ds.manager): Promise<string[]> {
    const rows = await em.getRepository(OrganizationMemberEntity).find({ where: { userId }, select: { organizationId: true } });
    return rows.map((r) => r.organizationId);
  }

  async membershipsOfUsers(userIds: readonly string[]): Promise<OrganizationMemberEntity[]> {
    return userIds.length ? this.ds.getRepository(OrganizationMemberEntity).findBy({ userId: In([...userIds]) }) : [];
  }

  async isMember(userId: string, organizationId: string, em: EntityManager = this.ds.manager): Promise<boolean> {
    if (!isUuid(organizationId)) return false;
    return em.getRepository(OrganizationMemberEntity).existsBy({ userId, organizationId });
  }

  async members(organizationId: string): Promise<OrganizationMemberEntity[]> {
    return this.ds.getRepository(OrganizationMemberEntity).find({ where: { organizationId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  /**
   * The owner invites an address to join (as member or co-owner): an e-mail with a single-use
   * link goes out after commit, whether or not the address has an account, and the answer is the
   * same either way (#19: no e-mail enumeration). A new invitation to the same address replaces
   * a pending one. Membership starts when the invitee accepts (acceptInvitation). Each invitation
   * is an e-mail to an address the owner typed, so they are rate-limited per inviting account and
   * per invited address (RATE_LIMIT_INVITATIONS_PER_*): RATE_LIMITED, and nothing sent, beyond.
   */
  async invite(viewer: Viewer, organizationId: string, emailInput: string, role: MemberRole): Promise<OrganizationInvitationEntity> {
    const org = await this.findOne({ id: organizationId });
    if (!org || !(await this.isMember(viewer.id, org.id))) throw Errors.notFound(M.organization);
    const mine = await this.ds.getRepository(OrganizationMemberEntity).findOneBy({ organizationId: org.id, userId: viewer.id });
    if (mine?.role !== 'OWNER') throw Errors.forbidden(M.notOwner);
    const email = normalizeEmail(emailInput);
    // An invitation that would change nothing (the address is already an owner, the inviting owner's
    // own included, or a member invited as a member again) is refused beside the field: it would
    // otherwise read "invitation sent" and stay pending for good. Members and their addresses are listed to the owner
    // already, so this tells nothing new. Inviting a member as co-owner still goes out (it promotes).
    const [current] = await this.ds.query(
      `SELECT m.role FROM organization_member m JOIN app_user u ON u.id = m.user_id WHERE m.organization_id = $1 AND lower(u.email) = $2`,
      [org.id, email],
    );
    if (current && (current.role === 'OWNER' || current.role === role)) throw Errors.invalidField('email', email === normalizeEmail(viewer.email) ? M.inviteSelf : M.alreadyMember);
    await this.limits.consume('invitationsPerAccount', viewer.id);
    await this.limits.consume('invitationsPerAddress', email);
    return this.ds.transaction(async (em) => {
      await em.query(`DELETE FROM organization_invitation WHERE organization_id = $1 AND email = $2 AND accepted_at IS NULL`, [org.id, email]);
      const now = this.clock.now();
      const invitation = await em.getRepository(OrganizationInvitationEntity).save({
        organizationId: org.id,
        email,
        role,
        invitedBy: viewer.id,
        tokenHash: null,
        expiresAt: new Date(now.getTime() + this.config.INVITATION_TTL_DAYS * 86_400_000),
        acceptedAt: null,
        acceptedBy: null,
      });
      await this.mail.publish(em, { kind: 'INVITATION', invitationId: invitation.id });
      return invitation;
    });
  }

  /**
   * The owner withdraws an invitation not yet accepted (a mistyped address, a change of mind): the
   * row goes, so the e-mailed link stops working at once. NOT_FOUND for an unknown or accepted
   * invitation and for one of an organisation the caller is not in; FORBIDDEN for a member who is
   * not an owner. Answers the invitation as it was, to name it in the confirmation.
   */
  async cancelInvitation(viewer: Viewer, invitationId: string): Promise<OrganizationInvitationEntity> {
    if (!isUuid(invitationId)) throw Errors.notFound(M.invitation);
    return this.ds.transaction(async (em) => {
      // Locked, as acceptInvitation locks it: a link accepted meanwhile is a membership, not a pending invitation.
      const invitation = await em.getRepository(OrganizationInvitationEntity).findOne({ where: { id: invitationId }, lock: { mode: 'pessimistic_write' } });
      const mine = invitation && (await em.getRepository(OrganizationMemberEntity).findOneBy({ organizationId: invitation.organizationId, userId: viewer.id }));
      if (!invitation || invitation.acceptedAt || !mine) throw Errors.notFound(M.invitation);
      if (mine.role !== 'OWNER') throw Errors.forbidden(M.notOwnerCancel);
      await em.delete(OrganizationInvitationEntity, { id: invitation.id });
      return invitation;
    });
  }

  /** Invitations of the organisation not yet accepted nor expired (for its members). */
  async pendingInvitations(organizationId: string): Promise<OrganizationInvitationEntity[]> {
    return this.ds
      .getRepository(OrganizationInvitationEntity)
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId AND i.accepted_at IS NULL AND i.expires_at > :now', { organizationId, now: this.clock.now() })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  /** The invitation behind a link's secret, if it can still be accepted. */
  async usableInvitation(secret: string, em: EntityManager = this.ds.manager, lock = false): Promise<OrganizationInvitationEntity | null> {
    if (typeof secret !== 'string' || secret.length < 20 || secret.length > 200) return null;
    const invitation = await em.getRepository(OrganizationInvitationEntity).findOne({
      where: { tokenHash: hashToken(secret) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    return invitation;
  }

  /**
   * The signed-in invitee accepts: they become a member (an owner stays owner), the link is
   * spent. Only the account with the invited address may accept, so a forwarded link lets no
   * one else in.
   */
  async acceptInvitation(viewer: Viewer, secret: string): Promise<OrganizationMemberEntity> {
    return this.ds.transaction(async (em) => {
      const invitation = await this.usableInvitation(secret, em, true);
      if (!invitation) throw Errors.invalidField('token', M.badInvitation);
      if (normalizeEmail(viewer.email) !== invitation.email) throw Errors.forbidden(M.invitationForOther);
      await em.query(
        `INSERT INTO organization_member (organization_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (organization_id, user_id) DO UPDATE SET role = CASE WHEN organization_member.role = 'OWNER' THEN 'OWNER' ELSE EXCLUDED.role END`,
        [invitation.organizationId, viewer.id, invitation.role],
      );
      await em.query(`UPDATE organization_invitation SET accepted_at = $2, accepted_by = $3 WHERE id = $1`, [invitation.id, this.clock.now(), viewer.id]);
      return em.getRepository(OrganizationMemberEntity).findOneByOrFail({ organizationId: invitation.organizationId, userId: viewer.id });
    });
  }

  /**
   * A member edits the profile. Renaming a verified organisation withdraws the verification (the
   * department verified that name); the search index learns of the change via the outbox. The slug
   * stays, so links keep working.
   */
  async update(viewer: Viewer, id: string, input: OrganizationUpdateInput): Promise<OrganizationEntity> {
    return this.ds.transaction(async (em) => {
      const org = isUuid(id) ? await em.getRepository(OrganizationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!org || !(await this.isMember(viewer.id, org.id, em))) throw Errors.notFound(M.organization);
      const optional = (v: string | null | undefined, current: string | null) => (v === undefined ? current : v?.trim() || null);
      if (input.name !== undefined && input.name !== null) {
        const name = input.name.trim();
        if (name !== org.name && org.verified) {
          org.verified = false;
          org.verifiedAt = null;
          org.verifiedBy = null;
        }
        org.name = name;
      }
      if (input.taxCode !== undefined) {
        const taxCode = input.taxCode?.trim() || null;
        // The tax code is what the department checked: a new one is checked again.
        if (taxCode !== org.taxCode && org.verified) {
          org.verified = false;
          org.verifiedAt = null;
          org.verifiedBy = null;
        }
        org.taxCode = taxCode;
      }
      // An edit answers a declined verification: the organisation is back in the queue (the reason stays shown until a decision).
      org.verificationDeclinedAt = null;
      if (input.provinceCode) org.provinceCode = input.provinceCode;
      org.description = optional(input.description, org.description);
      org.website = optional(input.website, org.website);
      org.contactEmail = optional(input.contactEmail, org.contactEmail)?.toLowerCase() ?? null;
      org.contactPhone = optional(input.contactPhone, org.contactPhone);
      const saved = await em.getRepository(OrganizationEntity).save(org);
      await this.outbox.publish(em, 'organization.changed', { organizationId: org.id });
      return saved;
    });
  }

  /** Moderators verify organisations in their jurisdiction; the search index learns of it via the outbox. */
  async verify(viewer: Viewer, id: string): Promise<OrganizationEntity> {
    return this.ds.transaction(async (em) => {
      const org = isUuid(id) ? await em.getRepository(OrganizationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!org) throw Errors.notFound(M.organization);
      if (!coversProvince(viewer, org.provinceCode)) throw Errors.forbidden(M.outsideJurisdiction);
      if (org.verified) return org;
      org.verified = true;
      org.verifiedAt = this.clock.now();
      org.verifiedBy = viewer.id;
      org.verificationNote = null;
      org.verificationDeclinedAt = null;
      const saved = await em.getRepository(OrganizationEntity).save(org);
      await this.outbox.publish(em, 'organization.changed', { organizationId: org.id });
      await this.audit.record(em, {
        actor: viewer,
        action: StaffAuditAction.ORGANIZATION_VERIFIED,
        targetKind: StaffAuditTargetKind.ORGANIZATION,
        targetId: org.id,
        summary: { vi: `Xác minh tổ chức «${org.name}»`, en: `Verified the organisation «${org.name}»` },
        details: { name: org.name, provinceCode: org.provinceCode },
      });
      // Its members learn of it as they learn of a refusal: their listings now carry the badge.
      await this.notifications.notifyOrganizationMembers(
        em,
        org.id,
        {
          kind: 'ORGANIZATION_VERIFIED',
          title: { vi: M.verifiedTitle.vi.replace('%s', () => org.name), en: M.verifiedTitle.en.replace('%s', () => org.name) },
          body: M.verifiedBody,
          url: `/organizations/${org.slug}`,
        },
        viewer.id,
      );
      return saved;
    });
  }

  /**
   * A moderator declines to verify an organisation in their jurisdiction, or withdraws the
   * verification it had, with the reason its members are told (a notice and its profile page).
   * It leaves the verification queue until a member edits the profile.
   */
  async declineVerification(viewer: Viewer, id: string, note: string, sawVerified: boolean | null = null): Promise<OrganizationEntity> {
    const reason = note.trim();
    return this.ds.transaction(async (em) => {
      const org = isUuid(id) ? await em.getRepository(OrganizationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!org) throw Errors.notFound(M.organization);
      if (!coversProvince(viewer, org.provinceCode)) throw Errors.forbidden(M.outsideJurisdiction);
      // Another moderator verified (or declined) it since this one looked: say so rather than undo their decision.
      if (sawVerified !== null && sawVerified !== org.verified) throw Errors.conflict(org.verified ? M.verifiedMeanwhile : M.declinedMeanwhile);
      const revoked = org.verified;
      org.verified = false;
      org.verifiedAt = null;
      org.verifiedBy = null;
      org.verificationNote = reason;
      org.verificationDeclinedAt = this.clock.now();
      const saved = await em.getRepository(OrganizationEntity).save(org);
      // The badge leaves its listings' search documents.
      if (revoked) await this.outbox.publish(em, 'organization.changed', { organizationId: org.id });
      await this.audit.record(em, {
        actor: viewer,
        action: StaffAuditAction.ORGANIZATION_VERIFICATION_DECLINED,
        targetKind: StaffAuditTargetKind.ORGANIZATION,
        targetId: org.id,
        summary: {
          vi: `${revoked ? 'Thu hồi' : 'Từ chối'} xác minh tổ chức «${org.name}»: ${reason}`,
          en: `${revoked ? 'Withdrew the verification of' : 'Declined to verify'} the organisation «${org.name}»: ${reason}`,
        },
        details: { name: org.name, provinceCode: org.provinceCode, revoked, note: reason },
      });
      const title = revoked ? M.revokedTitle : M.declinedTitle;
      await this.notifications.notifyOrganizationMembers(
        em,
        org.id,
        {
          kind: 'ORGANIZATION_VERIFICATION_DECLINED',
          // (a function as the replacement: "$&" in a name or a reason is text, not a pattern)
          title: { vi: title.vi.replace('%s', () => org.name), en: title.en.replace('%s', () => org.name) },
          body: { vi: M.declinedBody.vi.replace('%s', () => withStop(reason)), en: M.declinedBody.en.replace('%s', () => withStop(reason)) },
          url: `/dashboard/organizations/${org.id}`,
        },
        viewer.id,
      );
      return saved;
    });
  }

  /** Moderators: organisations in their jurisdiction, those awaiting verification first, then the declined ones, then the verified. */
  async listForModeration(jurisdiction: string[] | null, verified: boolean | null, page: PageInput | undefined, declined: boolean | null = null): Promise<Page<OrganizationEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const qb = this.ds.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (jurisdiction) qb.andWhere('o.province_code = ANY(:codes)', { codes: jurisdiction });
    if (verified !== null) qb.andWhere('o.verified = :verified', { verified });
    if (declined !== null) qb.andWhere(`o.verification_declined_at IS ${declined ? 'NOT ' : ''}NULL`);
    const [items, totalItems] = await qb
      .orderBy('o.verified', 'ASC')
      .addOrderBy('o.verification_declined_at IS NOT NULL', 'ASC')
      .addOrderBy('o.created_at', 'ASC').skip(offset).take(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }
}
