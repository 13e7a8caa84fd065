import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { ErrorCode, type Lang } from '@techport/shared';
import { AppError, Errors } from '../../common/errors.js';
import { format, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import { ListingEntity } from '../listings/listing.entity.js';
import { MEILI, describeMeiliError, meiliApiError } from '../search/meili.client.js';
import { toListingDocument, type ListingDocument } from '../search/listing-document.js';
import { SearchIndexService } from '../search/search-index.service.js';
import { SearchService } from '../search/search.service.js';
import { Clock } from '../../common/clock.js';
import { findMatches, type MatchFeedback, type MatchHit, type RankedMatch } from './matching.engine.js';
import { feedbackSignal, rankCandidates } from './ranking.js';
import { buildMatchQueries, matchQueryNames } from './retrieval.js';
import { MatchFeedbackService } from './match-feedback.js';
import { MAX_MATCHES } from './matching.weights.js';
import { MatchCache } from './match-cache.js';
import catalogue from './matching.service.messages.json' with { type: 'json' };

const M = catalogue satisfies Record<string, Localized>;

/** A counterpart listing, loaded from PostgreSQL (with its organisation), with its score and reasons. */
export interface MatchResult {
  listing: ListingEntity;
  score: number;
  reasons: RankedMatch['reasons'];
}

/** Candidates asked of the engine beyond `limit`, to make up for any the database no longer shows. */
const OVERFETCH = 5;

/** The search document of a listing loaded with its organisation (what matching reads). */
export function matchDocument(l: ListingEntity): ListingDocument {
  const org = l.organization;
  if (!org) throw new Error(`listing ${l.id}: organisation not loaded`);
  return toListingDocument({
    id: l.id,
    kind: l.kind,
    slug: l.slug,
    title: l.title,
    summary: l.summary,
    description: l.description,
    keywords: l.keywords,
    fieldCodes: l.fieldCodes,
    organization: { id: org.id, slug: org.slug, name: org.name, kind: org.kind, verified: org.verified },
    provinceCode: l.provinceCode,
    transferModes: l.transferModes,
    ipStatus: l.ipStatus,
    trl: l.trl,
    priceMin: l.priceMin,
    priceMax: l.priceMax,
    negotiable: l.negotiable,
    currency: l.currency,
    language: l.language,
    publishedAt: l.publishedAt ?? l.updatedAt,
    expiresAt: l.expiresAt,
  });
}

/**
 * Matching as the API serves it: the source listing's document built from its row (whatever its
 * status: a draft's owner may look for counterparts before publishing), ONE Meilisearch
 * multi-search for counterparts (matching.engine.ts), then the counterparts re-read from
 * PostgreSQL in ONE query, keeping only those still public (published and unexpired), so a
 * listing archived a moment ago never shows even before the index catches up.
 *
 * Listings of the source's own organisation are left out: a university does not need to be told
 * that its own demand fits its own offer, and an alert about it would be noise.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger('Matching');

  constructor(
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly indexes: SearchIndexService,
    private readonly search: SearchService,
    private readonly ds: DataSource,
    private readonly matchCache: MatchCache,
    private readonly feedback: MatchFeedbackService,
    private readonly clock: Clock,
  ) {}

  /** The listing with its organisation, in any status (one query); null for an unknown or malformed id. */
  async loadSource(id: string): Promise<ListingEntity | null> {
    if (!isUuid(id)) return null;
    // getOne, not findOne with relations: TypeORM runs the latter as two statements.
    return this.ds.getRepository(ListingEntity).createQueryBuilder('l').innerJoinAndSelect('l.organization', 'o').where('l.id = :id', { id }).getOne();
  }

  /** BAD_USER_INPUT naming `limit` unless 1 ≤ limit ≤ MAX_MATCHES (a whole number). */
  checkLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MATCHES) throw Errors.invalidField('limit', format(M.limit, { max: MAX_MATCHES }));
  }

  /** The search document of a listing loaded with its organisation (what matching reads). */
  document(l: ListingEntity): ListingDocument {
    return matchDocument(l);
  }

  /**
   * The best counterparts of `source` (loaded with its organisation), at most `limit`, labelled
   * in `lang`. Throws INTERNAL_SERVER_ERROR ("temporarily unavailable") when Meilisearch fails.
   */
  async matches(source: ListingEntity, limit: number, lang: Lang): Promise<MatchResult[]> {
    let ranked: RankedMatch[];
    try {
      const uid = this.indexes.listingsUid;
      const doc = this.document(source);
      const labels = await this.feedback.current();
      const now = this.clock.now().getTime();
      // The feedback version and the day (the decay) are part of the key: a new interest or deal is seen at once.
      const feedbackKey = `${labels.version}@${Math.floor(now / 86_400_000)}`;
      const request = { fetch: limit + OVERFETCH, lang, filter: sameOrganizationExcluded(source.organizationId), feedback: feedbackKey };
      // From memory while no listing changed (match-cache.ts); visibility is checked below regardless.
      ranked = await this.matchCache.ranked(uid, doc, request, async () =>
        findMatches(this.meili, uid, doc, request.fetch, lang, request.filter, await this.feedbackFor(doc, source.organizationId, labels.byCandidateKind[doc.kind === 'OFFER' ? 'DEMAND' : 'OFFER'], now)),
      );
    } catch (err) {
      // Nothing indexed yet (a new installation): nothing to match, not an error.
      if (meiliApiError(err)?.code === 'index_not_found') return [];
      this.logger.error(`matching failed for listing ${source.id}: ${describeMeiliError(err)}`);
      throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, M.unavailable);
    }
    return this.withListings(ranked, limit);
  }

  /**
   * The feedback labels that bear on `doc` (similar enough, MATCH_FEEDBACK), with the listings
   * they name as documents (public ones, not of the source's own organisation), so that a
   * labelled listing joins the pool even when no query returned it.
   */
  private async feedbackFor(doc: ListingDocument, organizationId: string, pairs: MatchFeedback['pairs'], now: number): Promise<MatchFeedback | undefined> {
    const relevant = pairs.filter((p) => p.candidateId !== doc.id && feedbackSignal(doc, p.candidateId, { pairs: [p], now }) > 0);
    if (!relevant.length) return undefined;
    const listings = await this.publicListings([...new Set(relevant.map((p) => p.candidateId))]);
    const candidates = [...listings.values()].filter((l) => l.organizationId !== organizationId).map((l) => this.document(l) as unknown as MatchHit);
    const shown = new Set(candidates.map((c) => c.id));
    return { pairs: relevant.filter((p) => shown.has(p.candidateId)), now, candidates };
  }

  /**
   * For alerts: the best counterparts of a listing document with their reasons in both languages
   * (one multi-search, ranked twice: the scores are the same, only the labels differ).
   */
  async matchesBothLanguages(source: ListingDocument, limit: number): Promise<{ vi: MatchResult[]; en: Map<string, RankedMatch> }> {
    const queries: MultiSearchQuery[] = buildMatchQueries(source, this.indexes.listingsUid).map((q) => ({
      ...q,
      filter: `(${q.filter as string}) AND (${sameOrganizationExcluded(source.organizationId)})`,
    }));
    let hits: MatchHit[][];
    try {
      const res = await this.meili.multiSearch({ queries });
      hits = res.results.map((r) => r.hits as MatchHit[]);
    } catch (err) {
      if (meiliApiError(err)?.code === 'index_not_found') return { vi: [], en: new Map() };
      throw err;
    }
    const names = matchQueryNames(source);
    const vi = rankCandidates(source, hits, 'vi', names, limit + OVERFETCH);
    const en = rankCandidates(source, hits, 'en', names, limit + OVERFETCH);
    return { vi: await this.withListings(vi, limit), en: new Map(en.map((m) => [m.id, m])) };
  }

  /**
   * Listings by id that are public now (published, unexpired), each with its organisation
   * loaded, in ONE query (the search module's, which the search page uses for its hits).
   */
  async publicListings(ids: readonly string[]): Promise<Map<string, ListingEntity>> {
    const found = await this.search.publicListings(ids);
    const out = new Map<string, ListingEntity>();
    for (const [id, { listing, organization }] of found) {
      listing.organization = organization;
      out.set(id, listing);
    }
    return out;
  }

  /** The ranked ids' listings in one query; those no longer public are dropped; at most `limit`. */
  private async withListings(ranked: RankedMatch[], limit: number): Promise<MatchResult[]> {
    if (!ranked.length) return [];
    const listings = await this.publicListings(ranked.map((m) => m.id));
    const out: MatchResult[] = [];
    for (const m of ranked) {
      const listing = listings.get(m.id);
      if (!listing) continue;
      out.push({ listing, score: m.score, reasons: m.reasons });
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** The Meilisearch filter that leaves out the source organisation's own listings. */
function sameOrganizationExcluded(organizationId: string | undefined): string {
  return `organizationId != ${JSON.stringify(organizationId ?? '')}`;
}
