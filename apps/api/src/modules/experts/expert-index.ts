/**
 * The experts search index (`${MEILI_INDEX_PREFIX}_experts`): its settings, its documents and how
 * the search module's index manager reads them from PostgreSQL (an IndexDefinition, registered
 * by ExpertsModule with SearchModule.forFeature). Kept in step by the outbox topics
 * 'expert.changed' ({ expertId }) and 'organization.changed' (an affiliation's name). Pure code apart from the SQL it is handed.
 */
import { PROVINCES, TECH_FIELDS, foldDiacritics, techFieldAncestry, type TechFieldRecord } from '@techport/shared';
import type { Settings } from 'meilisearch';
import { isUuid } from '../../common/ids.js';
import { documentFingerprint } from '../search/document-fingerprint.js';
import type { IndexDefinition, Queryable } from '../search/search-index.js';
import { Y_SPELLING_SYNONYMS, glossText, meiliSynonyms } from '../text/index.js';

export const EXPERT_CHANGED_TOPIC = 'expert.changed';

export interface ExpertDocument {
  id: string;
  slug: string;
  fullName: string;
  headline: string;
  bio: string;
  services: string[];
  pastTransfers: string[];
  /** The expert's codes plus their ancestors (so a parent code finds the children's experts). */
  fieldCodes: string[];
  /** Vietnamese and English names of `fieldCodes`. */
  fieldNames: string[];
  provinceCode: string;
  /** Vietnamese, English and former province names. */
  provinceNames: string[];
  organizationId: string | null;
  organizationName: string | null;
  /** Epoch milliseconds. */
  publishedAt: number;
  /**
   * Name, headline, services, transfers and bio folded to plain Latin letters ("tư vấn" →
   * "tu van", "Đặng" → "Dang"), so a query typed without diacritics matches whatever the
   * engine's own normaliser does with Vietnamese. Searchable, last in rank, never displayed.
   */
  folded: string;
  /**
   * Headline, services and past transfers in English, phrase order kept (text/gloss.ts glossText,
   * as listings have): an English query ("valuation", "wastewater") finds a profile written in
   * Vietnamese. Searchable after the profile's own words, never displayed.
   */
  gloss: string;
}

export interface ExpertIndexRow {
  id: string;
  slug: string;
  full_name: string;
  headline: string;
  bio: string;
  services: string[];
  past_transfers: string[];
  field_codes: string[];
  province_code: string;
  organization_id: string | null;
  organization_name: string | null;
  published_at: Date;
}

export const EXPERT_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['fullName', 'headline', 'services', 'fieldNames', 'pastTransfers', 'bio', 'organizationName', 'provinceNames', 'folded', 'gloss'],
  displayedAttributes: ['*'],
  filterableAttributes: ['fieldCodes', 'provinceCode', 'organizationId'],
  sortableAttributes: ['publishedAt'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  // "kĩ sư" is "kỹ sư": the "y" and "i" spellings of one syllable (text/synonyms.ts). Meilisearch
  // folds diacritics itself, so the two tone placements ("hoá"/"hóa") already meet.
  synonyms: meiliSynonyms(Y_SPELLING_SYNONYMS),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
    disableOnAttributes: ['organizationName'],
    disableOnNumbers: true,
  },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 100_000 },
};

const fieldByCode = new Map<string, TechFieldRecord>(TECH_FIELDS.map((f) => [f.code, f]));
const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

export function toExpertDocument(r: ExpertIndexRow): ExpertDocument {
  const own = uniq((r.field_codes ?? []).filter((c) => fieldByCode.has(c)));
  const fieldCodes = uniq(own.flatMap((c) => techFieldAncestry(c)));
  const fieldNames = uniq(fieldCodes.flatMap((c) => [fieldByCode.get(c)!.nameVi, fieldByCode.get(c)!.nameEn]));
  const province = provinceByCode.get(r.province_code);
  const services = r.services ?? [];
  const pastTransfers = r.past_transfers ?? [];
  return {
    id: r.id,
    slug: r.slug,
    fullName: r.full_name,
    headline: r.headline,
    bio: r.bio,
    services,
    pastTransfers,
    fieldCodes,
    fieldNames,
    provinceCode: r.province_code,
    provinceNames: province ? uniq([province.nameVi, province.nameEn, ...province.formerProvinces]) : [],
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    publishedAt: new Date(r.published_at).getTime(),
    folded: foldDiacritics([r.full_name, r.headline, services.join(' ; '), pastTransfers.join(' ; '), r.bio].join(' . ')),
    gloss: glossText([r.headline, ...services, ...pastTransfers]),
  };
}

