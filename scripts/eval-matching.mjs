#!/usr/bin/env node
/**
 * Matching quality on the labelled corpus.
 *
 *   npm run eval:matching [-- corpus-dir] [--offers <dir-or-file>] [--verbose] [--keep] [--scale N] [--gzip] [--write]
 *   node scripts/eval-matching.mjs [corpus-dir] [options]
 *
 * corpus-dir defaults to ../shared/data/matching (relative to the repository root, or one level
 * further up from a git worktree; see its README for the format: offers.jsonl, dev-demands.jsonl,
 * dev-qrels.jsonl). Another demand set (eval/matching-check, or a held-out one) is a folder with
 * its demands and judgements in the same format, as dev-demands.jsonl / dev-qrels.jsonl,
 * demands.jsonl / qrels.jsonl or one <name>-demands.jsonl / <name>-qrels.jsonl pair; its offers
 * come from its own offers.jsonl, else from --offers, else from the shared corpus. A demand may
 * carry `style` (a list of tags, e.g. ["english", "problem"]): the figures are then also printed
 * per tag. Meilisearch:
 * MEILI_URL / MEILI_MASTER_KEY if set; otherwise a throwaway one is started from the bundled
 * binary (scripts/lib/services.mjs: free port, data in a temporary folder) and removed at the end.
 *
 * It creates a fresh index with LISTING_INDEX_SETTINGS, indexes the corpus offers as
 * ListingDocuments, and for each dev demand compares
 *   (a) baseline: the demand's title as a plain Meilisearch query, offers in Meilisearch order;
 *   (b) ours: findMatches (one multi-search request + scoring), as the API runs it.
 * Prints nDCG@10 and recall@20 (mean over demands) for both, for all demands and for the two
 * halves used to guard against over-fitting (A = 1st, 3rd, 5th … demand; B = 2nd, 4th …), the
 * p50/p95 latency of findMatches, and what each alert threshold would send (ALERTS.minScore in
 * matching.weights.ts was chosen from that table). --verbose adds per-demand lines. --scale N
 * also measures latency on a second index padded with N synthetic listings (recombined corpus
 * text; for latency only). Requests are sent with `Accept-Encoding: identity` (see connectMeili);
 * --gzip lets Meilisearch compress responses as it does by default. --write appends the figures,
 * dated, to docs/benchmarks.md (section "Matching quality"). Exits non-zero only on errors.
 * --compile-only compiles and loads the modules and stops (the test suite checks that they import
 * nothing compileTs leaves out). --audit-lexicon checks the concept lexicon and synonyms (modules/text) instead: it lists
 * every phrase that occurs in an eval demand but in no offer of the corpus (such a phrase can only
 * have come from the demands, the set the figures are measured on) and exits 1 if there is one.
 *
 * The TypeScript modules are compiled on the fly with @swc/core into dist/eval-matching (this worktree's
 * own, git-ignored: node_modules may be a link shared with other checkouts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import swc from '@swc/core';
import { Meilisearch } from 'meilisearch';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---- arguments ------------------------------------------------------------------------------
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
};
const valued = new Set(['--scale', '--offers']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
// The shared corpus sits beside the checkout (../shared); a git worktree sits one level deeper.
const sharedCorpus = [resolve(ROOT, '../shared/data/matching'), resolve(ROOT, '../../shared/data/matching')];
const corpusDir = positional[0] ? resolve(ROOT, positional[0]) : (sharedCorpus.find((d) => existsSync(d)) ?? sharedCorpus[0]);
const verbose = flag('--verbose');
const keep = flag('--keep');
const scale = Number(option('--scale') ?? 0);
const useGzip = flag('--gzip');
const write = flag('--write');

// ---- compile the TypeScript modules ---------------------------------------------------------
function compileTs() {
  const outRoot = join(ROOT, 'dist', 'eval-matching');
  const sources = (dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => `${dir}/${f}`);
  const files = [
    ...sources('libs/shared/src'),
    ...sources('apps/api/src/modules/text'),
    'apps/api/src/modules/search/accent-forms.ts',
    'apps/api/src/modules/search/listing-document.ts',
    'apps/api/src/modules/search/document-fingerprint.ts',
    'apps/api/src/modules/search/listing-index-settings.ts',
    // the matching engine and the files it imports (the rest of the module is Nest services)
    ...['matching.weights', 'matching.engine', 'retrieval', 'ranking', 'constraints', 'explanations', 'listing-features'].map(
      (f) => `apps/api/src/modules/matching/${f}.ts`,
    ),
  ];
  for (const rel of files) {
    const out = join(outRoot, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    let { code } = swc.transformFileSync(join(ROOT, rel), {
      swcrc: false,
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'es6' },
      sourceMaps: false,
    });
    const shared = relative(dirname(out), join(outRoot, 'libs/shared/src/index.js')).replace(/\\/g, '/');
    code = code.replace(/(["'])@techport\/shared\1/g, JSON.stringify(shared.startsWith('.') ? shared : './' + shared));
    writeFileSync(out, code);
  }
  return outRoot;
}

// ---- Meilisearch ----------------------------------------------------------------------------
async function healthy(url) {
  try {
    const r = await fetch(url + '/health');
    return r.ok;
  } catch {
    return false;
  }
}

async function connectMeili() {
  let url = process.env.MEILI_URL;
  let apiKey = process.env.MEILI_MASTER_KEY ?? '';
  let stopServer = async () => {};
  if (url) {
    if (!(await healthy(url))) throw new Error(`Meilisearch does not answer at ${url} (MEILI_URL)`);
  } else {
    const { startMeilisearch } = await import('./lib/services.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'techport-eval-meili-'));
    const m = await startMeilisearch({ dir });
    url = m.url;
    apiKey = m.key;
    stopServer = async () => {
      await m.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  // Meilisearch gzips a response when the client accepts it, and undici's fetch does: on a
  // multi-search answer of a few hundred kB that costs more than the search itself (measured
  // here: findMatches p50 73 ms with gzip, 30 ms without). The API's client should send the
  // same header. --gzip keeps the default, for comparison.
  const requestInit = useGzip ? {} : { requestInit: { headers: { 'Accept-Encoding': 'identity' } } };
  const client = new Meilisearch({ host: url, apiKey, ...requestInit });
  return { client, stop: stopServer };
}

// ---- corpus ---------------------------------------------------------------------------------
const readJsonl = (file) =>
  readFileSync(resolve(corpusDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/** The set's `<kind>.jsonl` file (kind: demands or qrels): dev-<kind>, <kind>, or the one <name>-<kind>. */
