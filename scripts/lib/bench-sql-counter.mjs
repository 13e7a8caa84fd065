// Preloaded into the API process by the search benchmark (`node --import …`). It counts every
// SQL statement the process sends, by wrapping the PostgreSQL driver's Client#query (TypeORM's
// pool creates its connections from the same `pg` module), and times them; it also times the
// process's HTTP requests to Meilisearch (node:http, the API's transport). The totals are served
// on http://127.0.0.1:$BENCH_SQL_COUNTER_PORT/ so the benchmark can read them between requests
// and split the API's latency into Meilisearch, SQL and the rest.
import { createRequire } from 'node:module';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const pg = createRequire(join(root, 'package.json'))('pg');
const meiliHost = process.env.MEILI_URL ? new URL(process.env.MEILI_URL).host : null;

const totals = { queries: 0, sqlMs: 0, meiliRequests: 0, meiliMs: 0 };
const last = [];

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  totals.queries++;
  const text = typeof config === 'string' ? config : config?.text;
  if (text) {
    last.push(text.replace(/\s+/g, ' ').slice(0, 160));
    if (last.length > 20) last.shift();
  }
  const started = performance.now();
  const done = () => (totals.sqlMs += performance.now() - started);
  const callback = typeof rest[rest.length - 1] === 'function' ? rest.length - 1 : -1;
  if (callback >= 0) {
    const cb = rest[callback];
    rest[callback] = (...a) => {
      done();
      return cb(...a);
    };
  }
  const result = query.call(this, config, ...rest);
  if (callback < 0 && result && typeof result.then === 'function') result.then(done, done);
  return result;
};

const request = http.request;
http.request = function timedRequest(url, ...rest) {
  const req = request.call(this, url, ...rest);
  const host = url instanceof URL ? url.host : typeof url === 'string' ? new URL(url).host : null;
  if (meiliHost && host === meiliHost) {
    const started = performance.now();
    totals.meiliRequests++;
    req.once('response', (res) => res.once('end', () => (totals.meiliMs += performance.now() - started)));
  }
  return req;
};

const port = Number(process.env.BENCH_SQL_COUNTER_PORT);
if (port) {
  http
    .createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...totals, last }));
    })
    .listen(port, '127.0.0.1')
    .unref();
}
