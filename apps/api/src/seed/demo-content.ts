/**
 * Deterministic demo content for the exchange: organisations, users, listings and experts.
 * Same seed, same output. The words and records are data files (apps/api/demo-data/, read and
 * checked by ./demo-data.ts); this file only assembles them, drawing from a seeded generator.
 */
import {
  PROVINCES,
  TECH_FIELDS,
  foldDiacritics,
  type IpStatus,
  type OrganizationKind,
  type RejectionReason,
  type TransferMode,
} from '@techport/shared';
import type { ExpertContent } from '../modules/experts/expert.entity.js';
import type { ListingContent } from '../modules/listings/listing.entity.js';
import { demoData, fill, type DemoData, type Domain, type DomainPack, type GenericPack, type HandListing, type OrgSpec } from './demo-data.js';

// ---------------------------------------------------------------------------------------------
// Public types

export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  provinceCode: string;
  description: string;
  website: string | null;
  taxCode: string | null;
  verified: boolean;
}

export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  password: string;
  orgKeys: string[];
  roles: ('MEMBER' | 'MODERATOR' | 'ADMIN')[];
  moderatedProvinceCodes: string[];
  /** Moderators: the explicit nationwide grant. */
  allProvinces?: boolean;
}

export type DemoStatus = 'PUBLISHED' | 'DRAFT' | 'PENDING_REVIEW' | 'REJECTED' | 'ARCHIVED';

/** A listing of the catalogue: its content as the listings module stores it, and its history. */
export interface DemoListing extends Omit<ListingContent, 'currency' | 'language'> {
  key: string;
  orgKey: string;
  kind: 'OFFER' | 'DEMAND';
  status: DemoStatus;
  rejection?: { reason: RejectionReason; note: string };
  language: 'vi' | 'en';
  daysAgo: number;
}

/** An expert profile of the catalogue, as the experts module stores it, with whose it is. */
export interface DemoExpert extends Omit<ExpertContent, 'organizationId'> {
  key: string;
  userKey: string | null;
  orgKey: string | null;
  status: 'PUBLISHED' | 'PENDING_REVIEW';
}

export interface DemoCatalogue {
  organizations: DemoOrganization[];
  users: DemoUser[];
  listings: DemoListing[];
  experts: DemoExpert[];
}

// ---------------------------------------------------------------------------------------------
// Settings

const DEFAULT_SEED = 20260301;
const DEMO_PASSWORD = 'Techport@2026';
/**
 * The demo's staff (moderators, admin) must have a second factor for their roles to act: the seed
 * enrols their authenticators with this published secret (README.md). Demo only: a real
 * installation's staff enrol their own authenticator on the account page.
 */
export const DEMO_STAFF_TOTP_SECRET = 'KRSWC4DPOJ2EIZLNN5JVIYLGMZHVI5CQ';

/** Published listings the catalogue aims for (hand-written ones included). */
const TARGET_PUBLISHED_OFFERS = 345;
const TARGET_PUBLISHED_DEMANDS = 102;
const EXTRA_STATUSES: [DemoStatus, number][] = [
  ['DRAFT', 14],
  ['PENDING_REVIEW', 16],
  ['ARCHIVED', 9],
];

/** Share of generated listings written in English (when the domain has English phrases). */
const EN_RATE_CATALOGUE = 0.4;
const EN_RATE_BENCH = 0.15;
/** Share of Vietnamese demands typed without diacritics. */
const PLAIN_RATE = 0.12;

const SUPPLIER_KINDS: OrganizationKind[] = ['RESEARCH_INSTITUTE', 'UNIVERSITY', 'ENTERPRISE', 'INTERMEDIARY'];
const DEMANDER_KINDS: OrganizationKind[] = ['ENTERPRISE', 'OTHER', 'GOVERNMENT', 'INVESTOR', 'INTERMEDIARY'];
const RESEARCH_KINDS: OrganizationKind[] = ['RESEARCH_INSTITUTE', 'UNIVERSITY'];

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers

// Local bindings: global lookups are slow inside jest's VM contexts, and these run millions of times.
const { imul, floor, min, max, round, exp, log, pow } = Math;

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    return arr[floor(this.next() * arr.length)];
  }
  /** k distinct items, in random order. */
  sample<T>(arr: readonly T[], k: number): T[] {
    const a = arr.slice();
    const n = min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + floor(this.next() * (a.length - i));
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a.slice(0, n);
  }
}


function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function roundTo(v: number, step: number): number {
  return max(step, round(v / step) * step);
}

/** Log-uniform amount in [lo, hi], rounded to a sensible step. */
function amount(rng: Rng, lo: number, hi: number): number {
  const v = exp(log(lo) + rng.next() * (log(hi) - log(lo)));
  return roundTo(v, v >= 1e9 ? 50_000_000 : v >= 1e8 ? 5_000_000 : 1_000_000);
}

