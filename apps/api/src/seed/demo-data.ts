/**
 * The demo exchange's data files (apps/api/demo-data/, see its README.md), read and checked.
 *
 * The files are the words and records of the demo: phrase tables per domain, organisations,
 * experts, hand-written listings, staff, deal stories and Techmarts. demo-content.ts,
 * demo-events.ts and seed.ts turn them into rows. Every file is checked against the schemas
 * below when it is read: a mistake stops the seed with the file and the path of the value
 * (`organizations.json at [12].province: unknown province "tay-ninh2"`).
 *
 * The production image does not carry the files (Dockerfile): `seed` there fails with a message
 * saying so, and the demo is seeded from a checkout or from the image's `demo` target.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DealStatus, IpStatus, OrganizationKind, PROVINCES, RejectionReason, Role, TECH_FIELDS, TransferMode } from '@techport/shared';
import { DealAction } from '../modules/deals/deal.workflow.js';
import { EventKind, ProgrammeSessionKind } from '../modules/events/event.entity.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));
const FIELD_CODES = new Set(TECH_FIELDS.map((f) => f.code));

const provinceCode = z.string().refine((c) => PROVINCE_CODES.has(c), { error: (i) => `unknown province "${String(i.input)}"` });
const fieldCode = z.string().refine((c) => FIELD_CODES.has(c), { error: (i) => `unknown field code "${String(i.input)}"` });
/** Not empty nor blank (spaces are kept as written: title tails start with one). */
const text = z.string().regex(/\S/, 'must not be empty');

/** Slots the listing composer fills (demo-content.ts): {p} product, {P} capitalised, {cap}, {vol}, {place}, {place2}, {n}, {k}, {pct}, {year}, {budget}. */
const LISTING_SLOTS = ['p', 'P', 'cap', 'vol', 'place', 'place2', 'n', 'k', 'pct', 'year', 'budget'] as const;

/** A text whose `{slot}`s must be among `slots` (a slot it does not know would print as nothing). */
function template(slots: readonly string[]) {
  return text.superRefine((s, ctx) => {
    for (const [, slot] of s.matchAll(/\{(\w+)\}/g)) {
      if (!slots.includes(slot)) ctx.addIssue({ code: 'custom', message: `unknown slot {${slot}}${slots.length ? `: slots here are ${slots.map((x) => `{${x}}`).join(' ')}` : ': no slot is filled here'}` });
    }
  });
}
const listingText = template(LISTING_SLOTS);
const plainText = template([]);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1);
/** [low, high] with low <= high. */
const range = (item: z.ZodNumber) => z.tuple([item, item]).refine(([lo, hi]) => lo <= hi, { error: 'the first number must not be above the second' });

// ---------------------------------------------------------------------------------------------
// Schemas, one per kind of file

/** The phrases of one domain in one language. */
const DomainPackSchema = z.strictObject({
  products: list(plainText),
  caps: list(template(['p', 'P'])),
  offerTitles: list(listingText),
  offerSummaries: list(listingText),
  process: list(listingText),
  specs: list(listingText).min(3),
  results: list(listingText),
  advantages: list(listingText).min(2),
  keywords: list(listingText).min(3),
  vols: list(template(['p', 'P'])),
  demandTitles: list(listingText),
  demandSummaries: list(listingText),
  situations: list(listingText),
  pains: list(listingText).min(2),
  wants: list(listingText),
  demandKeywords: list(listingText).min(3),
});

/** A domain: what is offered and asked for in one area of technology (domains/*.json). */
const DomainSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+$/, 'lower-case letters only'),
  /** Leaf field codes, the first is the main one. */
  fields: list(fieldCode),
  /** Vietnamese noun phrase for an expert's speciality. */
  expertise: text,
  /** Offer asking price range, VND. */
  price: range(z.number().int().positive()),
  /** Demand budget range, VND. */
  budget: range(z.number().int().positive()),
  /** Usual TRL range of offers. */
  trl: range(z.number().int().min(1).max(9)),
  modes: list(z.enum(TransferMode)),
  ip: list(z.enum(IpStatus)),
  vi: DomainPackSchema,
  en: DomainPackSchema.optional(),
});

/** Phrases every domain shares, per language (generic.json). */
const GenericPackSchema = z.strictObject({
  originResearch: list(listingText),
  originCompany: list(listingText),
  transfer: list(listingText),
  extraAdvantages: list(listingText),
  /** Appended to an offer's title: {place} is a province. */
  offerTails: list(template(['place'])),
  /** Appended to a demand's title as written. */
  demandTails: list(plainText),
  /** Appended to a demand's title: {place} is a province, which becomes the demand's. */
  demandPlaceTails: list(template(['place'])),
  budget: list(listingText),
  noBudget: list(listingText),
  timeline: list(listingText),
  closing: list(listingText).min(2),
});

const OrgSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens only'),
  name: text,
  kind: z.enum(OrganizationKind),
  province: provinceCode,
  website: z.boolean().optional(),
  unverified: z.boolean().optional(),
  description: text,
  /** Domains it offers technology in. */
  offers: z.array(z.string()),
  /** Domains it posts needs in. */
  needs: z.array(z.string()),
  /** Words its listings' products should contain when a domain offers such products. */
  focus: list(text).optional(),
});

const NamesSchema = z.strictObject({
  surnames: list(text),
  middleFemale: list(text),
  middleMale: list(text),
  givenFemale: list(text),
  givenMale: list(text),
});

const ExpertSchema = z.strictObject({
  key: z.string().regex(/^exp-[a-z0-9-]+$/, 'starts with "exp-", then lower-case letters, digits and hyphens'),
  fullName: text,
  /** Academic or professional title shown before the name in the bio. */
  title: text,
  female: z.boolean(),
  orgKey: z.string().nullable(),
  /** Whether the expert is also a member (user) of the organisation. */
  member: z.boolean(),
  domains: list(z.string()),
  province: provinceCode,
  years: z.number().int().min(1).max(60),
  pending: z.boolean().optional(),
});

const ExpertsFileSchema = z.strictObject({
  /** What an expert offers; {x} is the expert's first speciality. */
  services: list(template(['x'])).min(4),
  /** The sentences of a bio, in this order: intro, where they work, projects, one of english / travels. */
  bio: z.strictObject({
    intro: template(['title', 'name', 'years', 'expertise']),
    atOrganization: template(['organization']),
    independent: plainText,
    projects: template(['pronoun', 'projects']),
    pronounFemale: plainText,
    pronounMale: plainText,
    english: plainText,
    travels: plainText,
  }),
  headline: template(['Expertise', 'years']),
  /** {title} is an offer title of one of the expert's domains, {client} one of `clients`. */
  pastTransfer: template(['title', 'client', 'place', 'year']),
  clients: list(plainText),
  experts: list(ExpertSchema),
});

/** Moderators and the admin (staff.json); their organisations get no other members. */
const StaffSchema = z.strictObject({
  key: z.string().regex(/^user-[a-z0-9-]+$/, 'starts with "user-", then lower-case letters, digits and hyphens'),
  email: z.email(),
  displayName: text,
  orgKeys: list(z.string()),
  roles: list(z.enum(Role)),
  moderatedProvinceCodes: z.array(provinceCode),
  /** Moderators: the explicit nationwide grant. */
  allProvinces: z.literal(true).optional(),
});

/** A listing written by hand (showcase matches, English samples, rejected ones). */
const HandListingSchema = z.strictObject({
  key: z.string().regex(/^hand-[a-z0-9-]+$/, 'starts with "hand-", then lower-case letters, digits and hyphens'),
  orgKey: z.string(),
  kind: z.enum(['OFFER', 'DEMAND']),
  status: z.enum(['PUBLISHED', 'DRAFT', 'PENDING_REVIEW', 'REJECTED', 'ARCHIVED']).optional(),
  rejection: z.strictObject({ reason: z.enum(RejectionReason), note: text }).optional(),
  language: z.enum(['vi', 'en']),
  daysAgo: z.number().int().min(0).max(400),
  /** Typed without diacritics, as many farmers and small firms do. */
  plain: z.boolean().optional(),
  title: plainText,
  summary: plainText,
  description: plainText,
  specification: plainText.optional(),
  advantages: plainText.optional(),
  fieldCodes: list(fieldCode).max(3),
  keywords: list(text).min(3).max(10),
  trl: z.number().int().min(1).max(9).nullable(),
  transferModes: list(z.enum(TransferMode)).max(3),
  ipStatus: z.enum(IpStatus).nullable(),
  priceMin: z.number().int().positive().nullable(),
  priceMax: z.number().int().positive().nullable(),
});

