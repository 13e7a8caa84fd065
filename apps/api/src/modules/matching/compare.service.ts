import { Injectable } from '@nestjs/common';
import { IP_STATUS_LABELS, ORGANIZATION_KIND_LABELS, TRANSFER_MODE_LABELS, trlLevelLabel, type IpStatus, type Lang, type OrganizationKind, type TransferMode } from '@techport/shared';
import { Errors } from '../../common/errors.js';
import { format, t, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { ListingEntity } from '../listings/listing.entity.js';
import { MatchingService } from './matching.service.js';
import catalogue from './compare.service.messages.json' with { type: 'json' };

export const COMPARE_LIMITS = { min: 2, max: 5 } as const;

const M = catalogue.messages satisfies Record<string, Localized>;

/** How much protection a buyer gets, for STRONGEST_IP (higher is stronger). */
const IP_STRENGTH: Record<IpStatus, number> = {
  PATENT_GRANTED: 5,
  UTILITY_SOLUTION: 4,
  PATENT_PENDING: 3,
  COPYRIGHT: 2,
  KNOW_HOW: 1,
  NONE: 0,
};

export const BEST_IN_LABELS: Record<string, Localized> = catalogue.BEST_IN_LABELS;

export interface ComparedListing {
  listing: ListingEntity;
  organizationKind: OrganizationKind;
  organizationKindLabel: string;
  organizationVerified: boolean;
  trl: number | null;
  trlLabel: string | null;
  priceLabel: string;
  comparablePrice: number | null;
  ipStatusLabel: string | null;
  transferModeLabels: string[];
  bestIn: string[];
  bestInLabels: string[];
}

// ---- money ------------------------------------------------------------------------------------

const UNITS_VI = [
  [1e9, 'tỷ'],
  [1e6, 'triệu'],
] as const;
const UNITS_EN = [
  [1e9, 'billion'],
  [1e6, 'million'],
] as const;

function amount(v: number, lang: Lang): { n: string; unit: string } {
  const units = lang === 'en' ? UNITS_EN : UNITS_VI;
  for (const [size, unit] of units) {
    if (v >= size) {
      const n = String(+(v / size).toFixed(2));
      return { n: lang === 'en' ? n : n.replace('.', ','), unit };
    }
  }
  return { n: v.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN'), unit: '' };
}

/** "1,5 – 2,5 tỷ đồng", "từ 500 triệu đồng", "VND 1.5–2.5 billion", "1,200 USD"… */
export function moneyRange(min: number | null, max: number | null, currency: string, lang: Lang): string {
  const vnd = currency === 'VND';
  const one = (v: number) => {
    if (!vnd) return `${v.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN')} ${currency}`;
    const a = amount(v, lang);
    return lang === 'en' ? `VND ${a.n}${a.unit ? ' ' + a.unit : ''}` : `${a.n}${a.unit ? ' ' + a.unit : ''} đồng`;
  };
  if (min != null && max != null && min !== max) {
    if (vnd) {
      const a = amount(min, lang);
      const b = amount(max, lang);
      if (a.unit === b.unit) return lang === 'en' ? `VND ${a.n}–${b.n}${b.unit ? ' ' + b.unit : ''}` : `${a.n} – ${b.n}${b.unit ? ' ' + b.unit : ''} đồng`;
    }
    return `${one(min)} – ${one(max)}`;
  }
  if (min != null && max != null) return one(min);
  if (min != null) return lang === 'en' ? `from ${one(min)}` : `từ ${one(min)}`;
  return lang === 'en' ? `up to ${one(max!)}` : `đến ${one(max!)}`;
}

function priceLabel(l: ListingEntity, lang: Lang): string {
  const demand = l.kind === 'DEMAND';
  if (l.priceMin == null && l.priceMax == null) {
    if (demand) return lang === 'en' ? 'No budget stated' : 'Chưa nêu ngân sách';
    return lang === 'en' ? 'Price on request' : 'Giá thỏa thuận';
  }
  let s = moneyRange(demand ? null : l.priceMin, l.priceMax ?? (demand ? l.priceMin : null), l.currency, lang);
  if (demand) s = lang === 'en' ? `Budget ${s}` : `Ngân sách ${s}`;
  else s = s.charAt(0).toUpperCase() + s.slice(1);
  if (l.negotiable) s += lang === 'en' ? ' (negotiable)' : ' (có thể thương lượng)';
  return s;
}

// ---- "best in" --------------------------------------------------------------------------------

/**
 * Which entries stand out: those whose value is the best, when some other entry is worse (so
 * nothing is awarded when all are equal). `null` is unknown: with `nullIsWorst` it loses to any
 * value (an unstated TRL is not a high one), otherwise it takes no part (an unstated price is
 * neither high nor low) and at least two known values are needed.
 */
export function standOut(values: (number | null)[], better: 'max' | 'min', nullIsWorst: boolean): boolean[] {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length || (!nullIsWorst && known.length < 2)) return values.map(() => false);
  const best = better === 'max' ? Math.max(...known) : Math.min(...known);
  const someWorse = values.some((v) => (v === null ? nullIsWorst : v !== best));
  return values.map((v) => someWorse && v === best);
}

/**
 * The storefront's comparison view: 2–5 published listings of one kind, side by side, with
 * labels in the request's language and where each stands out. One SQL query for them all.
 */
@Injectable()
export class CompareService {
  constructor(private readonly matching: MatchingService) {}

  async compare(ids: string[], lang: Lang): Promise<ComparedListing[]> {
    if (ids.length < COMPARE_LIMITS.min || ids.length > COMPARE_LIMITS.max) throw Errors.invalidField('ids', format(M.count, COMPARE_LIMITS));
    if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) throw Errors.invalidField('ids', M.duplicate);
    const found = await this.matching.publicListings(ids.filter(isUuid));
    const missing = ids.filter((id) => !found.has(id.toLowerCase()) && !found.has(id));
    if (missing.length) throw Errors.invalidField('ids', format(M.unknown, { ids: missing.map((id) => id.slice(0, 40)).join(', ') }));
    const listings = ids.map((id) => (found.get(id) ?? found.get(id.toLowerCase()))!);
    if (new Set(listings.map((l) => l.kind)).size > 1) throw Errors.invalidField('ids', M.mixed);

    const offers = listings[0].kind === 'OFFER';
    const comparable = (l: ListingEntity) => (offers ? (l.priceMin ?? l.priceMax) : (l.priceMax ?? l.priceMin));
    // Prices are compared only when every priced listing is in the same currency.
    const currencies = new Set(listings.filter((l) => comparable(l) !== null).map((l) => l.currency));
    const prices = listings.map((l) => (currencies.size === 1 ? comparable(l) : null));
    const awards: [string, boolean[]][] = offers
      ? [
          ['HIGHEST_TRL', standOut(listings.map((l) => l.trl), 'max', true)],
          ['LOWEST_PRICE', standOut(prices, 'min', false)],
          ['STRONGEST_IP', standOut(listings.map((l) => (l.ipStatus ? IP_STRENGTH[l.ipStatus] : null)), 'max', true)],
        ]
      : [
          ['LARGEST_BUDGET', standOut(prices, 'max', false)],
          ['LOWEST_MIN_TRL', standOut(listings.map((l) => l.trl), 'min', false)],
        ];
    awards.push(['MOST_TRANSFER_MODES', standOut(listings.map((l) => l.transferModes.length), 'max', true)]);
    awards.push(['VERIFIED_ORGANIZATION', standOut(listings.map((l) => (l.organization!.verified ? 1 : 0)), 'max', true)]);

    return listings.map((l, i) => {
      const org = l.organization!;
      const bestIn = awards.filter(([, won]) => won[i]).map(([code]) => code);
      return {
        listing: l,
        organizationKind: org.kind as OrganizationKind,
        organizationKindLabel: t(ORGANIZATION_KIND_LABELS[org.kind as OrganizationKind] ?? { vi: org.kind, en: org.kind }, lang),
        organizationVerified: org.verified,
        trl: l.trl,
        trlLabel: l.trl != null ? trlLevelLabel(l.trl, lang) : null,
        priceLabel: priceLabel(l, lang),
        comparablePrice: prices[i],
        ipStatusLabel: l.ipStatus ? t(IP_STATUS_LABELS[l.ipStatus], lang) : null,
        transferModeLabels: l.transferModes.map((m) => t(TRANSFER_MODE_LABELS[m as TransferMode], lang)),
        bestIn,
        bestInLabels: bestIn.map((code) => t(BEST_IN_LABELS[code], lang)),
      };
    });
  }
}
