import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/main.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxService } from '../../src/modules/outbox/outbox.service.js';
import { ACCOUNT_EMAIL } from '../../src/modules/accounts/account-mail.service.js';
import { forgetMailbox, registerMailbox } from './mailbox.js';
import { appDatabases } from './graphql.js';
import { databaseOfThisFile } from './database.js';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  /**
   * Where this app writes its e-mails (MAIL_OUTBOX_DIR): one folder per database, shared by every
   * app on it, because any of them may send an e-mail another one queued (the outbox is shared).
   * Specs tell their e-mails apart by the recipients' unique addresses.
   */
  mailDir: string;
  /** Runs the outbox until nothing is due (index updates, alerts), as the worker would. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The real application on a random port, against the spec file's database (or the one it names) and this run's Meilisearch. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  // Unless the spec names its own, the spec file's database and indexes (every app the file starts shares them).
  const own = overrides.DATABASE_URL ? null : await databaseOfThisFile();
  const databaseUrl = overrides.DATABASE_URL ?? own!.url;
  const mailDir = join(tmpdir(), 'techport-test-mail', new URL(databaseUrl).pathname.slice(1) || 'default');
  mkdirSync(mailDir, { recursive: true });
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEILI_URL: requireEnv('MEILI_URL'),
    MEILI_INDEX_PREFIX: own?.indexPrefix ?? process.env.MEILI_INDEX_PREFIX ?? 'test',
    MAIL_OUTBOX_DIR: mailDir,
    ...overrides,
  };
  const config = loadConfig(env);
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const outbox = app.get(OutboxService);
  const url = `http://127.0.0.1:${address.port}`;
  // Helpers that register users or invite members read the links this app e-mails.
  appDatabases.set(url, databaseUrl);
  registerMailbox(url, { mailDir: env.MAIL_OUTBOX_DIR, deliverAccountMail: async () => void (await outbox.drain(100, [ACCOUNT_EMAIL])) });
  return {
    app,
    config,
    mailDir: env.MAIL_OUTBOX_DIR,
    url,
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
    close: () => {
      forgetMailbox(url);
      return app.close();
    },
  };
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\``);
  return value;
}
