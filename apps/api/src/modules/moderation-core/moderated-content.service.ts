import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager, type FindOptionsWhere, type SelectQueryBuilder } from 'typeorm';
import { ModerationDecision, slugify, type RejectionReason } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { AppError, Errors } from '../../common/errors.js';
import { format, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { unifyLineBreaksDeep } from '../../common/line-breaks.js';
import type { GqlContext } from '../../common/context.js';
import { groupByKeys } from '../../common/loaders.js';
import { coversProvince, jurisdictionOf, type Viewer } from '../../common/auth/viewer.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { NotificationsService, type NotificationDraft } from '../notifications/notifications.service.js';
import type { ModeratedContent, ModeratedItem, ModeratedKind, ModeratedKindCode, PublicationCause } from './moderated-kind.js';
import { ACTION_VERBS, rejectionNotice, statusInSentence, type ActionVerb } from './moderation.labels.js';
import { NO_ACCESS, canView, moderationInput, moderatorCovers, reviewProvince, type ModerationAccess } from './moderation.rules.js';
import { MODERATED_TABLES, REVIEW_TARGET_DAYS, applyModerationQueue } from './moderation-queue.js';
import { writeTrail } from './moderation-trail.js';
import {
  AuditAction,
  ModerationAction,
  ModerationRole,
  ModerationStatus,
  decide,
  moderationTransitions,
  revisionState,
  type ModerationTransition,
  type Refusal,
  type WorkflowOptions,
} from './moderation.workflow.js';
import catalogue from './moderated-content.service.messages.json' with { type: 'json' };

const M = catalogue satisfies Record<string, Localized>;

/** One audit-trail row as the GraphQL event types show it. */
export interface ModerationEventRow {
  id: string;
  action: string;
  fromStatus: ModerationStatus | null;
  toStatus: ModerationStatus;
  note: string | null;
  reason: RejectionReason | null;
  at: Date;
  actorId: string | null;
}

type Kind<E extends ModeratedItem<C>, C extends ModeratedContent> = ModeratedKind<E, C>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds every kind's descriptor
type AnyKind = ModeratedKind<any, any>;

/** One entry of the department's review queue across kinds. */
export interface ReviewQueueEntry {
  kind: ModeratedKindCode;
  id: string;
  slug: string;
  title: string;
  provinceCode: string;
  /** When it was sent for review (a revision: when the revision was). */
  queuedAt: Date;
  /** A published item's revision, not a first publication. */
  revision: boolean;
  reviewPath: string;
  /** What it is within its kind ("Chào bán công nghệ"), when the kind says. */
  detail: string | null;
  /** The organisation it comes from, when the kind has one. */
  organizationId: string | null;
}

export interface ReviewQueuePage extends Page<ReviewQueueEntry> {
  /** Entries waiting longer than the review-time target (all pages). */
  overdue: number;
  /** Items in the jurisdiction that the moderator owns (their organisation's): left to another moderator, so not listed. */
  ownWaiting: number;
}

const DAY_MS = 86_400_000;

/**
 * The moderated-content core: the workflow table applied in one transaction per step (the row
 * locked, every step in the kind's audit trail, a moderator's decision also in the staff audit
 * log), pending revisions of published content, jurisdiction, the review queue, renewal, owner
 * notices and publication events on the outbox. A kind plugs in with a descriptor
 * (moderated-kind.ts); its own service keeps what is its own (creating, content rules, search).
 */
@Injectable()
export class ModeratedContentService {
  private readonly tables = new Map<string, readonly ModerationTransition[]>();
  /** Every kind that plugs in (ModeratedKindService registers its kind when the app starts): the one review queue reads them all. */
  private readonly kinds = new Map<ModeratedKindCode, AnyKind>();

  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly audit: StaffAuditService,
    private readonly clock: Clock,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Access

  /** Whether the viewer owns the item under the kind's ownership policy. */
  async isOwner<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer | null, item: E, em: EntityManager = this.ds.manager): Promise<boolean> {
    if (!viewer) return false;
    const owner = kind.ownership.of(item);
    return kind.ownership.kind === 'user' ? owner === viewer.id : this.organizations.isMember(viewer.id, owner, em);
  }

  async access<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer | null, item: E, em: EntityManager = this.ds.manager): Promise<ModerationAccess> {
    if (!viewer) return NO_ACCESS;
    return { owner: await this.isOwner(kind, viewer, item, em), moderator: moderatorCovers(viewer, item) };
  }

  /**
   * The text the owner is working on: a published item's pending revision when it has one,
   * otherwise the item itself.
   */
  workingContent<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, item: E): C {
    return item.status === ModerationStatus.PUBLISHED && item.pendingRevision ? item.pendingRevision : kind.contentOf(item);
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  /** The audit trails of these items, oldest first. */
  async eventsOf<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, ids: readonly string[]): Promise<(ModerationEventRow & { itemId: string })[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await this.ds.getRepository(kind.trail.entity).find({ where: { itemId: In(valid) }, order: { at: 'ASC', id: 'ASC' } });
    return rows.map((ev) => ({
      itemId: ev.itemId,
      id: ev.id,
      action: ev.action,
      fromStatus: ev.fromStatus,
      toStatus: ev.toStatus,
      note: ev.note,
      reason: ev.reasonCode as RejectionReason | null,
      at: ev.at,
      actorId: ev.actorId,
    }));
  }

  /** One item's audit trail, batched per request (a page of items costs one query). */
  history<E extends ModeratedItem<C>, C extends ModeratedContent>(ctx: GqlContext, kind: Kind<E, C>, id: string): Promise<ModerationEventRow[]> {
    return ctx.loaders
      .get(`moderation.history.${kind.name}`, () => new DataLoader(async (ids: readonly string[]) => groupByKeys(ids, await this.eventsOf(kind, ids), (ev) => ev.itemId)))
      .load(id);
  }

  /**
   * Moderators: items waiting for review, and published items whose revision waits for review,
   * in the moderator's provinces (a revision counts where it would move the item), oldest first.
   * What the moderator owns is left out: they cannot review it.
   */
  async moderationQueue<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer, page: PageInput | undefined): Promise<Page<E>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const [items, totalItems] = await (await this.queueQuery(kind, viewer)).offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /** The injected clock's now (tests move it). */
  now(): Date {
    return this.clock.now();
  }

  register(kind: AnyKind): void {
    if (!MODERATED_TABLES.some((k) => k.code === kind.review.code && k.table === kind.table)) {
      throw new Error(`moderated kind ${kind.review.code} (${kind.table}) is not in MODERATED_TABLES: the department's figures would not count it`);
    }
    this.kinds.set(kind.review.code, kind);
  }

  /**
   * The department's one review queue: what waits for review across kinds (or one kind), in the
   * moderator's provinces, oldest first, with how many are past the review-time target. Each kind's
   * first offset+pageSize entries are read and merged, which is exact for the page asked for.
   */
  async reviewQueue(viewer: Viewer, only: ModeratedKindCode | null, page: PageInput | undefined, lang: 'vi' | 'en'): Promise<ReviewQueuePage> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const kinds = [...this.kinds.values()].filter((k) => !only || k.review.code === only);
    const target = new Date(this.clock.now().getTime() - REVIEW_TARGET_DAYS * DAY_MS);
    const parts = await Promise.all(
      kinds.map(async (kind) => {
        const qb = await this.queueQuery(kind, viewer);
        const [{ entities, raw }, total, overdue, all] = await Promise.all([
          qb.clone().limit(offset + pageSize).getRawAndEntities(),
          qb.clone().getCount(),
          qb.clone().andWhere(`CASE WHEN q.status = :pendingStatus THEN q.submitted_at ELSE q.revision_submitted_at END < :target`, { pendingStatus: ModerationStatus.PENDING_REVIEW, target }).getCount(),
          this.jurisdictionQueue(kind, viewer).getCount(),
        ]);
        const entries = entities.map((item: ModeratedItem, i: number): ReviewQueueEntry => ({
          kind: kind.review.code,
          id: item.id,
          slug: item.slug,
          title: kind.review.title(item, lang),
          provinceCode: item.status === ModerationStatus.PUBLISHED && item.pendingRevision ? item.pendingRevision.provinceCode : item.provinceCode,
          queuedAt: new Date(raw[i].queued_at),
          revision: item.status === ModerationStatus.PUBLISHED,
          reviewPath: kind.review.path(item),
          detail: kind.review.detail?.(item, lang) ?? null,
          organizationId: kind.review.organizationOf?.(item) ?? null,
        }));
        return { entries, total, overdue, own: all - total };
      }),
    );
    const merged = parts.flatMap((x) => x.entries).sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id.localeCompare(b.id));
    return {
      items: merged.slice(offset, offset + pageSize),
      totalItems: parts.reduce((n, x) => n + x.total, 0),
      overdue: parts.reduce((n, x) => n + x.overdue, 0),
      ownWaiting: parts.reduce((n, x) => n + x.own, 0),
      page: p,
      pageSize,
    };
  }

  /** What waits for review of one kind in the moderator's jurisdiction, theirs included (the department's queue). */
  private jurisdictionQueue<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer): SelectQueryBuilder<E> {
    return applyModerationQueue(this.ds.getRepository(kind.entity).createQueryBuilder('q') as SelectQueryBuilder<E>, 'q', jurisdictionOf(viewer), {
      pending: ModerationStatus.PENDING_REVIEW,
      published: ModerationStatus.PUBLISHED,
    });
  }

  /** The review queue of one kind as a query (oldest first), without what the moderator owns. */
  private async queueQuery<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer): Promise<SelectQueryBuilder<E>> {
    const qb = this.jurisdictionQueue(kind, viewer);
    const column = kind.ownership.column;
    if (kind.ownership.kind === 'user') {
      qb.andWhere(`q.${column} <> :me`, { me: viewer.id });
    } else {
      const ownOrgs = await this.organizations.memberOrganizationIds(viewer.id);
      if (ownOrgs.length) qb.andWhere(`q.${column} NOT IN (:...ownOrgs)`, { ownOrgs });
    }
    return qb;
  }

  // -------------------------------------------------------------------------------------------
  // Writes inside the kind's transaction

  /** SELECT … FOR UPDATE: concurrent steps on one item run one after the other. */
  async lock<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, id: string): Promise<E | null> {
    if (!isUuid(id)) return null;
    return em.getRepository(kind.entity).findOne({ where: { id } as FindOptionsWhere<E>, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks the item for an owner's step. Not an owner: NOT_FOUND when the caller cannot see the
   * item (another's draft), FORBIDDEN when they can (a published one).
   */
  async lockForOwner<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, viewer: Viewer, id: string): Promise<E> {
    const item = await this.lock(em, kind, id);
    if (!item) throw Errors.notFound(kind.messages.noun);
    const access = await this.access(kind, viewer, item, em);
    if (access.owner) return item;
    if (canView(item, access)) throw Errors.forbidden(kind.messages.notOwner);
    throw Errors.notFound(kind.messages.noun);
  }

  /** A new DRAFT (the CREATE row of its audit trail too); returns its id. */
  async insert<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, actorId: string, values: Partial<E>): Promise<string> {
    const transition = this.step(kind, null, ModerationAction.CREATE, ModerationRole.OWNER, 'NONE', 'edit');
    const { identifiers } = await em.getRepository(kind.entity).insert({ ...values, status: transition.to } as never);
    const id = identifiers[0].id as string;
    await this.recordEvent(em, kind, id, actorId, transition.audit, null, transition.to);
    return id;
  }

  /**
   * An owner's edit of a locked item: in place while the workflow allows (the slug follows the text
   * until the item is first published), as the pending revision of a published item (its published
   * text stays public until a moderator approves). `make` turns the text being edited into the new
   * content (and may refuse it); `version`, when given, must be the one the owner read.
   */
  async edit<E extends ModeratedItem<C>, C extends ModeratedContent>(
    em: EntityManager,
    kind: Kind<E, C>,
    viewer: Viewer,
    item: E,
    version: number | null,
    make: (before: C) => C,
  ): Promise<void> {
    if (version !== null && item.version !== version) throw Errors.conflict(format(kind.messages.stale, { current: item.version, sent: version }));
    const transition = this.step(kind, item.status, ModerationAction.EDIT, ModerationRole.OWNER, revisionState(item), 'edit');
    const content = make(this.workingContent(kind, item));
    if (transition.revision) {
      const published = kind.contentOf(item);
      // Back to the published text: the revision goes, unless it still carries other changes (media).
      // Line breaks are compared unified: text stored before inputs were cleaned may have "\r\n".
      const withdraw = (kind.sameTextWithdrawsRevision?.(unifyLineBreaksDeep(content), unifyLineBreaksDeep(published)) ?? false) && !(await kind.pendingChangesBesidesText?.(em, item));
      await em.update(kind.entity, { id: item.id }, { pendingRevision: withdraw ? null : content, revisionSubmittedAt: null } as never);
    } else {
      const source = kind.slugSource(content);
      const slug = !item.publishedAt && source !== kind.slugSource(kind.contentOf(item)) ? await this.freeSlug(em, kind, source, item.id) : item.slug;
      await em.update(kind.entity, { id: item.id }, { ...content, slug } as never);
    }
    await this.recordEvent(em, kind, item.id, viewer.id, transition.audit, item.status, transition.to);
  }

  /** The slugs of the kind's table that are `base` or `base-…`, but the item's own. */
  async slugsTaken<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, base: string, exceptId?: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await em.query(
      `SELECT slug FROM ${kind.table} WHERE (slug = $1 OR slug LIKE $2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [base, `${base.replace(/[\\%_]/g, (c) => '\\' + c)}-%`, exceptId ?? null],
    );
    return new Set(rows.map((r) => r.slug));
  }

  /** "Nguyễn Văn An" → nguyen-van-an, or nguyen-van-an-2… when taken (a race ends in a unique violation, for the caller to retry). */
  async freeSlug<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, text: string, exceptId?: string): Promise<string> {
    const base = slugify(text, 90);
    const used = await this.slugsTaken(em, kind, base, exceptId);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** One row of the kind's audit trail, at the clock's time. */
  async recordEvent<E extends ModeratedItem<C>, C extends ModeratedContent>(
    em: EntityManager,
    kind: Kind<E, C>,
    itemId: string,
    actorId: string | null,
    action: AuditAction,
    from: ModerationStatus | null,
    to: ModerationStatus,
    note: string | null = null,
    reason: string | null = null,
    at: Date = this.clock.now(),
  ): Promise<void> {
    await writeTrail(em, kind.trail, itemId, [{ actorId, action, from, to, note, reason, at }]);
  }

  /** The kind's publication events for this change, on the outbox (same transaction). */
  async announce<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, item: { id: string }, cause: PublicationCause): Promise<void> {
    await this.outbox.publishAll(em, kind.publicationEvents(item, cause));
  }

  /** The system's EXPIRE step on an item the kind's expiry job has claimed and marked. */
  async recordExpiry<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, itemId: string): Promise<void> {
    const transition = this.step(kind, ModerationStatus.PUBLISHED, ModerationAction.EXPIRE, ModerationRole.SYSTEM, 'NONE', 'edit');
    await this.recordEvent(em, kind, itemId, null, transition.audit, transition.from, transition.to);
    await this.announce(em, kind, { id: itemId }, 'EXPIRE');
  }

  // -------------------------------------------------------------------------------------------
  // Steps, one transaction each

  /** DRAFT/REJECTED (ARCHIVED where the kind reopens) → PENDING_REVIEW, or submits a published item's pending revision. */
  async submit<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer, id: string): Promise<E> {
    return this.ownerStep(kind, viewer, id, ModerationAction.SUBMIT, 'submit', async (em, item, transition) => {
      const now = this.clock.now();
      if (transition.revision) {
        await em.update(kind.entity, { id: item.id }, { revisionSubmittedAt: now, ...(await kind.hooks?.onSubmit?.(item, item.pendingRevision!, em)) } as never);
      } else {
        await em.update(kind.entity, { id: item.id }, { status: transition.to, submittedAt: now, ...(await kind.hooks?.onSubmit?.(item, kind.contentOf(item), em)) } as never);
      }
    });
  }

  /**
   * The owner takes a submission back before a decision (to fix it): PENDING_REVIEW → DRAFT, or a
   * published item's submitted revision is not submitted any more (a draft revision again). Either
   * way it leaves the review queue at once, and a moderator's decision on it is refused.
   */
  async withdraw<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer, id: string): Promise<E> {
    return this.ownerStep(kind, viewer, id, ModerationAction.WITHDRAW, 'withdraw', async (em, item, transition) => {
      const cleared = transition.revision ? { revisionSubmittedAt: null } : { status: transition.to, submittedAt: null };
      await em.update(kind.entity, { id: item.id }, cleared as never);
    });
  }

  /**
   * PUBLISHED → ARCHIVED: it leaves the public lists and search (a pending revision goes with it).
   * `note`: the owner's why ("transferred to a company"), kept in the trail.
   */
  async archive<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer, id: string, note: string | null = null): Promise<E> {
    return this.ownerStep(kind, viewer, id, ModerationAction.ARCHIVE, 'archive', async (em, item, transition) => {
      await em.update(kind.entity, { id: item.id }, { status: transition.to, pendingRevision: null, revisionSubmittedAt: null } as never);
    }, (em, item) => this.announce(em, kind, item, 'ARCHIVE'), note?.trim() || null);
  }

  /**
   * One owner's step of the table in one transaction: the item locked for its owner, the step the
   * table allows (or its refusal), `apply` writing it, the audit row, then `after` (announcements
   * that follow the row); answers the item as it now is.
   */
  private ownerStep<E extends ModeratedItem<C>, C extends ModeratedContent>(
    kind: Kind<E, C>,
    viewer: Viewer,
    id: string,
    action: ModerationAction,
    verb: ActionVerb,
    apply: (em: EntityManager, item: E, transition: ModerationTransition) => Promise<void>,
    after?: (em: EntityManager, item: E) => Promise<unknown>,
    note: string | null = null,
  ): Promise<E> {
    return this.ds.transaction(async (em) => {
      const item = await this.lockForOwner(em, kind, viewer, id);
      const transition = this.step(kind, item.status, action, ModerationRole.OWNER, revisionState(item), verb);
      await apply(em, item, transition);
      await this.recordEvent(em, kind, item.id, viewer.id, transition.audit, item.status, transition.to, note);
      await after?.(em, item);
      return em.getRepository(kind.entity).findOneByOrFail({ id: item.id } as FindOptionsWhere<E>);
    });
  }

  /**
   * The system's ARCHIVE of a published item (its person's account was disabled): it leaves the
   * public pages and search, with its pending revision; the trail names no actor. Anything but a
   * published item is left as it is (it is not public). Answers whether it was taken down.
   */
  async takeDown<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, id: string, notice?: Omit<NotificationDraft, 'url'>): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const item = await this.lock(em, kind, id);
      if (!item) return false;
      const decision = decide(this.table(kind), item.status, ModerationAction.ARCHIVE, ModerationRole.SYSTEM, revisionState(item));
      if (!decision.ok) return false;
      await em.update(kind.entity, { id: item.id }, { status: decision.transition.to, pendingRevision: null, revisionSubmittedAt: null } as never);
      await this.recordEvent(em, kind, item.id, null, decision.transition.audit, item.status, decision.transition.to);
      await this.announce(em, kind, item, 'ARCHIVE');
      // Its owners are told why it left the public list (they read it once they can sign in again).
      if (notice) await this.notifyOwners(em, kind, item, { ...notice, url: kind.manageUrl(item) });
      return true;
    });
  }

  /** One-step renewal of a published item near or past its expiry (kinds that expire). */
  async renew<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, viewer: Viewer, id: string): Promise<E> {
    const renewal = kind.renewal;
    if (!renewal) throw new Error(`${kind.name} items do not expire`);
    return this.ds.transaction(async (em) => {
      const item = await this.lockForOwner(em, kind, viewer, id);
      const now = this.clock.now();
      const decision = decide(this.table(kind), item.status, ModerationAction.RENEW, ModerationRole.OWNER, revisionState(item));
      if (!decision.ok || !renewal.canRenew(item, now)) throw Errors.conflict(renewal.notRenewable);
      await em.update(kind.entity, { id: item.id }, renewal.renewed(item, now) as never);
      await this.recordEvent(em, kind, item.id, viewer.id, decision.transition.audit, item.status, decision.transition.to);
      await this.announce(em, kind, item, 'RENEW');
      return em.getRepository(kind.entity).findOneByOrFail({ id: item.id } as FindOptionsWhere<E>);
    });
  }

  /**
   * A moderator's decision on an item in review (PENDING_REVIEW → PUBLISHED | REJECTED) or on a
   * published item's submitted revision (applied on approval; kept for the owner to fix on
   * rejection). Moderators act in their provinces only, and never on what they own. The owners are
   * notified, the decision goes to the staff audit log, a publication to the outbox.
   */
  async moderate<E extends ModeratedItem<C>, C extends ModeratedContent>(
    kind: Kind<E, C>,
    viewer: Viewer,
    id: string,
    decision: ModerationDecision,
    noteInput: string | null | undefined,
    reason: RejectionReason | null | undefined,
  ): Promise<E> {
    const { note, rejectionReason } = moderationInput(decision, noteInput, reason);
    return this.ds.transaction(async (em) => {
      const item = await this.lock(em, kind, id);
      const access = item ? await this.access(kind, viewer, item, em) : NO_ACCESS;
      if (!item || !canView(item, access)) throw Errors.notFound(kind.messages.noun);
      if (!coversProvince(viewer, reviewProvince(item))) throw Errors.forbidden(kind.messages.outsideJurisdiction);
      if (access.owner) throw Errors.forbidden(kind.messages.ownItem);

      const approve = decision === ModerationDecision.APPROVE;
      const action = approve ? ModerationAction.APPROVE : ModerationAction.REJECT;
      const transition = this.step(kind, item.status, action, ModerationRole.MODERATOR, revisionState(item), 'moderate');
      const now = this.clock.now();
      const notice = rejectionNotice(rejectionReason, note);
      let draft: Omit<NotificationDraft, 'url'>;

      if (!transition.revision && approve) {
        await em.update(kind.entity, { id: item.id }, {
          status: transition.to,
          publishedAt: now,
          ...kind.hooks?.onPublish?.(item, now),
          moderationNote: note,
          rejectionReason: null,
        } as never);
        draft = kind.notices.approved(item, note);
      } else if (!transition.revision) {
        await em.update(kind.entity, { id: item.id }, { status: transition.to, moderationNote: note, rejectionReason } as never);
        draft = kind.notices.rejected(item, notice);
      } else if (approve) {
        // The slug stays: links to the published item keep working.
        const revision = item.pendingRevision!;
        await em.update(kind.entity, { id: item.id }, { ...revision, pendingRevision: null, revisionSubmittedAt: null, moderationNote: note, rejectionReason: null } as never);
        draft = kind.notices.revisionApproved(item, revision, note);
      } else {
        await em.update(kind.entity, { id: item.id }, { revisionSubmittedAt: null, moderationNote: note, rejectionReason } as never);
        draft = kind.notices.revisionRejected(item, notice);
      }
      await this.recordEvent(em, kind, item.id, viewer.id, transition.audit, item.status, transition.to, note, rejectionReason);
      if (approve) await this.announce(em, kind, item, transition.revision ? 'REVISION_APPROVE' : 'APPROVE');
      // An approval links to what is now public; a rejection to where its owner reads why and fixes it.
      await this.notifyOwners(em, kind, item, { ...draft, url: approve ? kind.url(item) : kind.manageUrl(item) });

      const revision = !!transition.revision;
      await this.audit.record(em, {
        actor: viewer,
        action: kind.audit.action,
        targetKind: kind.audit.targetKind,
        targetId: item.id,
        summary: kind.audit.summary(item, approve, revision),
        details: { decision, revision, ...kind.audit.subject(item), provinceCode: reviewProvince(item), reason: rejectionReason ?? null, note: note ?? null },
      });
      return em.getRepository(kind.entity).findOneByOrFail({ id: item.id } as FindOptionsWhere<E>);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private async notifyOwners<E extends ModeratedItem<C>, C extends ModeratedContent>(em: EntityManager, kind: Kind<E, C>, item: E, draft: NotificationDraft): Promise<void> {
    const owner = kind.ownership.of(item);
    if (kind.ownership.kind === 'user') await this.notifications.notifyUsers(em, [owner], draft);
    else await this.notifications.notifyOrganizationMembers(em, owner, draft);
  }

  private table(kind: { name: string; workflow: WorkflowOptions }): readonly ModerationTransition[] {
    let table = this.tables.get(kind.name);
    if (!table) this.tables.set(kind.name, (table = moderationTransitions(kind.workflow)));
    return table;
  }

  /** The transition the table allows, or the kind's refusal (CONFLICT; FORBIDDEN never reaches here: roles are checked first). */
  private step<E extends ModeratedItem<C>, C extends ModeratedContent>(
    kind: Kind<E, C>,
    status: ModerationStatus | null,
    action: ModerationAction,
    role: ModerationRole,
    revision: ReturnType<typeof revisionState>,
    verb: ActionVerb,
  ): ModerationTransition {
    const decision = decide(this.table(kind), status, action, role, revision);
    if (decision.ok) return decision.transition;
    throw this.refusal(kind, decision.refusal, verb, status);
  }

  private refusal<E extends ModeratedItem<C>, C extends ModeratedContent>(kind: Kind<E, C>, refusal: Refusal, verb: ActionVerb, status: ModerationStatus | null): AppError {
    switch (refusal) {
      case 'NOTHING_TO_SUBMIT':
        return Errors.conflict(kind.messages.nothingToSubmit);
      case 'REVISION_ALREADY_SUBMITTED':
        return Errors.conflict(M.revisionAlreadySubmitted);
      case 'REVISION_UNDER_REVIEW':
        return Errors.conflict(M.revisionUnderReview);
      case 'NOTHING_TO_WITHDRAW':
        return Errors.conflict(M.nothingToWithdraw);
      default: {
        const a = ACTION_VERBS[verb];
        const s = status ? statusInSentence(status) : { vi: '', en: '' };
        return Errors.conflict({ vi: format(kind.messages.cannot, { action: a.vi, status: s.vi }).vi, en: format(kind.messages.cannot, { action: a.en, status: s.en }).en });
      }
    }
  }
}
