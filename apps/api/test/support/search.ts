import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '../../src/modules/search/meili.client.js';
import { SearchIndexService } from '../../src/modules/search/search-index.service.js';
import { SearchSyncService } from '../../src/modules/search/search-sync.service.js';
import { OutboxService } from '../../src/modules/outbox/outbox.service.js';
import { startTestApp, type TestApp } from './app.js';
import { isolatedDatabase, type IsolatedDatabase } from './database.js';
import { Client, registerModerator, uniq } from './graphql.js';

/**
 * Search specs need to know exactly what is in their index and their outbox (counts, drift,
 * outages), which other spec files running in parallel on the shared database would blur. So
 * each search spec gets its own database (built by the migrations) and its own index prefix.
 */
export type SearchDb = IsolatedDatabase;

/** A database of its own for a search spec (see isolatedDatabase). */
export function createSearchDb(): Promise<SearchDb> {
  return isolatedDatabase('s');
}

export interface SearchApp {
  t: TestApp;
  base: Client;
  prefix: string;
  /** A client straight to this app's Meilisearch, for what the specs check behind the API. */
  meili: Meilisearch;
  indexes: SearchIndexService;
  sync: SearchSyncService;
  outbox: OutboxService;
  listingsUid: string;
  close(): Promise<void>;
}

/** Starts the app on `db` with `prefix` (and any other settings), and handles on its search internals. */
export async function startSearchApp(db: SearchDb, prefix: string, overrides: Record<string, string> = {}): Promise<SearchApp> {
  const t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: prefix, ...overrides });
  const indexes = t.app.get(SearchIndexService);
  return {
    t,
    base: new Client(t.url),
    prefix,
    meili: createMeiliClient({ MEILI_URL: t.config.MEILI_URL, MEILI_MASTER_KEY: t.config.MEILI_MASTER_KEY }),
    indexes,
    sync: t.app.get(SearchSyncService),
    outbox: t.app.get(OutboxService),
    listingsUid: indexes.listingsUid,
    close: () => t.close(),
  };
}

export const searchPrefix = () => `s${uniq('').toLowerCase()}`.replace(/[^a-z0-9_]/g, '');

/** Deletes every index whose uid starts with `${prefix}_` (the spec's own). */
export async function dropIndexes(meili: Meilisearch, prefix: string): Promise<void> {
  const { results } = await meili.getRawIndexes({ limit: 1000 });
  for (const ix of results) if (ix.uid.startsWith(`${prefix}_`)) await meili.deleteIndex(ix.uid);
}

export const tempDir = (name: string) => join(tmpdir(), `techport-${name}-${randomBytes(4).toString('hex')}`);

export interface MeiliProcess {
  url: string;
  key: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts a Meilisearch process (scripts/lib/services.mjs) with its data in `dir`. */
export async function startMeilisearch(options: { dir: string; port?: number; key?: string }): Promise<MeiliProcess> {
  const services = (await import('../../../../scripts/lib/services.mjs' as string)) as { startMeilisearch(o: typeof options): Promise<MeiliProcess> };
  return services.startMeilisearch(options);
}

/**
 * A Meilisearch of the spec's own, whose log this (jest worker) process drains. The run's shared
 * one is started by scripts/test.mjs, which then blocks in spawnSync(jest) and never reads the
 * Meilisearch stderr pipe it holds: after ~64 KB of request logs Meilisearch blocks on write and
 * stops answering. Search specs make hundreds of requests, so they use their own.
 */
export async function privateMeili(): Promise<MeiliProcess & { dispose(): Promise<void> }> {
  const dir = tempDir('meili');
  const m = await startMeilisearch({ dir });
  return {
    ...m,
    async dispose() {
      await m.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ListingSpec {
  kind?: 'OFFER' | 'DEMAND';
  organizationId: string;
  title: string;
  summary?: string;
  description?: string;
  fieldCodes?: string[];
  keywords?: string[];
  trl?: number | null;
  transferModes?: string[];
  priceMin?: number | null;
  priceMax?: number | null;
  negotiable?: boolean;
  provinceCode?: string;
  language?: 'vi' | 'en';
}

const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id status } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`;

export function listingInput(spec: ListingSpec) {
  return {
    kind: spec.kind ?? 'OFFER',
    organizationId: spec.organizationId,
    title: spec.title,
    summary: spec.summary ?? `${spec.title}: giải pháp đã ứng dụng thực tế, có chuyển giao và đào tạo vận hành.`,
    description:
      spec.description ??
      `${spec.title}. Công nghệ đã được thử nghiệm tại cơ sở sản xuất, có hồ sơ kỹ thuật đầy đủ, chuyển giao gồm thiết kế, lắp đặt, đào tạo và bảo trì 12 tháng.`,
    fieldCodes: spec.fieldCodes ?? ['2'],
    keywords: spec.keywords ?? [],
    trl: spec.trl === undefined ? 6 : spec.trl,
    transferModes: spec.transferModes ?? ['LICENSING'],
    priceMin: spec.priceMin ?? null,
    priceMax: spec.priceMax ?? null,
    negotiable: spec.negotiable ?? true,
    provinceCode: spec.provinceCode ?? 'ha-noi',
    ...(spec.language ? { language: spec.language } : {}),
  };
}

/** A national moderator for one app, created on first use. */
export function moderatorFor(base: Client): () => Promise<Client> {
  let m: Promise<Client> | undefined;
  return () => (m ??= registerModerator(base, []).then((r) => r.client));
}

/** createListing → submitListing → moderateListing(APPROVE): a PUBLISHED listing. */
export async function publish(owner: Client, moderator: Client, spec: ListingSpec): Promise<string> {
  const id = (await owner.ok<{ createListing: { id: string } }>(CREATE, { input: listingInput(spec) })).createListing.id;
  await owner.ok(SUBMIT, { id });
  const approved = await moderator.ok<{ moderateListing: { status: string } }>(APPROVE, { id });
  if (approved.moderateListing.status !== 'PUBLISHED') throw new Error(`listing ${id} is ${approved.moderateListing.status}`);
  return id;
}

/** A draft (created, never submitted). */
export async function draft(owner: Client, spec: ListingSpec): Promise<string> {
  return (await owner.ok<{ createListing: { id: string } }>(CREATE, { input: listingInput(spec) })).createListing.id;
}

export const SEARCH = `query($input: SearchInput!) {
  search(input: $input) {
    totalHits page pageSize processingTimeMs
    hits { close highlightedTitle highlightedSummary listing { id title status organization { id name } province { code name } } }
    facets { name values { value label count } }
  }
}`;

export interface SearchResultShape {
  totalHits: number;
  page: number;
  pageSize: number;
  processingTimeMs: number;
  hits: { close: boolean; highlightedTitle: string; highlightedSummary: string; listing: { id: string; title: string; status: string; organization: { id: string; name: string }; province: { code: string; name: string } } }[];
  facets: { name: string; values: { value: string; label: string; count: number }[] }[];
}

export async function search(client: Client, input: Record<string, unknown>): Promise<SearchResultShape> {
  return (await client.ok<{ search: SearchResultShape }>(SEARCH, { input })).search;
}

/** The close matches' ids (the answers the page counts), in order. */
export const ids = (r: SearchResultShape) => r.hits.filter((h) => h.close).map((h) => h.listing.id);
/** Every listing on the page, close matches and related results alike: for what must not be shown at all. */
export const shownIds = (r: SearchResultShape) => r.hits.map((h) => h.listing.id);

/** Polls `probe` until it returns true (or fails after `timeoutMs`). */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
