import { Client, PASSWORD, uniq } from '../support/graphql.js';
import { spawnApi } from './support.js';

// SIGTERM: requests already in flight are answered, then the process exits cleanly.
it('finishes in-flight requests on SIGTERM, then exits with code 0', async () => {
  const api = await spawnApi({ MEILI_INDEX_PREFIX: `grace${process.pid}` });
  const base = new Client(api.url);
  // Registration hashes a password with argon2id (tens of milliseconds): a real request in flight.
  const inFlight = Array.from({ length: 12 }, () =>
    base.request(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, {
      input: { email: `${uniq('grace')}@example.vn`, password: PASSWORD, displayName: 'Tắt máy êm' },
    }),
  );
  await new Promise((r) => setTimeout(r, 30));
  api.kill('SIGTERM');
  const results = await Promise.all(inFlight);
  for (const r of results) {
    expect(r.status).toBe(200);
    expect(r.data?.register?.token).toBeTruthy();
  }
  expect(await api.exited).toBe(0);
  await expect(fetch(`${api.url}/health`)).rejects.toThrow();
});