function money(v: number, lang: 'vi' | 'en'): string {
  const big = v >= 1e9;
  const x = big ? v / 1e9 : v / 1e6;
  const s = String(round(x * 100) / 100);
  if (lang === 'en') return `VND ${s} ${big ? 'billion' : 'million'}`;
  return `${s.replace('.', ',')} ${big ? 'tỷ' : 'triệu'} đồng`;
}

const PROVINCE_CODES = PROVINCES.map((p) => p.code);
const provinceIndex = new Map(PROVINCES.map((p, i) => [p.code, i]));
const fieldParent = new Map(TECH_FIELDS.map((f) => [f.code, f.parent]));

/** The data files with their indexes, read on first use (so importing this module reads nothing). */
interface Tables {
  data: DemoData;
  domainById: Map<string, Domain>;
  orgSpecByKey: Map<string, OrgSpec>;
  /** Domains with English phrases. */
  enDomains: Domain[];
}
let tables: Tables | undefined;
function t(): Tables {
  if (!tables) {
    const data = demoData();
    tables = {
      data,
      domainById: new Map(data.domains.map((d) => [d.id, d])),
      orgSpecByKey: new Map(data.organizations.map((o) => [o.key, o])),
      enDomains: data.domains.filter((d) => d.en),
    };
  }
  return tables;
}

function provinceName(code: string, lang: 'vi' | 'en'): string {
  const p = PROVINCES[provinceIndex.get(code) ?? 0];
  return lang === 'en' ? p.nameEn : p.nameVi;
}

/** foldDiacritics one character at a time (cached): same result on NFC text, far faster in bulk. */
const foldCache = new Map<number, string>();
function fold(s: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128) continue;
    let r = foldCache.get(code);
    if (r === undefined) {
      r = foldDiacritics(s[i]);
      foldCache.set(code, r);
    }
    out += s.slice(start, i) + r;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

function foldList(list: string[]): string[] {
  return list.map(fold);
}

// ---------------------------------------------------------------------------------------------
// Title space: every (template, product, quantity, tail) combination is one title

interface TitleSpace {
  templates: string[];
  usesP: boolean[];
  usesQ: boolean[];
  sizes: number[];
  total: number;
  tails: number;
}

const P_SLOT = /\{[pP]\}/;
const spaces = new Map<string, TitleSpace>();

function tailCount(gen: GenericPack, kind: 'OFFER' | 'DEMAND'): number {
  const nProv = PROVINCE_CODES.length;
  return kind === 'OFFER' ? 1 + gen.offerTails.length * nProv : 1 + gen.demandTails.length + gen.demandPlaceTails.length * nProv;
}

function titleSpace(domain: Domain, lang: 'vi' | 'en', kind: 'OFFER' | 'DEMAND'): TitleSpace {
  const id = `${domain.id}|${lang}|${kind}`;
  let sp = spaces.get(id);
  if (sp) return sp;
  const pack = lang === 'en' ? domain.en! : domain.vi;
  const gen = t().data.generic[lang];
  const templates = kind === 'OFFER' ? pack.offerTitles : pack.demandTitles;
  const qSlot = kind === 'OFFER' ? '{cap}' : '{vol}';
  const qLen = kind === 'OFFER' ? pack.caps.length : pack.vols.length;
  const tails = tailCount(gen, kind);
  const usesP = templates.map((t) => P_SLOT.test(t));
  const usesQ = templates.map((t) => t.includes(qSlot));
  const sizes = templates.map((_, i) => (usesP[i] ? pack.products.length : 1) * (usesQ[i] ? qLen : 1) * tails);
  sp = { templates, usesP, usesQ, sizes, total: sizes.reduce((a, b) => a + b, 0), tails };
  spaces.set(id, sp);
  return sp;
}

interface TitleChoice {
  t: number;
  p: number;
  q: number;
  tail: number;
}

function decodeTitle(sp: TitleSpace, c: number, pLen: number, qLen: number): TitleChoice {
  let t = 0;
  while (c >= sp.sizes[t]) c -= sp.sizes[t++];
  const tail = c % sp.tails;
  c = floor(c / sp.tails);
  let q = 0;
  if (sp.usesQ[t]) {
    q = c % qLen;
    c = floor(c / qLen);
  }
  const p = sp.usesP[t] ? c % pLen : 0;
  return { t, p, q, tail };
}

