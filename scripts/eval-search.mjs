#!/usr/bin/env node
/**
 * Search relevance, measured through the API.
 *
 *   npm run eval:search [-- <dir>] [--offers <dir-or-file>] [--half A|B] [--verbose] [--write] [--label "text"] [--keep] [--serve]
 *
 * <dir> (default: eval/search, the project's development set) holds
 *   search-queries.jsonl  {"id", "query", "language": "vi"|"en"}          one query per line
 *   search-qrels.jsonl    {"queryId", "offerId", "grade": 1|2}            graded judgements
 *   offers.jsonl          the listings judged (the matching corpus's format, see its README);
 *                         when <dir> has none, --offers or ../shared/data/matching/offers.jsonl.
 * A query with no judgement is an "absent technology": nothing in the corpus answers it.
 * (Also accepted, for a held-out set written like the matching corpus: queries.jsonl / qrels.jsonl,
 * and `demandId` in place of `queryId`.)
 *
 * What it does: builds the API (dist/), makes a throwaway database, migrates it, seeds the demo
 * exchange (its listings are there as distractors, as on the real site), inserts every corpus
 * offer as a published listing of an organisation named as in the offer, reindexes with the
 * operator command, starts the production API on a private Meilisearch and sends each query as
 * the storefront does: `search(input: { query, pageSize: 20 })` with the query's language as
 * Accept-Language. The ranking judged is what the results page shows, in order: the hits
 * (close matches), then the `related` results when the schema has them (shown apart, after).
 *
 * Figures, over the queries with judgements:
 *   P@10      precision over the top min(10, R) results, R = the query's relevant listings (grade >= 1)
 *   nDCG@10   gain 2^grade - 1, discount log2(rank + 1), ideal = the judged listings by grade
 *   recall@20 share of the relevant listings in the top 20
 * and over the absent technologies: `totalHits` (what the page says it found), and how many corpus
 * listings appear in the top 20 (all unrelated, by definition); median and mean.
 * --write appends them, dated, to docs/benchmarks.md ("Search relevance"), with --label naming the run.
 *
 * --serve: after setting up, print the API's and Meilisearch's addresses and keep them up (until Ctrl-C)
 * instead of measuring, to try queries by hand against the same exchange the figures come from.
 *
 * Halves, so that a change tuned on some queries is checked on others: half A is the 1st, 3rd, 5th …
 * query of the file, half B the 2nd, 4th … (judged and absent alike). Every run prints both halves'
 * figures after the whole set's; --half A or --half B measures (and writes) that half alone. Tune on
 * A, report B.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ROOT } from './ensure-install.mjs';
import { apiCli, buildApi } from './lib/build.mjs';
import { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, startMeilisearch } from './lib/services.mjs';
import { post, runAsync, startBenchApi } from './lib/bench-search.mjs';
import { appendBenchmarks, machine, machineLine } from './lib/bench-common.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const valued = new Set(['--offers', '--label', '--half']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
const setDir = resolve(ROOT, positional[0] ?? 'eval/search');
const verbose = flag('--verbose');
const half = option('--half')?.toUpperCase();
if (half !== undefined && half !== 'A' && half !== 'B') throw new Error('--half takes A or B');
/** Half A: the 1st, 3rd, 5th … query of the file (index 0, 2 …); half B: the 2nd, 4th … */
const halfOf = (index) => (index % 2 === 0 ? 'A' : 'B');
const log = (msg) => console.log(`[eval:search] ${msg}`);

function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function firstExisting(...files) {
  return files.find((f) => f && existsSync(f));
}

function offersFile() {
  const given = option('--offers');
  const candidates = [join(setDir, 'offers.jsonl')];
  if (given) candidates.unshift(given.endsWith('.jsonl') ? resolve(given) : join(resolve(given), 'offers.jsonl'));
  // The shared corpus sits beside the checkout (../shared); a git worktree sits one level deeper.
  candidates.push(resolve(ROOT, '../shared/data/matching/offers.jsonl'), resolve(ROOT, '../../shared/data/matching/offers.jsonl'));
  const file = firstExisting(...candidates);
  if (!file) throw new Error(`no offers.jsonl in ${setDir}, and none given with --offers`);
  return file;
}

