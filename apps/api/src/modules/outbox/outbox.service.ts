import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { OutboxMessage, OutboxTopic, OutboxTopics } from './outbox.topics.js';

export interface OutboxEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  payload: P;
  /** This subscriber's attempts at it, this one included. */
  attempts: number;
}

/** Handles a batch of events of one topic for one subscriber; throws to have that subscriber's batch retried later. */
export type OutboxHandler<P = Record<string, unknown>> = (events: OutboxEvent<P>[]) => Promise<void>;

/** Retry backoff: 1 s, 2 s, 4 s … capped at 5 minutes. Events are never dropped. */
export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Events fanned out, and jobs claimed, per pass. A subscriber gets its share of the claimed jobs
 * as one batch, and the search index applies a batch as one Meilisearch task, whose fixed cost
 * (the vector store and word indexes are rebuilt per task) dominates small ones: the demo seed's
 * 447 listings took 16.5 s to index in batches of ~100 (200 jobs shared by two subscribers) and
 * 6 s in one (2026-12-06). 500 keeps a batch of picture jobs (≈40 ms each) well inside the lease
 * (OUTBOX_LEASE_MS, 60 s by default).
 */
const BATCH = 500;

interface Subscription {
  topic: string;
  subscriber: string;
  handler: OutboxHandler;
}

