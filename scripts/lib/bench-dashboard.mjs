// `npm run bench -- dashboard`: the department's dashboard and the market figures at 100 000
// listings and 20 000 deals. The catalogue is the search benchmark's (bench-search.mjs `load`),
// spread over the past three years, with a moderation history (a submission and a decision per
// listing, by 6 reviewers), 40 000 interests, 20 000 deals in every stage and 2 000 listings
// waiting for review. The rollup (materialised view stats_monthly) is refreshed once, timed, as the
// worker does; then the production API (WORKERS_ENABLED=false) answers, sequentially:
//   marketFigures (public, the last 12 months), departmentDashboard for a nationwide moderator and
//   for a one-province moderator (12 months), and marketFigures over ten years (120 months).
// Aim: p95 under 200 ms for each.
//
// Options: --listings N (default 100000), --deals N (default 20000), --requests N (per query,
//          default 200), --no-write (do not append to docs/benchmarks.md).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { ROOT } from '../ensure-install.mjs';
import { buildApi, apiCli } from './build.mjs';
import { rmSync } from 'node:fs';
import { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, startMeilisearch } from './services.mjs';
import { appendBenchmarks, machine, machineLine, markdownTable, ms, summarize, table } from './bench-common.mjs';
import { load, post, startBenchApi, timed } from './bench-search.mjs';
import { generate } from 'otplib';

/** The benchmark moderators' authenticator secret (Base32; the API stores it as enrolment would). */
const BENCH_TOTP_SECRET = 'KRUGKIDCMVXGG2DNMFZGW4ZAON2GC3TE';

const log = (msg) => console.log(`[bench:dashboard] ${msg}`);
const option = (args, name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};

const TOTALS = `listingsPublished offersPublished demandsPublished interests dealsProposed dealsApproved dealValueApproved
  interestsConverted interestToDealRate medianDaysToFirstInterest listingsWithInterest medianDaysInModeration moderationDecisions`;
/** What the storefront's pages select (apps/web/src/lib/graphql/operations/figures.graphql). */
const MARKET = `from to previousFrom previousTo
  months { month label listingsPublished offersPublished demandsPublished interests dealsProposed dealsApproved dealValueApproved }
  totals { ${TOTALS} } previous { ${TOTALS} } dealsByStage { stage label count value }
  byField { key label count } byProvince { key label count } byOrganizationKind { key label count } byTrl { key label count }`;
const MARKET_Q = `query($from: String, $to: String) { marketFigures(from: $from, to: $to) { ${MARKET} } }`;
const DASH_Q = `query($from: String, $to: String) { departmentDashboard(from: $from, to: $to) {
  provinceCodes reviewTargetDays queueWaiting queueOverTarget queueOldestDays queueByAge { key label count }
  decisions medianDecisionDays decisionsWithinTarget reviewers { reviewerId name decisions medianDays withinTarget }
  expiringSoonCount expiringSoon { id slug title provinceCode at }
  organizationsAwaitingVerificationCount organizationsAwaitingVerification { id slug title provinceCode at }
  dealsAwaitingReviewCount dealsAwaitingReview { id title provinceCode at } market { ${MARKET} } } }`;

