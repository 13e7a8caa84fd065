import { z } from 'zod';

/**
 * The API's whole configuration: one typed object, validated once at start-up. A wrong or
 * missing variable stops the process with a message naming the variable (see loadConfig).
 * Every variable is listed, with its default, in .env.example.
 */
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    API_HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.string().url(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    MEILI_URL: z.string().url(),
    MEILI_MASTER_KEY: z.string().default(''),
    /** Prefix of every Meilisearch index name, so several installations or test runs can share one server. */
    MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/).default('techport'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    JWT_TTL: z.string().regex(/^\d+[smhd]$/, 'must look like 30m, 12h or 7d').default('12h'),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(10).optional(),
    /**
     * Demo and test installations only: the Base32 TOTP secret the first admin's authenticator is
     * enrolled with at start-up (staff must have a second factor). Leave unset in production: the
     * admin then enrols an authenticator on the account page at first sign-in.
     */
    ADMIN_TOTP_SECRET: z.string().regex(/^[A-Z2-7]{32,64}$/, 'must be Base32 (A-Z, 2-7), 32 to 64 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Comma-separated origins allowed by CORS (the storefront's public URL). */
    CORS_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
    PUBLIC_WEB_URL: z.string().url().default('http://localhost:3000'),
    /** Schema introspection (on by default: the API is public and its contract published). */
    GRAPHQL_INTROSPECTION: bool.default(true),
    LISTING_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    LISTING_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** smtp://user:pass@host:port; without it e-mails are written to the local outbox folder. */
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Techport <no-reply@techport.vn>'),
    MAIL_OUTBOX_DIR: z.string().default('.data/mail-outbox'),
    /** Run the background workers (outbox, alerts, expiry) in this process. */
    WORKERS_ENABLED: bool.default(true),
    /**
     * An outbox job's lease: renewed every third of it while its handler runs, so it runs out only
     * when the worker died; another worker then takes the job over.
     */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(600).max(3_600_000).default(60_000),
    /** How long the market figures (`stats`) are reused before being computed again. */
    STATS_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /**
     * How often the worker refreshes the monthly rollup behind marketFigures/departmentDashboard
     * (a refresh rebuilds it whole: ~8 s of database work at 100 000 listings, docs/benchmarks.md).
     */
    STATS_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),
    /** Trust X-Forwarded-For from this many proxies (1 behind the compose file's nginx). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Shared with the storefront: requests carrying it (X-Storefront-Secret) may name the visitor's
     * address (X-Client-Address), so rate limits count each visitor, not the storefront. See
     * common/client-address.ts.
     */
    STOREFRONT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Largest accepted request body. */
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('256kb'),
    /** Rate limits (per window): see common/rate-limit.service.ts. */
    /**
     * Failed sign-ins (a wrong password or second-factor code) from one address per 15 minutes,
     * across accounts: the guard against trying one password on many accounts. Successful sign-ins
     * do not count, so an office behind one router does not lock itself out (30 of them did).
     */
    RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(30),
    /** Failed sign-ins from one source for one account before each further attempt must wait (5 s, doubling to 15 min). */
    RATE_LIMIT_LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
    /** Failed sign-ins for one account within an hour (all sources) after which its owner is warned by e-mail (once per hour). */
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(8),
    /** How long an account-activation link works. */
    ACTIVATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
    /** How long an invitation to join an organisation works. */
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** How long a password-reset link works. */
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
    RATE_LIMIT_PASSWORD_RESET_PER_IP: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
    /** Wrong second-factor codes from one source for one account before each further code must wait (5 s, doubling to 15 min), as for passwords. */
    RATE_LIMIT_SECOND_FACTOR_FAILURES: z.coerce.number().int().min(1).default(5),
    RATE_LIMIT_REGISTER_PER_IP: z.coerce.number().int().min(1).default(20),
    RATE_LIMIT_MESSAGES_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
    RATE_LIMIT_MESSAGES_PER_IP: z.coerce.number().int().min(1).default(120),
    /** Invitations to join an organisation (each an e-mail): per inviting account per hour, and per invited address per day (all organisations). */
    RATE_LIMIT_INVITATIONS_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
    RATE_LIMIT_INVITATIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
    /**
     * Anonymous views of listing pages counted per source address a day (ListingStatsService): past
     * it, views from that address stop counting (the page is served as ever). A script changing its
     * browser name cannot inflate an owner's figures beyond this; an office behind one address
     * rarely opens this many listings a day.
     */
    RATE_LIMIT_ANONYMOUS_VIEWS_PER_IP: z.coerce.number().int().min(1).default(200),
    /** GraphQL limits (GraphQL Armor). */
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(10),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20000),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(2000),
    /**
     * Media storage (modules/media): `local` keeps files in MEDIA_DIR on this machine (the default:
     * `npm start` needs nothing); `s3` in an S3-compatible store (MinIO, Ceph, any cloud), which
     * several API replicas share. Files are addressed by the SHA-256 of their bytes.
     */
    MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
    MEDIA_DIR: z.string().default('.data/media'),
    /** Where uploads are spooled while they are checked (removed at once, kept or refused); default: the system's temporary folder. */
    MEDIA_TMP_DIR: z.string().optional(),
    MEDIA_S3_ENDPOINT: z.string().url().optional(),
    MEDIA_S3_REGION: z.string().default('us-east-1'),
    MEDIA_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
    MEDIA_S3_ACCESS_KEY_ID: z.string().optional(),
    MEDIA_S3_SECRET_ACCESS_KEY: z.string().optional(),
    MEDIA_S3_FORCE_PATH_STYLE: bool.default(true),
    MEDIA_S3_PREFIX: z.string().regex(/^[a-z0-9/_-]*$/).default(''),
    /** Upload limits per kind, checked while the bytes stream in (a longer body is cut off). */
    MEDIA_MAX_IMAGE_MB: z.coerce.number().positive().max(200).default(15),
    MEDIA_MAX_DOCUMENT_MB: z.coerce.number().positive().max(500).default(20),
    MEDIA_MAX_VIDEO_MB: z.coerce.number().positive().max(2000).default(200),
    /** Decoded pixels an image may have (decompression bombs are refused before decoding). */
    MEDIA_MAX_IMAGE_PIXELS: z.coerce.number().int().min(1_000_000).default(50_000_000),
    MEDIA_MAX_PDF_PAGES: z.coerce.number().int().min(1).default(100),
    /** Attachments per listing, expert profile or organisation. */
    MEDIA_MAX_PER_OWNER: z.coerce.number().int().min(1).max(200).default(30),
    /** How long an upload URL issued by requestAttachmentUpload works. */
    MEDIA_UPLOAD_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** Write the generated GraphQL schema to this file at start-up (development tooling). */
    SCHEMA_FILE: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.JWT_SECRET.startsWith('dev-only')) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set to a real secret in production' });
    }
    if (c.NODE_ENV === 'production' && c.MEILI_MASTER_KEY.startsWith('change-me')) {
      ctx.addIssue({ code: 'custom', path: ['MEILI_MASTER_KEY'], message: 'must be set to a real key in production' });
    }
    if (c.NODE_ENV === 'production' && c.STOREFRONT_SECRET?.startsWith('dev-only')) {
      ctx.addIssue({ code: 'custom', path: ['STOREFRONT_SECRET'], message: 'must be set to a real secret in production' });
    }
    if (c.NODE_ENV === 'production' && c.MEDIA_S3_SECRET_ACCESS_KEY?.startsWith('change-me')) {
      ctx.addIssue({ code: 'custom', path: ['MEDIA_S3_SECRET_ACCESS_KEY'], message: 'must be set to a real secret in production' });
    }
    if (c.MEDIA_STORAGE === 's3' && !c.MEDIA_S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['MEDIA_S3_BUCKET'], message: 'is required when MEDIA_STORAGE=s3' });
    }
    if (Boolean(c.ADMIN_EMAIL) !== Boolean(c.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  });

export type AppConfig = z.infer<typeof schema> & { isProduction: boolean; corsOrigins: string[] };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (FOO= in a .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  return {
    ...c,
    isProduction: c.NODE_ENV === 'production',
    corsOrigins: c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
  };
}

/** Injection token for the validated config object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