/**
 * The transactional outbox and its jobs. `publish` records an event inside the caller's
 * transaction. The worker (in every API process with WORKERS_ENABLED) then, in two steps:
 *  1. fans each new event out, in one short transaction, into one job per subscriber of its topic
 *     (outbox_delivery), claimed with `FOR UPDATE SKIP LOCKED` so several processes share the work;
 *  2. claims due jobs with a lease (committed at once), runs each subscriber's handler outside any
 *     transaction, and records the outcome: done, or retried later with backoff, that subscriber
 *     alone. A worker that dies mid-job leaves its lease to run out (OUTBOX_LEASE_MS); another takes
 *     the job over. The event is marked processed when its last job is done.
 * A job table of our own rather than a queue library (pg-boss): the events are already rows of this
 * database written in the business transaction, fanning them out is one INSERT … SELECT in the same
 * database, and the schema stays under the project's migrations. Handlers must be idempotent (they
 * are: index upserts, deduplicated notifications, derivatives keyed by content).
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly subscriptions = new Map<string, Subscription>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Subscribes a handler to a topic under a name unique for that topic ("search", "email"): each
   * subscriber gets its own job per event, retried on its own.
   */
  register<T extends OutboxTopic>(topic: T, subscriber: string, handler: OutboxHandler<OutboxTopics[T]>): void;
  /** Topics listed by data (the search index definitions' topic maps), with untyped payloads. */
  register(topic: string, subscriber: string, handler: OutboxHandler): void;
  register(topic: string, subscriber: string, handler: OutboxHandler<never>): void {
    const key = `${topic}\u0000${subscriber}`;
    if (this.subscriptions.has(key)) throw new Error(`outbox: ${subscriber} already subscribes to ${topic}`);
    this.subscriptions.set(key, { topic, subscriber, handler: handler as OutboxHandler });
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
   * topics (test helpers send e-mails without running index updates). Returns jobs run.
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

  /** One pass: fan new events out into jobs, then run a batch of due jobs. Returns events fanned out plus jobs done. */
  async processBatch(topics?: string[]): Promise<number> {
    const dispatched = await this.dispatch(topics);
    return dispatched + (await this.runJobs(topics));
  }

  /** Step 1: one job per subscriber for each new event, in one short transaction; events nobody subscribes to are done at once. */
  private async dispatch(topics?: string[]): Promise<number> {
    return this.ds.transaction(async (em) => {
      const rows: { id: string; topic: string }[] = await em.query(
        `SELECT id, topic FROM outbox_event
         WHERE dispatched_at IS NULL AND available_at <= now() AND ($2::text[] IS NULL OR topic = ANY($2))
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, topics ?? null],
      );
      if (!rows.length) return 0;
      const eventIds: string[] = [];
      const subscribers: string[] = [];
      const unsubscribed: string[] = [];
      for (const r of rows) {
        const subs = [...this.subscriptions.values()].filter((x) => x.topic === r.topic);
        if (!subs.length) unsubscribed.push(String(r.id));
        for (const x of subs) {
          eventIds.push(String(r.id));
          subscribers.push(x.subscriber);
        }
      }
      if (eventIds.length) {
        await em.query(
          `INSERT INTO outbox_delivery (event_id, subscriber) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`,
          [eventIds, subscribers],
        );
      }
      await em.query(`UPDATE outbox_event SET dispatched_at = clock_timestamp() WHERE id = ANY($1)`, [rows.map((r) => String(r.id))]);
      if (unsubscribed.length) {
        await em.query(`UPDATE outbox_event SET processed_at = clock_timestamp(), attempts = 1 WHERE id = ANY($1)`, [unsubscribed]);
      }
      return rows.length;
    });
  }

  /** Step 2: claim due jobs with a lease, run each subscriber's batch outside any transaction, record each outcome. */
  private async runJobs(topics?: string[]): Promise<number> {
    const token = randomUUID();
    const claimed: { event_id: string; subscriber: string; attempts: number; topic: string; payload: Record<string, unknown> }[] = await this.ds.query(
      `WITH due AS (
         SELECT d.event_id, d.subscriber FROM outbox_delivery d
         ${topics ? 'JOIN outbox_event e ON e.id = d.event_id AND e.topic = ANY($4)' : ''}
         WHERE d.done_at IS NULL AND d.available_at <= now() AND (d.leased_until IS NULL OR d.leased_until < now())
         ORDER BY d.event_id LIMIT $1 FOR UPDATE OF d SKIP LOCKED
       ), leased AS (
         UPDATE outbox_delivery d SET lease_token = $2, leased_until = now() + ($3 || ' milliseconds')::interval, attempts = d.attempts + 1
         FROM due WHERE d.event_id = due.event_id AND d.subscriber = due.subscriber
         RETURNING d.event_id, d.subscriber, d.attempts
       )
       SELECT l.event_id, l.subscriber, l.attempts, e.topic, e.payload FROM leased l JOIN outbox_event e ON e.id = l.event_id ORDER BY l.event_id`,
      topics ? [BATCH, token, String(this.config.OUTBOX_LEASE_MS), topics] : [BATCH, token, String(this.config.OUTBOX_LEASE_MS)],
    );
    if (!claimed.length) return 0;
    const batches = new Map<string, { sub: Subscription | undefined; topic: string; subscriber: string; events: OutboxEvent[] }>();
    for (const c of claimed) {
      const key = `${c.topic}\u0000${c.subscriber}`;
      const b = batches.get(key) ?? { sub: this.subscriptions.get(key), topic: c.topic, subscriber: c.subscriber, events: [] };
      b.events.push({ id: String(c.event_id), topic: c.topic, payload: c.payload, attempts: c.attempts });
      batches.set(key, b);
    }
    // While the handlers run, the lease is renewed: only a worker that died loses its jobs.
    const lease = this.config.OUTBOX_LEASE_MS;
    const heartbeat = setInterval(() => {
      this.ds
        .query(`UPDATE outbox_delivery SET leased_until = now() + ($2 || ' milliseconds')::interval WHERE lease_token = $1 AND done_at IS NULL`, [token, String(lease)])
        .catch((err: unknown) => this.logger.warn(`outbox lease renewal failed: ${err instanceof Error ? err.message : err}`));
    }, Math.max(200, Math.floor(lease / 3)));
    heartbeat.unref();
    let done = 0;
    try {
      done = await this.runBatches([...batches.values()], token);
    } finally {
      clearInterval(heartbeat);
    }
    return done;
  }

  private async runBatches(batches: { sub: Subscription | undefined; topic: string; subscriber: string; events: OutboxEvent[] }[], token: string): Promise<number> {
    let done = 0;
    for (const b of batches) {
      const ids = b.events.map((e) => e.id);
      try {
        // A job whose subscriber this process does not know (an older or newer build beside it) waits for one that does.
        if (!b.sub) throw new Error(`no subscriber "${b.subscriber}" for ${b.topic} in this process`);
        await b.sub.handler(b.events);
        await this.completed(ids, b.subscriber, token);
        done += ids.length;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const attempts = Math.max(...b.events.map((e) => e.attempts));
        this.logger.warn(`${b.topic} → ${b.subscriber}: ${ids.length} job(s) failed (attempt ${attempts}), retrying later: ${message}`);
        await this.failed(ids, b.subscriber, token, message, backoffMs(attempts));
      }
    }
    return done;
  }

  /** Marks the jobs done (if this worker still holds them), and their events processed once every job of theirs is. */
  private async completed(eventIds: string[], subscriber: string, token: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query(
        `UPDATE outbox_delivery SET done_at = clock_timestamp(), lease_token = NULL, leased_until = NULL, last_error = NULL
         WHERE event_id = ANY($1) AND subscriber = $2 AND lease_token = $3`,
        [eventIds, subscriber, token],
      );
      await em.query(
        `UPDATE outbox_event e SET processed_at = clock_timestamp(), last_error = NULL,
           attempts = GREATEST(1, (SELECT max(d.attempts) FROM outbox_delivery d WHERE d.event_id = e.id))
         WHERE e.id = ANY($1) AND e.processed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id AND d.done_at IS NULL)`,
        [eventIds],
      );
      // An event still waiting on a sibling that failed is due when that sibling's retry is.
      await em.query(
        `UPDATE outbox_event e SET available_at = d.next
         FROM (SELECT event_id, min(available_at) AS next FROM outbox_delivery WHERE event_id = ANY($1) AND done_at IS NULL GROUP BY event_id) d
         WHERE e.id = d.event_id AND e.processed_at IS NULL`,
        [eventIds],
      );
    });
  }

  /** Gives the jobs back with a backoff; the event shows the last error and when it is tried next. */
  private async failed(eventIds: string[], subscriber: string, token: string, message: string, delayMs: number): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query(
        `UPDATE outbox_delivery SET lease_token = NULL, leased_until = NULL, last_error = $4,
           available_at = now() + ($5 || ' milliseconds')::interval
         WHERE event_id = ANY($1) AND subscriber = $2 AND lease_token = $3`,
        [eventIds, subscriber, token, message.slice(0, 2000), String(delayMs)],
      );
      await em.query(
        `UPDATE outbox_event e SET last_error = $2,
           attempts = (SELECT max(d.attempts) FROM outbox_delivery d WHERE d.event_id = e.id),
           available_at = (SELECT min(d.available_at) FROM outbox_delivery d WHERE d.event_id = e.id AND d.done_at IS NULL)
         WHERE e.id = ANY($1)`,
        [eventIds, `${subscriber}: ${message}`.slice(0, 2000)],
      );
    });
  }

  /** Events not yet applied (for /health and the drift report). */
  async pendingCount(): Promise<number> {
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`);
    return row.n;
  }
}