/** Text of a tail and, for a demand tail naming a place, that province. */
function tailText(gen: GenericPack, kind: 'OFFER' | 'DEMAND', tail: number, lang: 'vi' | 'en'): { text: string; province: string | null } {
  if (tail === 0) return { text: '', province: null };
  const nProv = PROVINCE_CODES.length;
  let k = tail - 1;
  if (kind === 'DEMAND') {
    if (k < gen.demandTails.length) return { text: gen.demandTails[k], province: null };
    k -= gen.demandTails.length;
    const code = PROVINCE_CODES[k % nProv];
    return { text: fill(gen.demandPlaceTails[floor(k / nProv)], { place: provinceName(code, lang) }), province: code };
  }
  const code = PROVINCE_CODES[k % nProv];
  return { text: fill(gen.offerTails[floor(k / nProv)], { place: provinceName(code, lang) }), province: null };
}

// ---------------------------------------------------------------------------------------------
// One listing from a domain's phrases

interface Compose {
  rng: Rng;
  key: string;
  orgKey: string;
  orgKind: OrganizationKind;
  orgProvince: string;
  domain: Domain;
  kind: 'OFFER' | 'DEMAND';
  lang: 'vi' | 'en';
  status: DemoStatus;
  daysAgo: number;
  choice: TitleChoice;
  plain: boolean;
}

function pickFields(rng: Rng, domain: Domain): string[] {
  const [main, ...rest] = domain.fields;
  const out = [main, ...rng.sample(rest, rng.int(0, min(2, rest.length)))];
  if (out.length < 3 && rng.chance(0.07)) out.push(fieldParent.get(main) ?? main);
  return [...new Set(out)];
}

function pickModes(rng: Rng, modes: TransferMode[]): TransferMode[] {
  const k = rng.next() < 0.35 ? 1 : rng.next() < 0.75 ? 2 : 3;
  const out = rng.next() < 0.6 ? [modes[0], ...rng.sample(modes.slice(1), k - 1)] : rng.sample(modes, k);
  return [...new Set(out)];
}

/** A description says enough at about this length; shorter ones get the spare sentences. */
const MIN_DESCRIPTION = 340;

/** head + as many spare sentences as needed to reach the minimum + tail (+ last resorts). */
function withMinimum(head: string[], spare: string[], tail: string[], last: string[] = []): string {
  const size = (a: string[]) => a.reduce((n, s) => n + s.length + 1, 0);
  const parts = head.slice();
  const tailSize = size(tail);
  for (const s of spare) {
    if (size(parts) + tailSize >= MIN_DESCRIPTION) break;
    parts.push(s);
  }
  parts.push(...tail);
  for (const s of last) if (size(parts) < MIN_DESCRIPTION && !parts.includes(s)) parts.push(s);
  return parts.join(' ');
}

/**
 * A pack entry that starts with "[0,2] " belongs to those title templates only: in a domain whose
 * titles are different machines (a dryer, a seeder, a spraying drone, a harvester), a harvester's
 * listing must not describe a dryer's burner. Entries without a tag fit every title.
 */
const FOR_TITLES = /^\[(\d+(?:,\d+)*)\]\s*/;
export function forTitle(entries: readonly string[], title: number): string[] {
  return entries.flatMap((e) => {
    const { fits, text } = tagged(e, FOR_TITLES, title);
    return fits ? [text] : [];
  });
}

/** An entry's tag (`pattern`, its numbers in group 1) read for `n`: whether it fits, and its text without the tag. */
function tagged(entry: string, pattern: RegExp, n: number): { fits: boolean; text: string } {
  const tag = pattern.exec(entry);
  if (!tag) return { fits: true, text: entry };
  return { fits: tag[1].split(',').map(Number).includes(n), text: entry.slice(tag[0].length) };
}

/**
 * A pack's keywords for one of its title templates: those tagged for it (forTitle), without the
 * ones that name another template's technology ("OEE", "UASB", "nuôi cấy mô" are in one title
 * each: a keyword found in some titles but not this one belongs to those). Keywords no title
 * names (the domain's general words) fit every listing.
 */
export function keywordsForTitle(keywords: readonly string[], titles: readonly string[], title: number): string[] {
  const words = (text: string) => fold(text.replace(/\{\w+\}/g, ' ').toLowerCase()).replace(/\s+/g, ' ').trim();
  const named = titles.map(words);
  return forTitle(keywords, title).filter((k) => {
    const w = words(k);
    return w.length < 3 || !named.some((t) => t.includes(w)) || named[title].includes(w);
  });
}

/**
 * A capacity for a product: a cap tagged "[p2] 60 m vải/phút" fits only the products listed (a
 * cashew sorter is not rated in metres of fabric a minute). The chosen one when it fits, else the
 * first that does; untagged caps fit every product.
 */
const FOR_PRODUCTS = /^\[p(\d+(?:,\d+)*)\]\s*/;
export function capFor(caps: readonly string[], chosen: number, product: number): string {
  const forProduct = caps.map((cap) => tagged(cap, FOR_PRODUCTS, product));
  return (forProduct[chosen].fits ? forProduct[chosen] : (forProduct.find((c) => c.fits) ?? forProduct[chosen])).text;
}