/** A profile through every step of toExpertDocument, for the fingerprint (search-index.ts IndexDefinition.fingerprint). */
const FINGERPRINT_SAMPLE: ExpertIndexRow = {
  id: '00000000-0000-4000-8000-000000000000',
  slug: 'ts-nguyen-van-a',
  full_name: 'TS. Nguyễn Văn Á',
  headline: 'Kỹ sư sấy nông sản',
  bio: 'Hai mươi năm chuyển giao công nghệ sấy bơm nhiệt.',
  services: ['Tư vấn thiết kế lò sấy'],
  past_transfers: ['Máy sấy chè cho hợp tác xã'],
  field_codes: ['4'],
  province_code: 'ha-noi',
  organization_id: null,
  organization_name: null,
  published_at: new Date('2026-01-01T00:00:00Z'),
};

export function expertDocumentFingerprint(): string {
  return documentFingerprint(toExpertDocument(FINGERPRINT_SAMPLE));
}

/** Only PUBLISHED profiles are searchable. */
const PUBLIC_EXPERT = `e.status = 'PUBLISHED'`;

const SELECT_ROWS = `
  SELECT e.id, e.slug, e.full_name, e.headline, e.bio, e.services, e.past_transfers, e.field_codes, e.province_code,
         e.organization_id, o.name AS organization_name, COALESCE(e.published_at, e.updated_at) AS published_at
  FROM expert_profile e LEFT JOIN organization o ON o.id = e.organization_id`;

function uuids(values: unknown[]): string[] {
  return [...new Set(values.filter(isUuid).map((v) => v.toLowerCase()))];
}

export const EXPERT_INDEX: IndexDefinition<ExpertIndexRow, ExpertDocument> = {
  name: 'experts',
  settings: EXPERT_INDEX_SETTINGS,

  rowsFor(db: Queryable, ids: string[]) {
    const valid = uuids(ids);
    if (!valid.length) return Promise.resolve([]);
    return db.query(`${SELECT_ROWS} WHERE e.id = ANY($1::uuid[]) AND ${PUBLIC_EXPERT}`, [valid]);
  },

  rowsAfter(db: Queryable, afterId: string | null, limit: number) {
    return db.query(`${SELECT_ROWS} WHERE ${PUBLIC_EXPERT} AND ($1::uuid IS NULL OR e.id > $1::uuid) ORDER BY e.id LIMIT $2`, [afterId, limit]);
  },

  idOf: (r) => r.id,
  toDocument: toExpertDocument,
  fingerprint: expertDocumentFingerprint,

  async changedSince(db: Queryable, since: Date) {
    const rows: { id: string }[] = await db.query(
      `SELECT e.id FROM expert_profile e WHERE e.updated_at >= $1
       UNION SELECT (x.payload->>'expertId')::uuid FROM outbox_event x
         WHERE x.topic = '${EXPERT_CHANGED_TOPIC}' AND x.created_at >= $1 AND x.payload->>'expertId' ~* '^[0-9a-f-]{36}$'
       UNION SELECT e.id FROM expert_profile e JOIN outbox_event x ON x.topic = 'organization.changed' AND x.created_at >= $1
         AND x.payload->>'organizationId' = e.organization_id::text`,
      [since],
    );
    return rows.map((r) => r.id);
  },

  topics: {
    [EXPERT_CHANGED_TOPIC]: async (_db, payloads) => uuids(payloads.map((p) => p.expertId)),
    'organization.changed': async (db, payloads) => {
      const orgIds = uuids(payloads.map((p) => p.organizationId));
      if (!orgIds.length) return [];
      const rows: { id: string }[] = await db.query(`SELECT id FROM expert_profile WHERE organization_id = ANY($1::uuid[])`, [orgIds]);
      return rows.map((r) => r.id);
    },
  },
};
