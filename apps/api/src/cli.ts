import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createDataSource } from './database/data-source.js';
import { migrate, pendingSchemaChanges } from './database/migrate.js';

/**
 * Operator commands: `node dist/apps/api/src/cli.js <command>` (npm scripts wrap these).
 *   migrate                      run pending migrations and sync reference data
 *   migration:generate <Name>    write migrations/<ts>-<Name>.ts with what the entities need
 * Other modules register more commands in COMMANDS below.
 */
type Command = (args: string[]) => Promise<void>;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL: not set');
  return url;
}

export const COMMANDS: Record<string, Command> = {
  async migrate() {
    const ds = await createDataSource(databaseUrl(), 2).initialize();
    try {
      const ran = await migrate(ds);
      console.log(ran.length ? `migrated: ${ran.join(', ')}` : 'database schema is up to date');
    } finally {
      await ds.destroy();
    }
  },

  async 'migration:generate'([name]) {
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate <PascalCaseName>');
    const ds = await createDataSource(databaseUrl(), 2).initialize();
    try {
      await ds.runMigrations();
      const log = await ds.driver.createSchemaBuilder().log();
      if (log.upQueries.length === 0) {
        console.log('entities and migrations agree: nothing to generate');
        return;
      }
      const ts = Date.now();
      const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
      const up = log.upQueries.map((x) => `    await queryRunner.query(${q(x.query)}${x.parameters?.length ? ', ' + JSON.stringify(x.parameters) : ''});`);
      const down = log.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)}${x.parameters?.length ? ', ' + JSON.stringify(x.parameters) : ''});`);
      const file = `migrations/${ts}-${name}.ts`;
      writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up.join('\n')}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down.join('\n')}\n  }\n}\n`,
      );
      console.log(`wrote ${file}; add it to migrations/index.ts`);
    } finally {
      await ds.destroy();
    }
  },

  /** Seeds the demo exchange once (`--list` prints the demo accounts). */
  async seed(args) {
    const { seedDemo } = await import('./seed/seed.js');
    const ds = await createDataSource(databaseUrl(), 2).initialize();
    try {
      // With ADMIN_EMAIL / ADMIN_PASSWORD set, the demo's admin is that account (not the public demo one).
      const admin = process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD ? { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD } : undefined;
      const result = await seedDemo(ds, { ttlDays: Number(process.env.LISTING_TTL_DAYS ?? 365), admin });
      console.log(result.seeded ? `seeded the demo exchange: ${JSON.stringify(result.counts)}` : 'demo data already present: nothing seeded');
      if (result.seeded && !args.includes('--no-media')) {
        // Pictures, sheets and logos drawn by the project (modules/media/demo-media.ts), into the configured media store.
        const { seedDemoMedia } = await import('./modules/media/demo-media.js');
        const { mediaStoreFromEnv } = await import('./modules/media/storage/create-media-store.js');
        console.log(`demo media: ${JSON.stringify(await seedDemoMedia(ds, mediaStoreFromEnv(process.env)))}`);
      }
      if (args.includes('--list')) {
        for (const a of result.accounts) console.log(`  ${a.email.padEnd(52)} ${a.password}  ${a.roles.join(',').padEnd(16)} ${a.organizations.join('; ')}`);
      }
    } finally {
      await ds.destroy();
    }
  },

  reindex: async (args) => (await import('./modules/search/search.cli.js')).reindex(await (await import('./app.module.js')).appSearchIndexes(), args),
  drift: async (args) => (await import('./modules/search/search.cli.js')).drift(await (await import('./app.module.js')).appSearchIndexes(), args),
  backup: async (args) => (await import('./backup/backup.cli.js')).backup(args),
  restore: async (args) => (await import('./backup/backup.cli.js')).restore(args),
  'media:check': async (args) => (await import('./modules/media/media.cli.js')).mediaCheck(args),

  /** Writes apps/api/schema.gql from the code (boots the app once without listening). */
  async schema() {
    process.env.TECHPORT_NO_MAIN = '1';
    const { createApp } = await import('./main.js');
    const { loadConfig } = await import('./config/config.js');
    const config = loadConfig({
      JWT_SECRET: 'schema-generation-only-0123456789abcdef',
      MEILI_URL: 'http://127.0.0.1:1',
      ...process.env,
      DATABASE_URL: databaseUrl(),
      SCHEMA_FILE: 'apps/api/schema.gql',
      WORKERS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    } as NodeJS.ProcessEnv);
    const app = await createApp(config);
    await app.init();
    await app.close();
    console.log('wrote apps/api/schema.gql');
  },

  async 'schema:check'() {
    const ds = await createDataSource(databaseUrl(), 2).initialize();
    try {
      const pending = await pendingSchemaChanges(ds);
      if (pending.length) throw new Error(`entities need a migration:\n${pending.join('\n')}`);
      console.log('entities and migrations agree');
    } finally {
      await ds.destroy();
    }
  },
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage: cli <${Object.keys(COMMANDS).join('|')}>`);
    process.exit(2);
  }
  await command(args);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
