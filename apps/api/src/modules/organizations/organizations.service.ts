import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, type Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation, withUniqueSlug } from '../../common/slug.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationEntity, OrganizationMemberEntity, type MemberRole } from './organization.entity.js';
import type { OrganizationInput } from './dto/organization.inputs.js';
import { UserEntity } from '../accounts/user.entity.js';
import { normalizeEmail } from '../accounts/accounts.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';

const M = {
  organization: { vi: 'tổ chức', en: 'Organization' },
  notOwner: { vi: 'Chỉ chủ sở hữu tổ chức mới thêm được thành viên.', en: 'Only the organisation’s owner can add members.' },
  outsideJurisdiction: { vi: 'Tổ chức này nằm ngoài địa bàn bạn phụ trách.', en: 'This organisation is outside your jurisdiction.' },
  noSuchUser: { vi: 'Không có tài khoản nào với e-mail này.', en: 'No account has this e-mail address.' },
  alreadyVerified: { vi: 'Tổ chức đã được xác minh.', en: 'The organisation is already verified.' },
};

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: StaffAuditService,
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
    return this.ds.getRepository(OrganizationMemberEntity).find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /** The owner adds an existing account as a member (or co-owner). */
  async addMember(viewer: Viewer, organizationId: string, email: string, role: MemberRole): Promise<OrganizationMemberEntity> {
    const org = await this.findOne({ id: organizationId });
    if (!org || !(await this.isMember(viewer.id, org.id))) throw Errors.notFound(M.organization);
    const mine = await this.ds.getRepository(OrganizationMemberEntity).findOneBy({ organizationId: org.id, userId: viewer.id });
    if (mine?.role !== 'OWNER') throw Errors.forbidden(M.notOwner);
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email: normalizeEmail(email) });
    if (!user) throw Errors.invalidField('email', M.noSuchUser);
    await this.ds.query(
      `INSERT INTO organization_member (organization_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [org.id, user.id, role],
    );
    return this.ds.getRepository(OrganizationMemberEntity).findOneByOrFail({ organizationId: org.id, userId: user.id });
  }

  /** Moderators verify organisations in their jurisdiction; the search index learns of it via the outbox. */
  async verify(viewer: Viewer, id: string): Promise<OrganizationEntity> {
    return this.ds.transaction(async (em) => {
      const org = isUuid(id) ? await em.getRepository(OrganizationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!org) throw Errors.notFound(M.organization);
      if (!coversProvince(viewer, org.provinceCode)) throw Errors.forbidden(M.outsideJurisdiction);
      if (org.verified) return org;
      org.verified = true;
      org.verifiedAt = new Date();
      org.verifiedBy = viewer.id;
      const saved = await em.getRepository(OrganizationEntity).save(org);
      await this.outbox.publish(em, 'organization.changed', { organizationId: org.id });
      await this.audit.record(em, {
        actor: viewer,
        action: StaffAuditAction.ORGANIZATION_VERIFIED,
        targetKind: StaffAuditTargetKind.ORGANIZATION,
        targetId: org.id,
        summary: `Xác minh tổ chức «${org.name}»`,
        details: { name: org.name, provinceCode: org.provinceCode },
      });
      return saved;
    });
  }

  /** Moderators: organisations in their jurisdiction, unverified first. */
  async listForModeration(jurisdiction: string[] | null, verified: boolean | null, page: PageInput | undefined): Promise<Page<OrganizationEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const qb = this.ds.getRepository(OrganizationEntity).createQueryBuilder('o');
    if (jurisdiction) qb.andWhere('o.province_code IN (:...codes)', { codes: jurisdiction });
    if (verified !== null) qb.andWhere('o.verified = :verified', { verified });
    const [items, totalItems] = await qb.orderBy('o.verified', 'ASC').addOrderBy('o.created_at', 'ASC').skip(offset).take(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }
}
