/**
 * The listing's own rules as pure functions (no framework, no I/O): the quality score
 * (computed at submission, and live for the text being written), title similarity for duplicate
 * hints, language detection, and what "expired" and "public" mean. The service
 * applies them inside its transactions; every query of public listings uses `publicListingSql`,
 * the SQL twin of `isListedPublicly`.
 */
import { ListingKind, ListingStatus, findTechField, normalizeForSearch } from '@techport/shared';
import type { Localized } from '../../common/i18n.js';
import type { ListingContent, QualityHint } from './listing.entity.js';

// The workflow, status labels, rejection reasons and the rejection notice are the moderated-content
// core's (moderation-core/moderation.workflow.ts, moderation.labels.ts), shared with every kind.

// ---------------------------------------------------------------------------------------------
// Quality score

/** Below this many characters a description says too little to be assessed. */
export const MIN_GOOD_DESCRIPTION = 300;
export const MIN_GOOD_SUMMARY = 60;
export const MIN_GOOD_KEYWORDS = 3;

interface QualityRule {
  code: string;
  penalty: number;
  label: Localized;
  /**
   * A demand's own words, where the offer's would ask the wrong thing: a buyer states the lowest TRL
   * she accepts (the demand form's "minimum TRL accepted"), not her technology's readiness.
   */
  demandLabel?: Localized;
  /** `attachments`: the listing's pictures, documents and videos (media module), beside its links. */
  applies: (kind: ListingKind, c: ListingContent, attachments: number) => boolean;
}

const isBlank = (s: string | null | undefined) => !s || s.trim().length === 0;

/** Every check, in the order hints are shown. The score is 100 minus the penalties that apply. */
export const QUALITY_RULES: readonly QualityRule[] = [
  {
    code: 'NO_SPECIFICATION',
    penalty: 20,
    label: { vi: 'Bổ sung thông số kỹ thuật của công nghệ.', en: 'Add the technical specification of the technology.' },
    applies: (kind, c) => kind === ListingKind.OFFER && isBlank(c.specification),
  },
  {
    code: 'SHORT_DESCRIPTION',
    penalty: 15,
    label: {
      // Offers and demands alike: what it is, where things stand, what it achieves or should achieve.
      vi: `Mô tả quá ngắn: hãy viết ít nhất ${MIN_GOOD_DESCRIPTION} ký tự (công nghệ hay nhu cầu là gì, hiện trạng, kết quả đã đạt hoặc mong muốn).`,
      en: `The description is too short: write at least ${MIN_GOOD_DESCRIPTION} characters (what the technology or the need is, where things stand, the results achieved or wanted).`,
    },
    applies: (_kind, c) => c.description.trim().length < MIN_GOOD_DESCRIPTION,
  },
  {
    code: 'NO_KEYWORDS',
    penalty: 15,
    label: { vi: 'Thêm từ khóa để người tìm kiếm thấy tin của bạn.', en: 'Add keywords so that searchers find your listing.' },
    applies: (_kind, c) => c.keywords.length === 0,
  },
  {
    code: 'FEW_KEYWORDS',
    penalty: 5,
    label: { vi: `Thêm từ khóa: nên có ít nhất ${MIN_GOOD_KEYWORDS}.`, en: `Add keywords: at least ${MIN_GOOD_KEYWORDS} are recommended.` },
    applies: (_kind, c) => c.keywords.length > 0 && c.keywords.length < MIN_GOOD_KEYWORDS,
  },
  {
    code: 'NO_TRL',
    penalty: 15,
    label: {
      vi: 'Cho biết mức độ sẵn sàng của công nghệ (TRL 1–9).',
      en: 'State the technology readiness level (TRL 1–9).',
    },
    demandLabel: {
      vi: 'Cho biết mức sẵn sàng công nghệ (TRL 1–9) tối thiểu bạn chấp nhận: bên chào bán biết công nghệ của họ có đáp ứng không.',
      en: 'State the lowest technology readiness level (TRL 1–9) you accept: sellers see whether their technology qualifies.',
    },
    applies: (_kind, c) => c.trl === null,
  },
  {
    code: 'NO_PRICE',
    penalty: 10,
    // "Negotiable" is a box of its own: the tip asks for an indicative figure, which it does not replace.
    label: {
      vi: 'Nêu giá chào (hoặc ngân sách dự kiến) để tham khảo, kể cả khi vẫn để giá thỏa thuận: bên kia so sánh các tin theo giá.',
      en: 'State an indicative asking price (or budget), even if it stays negotiable: the other side compares listings by price.',
    },
    applies: (_kind, c) => c.priceMin === null && c.priceMax === null,
  },
  {
    code: 'NO_FIELDS',
    penalty: 15,
    label: { vi: 'Chọn ít nhất một lĩnh vực công nghệ.', en: 'Choose at least one technology field.' },
    applies: (_kind, c) => c.fieldCodes.length === 0,
  },
  {
    code: 'BROAD_FIELDS_ONLY',
    penalty: 5,
    label: {
      vi: 'Chọn lĩnh vực cụ thể hơn (lĩnh vực con) để tin được ghép đúng đối tác.',
      en: 'Choose more specific fields (sub-fields) so that the listing is matched with the right partners.',
    },
    applies: (_kind, c) => c.fieldCodes.length > 0 && c.fieldCodes.every((code) => !findTechField(code)?.parent),
  },
  {
    code: 'NO_TRANSFER_MODES',
    penalty: 10,
    label: { vi: 'Chọn các hình thức chuyển giao phù hợp.', en: 'Choose the transfer modes that apply.' },
    applies: (_kind, c) => c.transferModes.length === 0,
  },
  {
    code: 'SHORT_SUMMARY',
    penalty: 5,
    label: { vi: `Tóm tắt nên dài ít nhất ${MIN_GOOD_SUMMARY} ký tự.`, en: `The summary should be at least ${MIN_GOOD_SUMMARY} characters long.` },
    applies: (_kind, c) => c.summary.trim().length < MIN_GOOD_SUMMARY,
  },
  {
    code: 'NO_IP_STATUS',
    penalty: 5,
    label: { vi: 'Cho biết tình trạng sở hữu trí tuệ (bằng sáng chế, bí quyết…).', en: 'State the intellectual property status (patent, know-how…).' },
    applies: (kind, c) => kind === ListingKind.OFFER && c.ipStatus === null,
  },
  {
    code: 'NO_ADVANTAGES',
    penalty: 5,
    label: { vi: 'Nêu ưu điểm so với các giải pháp khác.', en: 'Explain the advantages over other solutions.' },
    applies: (kind, c) => kind === ListingKind.OFFER && isBlank(c.advantages),
  },
  {
    code: 'NO_MEDIA',
    penalty: 5,
    label: { vi: 'Thêm hình ảnh, video hoặc tài liệu minh họa.', en: 'Add images, a video or documents.' },
    applies: (kind, c, attachments) => kind === ListingKind.OFFER && c.mediaUrls.length === 0 && attachments === 0,
  },
];

