/**
 * The Meilisearch document for a listing (toListingDocument), shared by the search module and by
 * matching; the index settings are in listing-index-settings.ts, the text pipeline in ../text.
 * Pure code: no framework, no I/O.
 *
 * Diacritics: Meilisearch 1.21's normaliser folds Vietnamese diacritics by itself (checked with
 * real queries against a 1.21 instance: "say lanh" finds "sấy lạnh" with the same ranking score,
 * "den led" finds "Đèn LED", "nuoc thai" finds "nước thải"; synonym keys are normalised the same
 * way). So the document carries no folded copies of its text for search. What it adds is
 * `concepts`: language-independent tags from a hand-written Vietnamese/English concept lexicon
 * (text/lexicon.ts) that names both the solution ("bảo quản sau thu hoạch", "kho lạnh CA") and
 * the problem ("giữ tươi lâu", "nhanh hư") in both languages, with and without diacritics. A
 * demand and an offer that talk about the same thing in different words share concept tags.
 */
import { PROVINCES, TECH_FIELDS, techFieldAncestry, type TechFieldRecord } from '@techport/shared';
import { MATCH_EMBEDDER, conceptText, extractConcepts, glossText, isBareVietnamese, matchVector, restoreDiacritics, synonymAliases, textVocabularyFingerprint } from '../text/index.js';
import { accentTokens } from './accent-forms.js';
import { documentFingerprint } from './document-fingerprint.js';

export type ListingKindValue = 'OFFER' | 'DEMAND';

export interface ListingDocument {
  id: string;
  kind: ListingKindValue;
  slug: string;
  title: string;
  summary: string;
  description: string;
  keywords: string[];
  /** The listing's codes plus their ancestors. */
  fieldCodes: string[];
  /** The listing's own codes, in the order given (first = main field). Used by matching. */
  primaryFieldCodes: string[];
  /** Vietnamese and English names of `fieldCodes`. */
  fieldNames: string[];
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  organizationVerified: boolean;
  /** (search) For serving a result card from the index (search/indexed-listing.ts); absent in documents written before it. */
  organizationSlug?: string;
  provinceCode: string;
  /** Vietnamese, English and former province names. */
  provinceNames: string[];
  transferModes: string[];
  ipStatus: string | null;
  trl: number | null;
  priceMin: number | null;
  priceMax: number | null;
  /**
   * The amount the price filter and the price sorts compare, in dong: an offer's asking price (its
   * lowest), a demand's budget (priceMax: a demand states a ceiling), whichever the listing states.
   * Null when it states none, or states it in another currency: no exchange rate is guessed, so
   * such a listing is kept by the filter and sorts last, like one priced by negotiation.
   */
  comparablePrice: number | null;
  negotiable: boolean;
  /** (search) Like organizationSlug: for result cards; absent in older documents. */
  currency?: string;
  language: string;
  /** Epoch milliseconds. */
  publishedAt: number;
  /**
   * (search) Epoch milliseconds, or null for no expiry; absent in older documents. A listing is
   * public only until then, and nothing is announced when the date passes (listing-index.ts), so
   * a result served from the index is dropped once it is past.
   */
  expiresAt?: number | null;
  /** Concept tags from CONCEPTS (ids), found in title, summary, description and keywords. */
  concepts: string[];
  /**
   * (search) The other names of every SYNONYM_GROUPS term the text uses ("AI" → "trí tuệ nhân
   * tạo", "artificial intelligence"). Meilisearch looks synonyms up only for query n-grams of up
   * to three words, so "trí tuệ nhân tạo" or "xử lý nước thải" (four words) would never reach
   * their English equivalents at query time; carried on the document, they match any query.
   */
  aliases: string[];
  /** (search) The title, keywords and summary in the other language, phrase order kept (glossText); absent in older documents. */
  gloss?: string;
  /**
   * (search) The searchable text's words spelt with their diacritics kept (accent-forms.ts), so a
   * query typed with diacritics ranks the exact words above words that only fold alike.
   */
  accentForms?: string;
  /**
   * (search) The title's words alone, accent-exact: the related results' title search
   * (search-query.ts buildTitleSearch) looks for the query's exact words in the title only, where
   * accentForms would let "chè" (tea) be found in a field name while "chế" (of "chế biến") stood in the title.
   */
  titleAccentForms?: string;
  /**
   * (search) Text of the listing's PDF documents: searchable with the lowest weight; empty when
   * none, never absent, because a search that names its attributes (search-query.ts
   * OWN_TEXT_ATTRIBUTES) is refused when one is in no document of the index.
   */
  documentText?: string;
  /** Meilisearch user-provided embedding (see matchVector); null when the listing has no tags. */
  _vectors: { matching: number[] | null };
}

