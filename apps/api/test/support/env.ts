// Settings for the end-to-end specs. scripts/test.mjs provides TEST_DATABASE_URL (a fresh
// database built by the migrations for this run) and MEILI_URL/MEILI_MASTER_KEY.
process.env.NODE_ENV = 'test';
process.env.TECHPORT_NO_MAIN = '1';
process.env.LOG_LEVEL ??= 'error';
process.env.JWT_SECRET ??= 'test-secret-0123456789abcdef0123456789abcdef';
process.env.WORKERS_ENABLED = 'false';
process.env.LISTING_TTL_DAYS ??= '365';
process.env.ADMIN_EMAIL ??= 'admin@test.techport.vn';
process.env.ADMIN_PASSWORD ??= 'Admin-Password-2026';
// Staff need a second factor: the tests' admin is enrolled at start-up with this secret
// (ADMIN_TOTP_SECRET) and adminClient computes its codes with otplib.
process.env.ADMIN_TOTP_SECRET ??= 'KRSXG5CUMVZXIVDFON2FAZLTORKGK43U';
// Parallel spec files sign the admin in at the same time, and a code's replays count as
// failures: the second-factor spec lowers this limit itself.
process.env.RATE_LIMIT_SECOND_FACTOR_FAILURES ??= '100000';
// Many users register from 127.0.0.1 in a test run: the rate-limit spec lowers these itself.
process.env.RATE_LIMIT_REGISTER_PER_IP ??= '100000';
process.env.RATE_LIMIT_LOGIN_PER_IP ??= '100000';
process.env.RATE_LIMIT_MESSAGES_PER_IP ??= '100000';
process.env.RATE_LIMIT_MESSAGES_PER_ACCOUNT ??= '100000';
// Specs check figures right after changing them: no reuse of computed market figures.
process.env.STATS_CACHE_SECONDS ??= '0';
