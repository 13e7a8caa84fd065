import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import type { IndexDefinition } from './search-index.js';
import { SearchIndexService } from './search-index.service.js';

const CHUNK = 1000;

/**
 * Keeps the search indexes in step with PostgreSQL: the outbox topics each registered index
 * declares ('listing.changed', 'organization.changed'…) are applied by id — the current rows are
 * read and upserted, or deleted when they no longer belong. A failure (Meilisearch down, a task
 * failing) throws, so the outbox keeps the events and retries them with backoff.
 */
@Injectable()
export class SearchSyncService implements OnModuleInit {
  /** Events handled successfully by this process, per topic (observability and tests). */
  readonly handled = new Map<string, number>();

  constructor(
    private readonly outbox: OutboxService,
    private readonly search: SearchIndexService,
  ) {}

  /**
   * Subscribes at onModuleInit, before the outbox worker's first pass (its onApplicationBootstrap),
   * which marks events of topics nobody subscribes to as done. Every index is registered by then:
   * registrations run when Nest instantiates providers, before any onModuleInit (search-index.registry.ts).
   */
  onModuleInit(): void {
    const byTopic = new Map<string, IndexDefinition<any, any>[]>();
    for (const def of this.search.registry.all('outbox subscriptions')) {
      for (const topic of Object.keys(def.topics)) byTopic.set(topic, [...(byTopic.get(topic) ?? []), def]);
    }
    for (const [topic, defs] of byTopic) {
      this.outbox.register(topic, 'search', (events) => this.handle(topic, defs, events));
    }
  }

  private async handle(topic: string, defs: IndexDefinition<any, any>[], events: OutboxEvent[]): Promise<void> {
    const payloads = events.map((e) => e.payload);
    for (const def of defs) {
      const ids = await def.topics[topic](this.search.ds, payloads);
      for (let i = 0; i < ids.length; i += CHUNK) await this.search.indexes.apply(def, ids.slice(i, i + CHUNK));
    }
    this.handled.set(topic, (this.handled.get(topic) ?? 0) + events.length);
  }
}
