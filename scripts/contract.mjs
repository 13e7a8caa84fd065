// Developer tool: runs the public contract check (../shared/tools/check-contract.mjs, present in
// the developers' and CI's checkouts) and removes from apps/api/contract-pending.txt the lines
// that are satisfied now, so the pending list only shrinks.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './ensure-install.mjs';

const checker = join(ROOT, '..', 'shared', 'tools', 'check-contract.mjs');
if (!existsSync(checker)) {
  console.error('the contract check (../shared/tools/check-contract.mjs) is not in this checkout');
  process.exit(2);
}
const pendingFile = join(ROOT, 'apps/api/contract-pending.txt');
let out = '';
let status = 0;
try {
  out = execFileSync(process.execPath, [checker, 'apps/api/schema.gql', '--pending', pendingFile], { cwd: ROOT, encoding: 'utf8' });
} catch (err) {
  out = err.stdout ?? '';
  status = err.status ?? 1;
}
const satisfied = new Set(
  out.split('\n').filter((l) => l.startsWith('satisfied now')).map((l) => l.replace(/^satisfied now, remove from the pending list\s+/, '').trim()),
);
if (satisfied.size) {
  const kept = readFileSync(pendingFile, 'utf8').split('\n').filter((l) => !satisfied.has(l.trim()));
  writeFileSync(pendingFile, kept.join('\n'));
  console.log(`removed ${satisfied.size} satisfied line(s) from apps/api/contract-pending.txt`);
}
console.log(out.split('\n').filter((l) => l.startsWith('VIOLATION') || /contract violations/.test(l)).join('\n'));
process.exit(status);
