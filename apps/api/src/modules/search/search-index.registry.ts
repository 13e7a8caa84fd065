import { Injectable, type DynamicModule, type FactoryProvider } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import type { IndexDefinition } from './search-index.js';

type AnyIndex = IndexDefinition<any, any>;
type ModuleImport = NonNullable<DynamicModule['imports']>[number];

/**
 * The search indexes of this installation. Each index is registered by the module that owns its
 * content: the search module registers its own (listings), any other module imports
 * `SearchModule.forFeature(ITS_INDEX)` (experts does). The search module thus knows no index but
 * its own, and everything that goes over "every index" (settings at start-up, outbox topics,
 * `reindex` / `drift`) reads this registry.
 *
 * When: a registration runs as Nest instantiates its provider, and Nest instantiates every
 * module's providers before it calls any onModuleInit, so readers read from onModuleInit on. The
 * first read closes the registry: a later registration (one the readers would have missed) is
 * refused, as are a definition registered twice and a name already taken.
 */
@Injectable()
export class SearchIndexRegistry {
  private readonly byName = new Map<string, AnyIndex>();
  private closedBy: string | undefined;

  register(def: AnyIndex): void {
    const name = def.name;
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`search index '${name}': the name must be lower-case letters, digits and _ (it becomes the index uid)`);
    if (this.closedBy) throw new Error(`search index '${name}': registered after the registry was read (${this.closedBy}); register it with SearchModule.forFeature`);
    const taken = this.byName.get(name);
    if (taken === def) throw new Error(`search index '${name}': registered twice (one SearchModule.forFeature per index, in the module that owns it)`);
    if (taken) throw new Error(`search index '${name}': the name is taken by another index definition`);
    this.byName.set(name, def);
  }

  /** Every registered index, in registration order. `reader` names who reads (for the late-registration error). */
  all(reader = 'a reader'): readonly AnyIndex[] {
    this.closedBy ??= reader;
    return [...this.byName.values()];
  }

  names(): string[] {
    return this.all().map((d) => d.name);
  }

  get(name: string): AnyIndex | undefined {
    this.closedBy ??= 'a reader';
    return this.byName.get(name);
  }
}

/** The definition behind each registration provider's token (for searchIndexesOf). */
const registrations = new Map<symbol, AnyIndex>();

/**
 * A provider that registers `def` when Nest instantiates it. Each call has a token of its own:
 * Nest merges dynamic modules whose metadata serialise alike, and two registrations of one
 * definition must both reach the registry (and be refused) rather than merge into one.
 */
export function searchIndexProvider(def: AnyIndex): FactoryProvider<AnyIndex> {
  const token = Symbol(`search index ${def.name} #${registrations.size + 1}`);
  registrations.set(token, def);
  return {
    provide: token,
    inject: [SearchIndexRegistry],
    useFactory: (registry: SearchIndexRegistry) => {
      registry.register(def);
      return def;
    },
  };
}

/**
 * The indexes `modules` register, read from what their @Module decorators and dynamic modules
 * declare (imports followed as Nest follows them), without building or instantiating anything:
 * no database, no Meilisearch. The operator commands use it on the application's modules, where
 * no application runs; the same refusals apply. (Nest's own preview mode would do, but it still
 * resolves every dependency, so it needs the whole application with its configuration.)
 */
export async function searchIndexesOf(modules: ModuleImport[]): Promise<SearchIndexRegistry> {
  const registry = new SearchIndexRegistry();
  const seen = new Set<unknown>();
  const visit = async (entry: unknown): Promise<void> => {
    let ref = entry instanceof Promise ? await entry : entry;
    if (ref && typeof ref === 'object' && 'forwardRef' in ref) ref = (ref as { forwardRef: () => unknown }).forwardRef();
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    // A class module is its decorator's metadata; a dynamic module is its class's plus its own.
    const dynamic = typeof ref === 'function' ? undefined : (ref as DynamicModule);
    const cls = (dynamic ? dynamic.module : ref) as object;
    const providers = [...(Reflect.getMetadata(MODULE_METADATA.PROVIDERS, cls) ?? []), ...(dynamic?.providers ?? [])];
    for (const provider of providers) {
      const def = provider && typeof provider === 'object' && typeof provider.provide === 'symbol' ? registrations.get(provider.provide) : undefined;
      if (def) registry.register(def);
    }
    for (const imported of [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) ?? []), ...(dynamic?.imports ?? [])]) await visit(imported);
  };
  for (const m of modules) await visit(m);
  return registry;
}
