import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { OutboxMessage, OutboxTopic, OutboxTopics } from './outbox.topics.js';

export interface OutboxEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  payload: P;
  attempts: number;
}

/** Handles a batch of events of one topic; throws to have the whole batch retried later. */
export type OutboxHandler<P = Record<string, unknown>> = (events: OutboxEvent<P>[]) => Promise<void>;

/** Retry backoff: 1 s, 2 s, 4 s … capped at 5 minutes. Events are never dropped. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

const BATCH = 200;

/**
 * The transactional outbox. `publish` is called inside the caller's transaction; the worker
 * (in every API process that has WORKERS_ENABLED) claims pending rows with
 * `FOR UPDATE SKIP LOCKED`, runs the topic's handler and marks them processed in the same
 * transaction, so with several processes each event is applied once.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler[]>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Adds a handler for a topic; several modules may listen to one topic. When any of them throws,
   * the batch is retried for all of them, so handlers must be idempotent (they are: index upserts,
   * deduplicated notifications).
   */
  register<T extends OutboxTopic>(topic: T, handler: OutboxHandler<OutboxTopics[T]>): void;
  /** Topics listed by data (the search index definitions' topic maps), with untyped payloads. */
  register(topic: string, handler: OutboxHandler): void;
  register(topic: string, handler: OutboxHandler<never>): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler as OutboxHandler]);
  }

  /** Records an event in the caller's transaction; the payload is the topic's (outbox.topics.ts). */
  async publish<T extends OutboxTopic>(em: EntityManager, topic: T, payload: OutboxTopics[T]): Promise<void> {
    await em.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)`, [topic, JSON.stringify(payload)]);
  }

  /** Records several events (each a topic with its payload) in the caller's transaction. */
  async publishAll(em: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    for (const [topic, payload] of messages) await this.publish(em, topic, payload);
  }

  onApplicationBootstrap(): void {
    if (this.config.WORKERS_ENABLED) this.schedule(200);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.processBatch()
        .then((n) => this.schedule(n > 0 ? 10 : 500))
        .catch((err: unknown) => {
          this.logger.warn(`outbox pass failed: ${err instanceof Error ? err.message : err}`);
          this.schedule(2000);
        });
    }, delayMs);
    this.timer.unref();
  }

  /**
   * Processes everything that is due now (tests and CLI use it to settle), or only the given
   * topics (test helpers send e-mails without running index updates). Returns events handled.
   */
  async drain(maxPasses = 100, topics?: string[]): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxPasses; i++) {
      const n = await this.processBatch(topics);
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /** One pass: claim a batch of due events, handle them per topic, commit. Returns how many succeeded. */
  async processBatch(topics?: string[]): Promise<number> {
    return this.ds.transaction(async (em) => {
      const rows: { id: string; topic: string; payload: Record<string, unknown>; attempts: number }[] = await em.query(
        `SELECT id, topic, payload, attempts FROM outbox_event
         WHERE processed_at IS NULL AND available_at <= now() AND ($2::text[] IS NULL OR topic = ANY($2))
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, topics ?? null],
      );
      if (!rows.length) return 0;
      const byTopic = new Map<string, OutboxEvent[]>();
      for (const r of rows) {
        const list = byTopic.get(r.topic) ?? [];
        list.push({ id: String(r.id), topic: r.topic, payload: r.payload, attempts: r.attempts });
        byTopic.set(r.topic, list);
      }
      let done = 0;
      for (const [topic, events] of byTopic) {
        const handlers = this.handlers.get(topic) ?? [];
        const ids = events.map((e) => e.id);
        try {
          for (const handler of handlers) await handler(events);
          await em.query(`UPDATE outbox_event SET processed_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)`, [ids]);
          done += events.length;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const attempts = events[0].attempts + 1;
          this.logger.warn(`${topic}: ${events.length} event(s) failed (attempt ${attempts}), retrying later: ${message}`);
          await em.query(
            `UPDATE outbox_event SET attempts = attempts + 1, last_error = $2,
               available_at = now() + ($3 || ' milliseconds')::interval WHERE id = ANY($1)`,
            [ids, message.slice(0, 2000), String(backoffMs(attempts))],
          );
        }
      }
      return done;
    });
  }

  /** Events not yet applied (for /health and the drift report). */
  async pendingCount(): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`);
    return row.n;
  }
}
