import pg from 'pg';
import { Client, PASSWORD, enrolSecondFactor, uniq } from '../support/graphql.js';

/** A member with an organisation, a moderator covering it, and N listings waiting for review. */
export interface Scenario {
  owner: Client;
  moderator: Client;
  organizationId: string;
  pendingIds: string[];
}

/** A registered account, activated as a fixture in the database (these specs are about faults, not e-mail), logged in. */
async function register(base: Client, databaseUrl: string, name: string): Promise<{ client: Client; id: string }> {
  const email = `${uniq('fault')}@example.vn`;
  await base.ok(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, { input: { email, password: PASSWORD, displayName: name } });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`UPDATE app_user SET email_verified_at = now() WHERE email = $1`, [email]);
  await db.end();
  const data = await base.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`, { e: email, p: PASSWORD });
  return { client: base.as(data.login.token), id: data.login.user.id };
}

export async function prepareScenario(base: Client, databaseUrl: string, listings: number): Promise<Scenario> {
  const owner = await register(base, databaseUrl, 'Chủ sở hữu');
  const mod = await register(base, databaseUrl, 'Cán bộ Sở');
  // Promote straight in the database: this spec runs without the admin account.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`UPDATE app_user SET roles = '{MEMBER,MODERATOR}', all_provinces = true WHERE id = $1`, [mod.id]);
  await db.end();
  // Moderators act only with a second factor: enrol one as a person would.
  await enrolSecondFactor(mod.client);
  const org = await owner.client.ok(`mutation { createOrganization(input: {name: "Viện Thử nghiệm Sự cố ${uniq('')}", kind: RESEARCH_INSTITUTE, provinceCode: "can-tho"}) { id } }`);
  const organizationId = org.createOrganization.id;
  const pendingIds: string[] = [];
  for (let i = 0; i < listings; i++) {
    const created = await owner.client.ok(`mutation($input: ListingInput!) { createListing(input: $input) { id } }`, {
      input: {
        kind: 'OFFER',
        organizationId,
        title: `Quy trình bảo quản trái cây sau thu hoạch số ${i} ${uniq('')}`,
        summary: 'Bảo quản xoài, thanh long bằng màng phủ sinh học và kho lạnh khí quyển điều chỉnh.',
        description: 'Quy trình gồm xử lý nước nóng, phủ màng chitosan và bảo quản lạnh 10–12°C, kéo dài thời gian bảo quản lên 30 ngày. '.repeat(4),
        fieldCodes: ['4'],
        keywords: ['bảo quản', 'sau thu hoạch', 'kho lạnh'],
        trl: 7,
        transferModes: ['LICENSING'],
        ipStatus: 'KNOW_HOW',
        priceMin: 100_000_000,
        priceMax: 300_000_000,
        provinceCode: 'can-tho',
      },
    });
    await owner.client.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: created.createListing.id });
    pendingIds.push(created.createListing.id);
  }
  return { owner: owner.client, moderator: mod.client, organizationId, pendingIds };
}

export const APPROVE = `mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`;

/**
 * Approves `ids` with `concurrency` requests in flight against `urls` (round robin). Returns the ids
 * whose approval was acknowledged (HTTP 200, no errors). `onAck` may stop the burst (kill a process).
 */
export async function approveBurst(
  moderator: Client,
  urls: string[],
  ids: string[],
  concurrency: number,
  onAck?: (acked: number) => void,
): Promise<Set<string>> {
  const acked = new Set<string>();
  let next = 0;
  async function worker(w: number) {
    while (next < ids.length) {
      const id = ids[next++];
      const url = urls[(next + w) % urls.length];
      try {
        const res = await new Client(url, moderator.token).request(APPROVE, { id });
        if (res.status === 200 && !res.errors?.length && res.data?.moderateListing?.status === 'PUBLISHED') {
          acked.add(id);
          onAck?.(acked.size);
        }
      } catch {
        // connection refused or reset: not acknowledged
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return acked;
}

export async function dbQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}
