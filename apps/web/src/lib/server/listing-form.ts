/**
 * The listing form (new offer or demand, and edits): reading it into the API's ListingInput /
 * ListingUpdateInput, with the storefront's own checks for what GraphQL would otherwise refuse
 * with a technical message (enum values, numbers).
 */
import type { IpStatus, ListingInput, ListingKind, ListingUpdateInput, TransferMode } from '$lib/graphql/types';
import { apiHas } from '$lib/graphql/capabilities';
import { IP_STATUSES, TRANSFER_MODES } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { enumField, enumList, parseAmount, parseInteger, type FormReader } from './forms';

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

/** Extra content fields the API may offer beyond the contract (offers' specification, advantages, media). */
export function extraFieldsOffered(): { specification: boolean; advantages: boolean; mediaUrls: boolean } {
  return {
    specification: apiHas('ListingInput.specification'),
    advantages: apiHas('ListingInput.advantages'),
    mediaUrls: apiHas('ListingInput.mediaUrls'),
  };
}

export interface ParsedListing {
  content: Omit<ListingInput, 'kind' | 'organizationId'>;
  errors: Record<string, string>;
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
  const trl = parseInteger(form.str('trl'));
  if (trl !== null && (Number.isNaN(trl) || trl < 1 || trl > 9)) errors.trl = m.listingForm_trlRange();
  const priceMin = parseAmount(form.str('priceMin'));
  const priceMax = parseAmount(form.str('priceMax'));
  if (priceMin !== null && Number.isNaN(priceMin)) errors.priceMin = m.listingForm_amount();
  if (priceMax !== null && Number.isNaN(priceMax)) errors.priceMax = m.listingForm_amount();
  const transferModes = enumList<TransferMode>(form.all('transferModes'), TRANSFER_MODES, errors, 'transferModes');
  const ipStatus = kind === 'OFFER' ? enumField<IpStatus>(form.str('ipStatus'), IP_STATUSES, errors, 'ipStatus', false) : null;
  const extras = extraFieldsOffered();
  const content: ParsedListing['content'] = {
    title: form.str('title'),
    summary: form.str('summary'),
    description: form.str('description'),
    fieldCodes: form.all('fieldCodes'),
    keywords: splitList(form.str('keywords')),
    trl: trl !== null && !Number.isNaN(trl) ? trl : null,
    transferModes,
    ipStatus,
    priceMin: priceMin !== null && !Number.isNaN(priceMin) ? priceMin : null,
    priceMax: priceMax !== null && !Number.isNaN(priceMax) ? priceMax : null,
    negotiable: form.bool('negotiable'),
    provinceCode: form.str('provinceCode'),
  };
  if (kind === 'OFFER') {
    if (extras.specification) content.specification = form.optional('specification');
    if (extras.advantages) content.advantages = form.optional('advantages');
    if (extras.mediaUrls) content.mediaUrls = splitList(form.str('mediaUrls'), /\s+/);
  }
  return { content, errors };
}

export function toUpdateInput(content: ParsedListing['content'], version: number): ListingUpdateInput {
  return { ...content, version };
}