// ---- metrics --------------------------------------------------------------------------------
export function precisionAtR(ranked, grades) {
  const R = [...grades.values()].filter((g) => g >= 1).length;
  const k = Math.min(10, R);
  if (!k) return 0;
  return ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) >= 1).length / k;
}

export function ndcgAt(ranked, grades, k = 10) {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => (dcg += (2 ** (grades.get(id) ?? 0) - 1) / Math.log2(i + 2)));
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return idcg ? dcg / idcg : 0;
}

/** The three figures of one ranking. */
export function scoresOf(ranked, grades) {
  return { p10: precisionAtR(ranked, grades), ndcg: ndcgAt(ranked, grades), recall: recallAt(ranked, grades) };
}

export function recallAt(ranked, grades, k = 20) {
  const relevant = [...grades].filter(([, g]) => g >= 1).map(([id]) => id);
  if (!relevant.length) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const median = (xs) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- data -----------------------------------------------------------------------------------
const SLUG_PREFIX = 'eval-';

/** The corpus offers as published listings, each with an organisation named as in the offer. */
async function insertOffers(databaseUrl, offers) {
  const pg = createRequire(join(ROOT, 'package.json'))('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userId = randomUUID();
    await client.query(`INSERT INTO app_user (id, email, password_hash, display_name) VALUES ($1, $2, 'eval', 'Evaluation')`, [userId, `eval-${userId}@eval.invalid`]);
    const orgs = new Map();
    for (const o of offers) {
      const name = o.organization?.name ?? 'Tổ chức';
      if (!orgs.has(name)) orgs.set(name, { id: randomUUID(), slug: `eval-org-${orgs.size + 1}`, name, kind: o.organization?.kind ?? 'OTHER', province_code: o.provinceCode });
    }
    await client.query(
      `INSERT INTO organization (id, slug, name, kind, province_code, description, verified, created_by)
       SELECT id, slug, name, kind, province_code, '', true, $2 FROM json_to_recordset($1::json)
         AS x(id uuid, slug text, name text, kind text, province_code text)`,
      [JSON.stringify([...orgs.values()]), userId],
    );
    const rows = offers.map((o, i) => ({
      id: randomUUID(),
      kind: o.kind ?? 'OFFER',
      slug: SLUG_PREFIX + o.id.toLowerCase(),
      organization_id: orgs.get(o.organization?.name ?? 'Tổ chức').id,
      title: o.title,
      summary: o.summary ?? '',
      description: o.description ?? '',
      field_codes: o.fieldCodes ?? [],
      keywords: o.keywords ?? [],
      trl: o.trl ?? null,
      transfer_modes: o.transferModes ?? [],
      ip_status: o.ipStatus ?? null,
      price_min: o.priceMin ?? null,
      price_max: o.priceMax ?? null,
      negotiable: o.negotiable ?? false,
      province_code: o.provinceCode,
      language: o.language ?? 'vi',
      hours_ago: i,
    }));
    await client.query(
      `INSERT INTO listing (id, kind, slug, status, organization_id, created_by, title, summary, description, field_codes, keywords, trl,
                            transfer_modes, ip_status, price_min, price_max, negotiable, province_code, language, submitted_at, published_at, expires_at)
       SELECT id, kind, slug, 'PUBLISHED', organization_id, $2, title, summary, description, field_codes, keywords, trl, transfer_modes,
              ip_status, price_min, price_max, negotiable, province_code, language,
              now() - make_interval(hours => hours_ago + 1), now() - make_interval(hours => hours_ago), now() + interval '300 days'
       FROM json_to_recordset($1::json) AS x(id uuid, kind text, slug text, organization_id uuid, title text, summary text, description text,
            field_codes text[], keywords text[], trl int, transfer_modes text[], ip_status text, price_min bigint, price_max bigint,
            negotiable boolean, province_code text, language text, hours_ago int)`,
      [JSON.stringify(rows), userId],
    );
    const { rows: counted } = await client.query(`SELECT count(*)::int AS n FROM listing WHERE status = 'PUBLISHED'`);
    return { organizations: orgs.size, published: counted[0].n };
  } finally {
    await client.end();
  }
}

// ---- main -----------------------------------------------------------------------------------
async function main() {
  const queriesFile = firstExisting(join(setDir, 'search-queries.jsonl'), join(setDir, 'queries.jsonl'));
  const qrelsFile = firstExisting(join(setDir, 'search-qrels.jsonl'), join(setDir, 'qrels.jsonl'));
  if (!queriesFile) throw new Error(`no search-queries.jsonl in ${setDir}`);
  const queries = readJsonl(queriesFile)
    .map((q, i) => ({ id: q.id, query: q.query ?? q.title, language: q.language === 'en' ? 'en' : 'vi', half: halfOf(i) }))
    .filter((q) => half === undefined || q.half === half);
  const gradesOf = new Map(queries.map((q) => [q.id, new Map()]));
  for (const r of qrelsFile ? readJsonl(qrelsFile) : []) gradesOf.get(r.queryId ?? r.demandId)?.set(r.offerId.toLowerCase(), r.grade);
  const offers = readJsonl(offersFile());
  const corpusIds = new Set(offers.map((o) => o.id.toLowerCase()));

  const m = machine();
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const logFile = join(DATA_DIR, `eval-search-${stamp}.log`);
  const meiliDir = join(DATA_DIR, `eval-search-meili-${stamp}`);
  const dbName = `techport_evalsearch_${stamp}`;
  log('building the API (dist/)…');
  buildApi();
  const pg = await ensurePostgres('test');
  const databaseUrl = await createDatabase(pg.adminUrl, dbName);
  const meili = await startMeilisearch({ dir: meiliDir });
  let api;
  try {
    const env = { DATABASE_URL: databaseUrl, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MEILI_INDEX_PREFIX: 'evalsearch' };
    apiCli(['migrate'], env);
    log('seeding the demo exchange (its listings stay in as distractors)…');
    await runAsync(['dist/apps/api/src/cli.js', 'seed'], env, logFile);
    const loaded = await insertOffers(databaseUrl, offers);
    log(`${offers.length} corpus offers inserted; ${loaded.published} published listings in all`);
    await runAsync(['dist/apps/api/src/cli.js', 'reindex'], env, logFile);
    api = await startBenchApi({ env, logFile });
    if (flag('--serve')) {
      log(`serving: API ${api.url}/graphql, Meilisearch ${meili.url} (key ${meili.key}, indexes evalsearch_*); Ctrl-C stops`);
      await new Promise((done) => process.once('SIGINT', done));
      return;
    }

    const gql = async (query, variables, lang) => {
      const res = await post(`${api.url}/graphql`, { query, variables }, { 'accept-language': lang });
      // Once (2026-12-05, the first query of a run) an answer came with neither data nor errors: say what it was.
      if (res.status !== 200 || res.body.errors || !res.body.data) throw new Error(`API ${api.url} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
      return res.body.data;
    };
    // (Introspection is off in production: the committed schema tells which fields this code has.)
    const searchResultType = /type SearchResult \{([^}]*)\}/.exec(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'))?.[1] ?? '';
    const searchHitType = /type SearchHit \{([^}]*)\}/.exec(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'))?.[1] ?? '';
    // Three shapes the schema has had: one list of hits; close matches in hits and related results in
    // `related`; one ranked list in hits, each hit marked close or not (today).
    const hasRelated = /^\s*related\b/m.test(searchResultType);
    const marksClose = /^\s*close\b/m.test(searchHitType);
    const SEARCH = `query Search($input: SearchInput!) { search(input: $input) {
      totalHits hits { ${marksClose ? 'close ' : ''}listing { slug kind } } ${hasRelated ? 'related { listing { slug kind } }' : ''} } }`;
    log(`schema: ${marksClose ? 'one ranked list, close matches marked' : hasRelated ? 'close matches (hits) then related results' : 'one list of hits'}`);

    const rows = [];
    for (const q of queries) {
      const r = (await gql(SEARCH, { input: { query: q.query, pageSize: 20 } }, q.language)).search;
      // Demo listings as demo:<slug> (an offer) or demand:<slug> (a demand), the corpus's by their ids.
      const ids = (list) => (list ?? []).map(({ listing: l }) => (l.slug.startsWith(SLUG_PREFIX) ? l.slug.slice(SLUG_PREFIX.length) : `${l.kind === 'DEMAND' ? 'demand' : 'demo'}:${l.slug}`));
      const close = ids(marksClose ? r.hits.filter((h) => h.close) : r.hits);
      const related = ids(marksClose ? r.hits.filter((h) => !h.close) : r.related);
      const ranked = [...close, ...related.filter((id) => !close.includes(id))].slice(0, 20);
      const grades = gradesOf.get(q.id);
      const absent = grades.size === 0;
      rows.push({
        ...q,
        absent,
        totalHits: r.totalHits,
        related: related.length,
        p10: absent ? null : precisionAtR(ranked, grades),
        ndcg: absent ? null : ndcgAt(ranked, grades),
        recall: absent ? null : recallAt(ranked, grades),
        // The same page with the demo exchange's listings set aside: how the engine orders the judged corpus
        // alone. A demo listing that answers the query counts as unrelated above (it is not judged), so the
        // gap between the two says how much of a query's loss is the demo exchange answering it too.
        corpusOnly: absent ? null : scoresOf(ranked.filter((id) => corpusIds.has(id)), grades),
        // What a client that reads only the close matches would score.
        hitsAlone: absent ? null : scoresOf(close, grades),
        corpusInTop20: ranked.filter((id) => corpusIds.has(id)).length,
        top: ranked.slice(0, 10).map((id) => (grades.has(id) ? `${id}(${grades.get(id)})` : id)),
        missing: [...grades].filter(([id, g]) => g >= 1 && !ranked.slice(0, 10).includes(id)).map(([id, g]) => `${id}(${g})@${ranked.indexOf(id) + 1 || '-'}`),
        closeCount: close.length,
      });
    }

    const judged = rows.filter((r) => !r.absent);
    const absent = rows.filter((r) => r.absent);
    if (verbose) {
      for (const r of rows) {
        const head = r.absent
          ? `${r.id} ABSENT total ${r.totalHits}, related ${r.related}, corpus in top 20: ${r.corpusInTop20}`
          : `${r.id} P ${r.p10.toFixed(2)} nDCG ${r.ndcg.toFixed(3)} R@20 ${r.recall.toFixed(2)} (demo aside: P ${r.corpusOnly.p10.toFixed(2)} nDCG ${r.corpusOnly.ndcg.toFixed(3)}) total ${r.totalHits} related ${r.related}`;
        console.log(`${head}  «${r.query}»\n      top: ${r.top.join(' ')}${r.missing.length ? '   missing from top 10: ' + r.missing.join(' ') : ''}`);
      }
    }
    const f = (x) => x.toFixed(3);
    const summary = {
      p10: mean(judged.map((r) => r.p10)),
      ndcg: mean(judged.map((r) => r.ndcg)),
      recall: mean(judged.map((r) => r.recall)),
      judgedTotal: median(judged.map((r) => r.totalHits)),
      absentTotalMedian: median(absent.map((r) => r.totalHits)),
      absentTotalMean: mean(absent.map((r) => r.totalHits)),
      absentCorpusMedian: median(absent.map((r) => r.corpusInTop20)),
      absentCorpusMean: mean(absent.map((r) => r.corpusInTop20)),
      absentCorpusMax: Math.max(0, ...absent.map((r) => r.corpusInTop20)),
      absentAtMost2: absent.filter((r) => r.corpusInTop20 <= 2).length,
      absentNoClose: absent.filter((r) => r.totalHits === 0).length,
    };
    // Mean figures of some judged queries; `of` picks which figures of a query (r.corpusOnly: the demo set aside).
    const figures = (rs, of = (r) => r) => ({
      n: rs.length,
      p10: mean(rs.map((r) => of(r).p10)),
      ndcg: mean(rs.map((r) => of(r).ndcg)),
      recall: mean(rs.map((r) => of(r).recall)),
    });
    const folded = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') === s;
    const byLanguage = {
      accented: figures(judged.filter((r) => r.language === 'vi' && !folded(r.query))),
      plain: figures(judged.filter((r) => r.language === 'vi' && folded(r.query))),
      english: figures(judged.filter((r) => r.language === 'en')),
    };
    const demoAside = figures(judged, (r) => r.corpusOnly);
    const hitsAlone = figures(judged, (r) => r.hitsAlone);
    const byHalf = (h) => figures(judged.filter((r) => r.half === h));
    const line = (x) => `n=${x.n} P@10 ${f(x.p10)} nDCG@10 ${f(x.ndcg)} recall@20 ${f(x.recall)}`;
    const row = (label, x) => `| ${label} | ${x.n} | ${f(x.p10)} | ${f(x.ndcg)} | ${f(x.recall)} |\n`;
    console.log(`\nset: ${setDir} (${judged.length} judged queries, ${absent.length} absent technologies); ${offers.length} corpus offers + demo listings (${loaded.published} published)`);
    console.log(`judged queries: P@10 ${f(summary.p10)}  nDCG@10 ${f(summary.ndcg)}  recall@20 ${f(summary.recall)}  (median totalHits ${summary.judgedTotal})`);
    console.log(`  Vietnamese with diacritics:    ${line(byLanguage.accented)}`);
    console.log(`  Vietnamese without diacritics: ${line(byLanguage.plain)}`);
    console.log(`  English:                       ${line(byLanguage.english)}`);
    console.log(
      `  demo listings set aside:       P@10 ${f(demoAside.p10)} nDCG@10 ${f(demoAside.ndcg)} ` +
        `recall@20 ${f(demoAside.recall)} (the corpus's own order; a relevant demo listing above counts as unrelated)`,
    );
    console.log(`  close matches alone:           ${line(hitsAlone)} (the page without its related results)`);
    if (half === undefined) {
      for (const h of ['A', 'B']) {
        const away = absent.filter((r) => r.half === h);
        console.log(
          `  half ${h} (${h === 'A' ? 'tune' : 'check'}):                ${line(byHalf(h))}; ` +
            `absent: ${away.filter((r) => r.corpusInTop20 <= 2).length}/${away.length} with at most 2, mean ${mean(away.map((r) => r.corpusInTop20)).toFixed(1)}`,
        );
      }
    }
    console.log(
      `absent technologies: totalHits median ${summary.absentTotalMedian} (mean ${summary.absentTotalMean.toFixed(1)}); ` +
        `corpus listings in the top 20: median ${summary.absentCorpusMedian}, mean ${summary.absentCorpusMean.toFixed(1)}, max ${summary.absentCorpusMax}; ` +
        `${summary.absentAtMost2}/${absent.length} with at most 2; ${summary.absentNoClose}/${absent.length} answered "no close match" (totalHits 0)`,
    );

    if (flag('--write')) {
      const label = option('--label') ?? 'current code';
      appendBenchmarks(`## Search relevance — ${m.date} — ${label}

Machine: ${machineLine(m)}. Written by \`npm run eval:search -- ${positional[0] ?? 'eval/search'} --write\` (scripts/eval-search.mjs): the
production API on a fresh database with the demo exchange seeded and the ${offers.length} corpus offers published, each query sent as the
storefront's \`search\` (20 per page, Accept-Language = the query's language); the ranking judged is the page's close matches, then its
related results. Set: ${judged.length} judged queries, ${absent.length} absent technologies${half ? ` (half ${half} only)` : ''}.

| queries | n | P@10 (top min(10,R)) | nDCG@10 | recall@20 |
| :-- | --: | --: | --: | --: |
| all judged | ${judged.length} | **${f(summary.p10)}** | **${f(summary.ndcg)}** | **${f(summary.recall)}** |
${row('Vietnamese, with diacritics', byLanguage.accented)}${row('Vietnamese, without diacritics', byLanguage.plain)}${row('English', byLanguage.english)}${row("demo listings set aside (the corpus's own order)", demoAside)}${half === undefined ? ['A', 'B'].map((h) => row(`half ${h} (${h === 'A' ? 'tune' : 'check'})`, byHalf(h))).join('') : ''}
Absent technologies (${absent.length} queries): the page's total (\`totalHits\`) median **${summary.absentTotalMedian}** (mean ${summary.absentTotalMean.toFixed(1)});
corpus listings (all unrelated) in the top 20: median **${summary.absentCorpusMedian}**, mean ${summary.absentCorpusMean.toFixed(1)}, max ${summary.absentCorpusMax};
${summary.absentAtMost2}/${absent.length} queries with at most 2; ${summary.absentNoClose}/${absent.length} answered "no close match".
`);
      log('figures appended to docs/benchmarks.md');
    }
  } finally {
    await api?.stop();
    await meili.stop();
    if (!flag('--keep')) {
      rmSync(meiliDir, { recursive: true, force: true });
      await dropDatabase(pg.adminUrl, dbName).catch(() => {});
    } else log(`kept: database ${dbName}, Meilisearch data in ${meiliDir}`);
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
