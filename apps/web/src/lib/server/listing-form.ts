/**
 * The listing form (new offer or demand, and edits): reading it into the API's ListingInput /
 * ListingUpdateInput, with the storefront's own checks for what GraphQL would otherwise refuse
 * with a technical message (enum values, numbers).
 */
import type { IpStatus, ListingInput, ListingKind, ListingUpdateInput, TransferMode } from '$lib/graphql/types';
import { IP_STATUSES, TRANSFER_MODES } from '$lib/labels';
import { parseAmountText } from '@techport/shared';
import { m } from '$lib/paraglide/messages';
import { enumField, enumList, parseInteger, type FormReader } from './forms';

/** The form's field names (API errors on them are shown beside them). */
export const LISTING_FIELDS = [
  'organizationId',
  'title',
  'summary',
  'description',
  'specification',
  'advantages',
  'mediaUrls',
  'fieldCodes',
  'keywords',
  'trl',
  'transferModes',
  'ipStatus',
  'priceMin',
  'priceMax',
  'negotiable',
  'provinceCode',
  'currency',
] as const;

export interface ParsedListing {
  content: Omit<ListingInput, 'kind' | 'organizationId'>;
  /** Problems the storefront found itself (form field → message). */
  errors: Record<string, string>;
  /**
   * A problem that cannot travel to the API at all (an enum value the form never offers: GraphQL
   * would refuse the request before the API's own checks). Only then the form fails without asking
   * the API; otherwise it is asked, so its errors and these are shown together.
   */
  blocking: boolean;
}

/**
 * Sent instead of a number the visitor typed unreadably ("một tỷ", "a lot"): a value the API always refuses
 * (amounts are never negative, TRL is 1–9), so a request with a local problem is never saved, and
 * the API still reports every other problem of the form in the same answer. The storefront's own
 * message for that field replaces the API's.
 */
const REFUSED_AMOUNT = -1;
const REFUSED_TRL = 0;

/**
 * An amount as people type it, the way the search page's price filter reads it (libs/shared
 * parseAmountText): "500000000", "500.000.000", "500 triệu", "500 trieu", "1,5 tỷ", "1.5bn".
 * null when empty, NaN when it is no amount (or too long to be one).
 */
function readAmount(text: string): number | null {
  if (text.length > 60) return NaN;
  const v = parseAmountText(text);
  return v !== null && !Number.isFinite(v) ? NaN : v;
}

/** The amount fields' names and their order rule, in the words of the form they are on. */
function amountWords(kind: ListingKind) {
  return kind === 'OFFER'
    ? { min: m.listingForm_priceMinName(), max: m.listingForm_priceMaxName(), order: m.listingForm_priceOrder() }
    : { min: m.listingForm_budgetMinName(), max: m.listingForm_budgetMaxName(), order: m.listingForm_budgetOrder() };
}

/** "a, b; c" or one per line → ["a", "b", "c"]. */
export function splitList(text: string, separators = /[,;\n]/): string[] {
  return [
    ...new Set(
      text
        .split(separators)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseListing(form: FormReader, kind: ListingKind): ParsedListing {
  const errors: Record<string, string> = {};
  // A whole number out of 1–9 goes to the API, which names it with the rest; text that is not a
  // number cannot (GraphQL's Int), so it is caught here.
  const trl = parseInteger(form.str('trl'));
  if (trl !== null && Number.isNaN(trl)) errors.trl = m.listingForm_trlRange();
  const priceMin = readAmount(form.str('priceMin'));
  const priceMax = readAmount(form.str('priceMax'));
  const words = amountWords(kind);
  if (priceMin !== null && Number.isNaN(priceMin)) errors.priceMin = m.listingForm_amountUnread({ field: words.min });
  if (priceMax !== null && Number.isNaN(priceMax)) errors.priceMax = m.listingForm_amountUnread({ field: words.max });
  // The API refuses the same (in words that do not know an update's kind); said here in the form's own.
  else if (priceMax !== null && priceMin !== null && !Number.isNaN(priceMin) && priceMax < priceMin) errors.priceMax = words.order;
  const enumErrors: Record<string, string> = {};
  const transferModes = enumList<TransferMode>(form.all('transferModes'), TRANSFER_MODES, enumErrors, 'transferModes');
  const ipStatus = kind === 'OFFER' ? enumField<IpStatus>(form.str('ipStatus'), IP_STATUSES, enumErrors, 'ipStatus', false) : null;
  Object.assign(errors, enumErrors);
  const number = (v: number | null, refused: number) => (v === null ? null : Number.isNaN(v) ? refused : v);
  const content: ParsedListing['content'] = {
    title: form.str('title'),
    summary: form.str('summary'),
    description: form.str('description'),
    fieldCodes: form.all('fieldCodes'),
    keywords: splitList(form.str('keywords')),
    trl: number(trl, REFUSED_TRL),
    transferModes,
    ipStatus,
    priceMin: number(priceMin, REFUSED_AMOUNT),
    priceMax: number(priceMax, REFUSED_AMOUNT),
    negotiable: form.bool('negotiable'),
    provinceCode: form.str('provinceCode'),
  };
  if (kind === 'OFFER') {
    content.specification = form.optional('specification');
    content.advantages = form.optional('advantages');
    content.mediaUrls = splitList(form.str('mediaUrls'), /\s+/);
  }
  return { content, errors, blocking: Object.keys(enumErrors).length > 0 };
}

export function toUpdateInput(content: ParsedListing['content'], version: number): ListingUpdateInput {
  return { ...content, version };
}
