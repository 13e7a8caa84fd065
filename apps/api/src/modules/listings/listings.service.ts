import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ListingStatus, type ListingKind } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { isUniqueViolation, retryOnUniqueViolation, withUniqueSlug } from '../../common/slug.js';
import { uniqueKeywords } from '../../common/keywords.js';
import { pageWindow, type Page, type PageInput } from '../../common/pagination.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { ModeratedContentService } from '../moderation-core/moderated-content.service.js';
import { ModeratedKindService } from '../moderation-core/moderated-kind.service.js';
import type { ModeratedKind } from '../moderation-core/moderated-kind.js';
import { revisionDeclinedSql, type ModerationAccess } from '../moderation-core/moderation.rules.js';
import { ListingEntity, type ListingContent } from './listing.entity.js';
import { DUPLICATE_SIMILARITY, publicListingSql, titleSimilarity, titleWords } from './listing.rules.js';
import { detectLanguage } from '../text/index.js';
import { contentOf, countAttachmentsOf, listingKind } from './listing.kind.js';
import { priceOrder, type ListingInput, type ListingUpdateInput } from './dto/listing.inputs.js';
import catalogue from './listings.service.messages.json' with { type: 'json' };

export { LISTING_CHANGED, contentOf } from './listing.kind.js';
// Who sees and reviews a listing: the moderated-content core's rules, the same for every kind.
export { canView, moderatorCovers, reviewProvince } from '../moderation-core/moderation.rules.js';

const M = catalogue satisfies Record<string, Localized>;

export { uniqueKeywords } from '../../common/keywords.js';

const unique = <T>(list: T[]): T[] => [...new Set(list)];
const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** Who the caller is with respect to one listing (owner: a member of the owning organisation). */
export type ListingAccess = ModerationAccess;

/**
 * Offers and demands. Their workflow, pending revisions, audit trail, review, archiving and
 * renewal are the moderated-content core's (listing.kind.ts plugs listings in); this service keeps
 * what is the listing's own: creating, editing its content, lists, duplicates.
 */
@Injectable()
export class ListingsService extends ModeratedKindService<ListingEntity, ListingContent> {
  /** Listings as the core sees them. */
  readonly kind: ModeratedKind<ListingEntity, ListingContent>;

  constructor(
    private readonly ds: DataSource,
    private readonly organizations: OrganizationsService,
    protected readonly core: ModeratedContentService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.kind = listingKind(config);
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  async findOne(by: { id?: string | null; slug?: string | null }): Promise<ListingEntity | null> {
    const repo = this.ds.getRepository(ListingEntity);
    if (by.id) return isUuid(by.id) ? repo.findOneBy({ id: by.id }) : null;
    if (by.slug) return repo.findOneBy({ slug: by.slug });
    return null;
  }

  async findByIds(ids: readonly string[]): Promise<ListingEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.ds.getRepository(ListingEntity).findBy({ id: In(valid) }) : [];
  }

  access(viewer: Viewer | null, l: ListingEntity, em: EntityManager = this.ds.manager): Promise<ListingAccess> {
    return this.core.access(this.kind, viewer, l, em);
  }

  /**
   * Listings of every organisation the caller belongs to, any status, most recently changed first.
   * With `withDeclinedUpdates`, REJECTED also finds published listings whose update was declined
   * (revisionDeclined): the owner's "rejected" tab, both theirs to fix and send again.
   */
  async listMine(viewer: Viewer, status: ListingStatus | null, page: PageInput | undefined, withDeclinedUpdates = false): Promise<Page<ListingEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const orgIds = await this.organizations.memberOrganizationIds(viewer.id);
    if (!orgIds.length) return { items: [], totalItems: 0, page: p, pageSize };
    const qb = this.ds.getRepository(ListingEntity).createQueryBuilder('l').where('l.organization_id IN (:...orgIds)', { orgIds });
    if (status === ListingStatus.REJECTED && withDeclinedUpdates) qb.andWhere(`(l.status = :status OR ${revisionDeclinedSql('l')})`, { status });
    else if (status) qb.andWhere('l.status = :status', { status });
    const [items, totalItems] = await qb.orderBy('l.updated_at', 'DESC').addOrderBy('l.id').offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /** An organisation's listings: everything for its members, published and unexpired ones for everyone else. */
  async listForOrganization(viewer: Viewer | null, organizationId: string, page: PageInput | undefined): Promise<Page<ListingEntity>> {
    const { offset, pageSize, page: p } = pageWindow(page);
    const member = !!viewer && (await this.organizations.isMember(viewer.id, organizationId));
    const qb = this.ds.getRepository(ListingEntity).createQueryBuilder('l').where('l.organization_id = :organizationId', { organizationId });
    if (member) {
      qb.orderBy('l.updated_at', 'DESC');
    } else {
      this.wherePubliclyListed(qb, 'l');
      qb.orderBy('l.published_at', 'DESC');
    }
    const [items, totalItems] = await qb.addOrderBy('l.id').offset(offset).limit(pageSize).getManyAndCount();
    return { items, totalItems, page: p, pageSize };
  }

