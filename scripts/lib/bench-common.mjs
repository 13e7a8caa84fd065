// Shared helpers of the benchmark parts: statistics, the machine's description, tables, and the
// docs/benchmarks.md log.
import { cpus, freemem, platform, release, totalmem } from 'node:os';
import { existsSync, readFileSync, appendFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../ensure-install.mjs';

export const BENCHMARKS_MD = join(ROOT, 'docs', 'benchmarks.md');

/** Value at quantile q (0–1) of an ascending array (nearest rank). */
export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), mean, max: s[s.length - 1] };
}

export const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');

export function machine() {
  let cpuModel = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  let memory = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  try {
    // The container's own limit, when there is one, is what the benchmark really had.
    const limit = readFileSync('/sys/fs/cgroup/memory.max', 'utf8').trim();
    if (limit !== 'max') memory = `${(Number(limit) / 2 ** 30).toFixed(1)} GiB (cgroup limit)`;
  } catch {
    // not in a cgroup v2 container
  }
  let nproc = String(availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // nproc missing: availableParallelism it is
  }
  return {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    nproc,
    cpuModel,
    memory,
    freeMemory: `${(freemem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: readLoad(),
  };
}

function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** A plain-text table: columns are [header, key, align?]. */
export function table(rows, columns) {
  const cells = rows.map((r) => columns.map(([, key]) => String(typeof key === 'function' ? key(r) : r[key] ?? '')));
  const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (vals) => vals.map((v, i) => (columns[i][2] === 'left' ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return [line(columns.map(([h]) => h)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The same table as Markdown. */
export function markdownTable(rows, columns) {
  const cells = rows.map((r) => columns.map(([, key]) => String(typeof key === 'function' ? key(r) : r[key] ?? '')));
  const head = `| ${columns.map(([h]) => h).join(' | ')} |`;
  const rule = `| ${columns.map(([, , align]) => (align === 'left' ? ':--' : '--:')).join(' | ')} |`;
  return [head, rule, ...cells.map((c) => `| ${c.join(' | ')} |`)].join('\n');
}

/** Appends a dated section to docs/benchmarks.md (created with its preamble if missing). */
export function appendBenchmarks(markdown) {
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  if (!existsSync(BENCHMARKS_MD)) {
    writeFileSync(
      BENCHMARKS_MD,
      '# Benchmarks\n\nFigures measured by `npm run bench` (scripts/bench.mjs). Each run appends its section below,\nwith the date and the machine it ran on; nothing here is typed in by hand.\n',
    );
  }
  appendFileSync(BENCHMARKS_MD, `\n${markdown.trim()}\n`);
}

export function machineLine(m) {
  return `${m.date} · ${m.nproc} CPU (${m.cpuModel}) · ${m.memory} RAM · Node ${m.node} · ${m.os} · load average at start ${m.loadAverage}`;
}

export const sleep = (msDelay) => new Promise((r) => setTimeout(r, msDelay));