/** What a document is built from: the columns it carries as they are, and the rest to derive from. */
export interface ListingSource
  extends Pick<
    ListingDocument,
    'id' | 'kind' | 'slug' | 'title' | 'summary' | 'description' | 'keywords' | 'provinceCode' | 'transferModes' | 'ipStatus' | 'trl' | 'priceMin' | 'priceMax' | 'negotiable' | 'currency' | 'language'
  > {
  /** The listing's own codes, in the order given (the document adds their ancestors). */
  fieldCodes: string[];
  organization: { id: string; name: string; kind: string; verified: boolean; slug?: string };
  publishedAt: Date;
  expiresAt?: Date | null;
  /** Text of the listing's public PDF documents (modules/media); empty or absent when none. */
  documentText?: string;
}

// ---------------------------------------------------------------------------------------------
// Document builder
// ---------------------------------------------------------------------------------------------

const fieldByCode = new Map<string, TechFieldRecord>(TECH_FIELDS.map((f) => [f.code, f]));
const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * (search) accentForms: the words of the searchable text (title, keywords, summary, description,
 * aliases, field names), accent-exact. The owner's own text typed without marks is read with the
 * marks the vocabulary gives it (text/diacritics.ts): "ao tom" is found by "ao tôm" too.
 */
function accentFormsOf(src: ListingSource, aliases: string[], fieldNames: string[], gloss: string): string {
  const own = ownText(src);
  return accentTokens([own(src.title), own(src.keywords.join(' , ')), own(src.summary), own(src.description), aliases.join(' , '), fieldNames.join(' , '), gloss].join(' . ')).join(' ');
}

/** The owner's text as accent-exact forms read it: bare Vietnamese with its marks put back. */
const ownText = (src: Pick<ListingSource, 'language'>) => (text: string) => (src.language !== 'en' && isBareVietnamese(text) ? restoreDiacritics(text) : text);

export function toListingDocument(src: ListingSource): ListingDocument {
  const primaryFieldCodes = uniq(src.fieldCodes.filter((c) => fieldByCode.has(c)));
  const fieldCodes = uniq(primaryFieldCodes.flatMap((c) => techFieldAncestry(c)));
  const fieldNames = uniq(fieldCodes.flatMap((c) => {
    const f = fieldByCode.get(c)!;
    return [f.nameVi, f.nameEn];
  }));
  const province = provinceByCode.get(src.provinceCode);
  const provinceNames = province ? uniq([province.nameVi, province.nameEn, ...province.formerProvinces]) : [];
  const concepts = extractConcepts(conceptText(src));
  const aliases = synonymAliases(conceptText(src));
  const gloss = glossText([src.title, ...src.keywords, src.summary]);
  return {
    id: src.id,
    kind: src.kind,
    slug: src.slug,
    title: src.title,
    summary: src.summary,
    description: src.description,
    keywords: [...src.keywords],
    fieldCodes,
    primaryFieldCodes,
    fieldNames,
    organizationId: src.organization.id,
    organizationName: src.organization.name,
    organizationKind: src.organization.kind,
    organizationVerified: src.organization.verified,
    ...(src.organization.slug !== undefined && { organizationSlug: src.organization.slug }),
    provinceCode: src.provinceCode,
    provinceNames,
    transferModes: [...src.transferModes],
    ipStatus: src.ipStatus,
    trl: src.trl,
    priceMin: src.priceMin,
    priceMax: src.priceMax,
    comparablePrice: (src.currency ?? 'VND') === 'VND' ? (src.priceMin ?? src.priceMax) : null,
    negotiable: src.negotiable,
    ...(src.currency !== undefined && { currency: src.currency }),
    language: src.language,
    publishedAt: src.publishedAt.getTime(),
    ...(src.expiresAt !== undefined && { expiresAt: src.expiresAt?.getTime() ?? null }),
    concepts,
    aliases,
    gloss,
    accentForms: accentFormsOf(src, aliases, fieldNames, gloss),
    titleAccentForms: accentTokens(ownText(src)(src.title)).join(' '),
    documentText: src.documentText ?? '',
    _vectors: { [MATCH_EMBEDDER]: matchVector(concepts, primaryFieldCodes) },
  };
}

