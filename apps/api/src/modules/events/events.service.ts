import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ErrorCode, OrganizationKind, normalizeForSearch, techFieldWithDescendants } from '@techport/shared';
import { Clock } from '../../common/clock.js';
import { AppError, Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { coversProvince, isModerator, type Viewer } from '../../common/auth/viewer.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { retryOnUniqueViolation } from '../../common/slug.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { StaffAuditService } from '../audit/staff-audit.service.js';
import { StaffAuditAction, StaffAuditTargetKind } from '../audit/staff-audit.actions.js';
import { ModeratedContentService } from '../moderation-core/moderated-content.service.js';
import { ModeratedKindService } from '../moderation-core/moderated-kind.service.js';
import { canView, type ModerationAccess } from '../moderation-core/moderation.rules.js';
import { ModerationAction, ModerationRole, ModerationStatus, decide, moderationTransitions, type RevisionState } from '../moderation-core/moderation.workflow.js';
import { EventEntity, ProgrammeSessionEntity, type EventContent } from './event.entity.js';
import { eventKind } from './event.kind.js';
import { contentProblems, hasEnded, startsInPast, vietnamDay } from './event.rules.js';
import type { EventInput, EventSearchInput, ProgrammeSessionInput } from './dto/event.inputs.js';
import catalogue from './events.service.messages.json' with { type: 'json' };

const M = catalogue satisfies Record<string, Localized>;

/** The content as stored: trimmed text, de-duplicated codes, sorted days, question ids q1…qN. */
export function normalizeContent(input: EventInput): EventContent {
  return {
    nameVi: input.nameVi.replace(/\s+/g, ' '),
    nameEn: input.nameEn.replace(/\s+/g, ' '),
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    provinceCode: input.provinceCode,
    online: input.online,
    venue: input.online ? null : (input.venue ?? null),
    description: input.description,
    descriptionEn: input.descriptionEn || null,
    fieldCodes: [...new Set(input.fieldCodes)],
    registrationOpensAt: new Date(input.registrationOpensAt).toISOString(),
    registrationClosesAt: new Date(input.registrationClosesAt).toISOString(),
    meetingDays: [...new Set(input.meetingDays)].sort(),
    dayStartsAt: input.dayStartsAt,
    dayEndsAt: input.dayEndsAt,
    slotMinutes: input.slotMinutes,
    meetingTables: input.meetingTables,
    breaks: [...input.breaks].map((b) => ({ startsAt: b.startsAt, endsAt: b.endsAt })).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    maxExhibitors: input.maxExhibitors ?? null,
    maxVisitors: input.maxVisitors ?? null,
    questions: input.questions.map((q, i) => ({ id: `q${i + 1}`, labelVi: q.labelVi, labelEn: q.labelEn, required: q.required, ...(q.numeric ? { numeric: true } : {}) })),
  };
}

/**
 * Staff publish at once: for an organiser they do not belong to, or for a verified government body
 * they do (the department's own office; a kind anyone may claim, hence verified), in a province
 * they cover. A moderator who is a member of a company or an institute goes through review like any
 * organiser: the queue hides one's own organisation.
 */
function publishesAtOnce(viewer: Viewer, org: OrganizationEntity, member: boolean, provinceCode: string): boolean {
  return (!member || (org.kind === OrganizationKind.GOVERNMENT && org.verified)) && isModerator(viewer) && coversProvince(viewer, provinceCode);
}

function checkContent(content: EventContent): void {
  const problems = contentProblems(content);
  if (Object.keys(problems).length) throw Errors.badInput(problems);
}

/**
 * A programme session's content as stored (the title's inner spaces collapsed), once within the
 * event's dates: BAD_USER_INPUT naming the start and the end otherwise.
 */
function sessionContent(event: EventEntity, input: ProgrammeSessionInput) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const problems: Record<string, Localized> = {};
  if (vietnamDay(startsAt) < event.startsOn || vietnamDay(startsAt) > event.endsOn) problems['input.startsAt'] = M.sessionOutside;
  if (vietnamDay(endsAt) > event.endsOn) problems['input.endsAt'] = M.sessionOutside;
  if (Object.keys(problems).length) throw Errors.badInput(problems);
  return {
    kind: input.kind,
    title: input.title.replace(/\s+/g, ' '),
    titleEn: input.titleEn ? input.titleEn.replace(/\s+/g, ' ') : null,
    speaker: input.speaker ?? null,
    room: input.room ?? null,
    startsAt,
    endsAt,
  };
}

/**
 * Techmart events. Their workflow, pending revisions, audit trail, review queue and archiving are
 * the moderated-content core's (event.kind.ts plugs events in); this service keeps what is the
 * event's own: who may create one (an organisation's member, as a draft for review; a moderator
 * covering the province, published at once), content rules, the public list, the programme.
 */
