import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, adminClient, createOrganization, registerModerator, registerUser } from './support/graphql.js';
import { expressInterest, publishListing } from './support/listings.js';

// A seller sees how their listings are doing: daily unique views of the public page (not their
// own, not staff's, not robots') and the interests opened on them; nobody else reads it.
jest.setTimeout(120_000);

const SECRET = 'storefront-secret-for-tests-0123456789';
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1';
const RECORD = `mutation($id: ID!) { recordListingView(id: $id) }`;
const STATS = `query($id: ID!) { listing(id: $id) { id stats { viewsLast30Days viewsTotal interestsTotal } } }`;
const DAY_MS = 24 * 3600_000;
/** Anonymous views counted per address a day, lowered for the test that reaches it. */
const VIEWS_PER_ADDRESS = 20;

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: '0', STOREFRONT_SECRET: SECRET, RATE_LIMIT_ANONYMOUS_VIEWS_PER_IP: String(VIEWS_PER_ADDRESS) });
  base = new Client(t.url);
});
afterEach(() => t.app.get(Clock).reset());
afterAll(() => t.close());

/**
 * A visit of the listing's page as the storefront reports it: the visitor's browser, and their
 * address vouched for with the storefront's secret; `token` when signed in. Answers whether it counted.
 */
async function visit(listingId: string, { token = null, address = '203.0.113.10', userAgent = BROWSER }: { token?: string | null; address?: string; userAgent?: string } = {}): Promise<boolean> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': userAgent,
      'x-storefront-secret': SECRET,
      'x-client-address': address,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: RECORD, variables: { id: listingId } }),
  });
  const body = (await res.json()) as { data?: { recordListingView: boolean }; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.recordListingView;
}

async function statsOf(reader: Client, listingId: string) {
  const { listing } = await reader.ok<{ listing: { stats: { viewsLast30Days: number; viewsTotal: number; interestsTotal: number } | null } }>(STATS, { id: listingId });
  return listing.stats;
}

