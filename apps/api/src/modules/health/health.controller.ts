import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Meilisearch } from 'meilisearch';
import { MEILI } from '../search/meili.client.js';
import { traffic } from '../../common/traffic.js';

async function probe(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = Date.now();
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref())]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, latencyMs: Date.now() - started, error: err instanceof Error ? err.message : String(err) };
  }
}

/** GET /health: 200 when PostgreSQL and Meilisearch answer, 503 (saying which is down) otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    @Inject(MEILI) private readonly meili: Meilisearch,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [database, search] = await Promise.all([probe(() => this.ds.query('SELECT 1')), probe(() => this.meili.health())]);
    let outbox: number | null = null;
    if (database.ok) {
      const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`).catch(() => [{ n: null }]);
      outbox = row.n;
    }
    const ok = database.ok && search.ok && !traffic.draining;
    const status = traffic.draining ? 'shutting-down' : ok ? 'ok' : 'degraded';
    res.status(ok ? 200 : 503).json({ status, database, search, pendingOutboxEvents: outbox });
  }
}
