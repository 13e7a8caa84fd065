// `npm run bench [-- <part>…]`: the exchange's benchmarks. Each part measures one thing on
// throwaway services, prints a table and appends its figures (with the date and the machine) to
// docs/benchmarks.md. With no part named, every part runs.
//
//   npm run bench -- search        100 000 listings: reindex time, search latency/throughput
//                                  through GraphQL vs straight to Meilisearch, SQL per search
//   npm run bench -- matching      100 000 listings: `matches` for 200 random listings through
//                                  GraphQL vs the multi-search it makes, SQL per call
//   npm run bench -- backup        100 000 listings: `npm run backup`, then `npm run restore` into an
//                                  empty database and a new Meilisearch (incl. the reindex), timed
//   npm run bench -- dashboard     100 000 listings, 20 000 deals: marketFigures and departmentDashboard
//                                  latency from the monthly rollup, and the rollup's refresh time
//   npm run bench -- media         photos: sharp alone vs upload → WebP sizes through the API and its
//                                  worker (latency, images/s); API memory while 20 uploads stream
//   npm run bench -- scheduler     Techmart meeting scheduler: 1 000 participants, 5 000 accepted requests,
//                                  2 days of 20-minute slots, 100 tables: share placed, upper bound, time
//
// A part is a module in scripts/lib/ exporting `run({ args })`; add yours to PARTS.
import { ensureInstall } from './ensure-install.mjs';

ensureInstall();

const PARTS = {
  search: './lib/bench-search.mjs',
  matching: './lib/bench-matching.mjs',
  backup: './lib/bench-backup.mjs',
  dashboard: './lib/bench-dashboard.mjs',
  media: './lib/bench-media.mjs',
  scheduler: './lib/bench-scheduler.mjs',
};

// Part names first, then options (passed to every part): `bench.mjs search --listings 20000`.
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const named = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const unknown = named.filter((n) => !PARTS[n]);
if (unknown.length) {
  console.error(`unknown benchmark part(s): ${unknown.join(', ')}; known: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of named.length ? named : Object.keys(PARTS)) {
  console.log(`\n=== bench: ${name} ===`);
  const started = Date.now();
  try {
    const part = await import(PARTS[name]);
    await part.run({ args: options });
    console.log(`=== bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  } catch (err) {
    failed = true;
    console.error(`=== bench: ${name} failed ===\n${err instanceof Error ? err.stack : err}`);
  }
}
process.exit(failed ? 1 : 0);