function setFile(kind) {
  for (const name of [`dev-${kind}.jsonl`, `${kind}.jsonl`]) if (existsSync(join(corpusDir, name))) return name;
  const named = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith(`-${kind}.jsonl`)) : [];
  return named.length === 1 ? named[0] : undefined;
}

/** offers.jsonl of the set, else --offers (a folder or the file), else the shared corpus's. */
function offersFile() {
  const given = option('--offers');
  const candidates = [
    join(corpusDir, 'offers.jsonl'),
    given && (given.endsWith('.jsonl') ? resolve(given) : join(resolve(given), 'offers.jsonl')),
    ...sharedCorpus.map((d) => join(d, 'offers.jsonl')),
  ];
  return candidates.find((f) => f && existsSync(f));
}

function toSource(rec, i) {
  return {
    id: rec.id,
    kind: rec.kind,
    slug: rec.id,
    title: rec.title,
    summary: rec.summary ?? '',
    description: rec.description ?? '',
    keywords: rec.keywords ?? [],
    fieldCodes: rec.fieldCodes ?? [],
    organization: {
      id: `org-${rec.id}`,
      name: rec.organization?.name ?? '',
      kind: rec.organization?.kind ?? 'OTHER',
      verified: true,
    },
    provinceCode: rec.provinceCode,
    transferModes: rec.transferModes ?? [],
    ipStatus: rec.ipStatus ?? null,
    trl: rec.trl ?? null,
    priceMin: rec.priceMin ?? null,
    priceMax: rec.priceMax ?? null,
    negotiable: rec.negotiable ?? false,
    language: rec.language ?? 'vi',
    publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 3600_000),
  };
}

