/**
 * The search page's state lives in the URL, so a result page can be shared and reloaded:
 *   q, kind, field*, province*, mode*, orgKind*, trlMin, trlMax, priceMax, sort, page
 * (* = repeatable). This module turns the URL into the API's SearchInput and back.
 */
import type { ListingKind, OrganizationKind, SearchInput, SearchSort, TransferMode } from '$lib/graphql/types';
import { MAX_AMOUNT_VND, parseAmountText } from '@techport/shared';
import { ORGANIZATION_KINDS, SEARCH_SORTS, TRANSFER_MODES, listingKindLabel, organizationKindLabel, transferModeLabel } from '$lib/labels';
import { formatMoney, joinFieldNames } from '$lib/format';
import { m } from '$lib/paraglide/messages';

export const PAGE_SIZE = 20;

export interface SearchState {
  q: string;
  kind: ListingKind | null;
  fields: string[];
  provinces: string[];
  modes: TransferMode[];
  orgKinds: OrganizationKind[];
  trlMin: number | null;
  trlMax: number | null;
  priceMax: number | null;
  sort: SearchSort;
  page: number;
}

function int(v: string | null, min: number, max: number): number | null {
  if (!v || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

export function stateFromUrl(params: URLSearchParams): SearchState {
  const kind = params.get('kind');
  const sort = params.get('sort');
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  // As typed into the filter form: "500000000", "500.000.000", "500 triệu", "1,5 tỷ", "1.5bn"…
  const price = parseAmountText((params.get('priceMax') ?? '').slice(0, 40));
  return {
    q,
    kind: kind === 'OFFER' || kind === 'DEMAND' ? kind : null,
    fields: params.getAll('field').filter((v) => /^[\w.-]{1,20}$/.test(v)).slice(0, 20),
    provinces: params.getAll('province').filter((v) => /^[a-z0-9-]{1,40}$/.test(v)).slice(0, 40),
    modes: params.getAll('mode').filter((v): v is TransferMode => TRANSFER_MODES.includes(v as TransferMode)),
    orgKinds: params.getAll('orgKind').filter((v): v is OrganizationKind => ORGANIZATION_KINDS.includes(v as OrganizationKind)),
    trlMin: int(params.get('trlMin'), 1, 9),
    trlMax: int(params.get('trlMax'), 1, 9),
    priceMax: price !== null && Number.isSafeInteger(price) && price >= 0 && price <= MAX_AMOUNT_VND ? price : null,
    // Without words to match, "relevance" means nothing: newest first.
    sort: SEARCH_SORTS.includes(sort as SearchSort) ? (sort as SearchSort) : q ? 'RELEVANCE' : 'NEWEST',
    page: int(params.get('page'), 1, 1000) ?? 1,
  };
}

export function searchInput(s: SearchState): SearchInput {
  return {
    query: s.q || null,
    kind: s.kind,
    fieldCodes: s.fields.length ? s.fields : null,
    provinceCodes: s.provinces.length ? s.provinces : null,
    transferModes: s.modes.length ? s.modes : null,
    organizationKinds: s.orgKinds.length ? s.orgKinds : null,
    trlMin: s.trlMin,
    trlMax: s.trlMax,
    priceMax: s.priceMax,
    sort: s.sort,
    page: s.page,
    pageSize: PAGE_SIZE,
  };
}

/** The URL of a state (what links and saved searches point to). */
export function urlOf(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.kind) p.set('kind', s.kind);
  for (const v of s.fields) p.append('field', v);
  for (const v of s.provinces) p.append('province', v);
  for (const v of s.modes) p.append('mode', v);
  for (const v of s.orgKinds) p.append('orgKind', v);
  if (s.trlMin) p.set('trlMin', String(s.trlMin));
  if (s.trlMax) p.set('trlMax', String(s.trlMax));
  if (s.priceMax !== null) p.set('priceMax', String(s.priceMax));
  if (s.sort !== (s.q ? 'RELEVANCE' : 'NEWEST')) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  const qs = p.toString();
  return `/search${qs ? `?${qs}` : ''}`;
}

/** A saved search's criteria (as the API keeps them), as a state on its first page. */
export function stateOfSaved(input: Partial<Omit<SearchInput, 'page' | 'pageSize'>>): SearchState {
  const q = input.query ?? '';
  return {
    q,
    kind: input.kind ?? null,
    fields: input.fieldCodes ?? [],
    provinces: input.provinceCodes ?? [],
    modes: input.transferModes ?? [],
    orgKinds: input.organizationKinds ?? [],
    trlMin: input.trlMin ?? null,
    trlMax: input.trlMax ?? null,
    priceMax: input.priceMax ?? null,
    sort: input.sort ?? (q ? 'RELEVANCE' : 'NEWEST'),
    page: 1,
  };
}

/** Whether any filter besides the words is set. */
export function hasFilters(s: SearchState): boolean {
  return !!(s.kind || s.fields.length || s.provinces.length || s.modes.length || s.orgKinds.length || s.trlMin || s.trlMax || s.priceMax !== null);
}

/**
 * A search's criteria in words, as a saved search keeps them (its alerts use them all): the words
 * quoted, then each filter (“máy sấy”, Cần Thơ, Chuyển giao quyền sử dụng…). Names of fields and
 * provinces come from the reference data.
 */
export function describeSearch(s: SearchState, names: { field: (code: string) => string; province: (code: string) => string }): string[] {
  const parts: string[] = [];
  if (s.q) parts.push(`“${s.q}”`);
  if (s.kind) parts.push(listingKindLabel(s.kind));
  if (s.fields.length) parts.push(joinFieldNames(s.fields.map(names.field)));
  if (s.provinces.length) parts.push(s.provinces.map(names.province).join(', '));
  if (s.modes.length) parts.push(s.modes.map(transferModeLabel).join(', '));
  if (s.orgKinds.length) parts.push(s.orgKinds.map(organizationKindLabel).join(', '));
  if (s.trlMin || s.trlMax) parts.push(`TRL ${s.trlMin ?? 1}–${s.trlMax ?? 9}`);
  if (s.priceMax !== null) parts.push(m.searches_priceMax({ amount: formatMoney(s.priceMax) }));
  return parts;
}
