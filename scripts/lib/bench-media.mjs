// `npm run bench -- media`: pictures through the whole upload path, against sharp alone.
//   1. sharp in one process (the limit): each photo re-encoded as the upload does (rotate, JPEG) and
//      its three WebP sizes (320/640/1280) made, one after another: images per second;
//   2. the production API with its worker (WORKERS_ENABLED=true, local media store): each photo
//      uploaded through an upload URL, then the time until its WebP sizes are listed
//      (upload-to-thumbnail latency, one at a time); then all photos uploaded at once and the
//      worker's throughput (images per second until every size is made);
//   3. the API's peak resident memory while 20 uploads stream at once, with small and with large
//      files (it must not grow with the file size: uploads are spooled to disk, never buffered).
// Photos are made here: 3000 × 2000 pixels of noise over gradients, ~2–4 MB JPEG each, like a phone's.
//
// Options: --images N (default 30), --large-mb N (per streamed upload in step 3, default 60),
//          --no-write (do not append to docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { request as httpRequest } from 'node:http';
import { ROOT } from '../ensure-install.mjs';
import { buildApi, apiCli } from './build.mjs';
import { DATA_DIR, createDatabase, dropDatabase, ensurePostgres, freePort, startMeilisearch } from './services.mjs';
import { appendBenchmarks, machine, machineLine, markdownTable, ms, sleep, summarize, table } from './bench-common.mjs';
import { post, waitHealthy } from './bench-search.mjs';

const log = (msg) => console.log(`[bench:media] ${msg}`);
const option = (args, name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const require = createRequire(join(ROOT, 'package.json'));
const WIDTHS = [320, 640, 1280];

/** `n` distinct photos (`from` shifts their tints, so two sets never share bytes). */
async function photos(sharp, n, from = 0) {
  const out = [];
  for (let i = from; i < from + n; i++) {
    const noise = await sharp({ create: { width: 3000, height: 2000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).raw().toBuffer();
    const tint = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: (i * 47) % 255, g: (i * 91) % 255, b: (i * 13) % 255 } } }).png().toBuffer();
    out.push(await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } }).composite([{ input: tint, blend: 'soft-light' }]).jpeg({ quality: 85 }).toBuffer());
  }
  return out;
}

/** POSTs a body (a Buffer or a stream) and resolves with the status and JSON answer. */
function upload(url, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    });
    req.on('error', reject);
    (Buffer.isBuffer(body) ? Readable.from([body]) : body).pipe(req);
  });
}