// ---- metrics --------------------------------------------------------------------------------
function ndcgAt(ranked, grades, k = 10) {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    const g = grades.get(id) ?? 0;
    dcg += (2 ** g - 1) / Math.log2(i + 2);
  });
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return idcg ? dcg / idcg : 0;
}

function recallAt(ranked, grades, k = 20) {
  const relevant = [...grades].filter(([, g]) => g >= 1).map(([id]) => id);
  if (!relevant.length) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function succeeded(enqueued) {
  const task = await enqueued.waitTask({ timeout: 600_000, interval: 50 });
  if (task.status !== 'succeeded') throw new Error(`task ${task.uid} ${task.status}: ${JSON.stringify(task.error)}`);
  return task;
}

async function createIndex(client, uid, settings, docs) {
  await client.deleteIndex(uid).waitTask().catch(() => undefined);
  await succeeded(client.createIndex(uid, { primaryKey: 'id' }));
  const index = client.index(uid);
  await succeeded(index.updateSettings(settings));
  for (let i = 0; i < docs.length; i += 10_000) await succeeded(index.addDocuments(docs.slice(i, i + 10_000)));
  return index;
}

// ---- lexicon audit ------------------------------------------------------------------------
/** Phrases of the lexicon (and synonym groups) used by the demands but by no offer: see --audit-lexicon. */
function auditLexicon({ CONCEPTS, SYNONYM_GROUPS, normalizeText, foldText }, offers, demands) {
  const padded = (r) => ' ' + foldText(normalizeText([r.title, r.summary, r.description, (r.keywords ?? []).join(' ; ')].join(' . '))) + ' ';
  const offerTexts = offers.map(padded);
  const demandTexts = demands.map((d) => ({ id: d.id, text: padded(d) }));
  const occurs = (text, phrase, prefix) => text.includes(' ' + phrase + (prefix ? '' : ' '));
  const suspects = [];
  const translations = [];
  const check = (where, raw, out = suspects) => {
    let t = raw.replace(/^[=^]+/, '');
    const prefix = t.endsWith('*');
    if (prefix) t = t.slice(0, -1);
    const folded = foldText(normalizeText(t));
    if (!folded) return;
    const inDemands = demandTexts.filter((d) => occurs(d.text, folded, prefix)).map((d) => d.id);
    if (inDemands.length && !offerTexts.some((o) => occurs(o, folded, prefix))) out.push(`${where}: ${JSON.stringify(raw)} (${inDemands.join(', ')})`);
  };
  let phrases = 0;
  for (const c of CONCEPTS) for (const raw of c.terms.split('|')) (phrases++, check(`concept ${c.id}`, raw));
  // A synonym group is a set of translations or spellings of one term; a member that only the
  // demands use is listed for review (is it a plain translation?) but does not fail the audit.
  for (const g of SYNONYM_GROUPS) for (const raw of g) (phrases++, check(`synonyms [${g[0]}]`, raw, translations));
  console.log(`lexicon audit: ${phrases} phrases; ${suspects.length} concept phrases occur in the demands of ${corpusDir} but in no offer`);
  for (const s of suspects) console.log('  ' + s);
  if (translations.length) console.log(`synonyms used by the demands only (translations of a term the offers use; review): ${translations.join('; ')}`);
  process.exitCode = suspects.length ? 1 : 0;
}

// ---- main -----------------------------------------------------------------------------------
async function main() {
  if (flag('--compile-only')) {
    // The test suite's check that the modules compiled here import nothing left out of compileTs.
    const outRoot = compileTs();
    for (const p of ['search/listing-document.js', 'search/listing-index-settings.js', 'text/index.js', 'matching/matching.engine.js']) {
      await import(pathToFileURL(join(outRoot, 'apps/api/src/modules', p)).href);
    }
    console.log(`compiled and loaded the matching engine and the document builder (${outRoot})`);
    return;
  }
  const files = { offers: offersFile(), demands: setFile('demands'), qrels: setFile('qrels') };
  for (const [what, file] of Object.entries(files)) {
    if (!file) {
      console.error(`no matching corpus at ${corpusDir} (no ${what} file): pass its folder, e.g. \`npm run eval:matching -- path/to/matching\`, and --offers if it has no offers.jsonl`);
      process.exit(2);
    }
  }
  if (write && files.demands !== 'dev-demands.jsonl') {
    // docs/benchmarks.md tracks the development corpus; a check set's figures are reported, not logged there
    console.error(`--write records the development demands only (this set's demands are ${files.demands})`);
    process.exit(2);
  }
  const outRoot = compileTs();
  const mod = (p) => import(pathToFileURL(join(outRoot, p)).href);
  const { toListingDocument } = await mod('apps/api/src/modules/search/listing-document.js');
  const { LISTING_INDEX_SETTINGS } = await mod('apps/api/src/modules/search/listing-index-settings.js');
  const { matchVector } = await mod('apps/api/src/modules/text/index.js');
  const { findMatches } = await mod('apps/api/src/modules/matching/matching.engine.js');

  const offers = readJsonl(files.offers);
  const demands = readJsonl(files.demands);
  if (flag('--audit-lexicon')) return auditLexicon(await mod('apps/api/src/modules/text/index.js'), offers, demands);
  const qrels = readJsonl(files.qrels);
  const gradesOf = new Map();
  for (const q of qrels) {
    if (!gradesOf.has(q.demandId)) gradesOf.set(q.demandId, new Map());
    gradesOf.get(q.demandId).set(q.offerId, q.grade);
  }

  const { client, stop } = await connectMeili();
  const uid = 'matching_eval';
  try {
    const offerDocs = offers.map((o, i) => toListingDocument(toSource(o, i)));
    const index = await createIndex(client, uid, LISTING_INDEX_SETTINGS, offerDocs);

    const demandDocs = demands.map((d, i) => toListingDocument(toSource(d, i)));
    // warm-up (first requests pay for connection set-up and cold caches)
    for (const d of demandDocs.slice(0, 3)) await findMatches(client, uid, d, 20, 'vi');

    const rows = [];
    // every (demand, returned offer) pair with its score and grade, for the alert threshold table
    const scoredPairs = [];
    const relevantPairs = { A: 0, B: 0 };
    for (let i = 0; i < demands.length; i++) {
      const d = demands[i];
      const grades = gradesOf.get(d.id) ?? new Map();
      const base = await index.search(d.title, { filter: 'kind = "OFFER"', limit: 20, attributesToRetrieve: ['id'] });
      const baseIds = base.hits.map((h) => h.id);
      const t0 = performance.now();
      const ours = await findMatches(client, uid, demandDocs[i], 20, d.language === 'en' ? 'en' : 'vi');
      const ms = performance.now() - t0;
      const ourIds = ours.map((m) => m.id);
      scoredPairs.push(...ours.map((m) => ({ score: m.score, grade: grades.get(m.id) ?? 0, half: i % 2 === 0 ? 'A' : 'B' })));
      relevantPairs[i % 2 === 0 ? 'A' : 'B'] += [...grades.values()].filter((g) => g >= 1).length;
      rows.push({
        id: d.id,
        half: i % 2 === 0 ? 'A' : 'B',
        base: { ndcg: ndcgAt(baseIds, grades), recall: recallAt(baseIds, grades) },
        ours: { ndcg: ndcgAt(ourIds, grades), recall: recallAt(ourIds, grades) },
        ms,
        title: d.title,
        styles: d.style ?? [],
        top: ours.slice(0, 5).map((m) => `${m.id}${grades.has(m.id) ? '(' + grades.get(m.id) + ')' : ''}:${m.score.toFixed(3)}`),
        missing: [...grades].filter(([id]) => !ourIds.slice(0, 10).includes(id)).map(([id, g]) => `${id}(${g})@${ourIds.indexOf(id) + 1 || '-'}`),
      });
    }

    if (verbose) {
      for (const r of rows)
        console.log(
          `${r.id} [${r.half}] base ${r.base.ndcg.toFixed(3)}/${r.base.recall.toFixed(2)}  ours ${r.ours.ndcg.toFixed(3)}/${r.ours.recall.toFixed(2)}  ${r.ms.toFixed(1)}ms  ${r.title.slice(0, 60)}\n` +
            `      top: ${r.top.join(' ')}${r.missing.length ? '   not in top10: ' + r.missing.join(' ') : ''}`,
        );
      console.log('');
    }
    const line = (label, sel) => {
      const rs = rows.filter(sel);
      return (
        `${label.padEnd(16)} n=${String(rs.length).padStart(2)}  ` +
        `baseline nDCG@10 ${mean(rs.map((r) => r.base.ndcg)).toFixed(3)}  recall@20 ${mean(rs.map((r) => r.base.recall)).toFixed(3)}   |   ` +
        `ours nDCG@10 ${mean(rs.map((r) => r.ours.ndcg)).toFixed(3)}  recall@20 ${mean(rs.map((r) => r.ours.recall)).toFixed(3)}`
      );
    };
    console.log(`corpus: ${corpusDir} (${offers.length} offers from ${files.offers}; ${demands.length} demands in ${files.demands}, ${qrels.length} judgements)`);
    console.log(line('all demands', () => true));
    console.log(line('half A (tune)', (r) => r.half === 'A'));
    console.log(line('half B (check)', (r) => r.half === 'B'));
    // per style tag (a demand counts under each of its tags), then by its first tag alone
    const tags = [...new Set(rows.flatMap((r) => r.styles))];
    for (const tag of tags) console.log(line(`style ${tag}`, (r) => r.styles.includes(tag)));
    for (const tag of tags) if (rows.some((r) => r.styles[0] === tag)) console.log(line(`first ${tag}`, (r) => r.styles[0] === tag));
    const times = rows.map((r) => r.ms);
    console.log(`findMatches latency over ${times.length} demands (${offers.length} offers indexed): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);

    const thresholds = alertThresholds(scoredPairs, relevantPairs, demands.length);
    console.log(thresholds);

    if (write) {
      const { appendBenchmarks, machine, machineLine } = await import('./lib/bench-common.mjs');
      const m = machine();
      const row = (label, sel) => {
        const rs = rows.filter(sel);
        const f = (xs) => mean(xs).toFixed(3);
        return `| ${label} | ${rs.length} | ${f(rs.map((r) => r.base.ndcg))} | ${f(rs.map((r) => r.base.recall))} | **${f(rs.map((r) => r.ours.ndcg))}** | **${f(rs.map((r) => r.ours.recall))}** |`;
      };
      appendBenchmarks(`## Matching quality — ${m.date}

Machine: ${machineLine(m)}. Written by \`npm run eval:matching -- --write\` (scripts/eval-matching.mjs) on the
labelled corpus (${offers.length} offers, ${demands.length} development demands, ${qrels.length} judgements; the held-out demands are not here).
Baseline: the demand's title as a plain Meilisearch query. Ours: \`findMatches\` (matching.engine.ts, weights in
matching.weights.ts), one multi-search + scoring, as the API runs it. Halves: A = 1st, 3rd, 5th … demand (tuning), B = 2nd, 4th … (check).

| demands | n | baseline nDCG@10 | baseline recall@20 | ours nDCG@10 | ours recall@20 |
| :-- | --: | --: | --: | --: | --: |
${row('all dev demands', () => true)}
${row('half A (tune)', (r) => r.half === 'A')}
${row('half B (check)', (r) => r.half === 'B')}

Aim: nDCG@10 ≥ 0.85 and recall@20 ≥ 0.90. findMatches latency on this small index: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms.

Alert threshold (\`ALERTS.minScore\`): what each threshold would send, among each demand's top 20 (half A / half B):

\`\`\`
${thresholds}
\`\`\`
`);
      console.log('figures appended to docs/benchmarks.md');
    }

    if (scale > 0) await scaleLatency(client, LISTING_INDEX_SETTINGS, offerDocs, demandDocs, findMatches, matchVector, scale);
    if (!keep) await client.deleteIndex(uid).waitTask().catch(() => undefined);
  } finally {
    await stop();
  }
}