/** Moderation history, interests, deals and a queue on top of the search benchmark's catalogue. */
async function addActivity(db, deals) {
  const [{ id: owner }] = (await db.query(`SELECT created_by AS id FROM listing LIMIT 1`)).rows;
  await db.query(`SELECT setseed(0.18)`);
  // Published over the past three years; submitted 0–6 days before.
  await db.query(`UPDATE listing SET published_at = now() - random() * interval '1095 days', expires_at = now() + random() * interval '300 days'`);
  await db.query(`UPDATE listing SET submitted_at = published_at - random() * interval '6 days'`);
  const reviewers = [];
  for (let i = 0; i < 6; i++) {
    const id = (await db.query(`INSERT INTO app_user (email, password_hash, display_name, roles, all_provinces) VALUES ($1, 'bench', $2, '{MODERATOR}', true) RETURNING id`, [`reviewer-${i}-${Date.now()}@bench.invalid`, `Reviewer ${i + 1}`])).rows[0].id;
    reviewers.push(id);
  }
  await db.query(
    `INSERT INTO listing_event (listing_id, actor_id, action, from_status, to_status, at)
     SELECT id, created_by, 'SUBMIT', 'DRAFT', 'PENDING_REVIEW', submitted_at FROM listing
     UNION ALL
     SELECT id, ($1::uuid[])[1 + floor(random() * 6)::int], 'APPROVE', 'PENDING_REVIEW', 'PUBLISHED', published_at FROM listing`,
    [reviewers],
  );
  // 2 000 listings waiting for review now.
  await db.query(`UPDATE listing SET status = 'PENDING_REVIEW', published_at = NULL, submitted_at = now() - random() * interval '10 days'
                  WHERE id IN (SELECT id FROM listing ORDER BY random() LIMIT 2000)`);
  // 2 interests per deal: one interest each on distinct random listings, by an organisation other than the owner's.
  const interests = deals * 2;
  await db.query(
    `INSERT INTO interest (listing_id, organization_id, listing_organization_id, status, created_by, created_at, last_message_at)
     SELECT l.id, o.id, l.organization_id, 'ACCEPTED', $2, t.at, t.at
     FROM (SELECT id, organization_id, published_at FROM listing WHERE published_at IS NOT NULL ORDER BY random() LIMIT $1) l
     CROSS JOIN LATERAL (SELECT id FROM organization WHERE id <> l.organization_id ORDER BY random() + (l.id IS NULL)::int LIMIT 1) o
     CROSS JOIN LATERAL (SELECT least(now(), l.published_at + random() * interval '60 days') AS at) t`,
    [interests, owner],
  );
  const statuses = ['PROPOSED', 'ACCEPTED', 'UNDER_REVIEW', 'APPROVED', 'APPROVED', 'SIGNED', 'COMPLETED', 'REJECTED', 'CANCELLED'];
  await db.query(
    `INSERT INTO deal (interest_id, listing_id, supplier_organization_id, buyer_organization_id, province_code, value, transfer_mode, terms, status,
                       proposed_by, proposer_organization_id, approved_at, created_at, updated_at)
     SELECT i.id, i.listing_id, i.listing_organization_id, i.organization_id, l.province_code, (50 + floor(random() * 5000))::bigint * 1000000,
            'LICENSING', 'Bench', s.status, $2, i.organization_id,
            CASE WHEN s.status IN ('APPROVED', 'SIGNED', 'COMPLETED') THEN least(now(), i.created_at + interval '20 days') END,
            least(now(), i.created_at + interval '5 days'), least(now(), i.created_at + interval '10 days')
     FROM (SELECT * FROM interest ORDER BY random() LIMIT $1) i
     JOIN listing l ON l.id = i.listing_id
     CROSS JOIN LATERAL (SELECT ($3::text[])[1 + floor(random() * 9)::int + (i.id IS NULL)::int] AS status) s`,
    [deals, owner, statuses],
  );
  await db.query('ANALYZE');
  return { reviewers, interests };
}

