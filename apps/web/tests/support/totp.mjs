// Codes of an authenticator app, for the tests' two-step sign-ins. The API accepts each 30-second
// step once per account (replay protection) and one step early or late, so a test that signs the
// same account in twice within a step uses the next step's code, or waits for a fresh step.
import { generate } from 'otplib';

const lastStep = new Map();

/**
 * A code for `secret` that this run has not used yet on `api` (t.apiUrl): each lane of the browser
 * tests has an API and accounts of its own, the tests' admin with the same secret on each
 * (scripts/lib/web-tests.mjs).
 */
export async function freshCode(secret, api) {
  if (!api) throw new Error('freshCode(secret, t.apiUrl): name the API the code is for');
  const key = `${api} ${secret}`;
  for (;;) {
    const now = Math.floor(Date.now() / 1000);
    const step = Math.floor(now / 30);
    const used = lastStep.get(key) ?? -1;
    // Step+1 is accepted too while it is at most 30 s ahead; keep a margin for the request.
    const candidate = used < step ? step : used === step && now % 30 < 25 ? step + 1 : null;
    if (candidate !== null) {
      lastStep.set(key, candidate);
      return generate({ secret, epoch: candidate * 30 });
    }
    await new Promise((r) => setTimeout(r, ((step + 1) * 30 - now) * 1000 + 200));
  }
}