/**
 * What an alert threshold would send: for each threshold, the (demand, offer) pairs among each
 * demand's top 20 whose score reaches it — how many, the share judged relevant (grade ≥ 1) and
 * fully fitting (grade 2), and the share of all relevant pairs they reach. Unjudged pairs count
 * as grade 0, as in the corpus README (so precision is a lower bound). ALERTS.minScore in
 * matching.weights.ts was chosen from this table.
 */
function alertThresholds(pairs, relevant, demandCount) {
  const lines = ["alert threshold: pairs among each demand's top 20 with score >= t (half A / half B)"];
  lines.push('   t     pairs/demand   precision(g>=1)  precision(g=2)  recall(g>=1)');
  const f = (x) => x.toFixed(2);
  for (let t = 0.3; t <= 0.801; t += 0.05) {
    const cells = ['A', 'B'].map((half) => {
      const sent = pairs.filter((p) => p.half === half && p.score >= t - 1e-9);
      const good = sent.filter((p) => p.grade >= 1).length;
      const best = sent.filter((p) => p.grade >= 2).length;
      return {
        perDemand: sent.length / (demandCount / 2),
        precision: sent.length ? good / sent.length : 0,
        precision2: sent.length ? best / sent.length : 0,
        recall: relevant[half] ? good / relevant[half] : 0,
      };
    });
    const pair = (k) => `${f(cells[0][k])}/${f(cells[1][k])}`;
    lines.push(`   ${t.toFixed(2)}  ${pair('perDemand').padStart(12)}  ${pair('precision').padStart(15)}  ${pair('precision2').padStart(14)}  ${pair('recall').padStart(12)}`);
  }
  return lines.join('\n');
}