/** An MP4 header (ftyp box) followed by `bytes` of zeros, generated as it is read. */
function videoStream(bytes) {
  const head = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  let sent = 0;
  const chunk = Buffer.alloc(256 * 1024);
  return new Readable({
    read() {
      if (sent === 0) {
        sent = head.length;
        return void this.push(head);
      }
      if (sent >= bytes) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function run({ args }) {
  const N = option(args, '--images', 30);
  const LARGE_MB = option(args, '--large-mb', 60);
  const m = machine();
  const sharp = require('sharp');
  const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  log(`machine: ${machineLine(m)}`);
  log(`making ${N} photos (3000 × 2000)…`);
  const images = await photos(sharp, N);
  const avgMiB = images.reduce((a, b) => a + b.length, 0) / images.length / 2 ** 20;

  // 1. sharp alone.
  log('sharp in one process: re-encode + 3 WebP sizes per photo…');
  const oneImage = async (img) => {
    const encoded = await sharp(img, { failOn: 'warning' }).rotate().jpeg({ quality: 85 }).toBuffer();
    for (const w of WIDTHS) await sharp(encoded).resize({ width: w }).webp({ quality: 78 }).toBuffer();
  };
  const t0 = performance.now();
  for (const img of images) await oneImage(img);
  const sharpSeconds = (performance.now() - t0) / 1000;
  // The same, 4 photos at a time (as the API sees 4 clients): what the machine's cores allow.
  const t1 = performance.now();
  let k = 0;
  await Promise.all(Array.from({ length: 4 }, async () => { while (k < images.length) await oneImage(images[k++]); }));
  const sharpParallelSeconds = (performance.now() - t1) / 1000;

  // 2. and 3. through the API.
  log('building the API and starting PostgreSQL, Meilisearch and the API (workers on)…');
  buildApi();
  const pgServer = await ensurePostgres('test');
  const dbName = `techport_bench_media_${stamp}`;
  const databaseUrl = await createDatabase(pgServer.adminUrl, dbName);
  const meiliDir = join(DATA_DIR, `bench-media-meili-${stamp}`);
  const meili = await startMeilisearch({ dir: meiliDir });
  const mediaDir = mkdtempSync(join(tmpdir(), 'techport-bench-media-'));
  const pg = require('pg');
  const db = new pg.Client({ connectionString: databaseUrl });
  let child;
  try {
    apiCli(['migrate'], { DATABASE_URL: databaseUrl });
    await db.connect();
    const port = await freePort();
    const logFile = join(DATA_DIR, `bench-media-${stamp}.log`);
    const fd = openSync(logFile, 'a');
    child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.key,
        MEILI_INDEX_PREFIX: 'bench',
        WORKERS_ENABLED: 'true',
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        JWT_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: '',
        ADMIN_PASSWORD: '',
        MEDIA_DIR: join(mediaDir, 'store'),
        MEDIA_TMP_DIR: join(mediaDir, 'spool'),
        MEDIA_MAX_VIDEO_MB: String(LARGE_MB + 10),
        RATE_LIMIT_REGISTER_PER_IP: '1000',
      },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const api = `http://127.0.0.1:${port}`;
    await waitHealthy(api, 60_000);
    const gql = async (query, variables, token) => {
      const res = await post(`${api}/graphql`, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
      if (res.status !== 200 || res.body.errors) throw new Error(`API: ${JSON.stringify(res.body.errors ?? res.status)}`);
      return res.body.data;
    };
    const email = `media-${stamp}@bench.invalid`;
    await gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, { i: { email, password: 'Bench-password-1', displayName: 'Bench' } });
    await db.query(`UPDATE app_user SET email_verified_at = now() WHERE email = $1`, [email]);
    const { login } = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: 'Bench-password-1' });
    const token = login.token;
    const { createOrganization: org } = await gql(`mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`, { i: { name: `Bench media ${stamp}`, kind: 'ENTERPRISE', provinceCode: 'ha-noi' } }, token);
    const newListing = async () =>
      (
        await gql(
          `mutation($i: ListingInput!) { createListing(input: $i) { id } }`,
          { i: { kind: 'OFFER', organizationId: org.id, title: `Máy sấy lạnh bơm nhiệt ${randomBytes(3).toString('hex')}`, summary: 'Máy sấy lạnh bơm nhiệt cho trái cây và rau củ.', description: 'Buồng sấy bơm nhiệt công suất 500 kg mỗi mẻ, điều khiển nhiệt độ và độ ẩm tự động.', fieldCodes: ['2'], keywords: ['sấy lạnh'], transferModes: ['LICENSING'], provinceCode: 'ha-noi' } },
          token,
        )
      ).createListing.id;
    const uploadUrl = async (ownerId) =>
      `${api}${(await gql(`mutation($i: AttachmentUploadInput!) { requestAttachmentUpload(input: $i) { url } }`, { i: { ownerKind: 'LISTING', ownerId } }, token)).requestAttachmentUpload.url}?name=photo.jpg`;
    const ready = async (ids) => (await db.query(`SELECT count(*)::int AS n FROM attachment WHERE id = ANY($1) AND derivatives = 'READY'`, [ids])).rows[0].n;

    // 2a. upload-to-thumbnail latency, one photo at a time (a listing per 25 photos: the per-owner limit is 30).
    log('upload-to-thumbnail latency, one at a time…');
    const latencies = [];
    const answers = [];
    let owner = await newListing();
    for (const [i, img] of images.entries()) {
      if (i && i % 25 === 0) owner = await newListing();
      const start = performance.now();
      const url = await uploadUrl(owner);
      const sent = performance.now();
      const res = await upload(url, img);
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
      answers.push(performance.now() - sent);
      const id = res.body.data.attachment.id;
      while ((await ready([id])) === 0) await sleep(20);
      latencies.push(performance.now() - start);
    }

    // 2b. worker throughput: other photos (the same bytes would be stored once and their sizes not
    // made again), uploaded 4 at a time, then until every size is made.
    log('worker throughput: new photos, all at once…');
    const fresh = await photos(sharp, N, N);
    const owners = [];
    for (let i = 0; i < Math.ceil(N / 25); i++) owners.push(await newListing());
    const ids = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < fresh.length) {
          const i = next++;
          const res = await upload(await uploadUrl(owners[Math.floor(i / 25)]), fresh[i]);
          ids.push(res.body.data.attachment.id);
        }
      }),
    );
    const uploaded = performance.now();
    while ((await ready(ids)) < ids.length) await sleep(50);
    const done = performance.now();

    // 3. memory while 20 uploads stream at once: small files, then large ones.
    const memory = [];
    for (const mb of [2, LARGE_MB]) {
      log(`20 uploads of ${mb} MB streaming at once…`);
      const owners20 = [];
      for (let i = 0; i < 20; i++) owners20.push(await newListing());
      const urls = await Promise.all(owners20.map((o) => uploadUrl(o)));
      const before = rssMiB(child.pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid))), 50);
      const t = performance.now();
      const results = await Promise.all(urls.map((u) => upload(u.replace('photo.jpg', 'clip.mp4'), videoStream(mb * 2 ** 20))));
      clearInterval(sampler);
      const bad = results.filter((r) => r.status !== 201);
      if (bad.length) throw new Error(`streamed uploads: ${JSON.stringify(bad[0])}`);
      memory.push({ mb, before, peak, seconds: (performance.now() - t) / 1000 });
    }

    const lat = summarize(latencies);
    const ans = summarize(answers);
    const rows = [
      { what: `sharp in one process (re-encode + 3 WebP sizes), ${N} photos, one at a time`, value: `${(N / sharpSeconds).toFixed(2)} images/s` },
      { what: 'the same, 4 at a time (the limit for the 4 clients below)', value: `${(N / sharpParallelSeconds).toFixed(2)} images/s` },
      { what: 'upload answered (bytes sent → 201), one at a time', value: `p50 ${ms(ans.p50)} ms, p95 ${ms(ans.p95)} ms` },
      { what: 'upload → WebP sizes listed, one at a time', value: `p50 ${ms(lat.p50)} ms, p95 ${ms(lat.p95)} ms` },
      { what: `${N} photos uploaded by 4 clients at once, until every WebP size is made`, value: `${(N / ((done - started) / 1000)).toFixed(2)} images/s end to end (uploads ${((uploaded - started) / 1000).toFixed(1)} s, then the worker ${((done - uploaded) / 1000).toFixed(1)} s more)` },
      ...memory.map((r) => ({ what: `API RSS, 20 uploads of ${r.mb} MB streaming at once`, value: `${r.before.toFixed(0)} → peak ${r.peak.toFixed(0)} MiB (${r.seconds.toFixed(1)} s)` })),
    ];
    console.log(table(rows, [['what', 'what', 'left'], ['figure', 'value', 'left']]));
    if (!args.includes('--no-write')) {
      appendBenchmarks(
        `## Media: uploads, thumbnails, memory (\`npm run bench -- media\`)\n\n${machineLine(m)}\n\n` +
          `${N} photos of 3000 × 2000 pixels (${avgMiB.toFixed(1)} MiB JPEG on average); local media store; API in production mode with its worker.\n\n` +
          markdownTable(rows, [['what', 'what', 'left'], ['figure', 'value', 'left']]),
      );
    }
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await db.end().catch(() => {});
    await meili.stop();
    await dropDatabase(pgServer.adminUrl, dbName).catch(() => {});
    rmSync(mediaDir, { recursive: true, force: true });
    rmSync(meiliDir, { recursive: true, force: true });
  }
}