function composeListing(c: Compose): DemoListing {
  const { rng, domain, kind, lang, choice } = c;
  const full: DomainPack = lang === 'en' ? domain.en! : domain.vi;
  // The text pieces of this title (choice.t indexes the offer or the demand titles).
  const pick = (key: keyof DomainPack) => forTitle(full[key], choice.t);
  const pack: DomainPack = {
    ...full,
    ...(kind === 'OFFER'
      ? { offerSummaries: pick('offerSummaries'), process: pick('process'), specs: pick('specs'), results: pick('results'), advantages: pick('advantages'), keywords: keywordsForTitle(full.keywords, full.offerTitles, choice.t) }
      : { demandSummaries: pick('demandSummaries'), situations: pick('situations'), pains: pick('pains'), wants: pick('wants'), demandKeywords: keywordsForTitle(full.demandKeywords, full.demandTitles, choice.t), keywords: forTitle(full.keywords, -1) }),
  };
  const gen = t().data.generic[lang];
  const offer = kind === 'OFFER';
  const product = pack.products[choice.p];
  const qty = offer ? capFor(pack.caps, choice.q, choice.p) : pack.vols[choice.q];
  const tail = tailText(gen, kind, choice.tail, lang);

  const provinceCode = tail.province ?? (rng.chance(offer ? 0.9 : 0.96) ? c.orgProvince : rng.pick(PROVINCE_CODES));
  const place = provinceName(rng.chance(0.5) ? provinceCode : rng.pick(PROVINCE_CODES), lang);
  let place2 = provinceName(rng.pick(PROVINCE_CODES), lang);
  if (place2 === place) place2 = provinceName(PROVINCE_CODES[(provinceIndex.get(c.orgProvince)! + 7) % PROVINCE_CODES.length], lang);

  // Money first: a demand's budget sentence quotes it.
  let priceMin: number | null = null;
  let priceMax: number | null = null;
  if (offer) {
    if (!rng.chance(0.12)) {
      priceMin = amount(rng, domain.price[0], domain.price[1]);
      priceMax = roundTo(priceMin * (1.15 + rng.next() * 1.35), priceMin >= 1e9 ? 50_000_000 : 5_000_000);
      if (priceMax < priceMin) priceMax = priceMin;
    }
  } else if (rng.chance(0.8)) {
    priceMax = amount(rng, domain.budget[0], domain.budget[1]);
  }

  const vars: Record<string, string> = {
    p: product,
    P: capitalize(product),
    cap: fill(offer ? qty : capFor(pack.caps, 0, choice.p), { p: product, P: capitalize(product) }),
    vol: fill(offer ? pack.vols[0] : qty, { p: product, P: capitalize(product) }),
    place,
    place2,
    n: String(rng.int(3, 45)),
    k: String(rng.int(2, 9)),
    pct: String(rng.int(15, 45)),
    year: String(rng.int(2018, 2025)),
    budget: priceMax === null ? '' : money(priceMax, lang),
  };
  const f = (tpl: string) => fill(tpl, vars);
  const tpl = offer ? pack.offerTitles[choice.t] : pack.demandTitles[choice.t];
  let title = f(tpl) + tail.text;
  let summary = f(rng.pick(offer ? pack.offerSummaries : pack.demandSummaries));

  let description: string;
  let specification: string | null = null;
  let advantages: string | null = null;
  let keywords: string[];
  if (offer) {
    const origin = rng.pick(RESEARCH_KINDS.includes(c.orgKind) ? gen.originResearch : gen.originCompany);
    const process = rng.sample(pack.process, pack.process.length);
    const results = rng.sample(pack.results, pack.results.length);
    const nProcess = rng.int(2, 3);
    const nResults = rng.int(1, 2);
    const head = [origin, ...process.slice(0, nProcess), ...results.slice(0, nResults)];
    description = withMinimum(head.map(f), [...process.slice(nProcess), ...results.slice(nResults)].map(f), [f(rng.pick(gen.transfer))]);
    specification = rng.sample(pack.specs, 3).map(f).join('\n');
    const adv = rng.sample(pack.advantages, rng.int(2, 3));
    if (rng.chance(0.5)) adv.push(rng.pick(gen.extraAdvantages));
    advantages = adv.map(f).join('\n');
    keywords = rng.sample(pack.keywords, rng.int(3, 6)).map(f);
  } else {
    const pains = rng.sample(pack.pains, pack.pains.length);
    const wants = rng.sample(pack.wants, pack.wants.length);
    const closing = rng.sample(gen.closing, 2);
    const nPains = rng.int(2, pains.length);
    const head = [rng.pick(pack.situations), ...pains.slice(0, nPains), wants[0]];
    const tail: string[] = [];
    const timeline = rng.pick(gen.timeline);
    if (rng.chance(0.5)) tail.push(timeline);
    tail.push(rng.pick(priceMax === null ? gen.noBudget : gen.budget));
    if (rng.chance(0.7)) tail.push(closing[0]);
    description = withMinimum(head.map(f), [...pains.slice(nPains), ...wants.slice(1)].map(f), tail.map(f), [closing[1], timeline].map(f));
    keywords = rng.sample(pack.demandKeywords, rng.int(3, 4)).map(f);
  }
  if (rng.chance(0.5)) keywords.push(product);
  keywords = [...new Set(keywords)].slice(0, 10);
  if (keywords.length < 3) keywords.push(...rng.sample(pack.keywords, 3).map(f).filter((k) => !keywords.includes(k)));
  // Still short (a title with few keywords of its own): its product, then the domain's other keywords.
  if (keywords.length < 3 && !keywords.includes(product)) keywords.push(product);
  if (keywords.length < 3) keywords.push(...rng.sample(full.keywords.filter((k) => !FOR_TITLES.test(k)), 3).map(f).filter((k) => !keywords.includes(k)).slice(0, 3 - keywords.length));

  if (c.plain) {
    title = fold(rng.chance(0.5) ? title.charAt(0).toLowerCase() + title.slice(1) : title);
    summary = fold(summary);
    description = fold(description);
    keywords = [...new Set(foldList(keywords))];
  }

  let trl: number | null;
  if (offer) {
    const research = RESEARCH_KINDS.includes(c.orgKind);
    const lo = research ? max(3, domain.trl[0] - 1) : domain.trl[0];
    const hi = research ? min(8, domain.trl[1]) : domain.trl[1];
    trl = rng.int(lo, max(lo, hi));
  } else {
    trl = rng.chance(0.45) ? null : rng.int(max(4, domain.trl[0]), min(8, max(domain.trl[1], 5)));
  }

  // No links to pictures: demo listings that have pictures carry them as attachments (demo-media.ts),
  // served by the exchange itself; an invented address would show a broken image.
  const mediaUrls: string[] = [];
  // The draw that once picked how many links to invent, kept so the rest of the catalogue stays the same.
  void (offer ? rng.int(0, 5) : rng.chance(0.1));

  return {
    key: c.key,
    orgKey: c.orgKey,
    kind,
    status: c.status,
    title,
    summary,
    description,
    specification,
    advantages,
    mediaUrls,
    fieldCodes: pickFields(rng, domain),
    keywords,
    trl,
    transferModes: pickModes(rng, domain.modes),
    ipStatus: offer ? rng.pick(domain.ip) : rng.chance(0.65) ? null : rng.pick<IpStatus>(['KNOW_HOW', 'PATENT_GRANTED', 'NONE']),
    priceMin,
    priceMax,
    negotiable: priceMin === null && priceMax === null ? true : rng.chance(0.6),
    provinceCode,
    language: lang,
    daysAgo: c.daysAgo,
  };
}

