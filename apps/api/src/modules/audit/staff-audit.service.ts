import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Viewer } from '../../common/auth/viewer.js';
import type { Localized } from '../../common/i18n.js';
import { currentRequestSource } from '../../common/request-context.js';
import { StaffAuditEntryEntity } from './staff-audit.entity.js';
import { StaffAuditTargetKind, type StaffAuditAction } from './staff-audit.actions.js';

export interface StaffAuditRecord {
  actor: Pick<Viewer, 'id' | 'email' | 'displayName'>;
  action: StaffAuditAction;
  targetKind: StaffAuditTargetKind;
  targetId: string | null;
  /** One readable line in both languages, e.g. "Duyệt tin «Máy sấy nông sản»" / "Approved the listing «Máy sấy nông sản»". */
  summary: Localized;
  /** The facts (before/after, decision, note, filters), as JSON. */
  details?: Record<string, unknown>;
}

export interface StaffAuditFilter {
  actorId?: string | null;
  /** The actor's e-mail: as it was when they acted, or the account's today (either matches). */
  actorEmail?: string | null;
  action?: StaffAuditAction | null;
  targetKind?: StaffAuditTargetKind | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/**
 * The audit log of staff actions. `record` is called once per action, with the action's own
 * transaction (`em`), so the row exists exactly when the action took effect. Address and user
 * agent come from the request being served. There is deliberately no update or delete.
 */
@Injectable()
export class StaffAuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, entry: StaffAuditRecord): Promise<void> {
    const source = currentRequestSource();
    await em.query(
      `INSERT INTO staff_audit_log (occurred_at, actor_id, actor_email, actor_name, action, target_kind, target_id, summary, summary_en, details, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
      [
        this.clock.now(),
        entry.actor.id,
        entry.actor.email,
        entry.actor.displayName,
        entry.action,
        entry.targetKind,
        entry.targetId,
        entry.summary.vi.slice(0, 2000),
        entry.summary.en.slice(0, 2000),
        JSON.stringify(entry.details ?? {}),
        source.ip?.slice(0, 64) ?? null,
        source.userAgent?.slice(0, 400) ?? null,
      ],
    );
  }

  /**
   * A staff download of a file (the deal register, the audit log): audited before the first byte
   * is sent, in a transaction of its own (the download writes nothing else), the file's name as target.
   */
  async recordExport(entry: Omit<StaffAuditRecord, 'targetKind' | 'targetId'> & { file: string }): Promise<void> {
    const { file, ...rest } = entry;
    await this.ds.transaction((em) => this.record(em, { ...rest, targetKind: StaffAuditTargetKind.EXPORT, targetId: file }));
  }

  /** Newest first. `to` is exclusive. */
  query(filter: StaffAuditFilter) {
    const qb = this.ds.getRepository(StaffAuditEntryEntity).createQueryBuilder('a');
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.actorEmail) {
      // E-mails are kept lower-case; the entry keeps the address used at the time.
      qb.andWhere('(lower(a.actor_email) = :actorEmail OR a.actor_id IN (SELECT u.id FROM app_user u WHERE u.email = :actorEmail))', {
        actorEmail: filter.actorEmail.trim().toLowerCase(),
      });
    }
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.targetKind) qb.andWhere('a.target_kind = :targetKind', { targetKind: filter.targetKind });
    if (filter.targetId) qb.andWhere('a.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    return qb.orderBy('a.occurred_at', 'DESC').addOrderBy('a.id', 'DESC');
  }
}
