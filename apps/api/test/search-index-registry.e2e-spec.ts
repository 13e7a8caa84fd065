import { startTestApp, type TestApp } from './support/app.js';
import { appSearchIndexes } from '../src/app.module.js';
import { EXPERT_INDEX } from '../src/modules/experts/expert-index.js';
import { LISTING_INDEX } from '../src/modules/search/listing-index.js';
import { OutboxService } from '../src/modules/outbox/outbox.service.js';
import { SearchIndexRegistry } from '../src/modules/search/search-index.registry.js';
import { SearchIndexService } from '../src/modules/search/search-index.service.js';
import { readIndexVersion } from '../src/modules/search/index-version.js';
import { DataSource } from 'typeorm';

// The running application's search indexes: the listings index (the search module's own) and the
// experts index (registered by the experts module), each with its settings applied at start-up
// and its outbox topics subscribed; the operator commands read the same list from the modules.
// (Which module registers which index, and the refusals: search-index.registry.spec.ts.)
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('search indexes of the running application', () => {
  it('has the listings and experts indexes, as the operator commands see them', async () => {
    const registry = t.app.get(SearchIndexRegistry);
    expect(registry.all()).toEqual([LISTING_INDEX, EXPERT_INDEX]);
    expect((await appSearchIndexes()).names()).toEqual(registry.names());
  });

  it('applied both indexes’ settings at start-up and subscribed to both indexes’ topics', () => {
    const search = t.app.get(SearchIndexService);
    expect(search.indexes.isReady(LISTING_INDEX)).toBe(true);
    expect(search.indexes.isReady(EXPERT_INDEX)).toBe(true);
    const subscriptions: Map<string, { topic: string; subscriber: string }> = t.app.get(OutboxService)['subscriptions'];
    const searchTopics = [...subscriptions.values()].filter((s) => s.subscriber === 'search').map((s) => s.topic);
    expect(searchTopics.sort()).toEqual(['expert.changed', 'listing.changed', 'organization.changed']);
  });

  it('raises the index version when new settings are applied (what processes cached from the index is then out of date)', async () => {
    const search = t.app.get(SearchIndexService);
    const ds = t.app.get(DataSource);
    const uid = search.indexes.uid(EXPERT_INDEX);
    const before = BigInt(await readIndexVersion(ds, uid));
    expect(await search.indexes.ensure(EXPERT_INDEX)).toBe('unchanged');
    expect(BigInt(await readIndexVersion(ds, uid))).toBe(before);
    const changed = { ...EXPERT_INDEX, settings: { ...EXPERT_INDEX.settings, filterableAttributes: [...(EXPERT_INDEX.settings.filterableAttributes as string[]), 'zqxprobe'] } };
    expect(await search.indexes.ensure(changed)).toBe('updated');
    expect(BigInt(await readIndexVersion(ds, uid))).toBe(before + 1n);
    // Back to the real settings (raises it again).
    expect(await search.indexes.ensure(EXPERT_INDEX)).toBe('updated');
  });
});