// ---------------------------------------------------------------------------------------------
// Organisations and people

function buildOrganizations(rng: Rng): DemoOrganization[] {
  return t().data.organizations.map((o) => {
    const household = o.key.startsWith('lo-say');
    const taxed = o.kind !== 'GOVERNMENT' && !household && (!RESEARCH_KINDS.includes(o.kind) || rng.chance(0.6));
    return {
      key: o.key,
      name: o.name,
      kind: o.kind,
      provinceCode: o.province,
      description: o.description,
      website: o.website ? `https://${o.key}.demo.techport.vn` : null,
      taxCode: taxed ? String(rng.int(1, 6)).padStart(2, '0') + String(rng.int(10_000_000, 99_999_999)) : null,
      verified: !o.unverified,
    };
  });
}

function emailLocal(fullName: string): string {
  const parts = foldDiacritics(fullName).toLowerCase().split(/\s+/);
  return `${parts[parts.length - 1]}.${parts[0]}`;
}

function randomPerson(rng: Rng): string {
  const female = rng.chance(0.5);
  const names = t().data.names;
  return [rng.pick(names.surnames), rng.pick(female ? names.middleFemale : names.middleMale), rng.pick(female ? names.givenFemale : names.givenMale)].join(' ');
}

function buildUsers(rng: Rng): DemoUser[] {
  const users: DemoUser[] = [];
  const member = (key: string, orgKey: string, name: string): DemoUser => ({
    key,
    email: `${emailLocal(name)}@${orgKey}.demo.techport.vn`,
    displayName: name,
    password: DEMO_PASSWORD,
    orgKeys: [orgKey],
    roles: ['MEMBER'],
    moderatedProvinceCodes: [],
  });
  const { organizations, experts, staff } = t().data;
  // The staff's organisations (the department, the exchange's office) have only the staff as members.
  const staffOrgs = new Set(staff.flatMap((s) => s.orgKeys));
  for (const o of organizations) {
    if (staffOrgs.has(o.key)) continue;
    const names: string[] = experts.experts.filter((e) => e.member && e.orgKey === o.key).map((e) => e.fullName);
    const count = Math.max(names.length, rng.chance(0.5) ? 2 : 1);
    while (names.length < count) {
      const n = randomPerson(rng);
      if (!names.some((x) => emailLocal(x) === emailLocal(n))) names.push(n);
    }
    names.forEach((n, i) => users.push(member(`user-${o.key}-${i + 1}`, o.key, n)));
  }
  // The moderators and the admin, with the demo's password like everyone.
  for (const s of staff) {
    const user: DemoUser = { key: s.key, email: s.email, displayName: s.displayName, password: DEMO_PASSWORD, orgKeys: s.orgKeys, roles: s.roles, moderatedProvinceCodes: s.moderatedProvinceCodes };
    users.push(s.allProvinces ? { ...user, allProvinces: true } : user);
  }
  return users;
}

