// Checks the translations: vi.json and en.json have the same keys and the same {parameters},
// no message is empty, every m.key used in src/ exists, and no message is left unused.
// Usage: node apps/web/scripts/check-messages.mjs   (exit code 1 on a problem)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (lang) => {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(join(WEB, 'messages', `${lang}.json`), 'utf8'));
  return messages;
};
const vi = load('vi');
const en = load('en');
const problems = [];
/** A message's text: a plain string, or every variant of a plural message (inlang's `match`) joined. */
const text = (m) => (typeof m === 'string' ? m : m.flatMap((v) => Object.values(v.match ?? {})).join(' '));
const params = (m) => [...new Set([...text(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort().join(',');

for (const key of new Set([...Object.keys(vi), ...Object.keys(en)])) {
  if (!(key in vi)) problems.push(`${key}: missing in vi.json`);
  else if (!(key in en)) problems.push(`${key}: missing in en.json`);
  else {
    if (!text(vi[key]).trim() || !text(en[key]).trim()) problems.push(`${key}: empty message`);
    if (params(vi[key]) !== params(en[key])) problems.push(`${key}: parameters differ (vi {${params(vi[key])}} / en {${params(en[key])}})`);
  }
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'paraglide' || name === 'graphql') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|svelte)$/.test(name)) yield p;
  }
}
const used = new Set();
for (const file of files(join(WEB, 'src'))) {
  for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)/g)) {
    used.add(match[1]);
    if (!(match[1] in vi)) problems.push(`${file.slice(WEB.length + 1)}: m.${match[1]} is not a message`);
  }
}
// Messages the browser tests read by key count as used too.
for (const file of readdirSync(join(WEB, 'tests'))) {
  if (!file.endsWith('.mjs')) continue;
  for (const match of readFileSync(join(WEB, 'tests', file), 'utf8').matchAll(/msg\('(?:vi|en)', '(\w+)'/g)) used.add(match[1]);
}
const unused = Object.keys(vi).filter((k) => !used.has(k));
if (unused.length) problems.push(`unused messages: ${unused.join(', ')}`);

if (problems.length) {
  console.error(`[messages] ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`[messages] ${Object.keys(vi).length} messages, Vietnamese and English complete`);
