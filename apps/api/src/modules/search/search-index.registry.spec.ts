import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FEATURE_MODULES, appSearchIndexes } from '../../app.module.js';
import { EXPERT_INDEX } from '../experts/expert-index.js';
import { ExpertsModule } from '../experts/experts.module.js';
import { LISTING_INDEX } from './listing-index.js';
import { SearchIndexRegistry, searchIndexProvider, searchIndexesOf } from './search-index.registry.js';
import { SearchModule } from './search.module.js';

// The module graphs are read from the modules' metadata (nothing instantiated), as the operator
// commands read them; test/search-index-registry.e2e-spec.ts checks the running application.
describe('search index registry', () => {
  it('the search module alone registers only its own index', async () => {
    expect((await searchIndexesOf([SearchModule])).all()).toEqual([LISTING_INDEX]);
  });

  it('the experts index comes with the experts module, which registers it', async () => {
    expect((await searchIndexesOf([ExpertsModule])).names().sort()).toEqual(['experts', 'listings']);
    expect((await searchIndexesOf([ExpertsModule])).get('experts')).toBe(EXPERT_INDEX);
  });

  it('the application has the listings and experts indexes', async () => {
    expect((await searchIndexesOf(FEATURE_MODULES)).names()).toEqual(['listings', 'experts']);
    expect((await appSearchIndexes()).names()).toEqual(['listings', 'experts']);
  });

  it('refuses a definition registered twice', async () => {
    @Module({ imports: [SearchModule.forFeature(EXPERT_INDEX)] })
    class AlsoExperts {}
    await expect(searchIndexesOf([ExpertsModule, AlsoExperts])).rejects.toThrow("search index 'experts': registered twice");
    // even two identical registrations in one module (Nest would merge alike dynamic modules)
    @Module({ imports: [SearchModule.forFeature(EXPERT_INDEX), SearchModule.forFeature(EXPERT_INDEX)] })
    class Twice {}
    await expect(searchIndexesOf([Twice])).rejects.toThrow("search index 'experts': registered twice");
  });

  it('refuses a name already taken', async () => {
    @Module({ imports: [SearchModule.forFeature({ ...EXPERT_INDEX, name: 'listings' })] })
    class Impostor {}
    await expect(searchIndexesOf([Impostor])).rejects.toThrow("search index 'listings': the name is taken by another index definition");
  });

  it('refuses a name that is no index uid, and a registration after the registry was read', () => {
    const registry = new SearchIndexRegistry();
    expect(() => registry.register({ ...EXPERT_INDEX, name: 'Experts!' })).toThrow('lower-case letters');
    registry.register(LISTING_INDEX);
    expect(registry.all('outbox subscriptions')).toEqual([LISTING_INDEX]);
    expect(() => registry.register(EXPERT_INDEX)).toThrow("search index 'experts': registered after the registry was read (outbox subscriptions)");
  });

  it('registers as Nest instantiates the providers, and refuses a second registration there too', async () => {
    const one = await Test.createTestingModule({ providers: [SearchIndexRegistry, searchIndexProvider(LISTING_INDEX), searchIndexProvider(EXPERT_INDEX)] }).compile();
    expect(one.get(SearchIndexRegistry).names()).toEqual(['listings', 'experts']);
    await one.close();
    const twice = Test.createTestingModule({ providers: [SearchIndexRegistry, searchIndexProvider(EXPERT_INDEX), searchIndexProvider(EXPERT_INDEX)] }).compile();
    await expect(twice).rejects.toThrow("search index 'experts': registered twice");
  });
});