function buildExperts(rng: Rng, users: DemoUser[]): DemoExpert[] {
  const { data, domainById, orgSpecByKey } = t();
  const { bio: b, headline, pastTransfer, clients, services: serviceList, experts } = data.experts;
  return experts.map((e) => {
    const doms = e.domains.map((id) => domainById.get(id)!);
    const org = e.orgKey ? orgSpecByKey.get(e.orgKey)! : null;
    const user = e.member ? users.find((u) => u.displayName === e.fullName && u.orgKeys.includes(e.orgKey ?? '')) : undefined;
    const expertise = doms.map((d) => d.expertise);
    const bio = [
      fill(b.intro, { title: e.title, name: e.fullName, years: String(e.years), expertise: expertise.join(', ') }),
      org ? fill(b.atOrganization, { organization: org.name }) : b.independent,
      fill(b.projects, { pronoun: e.female ? b.pronounFemale : b.pronounMale, projects: String(rng.int(5, 25)) }),
      rng.chance(0.6) ? b.english : b.travels,
    ].join(' ');
    const services = rng.sample(serviceList, rng.int(3, 4)).map((s) => fill(s, { x: expertise[0] }));
    const pastTransfers = Array.from({ length: rng.int(2, 3) }, (_, i) => {
      const d = doms[i % doms.length];
      const title = fill(rng.pick(d.vi.offerTitles), { p: rng.pick(d.vi.products), P: capitalize(rng.pick(d.vi.products)), cap: rng.pick(d.vi.caps).replace(FOR_PRODUCTS, '') });
      // Evaluated left to right, as the draws always were: client, province, year.
      const client = rng.pick(clients);
      const place = provinceName(rng.pick(PROVINCE_CODES), 'vi');
      return fill(pastTransfer, { title, client, place, year: String(rng.int(2016, 2025)) });
    });
    const fieldCodes = [...new Set(doms.flatMap((d) => d.fields.slice(0, 2)))].slice(0, 4);
    return {
      key: e.key,
      userKey: user?.key ?? null,
      orgKey: e.orgKey,
      fullName: e.fullName,
      headline: fill(headline, { Expertise: capitalize(expertise[0]), years: String(e.years) }),
      bio,
      fieldCodes,
      services,
      pastTransfers: [...new Set(pastTransfers)],
      provinceCode: e.province,
      status: e.pending ? 'PENDING_REVIEW' : 'PUBLISHED',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Catalogue

function handToListing(h: HandListing, orgs: Map<string, OrgSpec>): DemoListing {
  const plain = h.plain === true;
  const maybeFold = (s: string) => (plain ? fold(s) : s);
  const title = plain ? fold(h.title.charAt(0).toLowerCase() + h.title.slice(1)) : h.title;
  return {
    key: h.key,
    orgKey: h.orgKey,
    kind: h.kind,
    status: h.status ?? 'PUBLISHED',
    ...(h.rejection ? { rejection: h.rejection } : {}),
    title,
    summary: maybeFold(h.summary),
    description: maybeFold(h.description),
    specification: h.specification ?? null,
    advantages: h.advantages ?? null,
    mediaUrls: [],
    fieldCodes: h.fieldCodes,
    keywords: plain ? [...new Set(foldList(h.keywords))] : h.keywords,
    trl: h.trl,
    transferModes: h.transferModes,
    ipStatus: h.ipStatus,
    priceMin: h.priceMin,
    priceMax: h.priceMax,
    negotiable: h.priceMin === null && h.priceMax === null ? true : h.kind === 'DEMAND',
    provinceCode: orgs.get(h.orgKey)!.province,
    language: h.language,
    daysAgo: h.daysAgo,
  };
}

/** Splits `total` over items in proportion to their weights (largest remainders). */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k % order.length][1]]++;
  return out;
}

function orgWeight(o: OrgSpec, kind: 'OFFER' | 'DEMAND'): number {
  const list = kind === 'OFFER' ? o.offers : o.needs;
  if (list.length === 0) return 0;
  if (list.length === 1 && list[0] === 'techconsult') return 0.35;
  if (kind === 'DEMAND' && RESEARCH_KINDS.includes(o.kind)) return 0.35;
  return 1;
}

function publishedDaysAgo(rng: Rng, i: number): number {
  if (i % 50 === 23) return rng.int(352, 358); // about to expire
  return floor(330 * pow(rng.next(), 1.5));
}

/** The demo exchange seeded by `npm start`. */
export function buildDemoCatalogue(seed: number = DEFAULT_SEED): DemoCatalogue {
  const { data, domainById, orgSpecByKey } = t();
  const orgSpecs = data.organizations;
  const rng = new Rng(seed);
  const organizations = buildOrganizations(rng);
  const users = buildUsers(rng);

  const listings: DemoListing[] = data.handListings.map((h) => handToListing(h, orgSpecByKey));
  const titles = new Set(listings.map((l) => l.title));
  // A technology for one product is listed once: two titles that differ only in capacity or size
  // ("…cho bò sữa, 500 con" and "…cho bò sữa, 10.000 con") read as a generator's, not a market's.
  const stems = new Set<string>();
  const domainOf = new Map<string, Domain>();

  const make = (o: OrgSpec, kind: 'OFFER' | 'DEMAND', status: DemoStatus, key: string, daysAgo: number): DemoListing => {
    const domain = domainById.get(rng.pick(kind === 'OFFER' ? o.offers : o.needs))!;
    const lang = domain.en && rng.chance(EN_RATE_CATALOGUE) ? 'en' : 'vi';
    const pack = lang === 'en' ? domain.en! : domain.vi;
    const titlesOf = kind === 'OFFER' ? pack.offerTitles : pack.demandTitles;
    const qLen = kind === 'OFFER' ? pack.caps.length : pack.vols.length;
    const plain = kind === 'DEMAND' && lang === 'vi' && rng.chance(PLAIN_RATE);
    // Products the organisation actually deals in, when the domain has any.
    const focus = o.focus ?? [];
    const fitting = pack.products.map((_, i) => i).filter((i) => focus.some((w) => pack.products[i].toLowerCase().includes(w.toLowerCase())));
    let listing: DemoListing | null = null;
    // Plain titles first; a place or remark is added only if every try collides.
    for (let attempt = 0; attempt < 24 && !listing; attempt++) {
      const tailMax = tailCount(t().data.generic[lang], kind) - 1;
      const choice: TitleChoice = {
        t: rng.int(0, titlesOf.length - 1),
        p: fitting.length > 0 && rng.chance(0.95) ? rng.pick(fitting) : rng.int(0, pack.products.length - 1),
        q: rng.int(0, qLen - 1),
        tail: attempt < 8 ? 0 : rng.int(1, tailMax),
      };
      const stem = `${domain.id}|${lang}|${kind}|${choice.t}|${titleSpace(domain, lang, kind).usesP[choice.t] ? choice.p : ''}`;
      if (attempt < 16 && stems.has(stem)) continue;
      const l = composeListing({ rng, key, orgKey: o.key, orgKind: o.kind, orgProvince: o.province, domain, kind, lang, status, daysAgo, choice, plain });
      if (!titles.has(l.title)) {
        listing = l;
        stems.add(stem);
      }
    }
    if (!listing) throw new Error(`demo-content: no unique title left for ${domain.id}`);
    titles.add(listing.title);
    domainOf.set(key, domain);
    return listing;
  };

  const handPublished = (kind: 'OFFER' | 'DEMAND') => listings.filter((l) => l.kind === kind && l.status === 'PUBLISHED').length;
  let seq = 0;
  for (const kind of ['OFFER', 'DEMAND'] as const) {
    const target = (kind === 'OFFER' ? TARGET_PUBLISHED_OFFERS : TARGET_PUBLISHED_DEMANDS) - handPublished(kind);
    const quotas = apportion(orgSpecs.map((o) => orgWeight(o, kind)), target);
    orgSpecs.forEach((o, i) => {
      for (let k = 0; k < quotas[i]; k++) {
        seq++;
        const key = `${kind === 'OFFER' ? 'offer' : 'demand'}-${String(seq).padStart(4, '0')}`;
        listings.push(make(o, kind, 'PUBLISHED', key, publishedDaysAgo(rng, seq)));
      }
    });
  }

  const suppliers = orgSpecs.filter((o) => o.offers.length > 0);
  const demanders = orgSpecs.filter((o) => o.needs.length > 0);
  for (const [status, count] of EXTRA_STATUSES) {
    for (let k = 0; k < count; k++) {
      seq++;
      const kind = k % 3 === 2 ? 'DEMAND' : 'OFFER';
      const o = rng.pick(kind === 'OFFER' ? suppliers : demanders);
      const daysAgo = status === 'ARCHIVED' ? rng.int(120, 400) : status === 'DRAFT' ? rng.int(0, 45) : rng.int(0, 12);
      listings.push(make(o, kind, status, `${status.toLowerCase().replace('_', '-')}-${String(seq).padStart(4, '0')}`, daysAgo));
    }
  }

  coverAllFields(listings, domainOf);
  return { organizations, users, listings, experts: buildExperts(rng, users) };
}

/** Makes sure each taxonomy code appears on some published listing. */
function coverAllFields(listings: DemoListing[], domainOf: Map<string, Domain>): void {
  const published = listings.filter((l) => l.status === 'PUBLISHED' && domainOf.has(l.key));
  const covered = new Set(listings.filter((l) => l.status === 'PUBLISHED').flatMap((l) => l.fieldCodes));
  for (const f of TECH_FIELDS) {
    if (covered.has(f.code)) continue;
    const fits = (l: DemoListing) => {
      const d = domainOf.get(l.key)!;
      return f.parent === null ? fieldParent.get(d.fields[0]) === f.code : d.fields.includes(f.code);
    };
    const target = published.find((l) => fits(l) && l.fieldCodes.length < 3) ?? published.find(fits);
    if (!target) continue;
    if (target.fieldCodes.length >= 3) target.fieldCodes = target.fieldCodes.slice(0, 2);
    target.fieldCodes.push(f.code);
    covered.add(f.code);
  }
}

// ---------------------------------------------------------------------------------------------
// Bulk listings for benchmarks

const STRIDES = [7919, 104729, 1299709, 15485863];

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** n extra listings (half offers, half demands) over the given organisation keys, for benchmarks (100,000 must take < 5 s and be varied, ~1–1.5 KB of text each). */
export function generateListings(n: number, orgs: DemoOrganization[], seed: number = 1): DemoListing[] {
  if (orgs.length === 0) throw new Error('generateListings: no organisations given');
  const { data, domainById, orgSpecByKey, enDomains } = t();
  const rng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const suppliers = orgs.filter((o) => SUPPLIER_KINDS.includes(o.kind));
  const demanders = orgs.filter((o) => DEMANDER_KINDS.includes(o.kind));
  const pools = { OFFER: suppliers.length ? suppliers : orgs, DEMAND: demanders.length ? demanders : orgs };

  // Per (domain, language, kind) bucket: a counter walked through the title space with a stride
  // coprime to its size, so titles only repeat once a bucket's space is used up.
  const buckets = new Map<string, { next: number; offset: number; stride: number; size: number; space: TitleSpace }>();
  const out: DemoListing[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const kind = i % 2 === 0 ? 'OFFER' : 'DEMAND';
    const org = rng.pick(pools[kind]);
    const spec = orgSpecByKey.get(org.key);
    const own = spec ? (kind === 'OFFER' ? spec.offers : spec.needs) : [];
    let domain = own.length > 0 && rng.chance(0.7) ? domainById.get(rng.pick(own))! : rng.pick(data.domains);
    let lang: 'vi' | 'en' = 'vi';
    if (rng.chance(EN_RATE_BENCH)) {
      lang = 'en';
      if (!domain.en) domain = rng.pick(enDomains);
    }
    const id = `${domain.id}|${lang}|${kind}`;
    let b = buckets.get(id);
    if (!b) {
      const space = titleSpace(domain, lang, kind);
      const size = space.total;
      const stride = STRIDES.find((s) => gcd(s, size) === 1) ?? 1;
      b = { next: 0, offset: rng.int(0, size - 1), stride, size, space };
      buckets.set(id, b);
    }
    const c = (b.offset + (b.next++ % b.size) * b.stride) % b.size;
    const pack = lang === 'en' ? domain.en! : domain.vi;
    const choice = decodeTitle(b.space, c, pack.products.length, kind === 'OFFER' ? pack.caps.length : pack.vols.length);
    out[i] = composeListing({
      rng,
      key: `bench-${seed}-${i}`,
      orgKey: org.key,
      orgKind: org.kind,
      orgProvince: org.provinceCode,
      domain,
      kind,
      lang,
      status: 'PUBLISHED',
      daysAgo: rng.int(0, 360),
      choice,
      plain: kind === 'DEMAND' && lang === 'vi' && rng.chance(0.1),
    });
  }
  return out;
}
