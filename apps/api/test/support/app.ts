import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/main.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { OutboxService } from '../../src/modules/outbox/outbox.service.js';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  /** Runs the outbox until nothing is due (index updates, alerts), as the worker would. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The real application on a random port, against this run's database and Meilisearch. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = {
    ...process.env,
    DATABASE_URL: requireEnv('TEST_DATABASE_URL'),
    MEILI_URL: requireEnv('MEILI_URL'),
    MEILI_INDEX_PREFIX: process.env.MEILI_INDEX_PREFIX ?? 'test',
    ...overrides,
  };
  const config = loadConfig(env);
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const outbox = app.get(OutboxService);
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    async settle() {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        await outbox.drain();
        const [row] = await outbox['ds'].query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL AND available_at <= now()`);
        if (row.n === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('outbox did not settle in 20 s');
    },
    close: () => app.close(),
  };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\``);
  return value;
}