/**
 * A listing that goes through every step of the builder (accents, a regional name, synonyms, the
 * gloss, concepts, fields, a province, a PDF's text), for the fingerprint below.
 */
const FINGERPRINT_SAMPLE: ListingSource = {
  id: '00000000-0000-4000-8000-000000000000',
  kind: 'OFFER',
  slug: 'may-say-che-bom-nhiet',
  title: 'Máy sấy chè bơm nhiệt, hệ thống AI theo dõi độ ẩm cho hợp tác xã',
  summary: 'Sấy lạnh búp chè và xử lý nước thải chế biến; thuỷ phân, quy trình lý hoá. Heat pump dryer for tea.',
  description: 'Dây chuyền sấy tự động, tiết kiệm điện 40%. Chuyển giao bằng sáng chế, đào tạo vận hành từ xa.',
  keywords: ['sấy lạnh', 'bơm nhiệt', 'chè xanh'],
  fieldCodes: ['4'],
  organization: { id: '00000000-0000-4000-8000-000000000001', slug: 'vien', name: 'Viện Cơ điện', kind: 'RESEARCH_INSTITUTE', verified: true },
  provinceCode: 'thai-nguyen',
  transferModes: ['LICENSING'],
  ipStatus: 'PATENT_GRANTED',
  trl: 7,
  priceMin: 100_000_000,
  priceMax: null,
  negotiable: true,
  currency: 'VND',
  language: 'vi',
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  expiresAt: null,
  documentText: 'Thông số kỹ thuật máy sấy chè',
};

/** The same listing as a demand in English, and typed without diacritics near a place whose name is a regional word. */
const FINGERPRINT_SAMPLES: ListingSource[] = [
  FINGERPRINT_SAMPLE,
  { ...FINGERPRINT_SAMPLE, kind: 'DEMAND', language: 'en', title: 'Looking for a heat pump dryer for tea and shrimps', summary: 'Dead shrimp overnight; drying tea leaves.', keywords: ['dryer'] },
  { ...FINGERPRINT_SAMPLE, title: 'May say che cho hop tac xa o Tra Vinh', summary: 'Say dau phong va hat dieu, Ngô Quyền Ngô Quyền', keywords: [], documentText: '' },
];

/**
 * Raise when the document builder changes in a way the samples above might not show (the
 * fingerprint then changes, and the API rebuilds the index at start-up).
 */
const LISTING_DOCUMENT_VERSION = 1;

/** (search, LISTING_INDEX.fingerprint) What builds listing documents: the version, the samples' documents and the text pipeline's data. */
export function listingDocumentFingerprint(): string {
  return documentFingerprint(LISTING_DOCUMENT_VERSION, textVocabularyFingerprint(), FINGERPRINT_SAMPLES.map(toListingDocument));
}