/** Demo deals (deals.json): the stories they went through, the conversation before, the terms. */
const DealsSchema = z.strictObject({
  /** One deal per story, in turn; each step is [action, from status, to status], and the story ends at `status`. */
  stories: list(
    z
      .strictObject({
        status: z.enum(DealStatus),
        steps: list(z.tuple([z.enum(DealAction), z.enum(DealStatus).nullable(), z.enum(DealStatus)])),
      })
      .superRefine((story, ctx) => {
        story.steps.forEach(([, from], k) => {
          const before = k === 0 ? null : story.steps[k - 1][2];
          if (from !== before) ctx.addIssue({ code: 'custom', path: ['steps', k, 1], message: `a step starts where the one before ends: ${before ?? 'null'}` });
        });
        if (story.steps[story.steps.length - 1][2] !== story.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'the last step must end at the story\'s status' });
      }),
  ),
  /** Buyer, supplier, buyer…: the interest's conversation (only the first one when the interest is still open). */
  messages: list(plainText),
  terms: template(['title']),
  approvalNote: plainText,
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 08:30');

/** A demo Techmart (events.json): its content with days counted from the day of the seed. */
const DemoEventSchema = z.strictObject({
  /** {year}: the year of the first day. */
  nameVi: template(['year']),
  nameEn: template(['year']),
  kind: z.enum(EventKind),
  /** First day, in days from the seed's day (negative: in the past). */
  startsInDays: z.number().int(),
  days: z.number().int().min(1).max(10),
  online: z.boolean(),
  venue: plainText.nullable(),
  description: plainText,
  /** The description in English (the English page shows it). */
  descriptionEn: plainText,
  fieldCodes: list(fieldCode),
  registrationOpensInDays: z.number().int(),
  registrationClosesInDays: z.number().int(),
  registrationClosesAt: hhmm,
  /** The days of B2B meetings: 1 is the first day. */
  meetingOnDays: list(z.number().int().min(1)),
  dayStartsAt: hhmm,
  dayEndsAt: hhmm,
  slotMinutes: z.number().int().min(5).max(120),
  meetingTables: z.number().int().min(1),
  breaks: z.array(z.strictObject({ startsAt: hhmm, endsAt: hhmm })),
  maxExhibitors: z.number().int().min(1).nullable(),
  maxVisitors: z.number().int().min(1).nullable(),
  /** The first question is the number of attendees (numeric): the demo's registrations answer it. */
  questions: list(z.strictObject({ id: z.string().regex(/^q\d+$/, 'q1, q2…'), labelVi: plainText, labelEn: plainText, required: z.boolean(), numeric: z.boolean().optional() })),
  publishedInDays: z.number().int(),
  /** past: held, everyone approved, meetings and outcomes recorded; open: registration open, some waiting. */
  registrations: z.enum(['past', 'open']),
  /** Sessions of the first day, an hour each, with their titles in Vietnamese and English. */
  programme: z.array(z.strictObject({ kind: z.enum(ProgrammeSessionKind), title: plainText, titleEn: plainText, speaker: plainText.nullable(), room: plainText, startsAt: hhmm })),
});

const EventsSchema = z.strictObject({
  events: list(DemoEventSchema),
  /** Meeting requests at the past Techmart: the slots they take in turn, their reason, the note of the declined one. */
  meetings: z.strictObject({ slots: list(hhmm), reason: plainText, declineNote: plainText }),
  /** What the past Techmart's meetings came to: {outcome} is the outcome's name in lower case, {Outcome} as written. */
  outcomes: z.strictObject({
    CONTRACT: plainText,
    MOU: plainText,
    INTEREST: plainText,
    message: template(['event', 'outcome']),
    terms: template(['Outcome', 'event', 'title']),
    approvalNote: plainText,
  }),
});

export type DomainPack = z.infer<typeof DomainPackSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type GenericPack = z.infer<typeof GenericPackSchema>;
export type OrgSpec = z.infer<typeof OrgSchema>;
export type ExpertSpec = z.infer<typeof ExpertSchema>;
export type HandListing = z.infer<typeof HandListingSchema>;
export type DemoNames = z.infer<typeof NamesSchema>;
export type ExpertsFile = z.infer<typeof ExpertsFileSchema>;
export type StaffSpec = z.infer<typeof StaffSchema>;
export type DemoDeals = z.infer<typeof DealsSchema>;
export type DemoEvents = z.infer<typeof EventsSchema>;

export interface DemoData {
  generic: { vi: GenericPack; en: GenericPack };
  /** In file order (domains/1-….json first), then in each file's order: generation draws from this order. */
  domains: Domain[];
  organizations: OrgSpec[];
  names: DemoNames;
  /** experts.json: the experts and the phrases of their profiles. */
  experts: ExpertsFile;
  handListings: HandListing[];
  staff: StaffSpec[];
  deals: DemoDeals;
  events: DemoEvents;
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Compiled templates: literal parts at even indexes, slot names at odd ones. */
const compiled = new Map<string, string[]>();

/** A template with its `{slot}`s filled from `vars` (a missing one: nothing). Cached: it runs millions of times in benchmarks. */
export function fill(tpl: string, vars: Record<string, string>): string {
  let parts = compiled.get(tpl);
  if (!parts) {
    parts = tpl.split(/\{(\w+)\}/);
    compiled.set(tpl, parts);
  }
  if (parts.length === 1) return tpl;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (vars[parts[i]] ?? '') + parts[i + 1];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A problem in the demo data, naming each file and path at fault. */
export class DemoDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`demo data is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'DemoDataError';
  }
}

/** `[3].offers[1]` from zod's path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') || '(top level)';
}

/**
 * Where the data files are: DEMO_DATA_DIR, or apps/api/demo-data found upwards from this module
 * (the sources under apps/api/src and the build under dist/ both lie below the checkout).
 */
export function demoDataDir(): string {
  if (process.env.DEMO_DATA_DIR) return process.env.DEMO_DATA_DIR;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'api', 'demo-data');
    if (existsSync(join(candidate, 'organizations.json'))) return candidate;
  }
  throw new Error(
    `demo data not found: no apps/api/demo-data above ${start}, and DEMO_DATA_DIR is not set. ` +
      'The production image leaves the demo out on purpose: seed from a checkout (npm start, npm run seed) or build the Dockerfile\'s "demo" target.',
  );
}

/** Reads every file and checks it; all problems are reported at once. */
export function loadDemoData(dir: string = demoDataDir()): DemoData {
  const problems: string[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) problems.push(`${file} at ${pathText(issue.path)}: ${issue.message}`);
    return undefined;
  };

  const generic = read('generic.json', z.strictObject({ vi: GenericPackSchema, en: GenericPackSchema }));
  const domainFiles = readdirSync(join(dir, 'domains'))
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const domainsByFile = domainFiles.map((f) => ({ file: `domains/${f}`, domains: read(`domains/${f}`, list(DomainSchema)) ?? [] }));
  const organizations = read('organizations.json', list(OrgSchema));
  const names = read('names.json', NamesSchema);
  const experts = read('experts.json', ExpertsFileSchema);
  const handListings = read('hand-listings.json', list(HandListingSchema));
  const staff = read('staff.json', list(StaffSchema));
  const deals = read('deals.json', DealsSchema);
  const events = read('events.json', EventsSchema);
  if (problems.length || !generic || !organizations || !names || !experts || !handListings || !staff || !deals || !events) throw new DemoDataError(problems);

  // References between files.
  const domainIds = new Set<string>();
  for (const { file, domains } of domainsByFile) {
    domains.forEach((d, i) => {
      if (domainIds.has(d.id)) problems.push(`${file} at [${i}].id: domain "${d.id}" is defined twice`);
      domainIds.add(d.id);
    });
  }
  const orgKeys = new Set<string>();
  organizations.forEach((o, i) => {
    if (orgKeys.has(o.key)) problems.push(`organizations.json at [${i}].key: "${o.key}" is used twice`);
    orgKeys.add(o.key);
    for (const side of ['offers', 'needs'] as const) {
      o[side].forEach((id, j) => domainIds.has(id) || problems.push(`organizations.json at [${i}].${side}[${j}]: unknown domain "${id}"`));
    }
  });
  const unique = (file: string, at: PropertyKey[], keys: string[]) =>
    keys.forEach((k, i) => keys.indexOf(k) !== i && problems.push(`${file} at ${pathText([...at, i, 'key'])}: "${k}" is used twice`));
  unique('hand-listings.json', [], handListings.map((h) => h.key));
  unique('experts.json', ['experts'], experts.experts.map((e) => e.key));
  unique('staff.json', [], staff.map((u) => u.key));
  staff.forEach((u, i) => u.orgKeys.forEach((k, j) => orgKeys.has(k) || problems.push(`staff.json at [${i}].orgKeys[${j}]: unknown organisation "${k}"`)));
  experts.experts.forEach((e, i) => {
    if (e.orgKey !== null && !orgKeys.has(e.orgKey)) problems.push(`experts.json at experts[${i}].orgKey: unknown organisation "${e.orgKey}"`);
    e.domains.forEach((id, j) => domainIds.has(id) || problems.push(`experts.json at experts[${i}].domains[${j}]: unknown domain "${id}"`));
  });
  handListings.forEach((h, i) => {
    if (!orgKeys.has(h.orgKey)) problems.push(`hand-listings.json at [${i}].orgKey: unknown organisation "${h.orgKey}"`);
    if ((h.status === 'REJECTED') !== (h.rejection !== undefined)) problems.push(`hand-listings.json at [${i}].rejection: a rejected listing has one, no other does`);
  });
  if (problems.length) throw new DemoDataError(problems);

  return {
    generic,
    domains: domainsByFile.flatMap((f) => f.domains),
    organizations,
    names,
    experts,
    handListings,
    staff,
    deals,
    events,
  };
}

let loaded: DemoData | undefined;

/** The demo data, read and checked once per process. */
export function demoData(): DemoData {
  return (loaded ??= loadDemoData());
}
