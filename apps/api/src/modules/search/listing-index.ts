import type { Settings } from 'meilisearch';
import { isUuid } from '../../common/ids.js';
import { listingDocumentFingerprint, toListingDocument, type ListingDocument, type ListingSource } from './listing-document.js';
import { LISTING_INDEX_SETTINGS } from './listing-index-settings.js';
import type { IndexDefinition, Queryable } from './search-index.js';
import { LISTING_DOCUMENT_TEXT_SQL } from '../media/media-search.js';
import { publicListingSql } from '../listings/listing.rules.js';

/** A listing and its organisation as one row: what the search document is built from. */
export interface ListingIndexRow extends Pick<ListingSource, 'id' | 'kind' | 'slug' | 'title' | 'summary' | 'description' | 'keywords'> {
  field_codes: string[];
  province_code: string;
  transfer_modes: string[];
  ip_status: string | null;
  trl: number | null;
  price_min: number | null;
  price_max: number | null;
  negotiable: boolean;
  currency: string;
  language: string;
  published_at: Date;
  expires_at: Date | null;
  org_id: string;
  org_slug: string;
  org_name: string;
  org_kind: string;
  org_verified: boolean;
  /** Text of the listing's public PDF documents (modules/media), or null. */
  document_text: string | null;
}

/**
 * What the public may find: PUBLISHED, not marked expired, and not past its expiry date by the
 * Clock — the listings module's rule (publicListingSql), for `listing l`, `now` the placeholder of
 * the Clock's time. (The listings module marks expired listings — `expired_at` — and publishes
 * 'listing.changed' when it does; a listing whose expires_at has passed is treated as gone even
 * before that.)
 */
export const publicListing = (now: string): string => publicListingSql('l', now);

const SELECT_ROWS = `
  SELECT l.id, l.kind, l.slug, l.title, l.summary, l.description, l.keywords, l.field_codes, l.province_code,
         l.transfer_modes, l.ip_status, l.trl, l.price_min::float8 AS price_min, l.price_max::float8 AS price_max,
         l.negotiable, l.currency, l.language, COALESCE(l.published_at, l.updated_at) AS published_at, l.expires_at,
         o.id AS org_id, o.slug AS org_slug, o.name AS org_name, o.kind AS org_kind, o.verified AS org_verified,
         ${LISTING_DOCUMENT_TEXT_SQL} AS document_text
  FROM listing l JOIN organization o ON o.id = l.organization_id`;

/**
 * The settings applied to the listings index: the shared LISTING_INDEX_SETTINGS, with
 * search-specific choices on top (the first and last change nothing matching gets, which sends no
 * sort and reads a bounded number of hits):
 * - `sort` right after `words`: when a visitor sorts by price, TRL or date, hits that contain
 *   the query words come out in that order, not by relevance with the sort as a tie-breaker.
 * - `proximity` before `typo`: a Vietnamese word is several syllables ("máy sấy"), so the query's
 *   words found together matter more than a typo in one of them; and the ranking score, which
 *   follows the rules' order, then measures closeness first, which is what decides a close match
 *   (search.weights.ts). With `typo` first, any query without a typo scored ~0.9 however
 *   scattered its words were. (Matching's keyword scores weigh proximity before typos too.)
 * - maxTotalHits 100 000: `totalHits` is exact for any result set the exchange can have and
 *   every page of it can be reached (Meilisearch stops counting at this bound).
 */
export const LISTING_SEARCH_SETTINGS: Settings = {
  ...LISTING_INDEX_SETTINGS,
  rankingRules: ['words', 'sort', 'proximity', 'typo', 'attribute', 'exactness'],
  pagination: { maxTotalHits: 100_000 },
  // `id`: saved-search alerts run a saved search restricted to the newly published listing (modules/matching).
  filterableAttributes: [...(LISTING_INDEX_SETTINGS.filterableAttributes ?? []), 'id'],
};

export function listingSource(r: ListingIndexRow) {
  return {
    id: r.id,
    kind: r.kind,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    description: r.description,
    keywords: r.keywords ?? [],
    fieldCodes: r.field_codes ?? [],
    organization: { id: r.org_id, slug: r.org_slug, name: r.org_name, kind: r.org_kind, verified: r.org_verified },
    provinceCode: r.province_code,
    transferModes: r.transfer_modes ?? [],
    ipStatus: r.ip_status,
    trl: r.trl,
    priceMin: r.price_min,
    priceMax: r.price_max,
    negotiable: r.negotiable,
    currency: r.currency,
    language: r.language,
    publishedAt: new Date(r.published_at),
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
    documentText: r.document_text ?? '',
  };
}

function uuids(values: unknown[]): string[] {
  return [...new Set(values.filter(isUuid).map((v) => v.toLowerCase()))];
}

export const LISTING_INDEX: IndexDefinition<ListingIndexRow, ListingDocument> = {
  name: 'listings',
  settings: LISTING_SEARCH_SETTINGS,

  rowsFor(db: Queryable, ids: string[], now: Date) {
    const valid = uuids(ids);
    if (!valid.length) return Promise.resolve([]);
    return db.query(`${SELECT_ROWS} WHERE l.id = ANY($1::uuid[]) AND ${publicListing('$2')}`, [valid, now]);
  },

  rowsAfter(db: Queryable, afterId: string | null, limit: number, now: Date) {
    return db.query(`${SELECT_ROWS} WHERE ${publicListing('$3')} AND ($1::uuid IS NULL OR l.id > $1::uuid) ORDER BY l.id LIMIT $2`, [afterId, limit, now]);
  },

  idOf: (r) => r.id,
  toDocument: (r) => toListingDocument(listingSource(r)),
  fingerprint: listingDocumentFingerprint,

  async changedSince(db: Queryable, since: Date, now: Date) {
    // Every public change is announced on the outbox (the listings module's rule); expiry by
    // date needs no announcement, so listings whose expiry passed meanwhile are added.
    const rows: { id: string }[] = await db.query(
      `SELECT l.id FROM listing l WHERE l.expires_at BETWEEN $1 AND $2
       UNION SELECT (e.payload->>'listingId')::uuid FROM outbox_event e
         WHERE e.topic = 'listing.changed' AND e.created_at >= $1 AND e.payload->>'listingId' ~* '^[0-9a-f-]{36}$'
       UNION SELECT l.id FROM listing l JOIN outbox_event e ON e.topic = 'organization.changed' AND e.created_at >= $1
         AND e.payload->>'organizationId' = l.organization_id::text`,
      [since, now],
    );
    return rows.map((r) => r.id);
  },

  topics: {
    'listing.changed': async (_db, payloads) => uuids(payloads.map((p) => p.listingId)),
    'organization.changed': async (db, payloads) => {
      const orgIds = uuids(payloads.map((p) => p.organizationId));
      if (!orgIds.length) return [];
      // Every listing of the organisation, whatever its state: upserted if public, removed if not.
      const rows: { id: string }[] = await db.query(`SELECT id FROM listing WHERE organization_id = ANY($1::uuid[])`, [orgIds]);
      return rows.map((r) => r.id);
    },
  },
};
