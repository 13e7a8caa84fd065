import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// The evaluation scripts compile some of the API's modules on their own (no Nest, no database):
// `npm run eval:matching` compiles the text pipeline, the document builder and the matching engine.
// A module among them that starts importing one left out of its list breaks the eval, and nothing
// else would say so (it happened: listing-document.ts once imported the search index manager).
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

it('eval:matching compiles and loads the modules it measures, with nothing they import left out', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/eval-matching.mjs', '--compile-only'], { cwd: ROOT });
  expect(stdout).toContain('compiled and loaded the matching engine and the document builder');
});