@Injectable()
export class EventsService extends ModeratedKindService<EventEntity, EventContent> {
  readonly kind = eventKind;

  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: StaffAuditService,
    private readonly clock: Clock,
    protected readonly core: ModeratedContentService,
  ) {
    super();
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  async findOne(by: { id?: string | null; slug?: string | null }): Promise<EventEntity | null> {
    const repo = this.ds.getRepository(EventEntity);
    if (by.id) return isUuid(by.id) ? repo.findOneBy({ id: by.id }) : null;
    if (by.slug) return /^[a-z0-9-]{1,120}$/.test(by.slug) ? repo.findOneBy({ slug: by.slug }) : null;
    return null;
  }

  async findByIds(ids: readonly string[]): Promise<EventEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(EventEntity).findBy({ id: In(valid) }) : [];
  }

  access(viewer: Viewer | null, e: EventEntity, em?: EntityManager): Promise<ModerationAccess> {
    return this.core.access(this.kind, viewer, e, em);
  }

  /** Published events are public; drafts only for the organiser; in review also for moderators covering them. */
  async canView(viewer: Viewer | null, e: EventEntity): Promise<boolean> {
    return canView(e, await this.access(viewer, e));
  }

  /** Members of the organiser organisation. */
  isOrganizer(viewer: Viewer | null, e: EventEntity, em?: EntityManager): Promise<boolean> {
    return this.core.isOwner(this.kind, viewer, e, em);
  }

  /**
   * Published events: by kind, province, field (a parent covers its children), upcoming only or
   * past too, and words of the names or description with or without diacritics. Those that have
   * not ended come first, soonest first, in the same order with or without the past ones; the
   * ended ones follow, the most recently ended first (the list reads away from today both ways).
   * Ties: by id.
   * An exchange runs dozens of events a year, not thousands: the filters are SQL, the words are
   * matched on the folded text of what the filters leave.
   */
  async search(input: EventSearchInput, page: PageInput | undefined): Promise<Page<EventEntity>> {
    const qb = this.ds.getRepository(EventEntity).createQueryBuilder('e').where('e.status = :published', { published: ModerationStatus.PUBLISHED });
    if (input.kind) qb.andWhere('e.kind = :kind', { kind: input.kind });
    if (input.provinceCode) qb.andWhere('e.province_code = :province', { province: input.provinceCode });
    if (input.fieldCode) qb.andWhere('e.field_codes && :codes', { codes: techFieldWithDescendants(input.fieldCode) });
    qb.setParameter('today', vietnamDay(this.clock.now()));
    if (input.upcoming) qb.andWhere('e.ends_on >= :today');
    qb.orderBy('CASE WHEN e.ends_on >= :today THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('CASE WHEN e.ends_on >= :today THEN e.starts_on END', 'ASC')
      .addOrderBy('CASE WHEN e.ends_on < :today THEN e.ends_on END', 'DESC')
      .addOrderBy('CASE WHEN e.ends_on < :today THEN e.starts_on END', 'DESC')
      .addOrderBy('e.id');
    let rows = await qb.getMany();
    const words = normalizeForSearch(input.query ?? '').split(/\s+/).filter(Boolean);
    if (words.length) {
      rows = rows.filter((e) => {
        const text = normalizeForSearch(`${e.nameVi} ${e.nameEn} ${e.description} ${e.venue ?? ''}`);
        return words.every((w) => text.includes(w));
      });
    }
    const { offset, pageSize, page: p } = pageWindow(page);
    return { items: rows.slice(offset, offset + pageSize), totalItems: rows.length, page: p, pageSize };
  }

  /** Events organised by these organisations (any status: for their members' dashboard). */
  async organizedBy(organizationIds: string[]): Promise<EventEntity[]> {
    if (!organizationIds.length) return [];
    return this.ds.getRepository(EventEntity).find({ where: { organizerId: In(organizationIds) }, order: { startsOn: 'DESC' } });
  }

  async sessionsOf(eventIds: readonly string[]): Promise<ProgrammeSessionEntity[]> {
    return this.ds.getRepository(ProgrammeSessionEntity).find({ where: { eventId: In([...eventIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  // -------------------------------------------------------------------------------------------
  // Writes

  /**
   * A member of `organizerId` creates a DRAFT for review. A moderator covering the event's
   * province who is not a member creates it for the organiser and publishes it at once: the
   * department is the reviewer (its audit trail says CREATE, SUBMIT, APPROVE by that moderator;
   * the staff audit log records it).
   */
  async create(viewer: Viewer, organizerId: string, input: EventInput): Promise<EventEntity> {
    const content = normalizeContent(input);
    checkContent(content);
    this.checkStart(content);
    return retryOnUniqueViolation(() =>
      this.ds.transaction(async (em) => {
        const org = isUuid(organizerId) ? await em.getRepository(OrganizationEntity).findOneBy({ id: organizerId }) : null;
        const member = !!org && (await this.organizations.isMember(viewer.id, org.id, em));
        const staff = !!org && publishesAtOnce(viewer, org, member, content.provinceCode);
        if (!org || (!member && !staff)) throw Errors.invalidField('organizerId', M.notMember);
        const slug = await this.core.freeSlug(em, this.kind, content.nameVi);
        const id = await this.core.insert(em, this.kind, viewer.id, { ...content, slug, organizerId: org.id, createdBy: viewer.id });
        if (staff) await this.publishByStaff(em, viewer, id, content);
        return em.getRepository(EventEntity).findOneByOrFail({ id });
      }),
    );
  }

  /**
   * The organiser's edit: in place while a draft or rejected, as a pending revision once published.
   * The department's own office (see create) is its own reviewer: its revision is submitted and
   * approved at once, as its events were published at once; another moderator of the province would
   * never see it (the queue hides one's own organisation).
   */
  async update(viewer: Viewer, id: string, input: EventInput, version: number | null): Promise<EventEntity> {
    const content = normalizeContent(input);
    checkContent(content);
    return retryOnUniqueViolation(() =>
      this.ds.transaction(async (em) => {
        const event = await this.core.lockForOwner(em, this.kind, viewer, id);
        this.checkStart(content, [event.startsOn, event.pendingRevision?.startsOn]);
        await this.core.edit(em, this.kind, viewer, event, version, () => content);
        const edited = await em.getRepository(EventEntity).findOneByOrFail({ id: event.id });
        // Both the published province and the edited one must be the moderator's.
        if (!edited.pendingRevision || !coversProvince(viewer, content.provinceCode) || !(await this.editsPublishAtOnce(viewer, event, em))) return edited;
        await this.applyRevisionByStaff(em, viewer, edited);
        return em.getRepository(EventEntity).findOneByOrFail({ id: event.id });
      }),
    );
  }

  /** The organiser adds a talk, demonstration… to the programme (within the event's dates). */
  async addSession(viewer: Viewer, eventId: string, input: ProgrammeSessionInput): Promise<ProgrammeSessionEntity> {
    return this.ds.transaction(async (em) => {
      const event = await this.core.lockForOwner(em, this.kind, viewer, eventId);
      if (event.status === ModerationStatus.ARCHIVED) throw Errors.conflict(M.archived);
      const repo = em.getRepository(ProgrammeSessionEntity);
      const { identifiers } = await repo.insert({ eventId: event.id, ...sessionContent(event, input) });
      return repo.findOneByOrFail({ id: identifiers[0].id as string });
    });
  }

  /** The organiser changes a programme session: the input replaces its content (within the event's dates). */
  async updateSession(viewer: Viewer, sessionId: string, input: ProgrammeSessionInput): Promise<ProgrammeSessionEntity> {
    return this.ds.transaction(async (em) => {
      const { session, event } = await this.sessionForOwner(em, viewer, sessionId);
      const repo = em.getRepository(ProgrammeSessionEntity);
      await repo.update({ id: session.id }, sessionContent(event, input));
      return repo.findOneByOrFail({ id: session.id });
    });
  }

  /** The organiser removes a programme session; returns the event's id. */
  async removeSession(viewer: Viewer, sessionId: string): Promise<string> {
    return this.ds.transaction(async (em) => {
      const { session, event } = await this.sessionForOwner(em, viewer, sessionId);
      await em.getRepository(ProgrammeSessionEntity).delete({ id: session.id });
      return event.id;
    });
  }

  /** A session the viewer may change, with its event (locked; not archived). */
  private async sessionForOwner(em: EntityManager, viewer: Viewer, sessionId: string): Promise<{ session: ProgrammeSessionEntity; event: EventEntity }> {
    const session = isUuid(sessionId) ? await em.getRepository(ProgrammeSessionEntity).findOneBy({ id: sessionId }) : null;
    if (!session) throw Errors.notFound(M.sessionNoun);
    // Another organiser's session answers as if it did not exist, unless its event is public.
    const event = await this.core.lockForOwner(em, this.kind, viewer, session.eventId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === ErrorCode.NOT_FOUND ? Errors.notFound(M.sessionNoun) : err;
    });
    if (event.status === ModerationStatus.ARCHIVED) throw Errors.conflict(M.archived);
    return { session, event };
  }

  /**
   * Whether an event the viewer creates for `org` (a member's organisation) in the organisation's
   * own province is published at once (the department's own office) instead of going to review.
   */
  async createsPublishedFor(viewer: Viewer | null, org: { id: string; kind: OrganizationKind; verified: boolean; provinceCode: string }): Promise<boolean> {
    if (!viewer || !isModerator(viewer)) return false;
    return publishesAtOnce(viewer, org as OrganizationEntity, true, org.provinceCode) && (await this.organizations.isMember(viewer.id, org.id));
  }

  /** Whether the viewer's edits of the published event apply at once: they are its department's own office (publishesAtOnce, as a member). */
  async editsPublishAtOnce(viewer: Viewer | null, event: EventEntity, em: EntityManager = this.ds.manager): Promise<boolean> {
    if (!viewer || !isModerator(viewer)) return false;
    const org = await em.getRepository(OrganizationEntity).findOneBy({ id: event.organizerId });
    return !!org && publishesAtOnce(viewer, org, true, event.provinceCode) && (await this.organizations.isMember(viewer.id, org.id, em));
  }

  /** Whether the event's last day has passed (registration and programme are then history). */
  ended(e: EventEntity): boolean {
    return hasEnded(e, this.clock.now());
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** A first day already past is refused, unless it is one the event has (`kept`: an event under way keeps its start). */
  private checkStart(content: EventContent, kept: readonly (string | null | undefined)[] = []): void {
    if (startsInPast(content.startsOn, this.clock.now(), kept)) throw Errors.invalidField('input.startsOn', M.startsInPast);
  }

  /**
   * The department's own event: SUBMIT and APPROVE by the creating moderator, each a step the
   * workflow table allows (the core has no "publish on creation" step, so the rows are asked of
   * the table here and written through the core's trail).
   */
  private async publishByStaff(em: EntityManager, viewer: Viewer, id: string, content: EventContent): Promise<void> {
    const now = this.clock.now();
    const status = await this.submitAndApprove(em, viewer, id, ModerationStatus.DRAFT, ['NONE', 'NONE'], now);
    await em.update(EventEntity, { id }, { status, submittedAt: now, publishedAt: now });
    await this.core.announce(em, this.kind, { id }, 'APPROVE');
    await this.audit.record(em, {
      actor: viewer,
      action: StaffAuditAction.EVENT_PUBLISHED_BY_STAFF,
      targetKind: StaffAuditTargetKind.EVENT,
      targetId: id,
      summary: { vi: `Tạo và đăng sự kiện «${content.nameVi}»`, en: `Created and published the event «${content.nameEn || content.nameVi}»` },
      details: { title: content.nameVi, provinceCode: content.provinceCode },
    });
  }

  /** The office's edit of its published event: the revision becomes the published text at once (REVISION_SUBMIT, REVISION_APPROVE). */
  private async applyRevisionByStaff(em: EntityManager, viewer: Viewer, event: EventEntity): Promise<void> {
    const revision = event.pendingRevision!;
    await this.submitAndApprove(em, viewer, event.id, event.status, ['DRAFT', 'SUBMITTED'], this.clock.now());
    // The slug stays, as when a moderator approves a revision: links to the event keep working.
    await em.update(EventEntity, { id: event.id }, { ...revision, pendingRevision: null, revisionSubmittedAt: null, moderationNote: null, rejectionReason: null });
    await this.core.announce(em, this.kind, event, 'REVISION_APPROVE');
    await this.audit.record(em, {
      actor: viewer,
      action: StaffAuditAction.EVENT_EDITED_BY_STAFF,
      targetKind: StaffAuditTargetKind.EVENT,
      targetId: event.id,
      summary: { vi: `Sửa sự kiện đã đăng «${revision.nameVi}»`, en: `Edited the published event «${revision.nameEn || revision.nameVi}»` },
      details: { title: revision.nameVi, provinceCode: revision.provinceCode },
    });
  }

  /**
   * SUBMIT by the owner, then APPROVE by a moderator, each a step the workflow table allows (the
   * core has no "publish at once" step, so the rows are asked of the table here and written through
   * the core's trail). `revision`: the pending revision's state before each step. Returns the status reached.
   */
  private async submitAndApprove(em: EntityManager, viewer: Viewer, id: string, from: ModerationStatus, revision: [RevisionState, RevisionState], now: Date): Promise<ModerationStatus> {
    const table = moderationTransitions(this.kind.workflow);
    let status = from;
    const steps = [
      [ModerationAction.SUBMIT, ModerationRole.OWNER],
      [ModerationAction.APPROVE, ModerationRole.MODERATOR],
    ] as const;
    for (const [i, [action, role]] of steps.entries()) {
      const d = decide(table, status, action, role, revision[i]);
      if (!d.ok) throw new Error(`event workflow refuses ${action} from ${status}`);
      await this.core.recordEvent(em, this.kind, id, viewer.id, d.transition.audit, status, d.transition.to, null, null, now);
      status = d.transition.to;
    }
    return status;
  }
}
