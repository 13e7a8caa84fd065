import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { Lang } from '@techport/shared';
import type { GqlContext } from '../../common/context.js';
import { requireAdmin } from '../../common/auth/viewer.js';
import { Errors } from '../../common/errors.js';
import { isUuid } from '../../common/ids.js';
import { PageInput, pageWindow } from '../../common/pagination.js';
import { StaffAuditEntryEntity } from './staff-audit.entity.js';
import { StaffAuditService } from './staff-audit.service.js';
import { StaffAuditEntryPage, StaffAuditEntryType, StaffAuditFilterInput } from './staff-audit.types.js';
import type { StaffAuditAction, StaffAuditTargetKind } from './staff-audit.actions.js';
import catalogue from './staff-audit.resolver.messages.json' with { type: 'json' };

const M = catalogue;
/** Looks like an address (one @, something on each side, no spaces, at most 254 characters): a filter, not a sign-up. */
const EMAIL_LIKE = /^(?=.{3,254}$)[^\s@]+@[^\s@]+$/;

/** An entry as the API answers it: its line in the request's language (the Vietnamese one where no English was written). */
export function toStaffAuditEntryType(e: StaffAuditEntryEntity, lang: Lang): StaffAuditEntryType {
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    actorName: e.actorName,
    action: e.action as StaffAuditAction,
    targetKind: e.targetKind as StaffAuditTargetKind,
    targetId: e.targetId,
    summary: lang === 'en' ? (e.summaryEn ?? e.summary) : e.summary,
    details: JSON.stringify(e.details ?? {}),
    ip: e.ip,
    userAgent: e.userAgent,
  };
}

/** Checks a filter from GraphQL or the CSV export; throws BAD_USER_INPUT naming the field. */
export function checkAuditFilter(filter: StaffAuditFilterInput | null | undefined, prefix = 'filter.'): StaffAuditFilterInput {
  const f = filter ?? {};
  if (f.actorId && !isUuid(f.actorId)) throw Errors.invalidField(`${prefix}actorId`, M.actorId);
  if (f.actorEmail && !EMAIL_LIKE.test(f.actorEmail.trim())) throw Errors.invalidField(`${prefix}actorEmail`, M.actorEmail);
  if (f.from && f.to && f.from.getTime() >= f.to.getTime()) throw Errors.invalidField(`${prefix}to`, M.range);
  return f;
}

@Resolver(() => StaffAuditEntryType)
export class StaffAuditResolver {
  constructor(private readonly audit: StaffAuditService) {}

  @Query(() => StaffAuditEntryPage, { description: 'Admins only: the audit log of staff actions, newest first.' })
  async staffAuditLog(
    @Context() ctx: GqlContext,
    @Args('filter', { type: () => StaffAuditFilterInput, nullable: true }) filter: StaffAuditFilterInput | null,
    @Args('page', { type: () => PageInput, nullable: true }) page: PageInput | null,
  ): Promise<StaffAuditEntryPage> {
    requireAdmin(ctx);
    const f = checkAuditFilter(filter);
    const { offset, pageSize, page: p } = pageWindow(page);
    const [rows, totalItems] = await this.audit.query(f).skip(offset).take(pageSize).getManyAndCount();
    return { items: rows.map((r) => toStaffAuditEntryType(r, ctx.lang)), totalItems, page: p, pageSize };
  }
}