/** A seller (institute) with a published offer. */
async function seller() {
  const owner = await registerUser(base, 'Chủ tin');
  const org = await createOrganization(owner.client, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
  const listing = await publishListing(base, owner.client, { kind: 'OFFER', organizationId: org.id, provinceCode: 'can-tho' });
  return { owner, org, listing };
}

describe('listing stats', () => {
  it("counts a visitor's views once a day, signed in by account and anonymous by address and browser", async () => {
    const { owner, listing } = await seller();
    const visitor = await registerUser(base, 'Khách xem tin');
    expect(await visit(listing.id, { token: visitor.client.token })).toBe(true);
    // Again the same day, from another address: the same person.
    expect(await visit(listing.id, { token: visitor.client.token, address: '198.51.100.7' })).toBe(false);
    // Anonymous: one per address and browser a day.
    expect(await visit(listing.id, { address: '203.0.113.20' })).toBe(true);
    expect(await visit(listing.id, { address: '203.0.113.20' })).toBe(false);
    expect(await visit(listing.id, { address: '203.0.113.20', userAgent: PHONE })).toBe(true);
    expect(await visit(listing.id, { address: '203.0.113.21' })).toBe(true);
    expect(await statsOf(owner.client, listing.id)).toEqual({ viewsLast30Days: 4, viewsTotal: 4, interestsTotal: 0 });

    // No address is stored: anonymous viewers are a hash.
    const rows: Array<{ viewer: string }> = await t.app.get(DataSource).query(`SELECT viewer FROM listing_view WHERE listing_id = $1`, [listing.id]);
    expect(rows.map((r) => r.viewer).filter((v) => v.includes('203.0.113'))).toEqual([]);
    expect(rows.filter((r) => r.viewer === `u:${visitor.id}`)).toHaveLength(1);

    // The next day the same visitors count again; 30 days on, only the total remembers the first day.
    const clock = t.app.get(Clock);
    clock.advance(DAY_MS);
    expect(await visit(listing.id, { token: visitor.client.token })).toBe(true);
    expect(await visit(listing.id, { address: '203.0.113.20' })).toBe(true);
    expect(await statsOf(owner.client, listing.id)).toEqual({ viewsLast30Days: 6, viewsTotal: 6, interestsTotal: 0 });
    // Yesterday's salt is gone with the day: its hashes can no longer be recomputed from an address.
    expect(await t.app.get(DataSource).query(`SELECT day FROM listing_view_salt`)).toHaveLength(1);
    clock.advance(29 * DAY_MS);
    expect(await statsOf(owner.client, listing.id)).toEqual({ viewsLast30Days: 2, viewsTotal: 6, interestsTotal: 0 });
  });

  it('stops counting anonymous views from an address that has made many today (a script changing its browser name)', async () => {
    const { owner, listing } = await seller();
    const address = '192.0.2.50';
    for (let i = 0; i < VIEWS_PER_ADDRESS; i++) expect(await visit(listing.id, { address, userAgent: `${BROWSER} run/${i}` })).toBe(true);
    expect(await visit(listing.id, { address, userAgent: `${BROWSER} run/more` })).toBe(false);
    // a signed-in visitor behind the same address still counts, and so do other addresses
    const visitor = await registerUser(base, 'Khách cùng mạng');
    expect(await visit(listing.id, { address, token: visitor.client.token })).toBe(true);
    expect(await visit(listing.id, { address: '192.0.2.51' })).toBe(true);
    expect((await statsOf(owner.client, listing.id))!.viewsTotal).toBe(VIEWS_PER_ADDRESS + 2);
  });

  it("does not count the owning organisation's members, staff, robots, or listings not published", async () => {
    const { owner, org, listing } = await seller();
    expect(await visit(listing.id, { token: owner.client.token })).toBe(false);
    const moderator = await registerModerator(base, ['ha-noi']);
    expect(await visit(listing.id, { token: moderator.client.token })).toBe(false);
    expect(await visit(listing.id, { token: (await adminClient(base)).token })).toBe(false);
    for (const robot of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      'curl/8.4.0',
    ]) {
      expect(await visit(listing.id, { userAgent: robot })).toBe(false);
    }
    const draft = await owner.client.ok<{ createListing: { id: string } }>(`mutation($i: ListingInput!) { createListing(input: $i) { id } }`, {
      i: { organizationId: org.id, kind: 'DEMAND', title: 'Cần máy sấy lúa', summary: 'Cần máy sấy lúa công suất nhỏ.', description: 'Cần máy sấy lúa công suất nhỏ cho hợp tác xã.', fieldCodes: ['2'], keywords: ['máy sấy'], transferModes: ['TURNKEY'], provinceCode: 'can-tho', currency: 'VND', negotiable: true },
    });
    expect(await visit(draft.createListing.id)).toBe(false);
    expect(await visit('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(await statsOf(owner.client, listing.id)).toEqual({ viewsLast30Days: 0, viewsTotal: 0, interestsTotal: 0 });
  });

  it('shows the stats to the owner and covering staff only, and counts interests', async () => {
    const { owner, listing } = await seller();
    const buyer = await registerUser(base, 'Doanh nghiệp mua');
    const buyerOrg = await createOrganization(buyer.client, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
    expect(await visit(listing.id, { token: buyer.client.token })).toBe(true);
    // Strangers (signed in or not) and the buyer read the listing, not its stats.
    expect(await statsOf(buyer.client, listing.id)).toBeNull();
    expect(await statsOf(base, listing.id)).toBeNull();
    const elsewhere = await registerModerator(base, ['ha-noi']);
    expect(await statsOf(elsewhere.client, listing.id)).toBeNull();

    await expressInterest(buyer.client, listing.id, buyerOrg.id);
    expect(await statsOf(owner.client, listing.id)).toEqual({ viewsLast30Days: 1, viewsTotal: 1, interestsTotal: 1 });
    const covering = await registerModerator(base, ['can-tho']);
    expect(await statsOf(covering.client, listing.id)).toEqual({ viewsLast30Days: 1, viewsTotal: 1, interestsTotal: 1 });
  });

  it("loads a page of the owner's listings' stats in one statement", async () => {
    const { owner, org, listing } = await seller();
    const second = await publishListing(base, owner.client, { kind: 'DEMAND', organizationId: org.id, provinceCode: 'can-tho' });
    expect(await visit(second.id, { address: '203.0.113.40' })).toBe(true);
    const ds = t.app.get(DataSource);
    const query = jest.spyOn(ds, 'query');
    try {
      const { myListings } = await owner.client.ok<{ myListings: { items: Array<{ id: string; stats: { viewsTotal: number } }> } }>(
        `{ myListings { items { id stats { viewsTotal } } } }`,
      );
      expect(Object.fromEntries(myListings.items.map((l) => [l.id, l.stats.viewsTotal]))).toEqual({ [listing.id]: 0, [second.id]: 1 });
      expect(query.mock.calls.filter(([sql]) => String(sql).includes('listing_view'))).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
  });
});