  /** The listings' pictures, documents and videos (those not being removed), for their quality score: one statement. */
  attachmentCounts(listingIds: readonly string[]): Promise<number[]> {
    return countAttachmentsOf(this.ds.manager, listingIds);
  }

  /** Restricts a query to what the public lists show: published and not expired (by the clock). */
  wherePubliclyListed<Q extends { andWhere(sql: string, params?: Record<string, unknown>): Q }>(qb: Q, alias: string): Q {
    return qb.andWhere(publicListingSql(alias, ':now'), { now: this.clock.now() });
  }

  /**
   * Listings whose title looks like this one's (same kind; see titleSimilarity), most alike first:
   * published listings of any organisation, and the owner organisation's own listings in any status
   * but archived (its drafts only when `withDrafts`, i.e. the caller is a member: moderators do not
   * see other organisations' drafts). Candidates are narrowed in SQL to titles sharing a word
   * (the slug holds the folded words), then scored here.
   */
  async possibleDuplicates(l: ListingEntity, withDrafts: boolean, limit = 5): Promise<{ listing: ListingEntity; similarity: number }[]> {
    const title = this.workingContent(l).title;
    const words = [...new Set(titleWords(title))];
    if (!words.length) return [];
    const statuses = [ListingStatus.PUBLISHED, ListingStatus.PENDING_REVIEW, ListingStatus.REJECTED, ...(withDrafts ? [ListingStatus.DRAFT] : [])];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM listing c
        WHERE c.kind = $1 AND c.id <> $2
          AND (c.status = $3 OR (c.organization_id = $4 AND c.status = ANY($5::text[])))
          AND string_to_array(c.slug, '-') && $6::text[]
        ORDER BY cardinality(ARRAY(SELECT unnest(string_to_array(c.slug, '-')) INTERSECT SELECT unnest($6::text[]))) DESC, c.id
        LIMIT 50`,
      [l.kind, l.id, ListingStatus.PUBLISHED, l.organizationId, statuses, words],
    );
    const candidates = rows.length ? await this.ds.getRepository(ListingEntity).findBy({ id: In(rows.map((r) => r.id)) }) : [];
    return candidates
      .map((c) => ({ listing: c, similarity: titleSimilarity(title, c.title) }))
      .filter((d) => d.similarity >= DUPLICATE_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity || a.listing.id.localeCompare(b.listing.id))
      .slice(0, limit);
  }

  // -------------------------------------------------------------------------------------------
  // Writes: one transaction each, the row locked, every step in the audit trail

  async create(viewer: Viewer, input: ListingInput): Promise<ListingEntity> {
    const org = isUuid(input.organizationId) ? await this.ds.getRepository(OrganizationEntity).findOneBy({ id: input.organizationId }) : null;
    if (!org) throw Errors.notFound(M.organization);
    if (!(await this.organizations.isMember(viewer.id, org.id))) throw Errors.forbidden(M.notMemberCreate);
    const content = this.normalizeContent({
      title: input.title,
      summary: input.summary,
      description: input.description,
      specification: blankToNull(input.specification),
      advantages: blankToNull(input.advantages),
      mediaUrls: input.mediaUrls ?? [],
      fieldCodes: input.fieldCodes,
      keywords: input.keywords,
      trl: input.trl ?? null,
      transferModes: input.transferModes,
      ipStatus: input.ipStatus ?? null,
      priceMin: input.priceMin ?? null,
      priceMax: input.priceMax ?? null,
      currency: input.currency ?? 'VND',
      negotiable: input.negotiable ?? true,
      provinceCode: input.provinceCode,
      language: input.language ?? '',
    });
    this.checkCrossFields(content, input, input.kind);
    return withUniqueSlug(
      content.title,
      (base) => this.core.slugsTaken(this.ds.manager, this.kind, base),
      async (slug) => {
        try {
          return await this.ds.transaction(async (em) => {
            const id = await this.core.insert(em, this.kind, viewer.id, {
              ...content,
              kind: input.kind as ListingKind,
              slug,
              organizationId: org.id,
              createdBy: viewer.id,
            });
            return em.getRepository(ListingEntity).findOneByOrFail({ id });
          });
        } catch (err) {
          if (isUniqueViolation(err)) return null;
          throw err;
        }
      },
    );
  }

  /**
   * Deletes a draft that was never sent for review (nothing refers to it yet: no interest, deal or
   * review; its audit trail goes with it). Its attachments go in the same transaction, and their
   * files after commit once no other attachment uses the same bytes (the owner clean-up trigger of
   * migration AttachmentOwnerCleanup, then the media worker on `media.released`).
   */
  async deleteDraft(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const l = await this.core.lockForOwner(em, this.kind, viewer, id);
      if (l.status !== ListingStatus.DRAFT) throw Errors.conflict(M.deleteOnlyDrafts);
      await em.delete(ListingEntity, { id: l.id });
      return true;
    });
  }

  /**
   * Edits a draft or rejected listing in place; edits to a published listing become (or extend) its
   * pending revision, and the published text stays public until a moderator approves it.
   */
  async update(viewer: Viewer, id: string, input: ListingUpdateInput): Promise<ListingEntity> {
    // Another listing may take the slug between our look-up and our update: then look again.
    return retryOnUniqueViolation(() =>
      this.ds.transaction(async (em) => {
        const l = await this.core.lockForOwner(em, this.kind, viewer, id);
        await this.core.edit(em, this.kind, viewer, l, input.version, (before) => this.applyUpdate(before, input, l.kind));
        return em.getRepository(ListingEntity).findOneByOrFail({ id: l.id });
      }),
    );
  }

  /** One-step renewal of a published listing near or past its expiry: another LISTING_TTL_DAYS from now. */
  renew(viewer: Viewer, id: string): Promise<ListingEntity> {
    return this.core.renew(this.kind, viewer, id);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  /** Trims, de-duplicates and fills the language (detected from the text when not chosen). */
  private normalizeContent(c: ListingContent): ListingContent {
    return {
      ...c,
      title: c.title.trim(),
      summary: c.summary.trim(),
      description: c.description.trim(),
      keywords: uniqueKeywords(c.keywords),
      fieldCodes: unique(c.fieldCodes),
      transferModes: unique(c.transferModes),
      mediaUrls: unique(c.mediaUrls.map((u) => u.trim())),
      language: c.language || detectLanguage(`${c.title}\n${c.summary}\n${c.description}`),
    };
  }

  /** Omitted fields stay; null clears optional ones and is refused for required ones. */
  private applyUpdate(before: ListingContent, input: ListingUpdateInput, kind: ListingKind): ListingContent {
    const missing: Record<string, Localized> = {};
    const required = ['title', 'summary', 'description', 'fieldCodes', 'keywords', 'transferModes', 'provinceCode', 'currency', 'negotiable'] as const;
    for (const key of required) if (input[key] === null) missing[`input.${key}`] = M.required;
    if (Object.keys(missing).length) throw Errors.badInput(missing);
    const pick = <K extends keyof ListingContent>(key: K, value: ListingContent[K] | null | undefined): ListingContent[K] =>
      value === undefined ? before[key] : (value as ListingContent[K]);
    const content = this.normalizeContent({
      title: pick('title', input.title),
      summary: pick('summary', input.summary),
      description: pick('description', input.description),
      specification: input.specification === undefined ? before.specification : blankToNull(input.specification),
      advantages: input.advantages === undefined ? before.advantages : blankToNull(input.advantages),
      mediaUrls: input.mediaUrls === undefined ? before.mediaUrls : (input.mediaUrls ?? []),
      fieldCodes: pick('fieldCodes', input.fieldCodes),
      keywords: pick('keywords', input.keywords),
      trl: pick('trl', input.trl),
      transferModes: pick('transferModes', input.transferModes),
      ipStatus: pick('ipStatus', input.ipStatus),
      priceMin: pick('priceMin', input.priceMin),
      priceMax: pick('priceMax', input.priceMax),
      currency: pick('currency', input.currency),
      negotiable: pick('negotiable', input.negotiable),
      provinceCode: pick('provinceCode', input.provinceCode),
      // null: detect again from the (new) text; omitted: detect again when the text is edited (the
      // storefront never sends it, and a listing once taken for English is read right after its
      // next edit), else keep.
      language:
        input.language !== undefined
          ? (input.language ?? '')
          : input.title !== undefined || input.summary !== undefined || input.description !== undefined
            ? ''
            : before.language,
    });
    this.checkCrossFields(content, input, kind);
    return content;
  }

  /**
   * Rules that involve two fields, on the content as it will be stored. ListingInput's decorators
   * already refuse a request whose own priceMin/priceMax disagree (with its other problems); this
   * catches an update that sends one side only, against the stored other side. The error names the
   * field the caller sent.
   */
  private checkCrossFields(c: ListingContent, input: { priceMin?: number | null; priceMax?: number | null }, kind: ListingKind): void {
    if (c.priceMin !== null && c.priceMax !== null && c.priceMin > c.priceMax) {
      const path = input.priceMax !== undefined && input.priceMax !== null ? 'input.priceMax' : 'input.priceMin';
      throw Errors.invalidField(path, priceOrder(kind));
    }
  }
}