const RULES_BY_CODE = new Map(QUALITY_RULES.map((r) => [r.code, r]));

/** A hint's words, in the listing kind's terms when they differ (demandLabel). */
export function qualityHintLabel(code: string, kind?: ListingKind): Localized {
  const rule = RULES_BY_CODE.get(code);
  if (!rule) return { vi: code, en: code };
  return (kind === ListingKind.DEMAND && rule.demandLabel) || rule.label;
}

export function assessQuality(kind: ListingKind, content: ListingContent, attachments = 0): { score: number; hints: QualityHint[] } {
  const hints = QUALITY_RULES.filter((r) => r.applies(kind, content, attachments)).map((r) => ({ code: r.code, penalty: r.penalty }));
  const score = Math.max(0, 100 - hints.reduce((sum, h) => sum + h.penalty, 0));
  return { score, hints };
}

// ---------------------------------------------------------------------------------------------
// Expiry and visibility

export interface ExpiryFacts {
  status: ListingStatus | string;
  expiresAt: Date | null;
  expiredAt: Date | null;
}

/** A published listing whose time is up (whether or not the expiry job has marked it yet). */
export function isExpired(l: ExpiryFacts, now: Date): boolean {
  if (l.status !== ListingStatus.PUBLISHED) return false;
  return l.expiredAt !== null || (l.expiresAt !== null && l.expiresAt.getTime() <= now.getTime());
}

/** Whether the listing belongs in public lists and the search index: published and not expired. */
export function isListedPublicly(l: ExpiryFacts, now: Date): boolean {
  return l.status === ListingStatus.PUBLISHED && !isExpired(l, now);
}

/**
 * `isListedPublicly` in SQL, for a query over `listing` as `alias`: the one spelling of "publicly
 * listed" that every query uses (search index and search page, organisation listings, media,
 * open data, market figures, the department's dashboard). `now` is the placeholder of a parameter
 * holding the injected Clock's time ('$1', ':now'), never SQL now(): tests move the Clock, and
 * the database's own time would disagree with it (a listing past its date by the Clock would
 * stay in the search index).
 */
export function publicListingSql(alias: string, now: string): string {
  return `${alias}.status = '${ListingStatus.PUBLISHED}' AND ${alias}.expired_at IS NULL AND (${alias}.expires_at IS NULL OR ${alias}.expires_at > ${now})`;
}


/** A published listing may be renewed once it is within the warning window before expiry, or past it. */
export function canRenew(l: ExpiryFacts, now: Date, warningDays: number): boolean {
  if (l.status !== ListingStatus.PUBLISHED) return false;
  if (isExpired(l, now)) return true;
  return l.expiresAt !== null && l.expiresAt.getTime() - now.getTime() <= warningDays * DAY_MS;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Duplicates

/** Titles at least this similar (Dice coefficient of their word pairs) are shown as possible duplicates. */
export const DUPLICATE_SIMILARITY = 0.5;

/** The folded words of a title ("Xử lý nước thải" → ["xu", "ly", "nuoc", "thai"]). */
export function titleWords(title: string): string[] {
  return normalizeForSearch(title).split(' ').filter(Boolean);
}

/**
 * Adjacent word pairs: Vietnamese meaning lives in compounds of one-syllable words ("xử lý",
 * "nước thải"), so pairs tell "xử lý nước thải" from a title that merely shares "công nghệ".
 * A one-word title is its own pair.
 */
function wordPairs(words: string[]): Set<string> {
  if (words.length < 2) return new Set(words);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
}

/** 0–1: how alike two titles are, diacritics and case aside (Dice coefficient of word pairs). */
export function titleSimilarity(a: string, b: string): number {
  const x = wordPairs(titleWords(a));
  const y = wordPairs(titleWords(b));
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const p of x) if (y.has(p)) shared++;
  return (2 * shared) / (x.size + y.size);
}