export async function run({ args }) {
  const N = option(args, '--listings', 100_000);
  const D = option(args, '--deals', 20_000);
  const R = option(args, '--requests', 200);
  const m = machine();
  const uptime = execSync('uptime').toString().trim();
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const logFile = join(DATA_DIR, `bench-dashboard-${stamp}.log`);
  const dbName = `techport_bench_dashboard_${stamp}`;
  log(`machine: ${machineLine(m)}; ${uptime}`);
  log('building the API (dist/)…');
  buildApi();
  const pgServer = await ensurePostgres('test');
  const databaseUrl = await createDatabase(pgServer.adminUrl, dbName);
  // The API's health check needs a search engine (an empty one: these queries never search).
  const meiliDir = join(DATA_DIR, `bench-dashboard-meili-${stamp}`);
  const meili = await startMeilisearch({ dir: meiliDir });
  const pg = createRequire(join(ROOT, 'package.json'))('pg');
  const db = new pg.Client({ connectionString: databaseUrl });
  let api;
  try {
    apiCli(['migrate'], { DATABASE_URL: databaseUrl });
    log(`generating and inserting ${N} listings…`);
    const data = await load(databaseUrl, N);
    await db.connect();
    log(`adding moderation history, ${D * 2} interests, ${D} deals and a queue…`);
    const activity = await addActivity(db, D);
    const counts = (await db.query(`SELECT (SELECT count(*) FROM listing)::int AS listings, (SELECT count(*) FROM deal)::int AS deals,
      (SELECT count(*) FROM interest)::int AS interests, (SELECT count(*) FROM listing_event)::int AS events`)).rows[0];
    log(`  ${JSON.stringify(counts)}`);

    log('refreshing the rollup (REFRESH MATERIALIZED VIEW CONCURRENTLY, as the worker does)…');
    const refreshes = [];
    for (let i = 0; i < 3; i++) refreshes.push((await timed(() => db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY stats_monthly; ANALYZE stats_monthly'))).ms);
    const rollupRows = (await db.query(`SELECT count(*)::int AS n FROM stats_monthly`)).rows[0].n;
    const rollupSize = (await db.query(`SELECT pg_size_pretty(pg_total_relation_size('stats_monthly')) AS size`)).rows[0].size;

    log('starting the API (NODE_ENV=production, WORKERS_ENABLED=false)…');
    api = await startBenchApi({ env: { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: 'bench' }, logFile });
    const gql = async (query, variables, token) => {
      const res = await post(`${api.url}/graphql`, { query, variables }, { 'accept-language': 'vi', ...(token ? { authorization: `Bearer ${token}` } : {}) });
      if (res.status !== 200 || res.body.errors) throw new Error(`API: ${JSON.stringify(res.body.errors ?? res.status)}`);
      return res.body.data;
    };
    // Two moderators: nationwide, and one province (the busiest).
    const [{ code: province }] = (await db.query(`SELECT province_code AS code FROM listing GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
    const moderator = async (name, codes, all) => {
      const email = `${name}-${stamp}@bench.invalid`;
      await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, { i: { email, password: 'Bench-password-1', displayName: name } });
      // Activated, and with an authenticator (staff act only after a second step).
      await db.query(
        `UPDATE app_user SET roles = '{MODERATOR}', moderated_province_codes = $2, all_provinces = $3, email_verified_at = now(), totp_secret = $4, totp_enabled_at = now() WHERE email = $1`,
        [email, codes, all, BENCH_TOTP_SECRET],
      );
      const res = await post(`${api.url}/graphql`, { query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, variables: { e: email, p: 'Bench-password-1' } }, { 'accept-language': 'vi' });
      const challenge = res.body.errors?.[0]?.extensions?.challenge;
      if (!challenge) throw new Error(`API: no second-step challenge for ${email}: ${JSON.stringify(res.body)}`);
      const code = await generate({ secret: BENCH_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) });
      return (await gql(`mutation($c: String!, $code: String!) { completeLogin(challenge: $c, code: $code) { token } }`, { c: challenge, code })).completeLogin.token;
    };
    const nationwide = await moderator('nationwide', [], true);
    const local = await moderator('local', [province], false);

    const cases = [
      { name: 'marketFigures, public, last 12 months', run: () => gql(MARKET_Q, {}) },
      { name: 'departmentDashboard, nationwide moderator, 12 months', run: () => gql(DASH_Q, {}, nationwide) },
      { name: `departmentDashboard, moderator of ${province}, 12 months`, run: () => gql(DASH_Q, {}, local) },
      { name: 'marketFigures, public, 120 months', run: () => gql(MARKET_Q, { from: '2017-01', to: '2026-12' }) },
    ];
    const sample = (await gql(DASH_Q, {}, nationwide)).departmentDashboard;
    const rows = [];
    for (const c of cases) {
      for (let i = 0; i < 10; i++) await c.run(); // warm-up
      const lat = [];
      for (let i = 0; i < R; i++) lat.push((await timed(c.run)).ms);
      rows.push({ path: c.name, ...summarize(lat) });
    }
    const columns = [
      ['query', 'path', 'left'],
      ['n', 'n'],
      ['p50 ms', (r) => ms(r.p50)],
      ['p95 ms', (r) => ms(r.p95)],
      ['p99 ms', (r) => ms(r.p99)],
    ];
    const worst = Math.max(...rows.map((r) => r.p95));
    const refresh = summarize(refreshes);
    console.log('\n' + table(rows, columns));
    console.log(`rollup: ${rollupRows} rows (${rollupSize}); refresh ${ms(refresh.p50)} ms median of 3`);
    console.log(`${worst < 200 ? 'MET ' : 'MISS'}  every query p95 < 200 ms: worst ${ms(worst)} ms`);
    if (!args.includes('--no-write')) {
      appendBenchmarks(`## Department dashboard and market figures — ${m.date}

Machine: ${machineLine(m)}; load at the start: \`${uptime}\` (the machine is shared). Run with \`npm run bench -- dashboard\`.

Data: ${counts.listings.toLocaleString('en')} listings (the search benchmark's catalogue, published over the past three years,
${(2000).toLocaleString('en')} of them waiting for review), ${counts.events.toLocaleString('en')} moderation events by ${activity.reviewers.length} reviewers,
${counts.interests.toLocaleString('en')} interests, ${counts.deals.toLocaleString('en')} deals in every stage. The figures come from the monthly rollup
(materialised view \`stats_monthly\`: ${rollupRows.toLocaleString('en')} rows, ${rollupSize}), which the worker refreshes every
\`STATS_REFRESH_SECONDS\` (300 by default): one \`REFRESH … CONCURRENTLY\` took **${ms(refresh.p50)} ms** (median of 3) at this size.
The dashboard's live parts (queue, expiring listings, organisations, deals under review) are indexed queries on current rows.
${R} sequential requests per query after 10 warm-ups, through the production API (GraphQL over HTTP, what the pages select);
the nationwide dashboard answered ${sample.market.months.length} months, ${sample.queueWaiting} waiting, ${sample.decisions.toLocaleString('en')} decisions in the period.

${markdownTable(rows, columns)}

- Aim: p95 under 200 ms for each: **${worst < 200 ? 'met' : 'missed'}** (worst p95 ${ms(worst)} ms).
`);
    }
  } finally {
    await api?.stop?.();
    await db.end().catch(() => {});
    await meili.stop?.();
    rmSync(meiliDir, { recursive: true, force: true });
    if (!args.includes('--keep')) await dropDatabase(pgServer.adminUrl, dbName).catch(() => {});
  }
}