/** Latency on an index padded to `n` listings by recombining corpus sentences (offers and demands). */
async function scaleLatency(client, settings, offerDocs, demandDocs, findMatches, matchVector, n) {
  const uid = 'matching_eval_scale';
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const all = [...offerDocs, ...demandDocs];
  const docs = [...offerDocs];
  for (let i = 0; docs.length < n; i++) {
    const a = pick(all), b = pick(all), c = pick(all);
    const concepts = [...new Set([...a.concepts.slice(0, 4), ...b.concepts.slice(0, 4)])];
    docs.push({
      ...a,
      id: `syn${i}`,
      kind: rnd() < 0.6 ? 'OFFER' : 'DEMAND',
      slug: `syn-${i}`,
      title: `${a.title.split(' ').slice(0, 6).join(' ')} ${b.title.split(' ').slice(6).join(' ')}`,
      summary: b.summary,
      description: `${c.description} ${a.summary}`,
      keywords: [...new Set([...a.keywords.slice(0, 2), ...b.keywords.slice(0, 2)])],
      concepts,
      _vectors: { matching: matchVector(concepts, a.primaryFieldCodes) },
      trl: a.trl ?? Math.ceil(rnd() * 9),
      priceMin: a.priceMin,
      organizationId: `org-syn-${i % 5000}`,
    });
  }
  const t0 = performance.now();
  await createIndex(client, uid, settings, docs);
  console.log(`scale index: ${docs.length} listings indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const d of demandDocs.slice(0, 3)) await findMatches(client, uid, d, 10, 'vi');
  const times = [];
  for (let round = 0; round < 3; round++)
    for (const d of demandDocs) {
      const s = performance.now();
      await findMatches(client, uid, d, 10, 'vi');
      times.push(performance.now() - s);
    }
  console.log(`findMatches latency at ${docs.length} listings over ${times.length} calls: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  if (!keep) await client.deleteIndex(uid).waitTask().catch(() => undefined);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
