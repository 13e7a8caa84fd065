import { Client, PASSWORD, uniq } from '../support/graphql.js';
import { spawnApi } from './support.js';

// SIGTERM: requests already in flight are answered, then the process exits cleanly.
it('finishes in-flight requests on SIGTERM, then exits with code 0', async () => {
  const api = await spawnApi({ MEILI_INDEX_PREFIX: `grace${process.pid}` });
  const base = new Client(api.url);
  // Registration hashes a password with argon2id on a small thread pool: a batch of them keeps the
  // server busy for a while, so most are still being handled when the signal arrives.
  let killedAt = 0;
  const finishedAfterKill: number[] = [];
  const inFlight = Array.from({ length: 40 }, () =>
    base
      .request(`mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`, {
        input: { email: `${uniq('grace')}@example.vn`, password: PASSWORD, displayName: 'Tắt máy êm' },
      })
      .then((r) => {
        if (killedAt) finishedAfterKill.push(Date.now() - killedAt);
        return r;
      }),
  );
  // Once the first answer is back, every request has reached the server (connections on loopback
  // open in well under a millisecond); then stop it.
  await Promise.race(inFlight);
  killedAt = Date.now();
  api.kill('SIGTERM');
  const results = await Promise.all(inFlight);
  for (const r of results) {
    expect(r.status).toBe(200);
    // Registration answers without a session (the account is activated by e-mail).
    expect(r.data?.register?.user?.id).toBeTruthy();
  }
  // The signal really came while requests were being handled.
  expect(finishedAfterKill.length).toBeGreaterThan(5);
  expect(await api.exited).toBe(0);
  await expect(fetch(`${api.url}/health`)).rejects.toThrow();
});
