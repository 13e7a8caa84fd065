import { DataSource } from 'typeorm';
import { isolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, addMember, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { Clock } from '../src/common/clock.js';
import { ListingExpiryService } from '../src/modules/listings/listing-expiry.service.js';

/**
 * Expiry moves the clock a year ahead and runs the expiry job over every listing in the database,
 * so this spec gets a database of its own: it must not expire other specs' listings, and its
 * counts must not see theirs.
 */

const DAY = 86_400_000;
const LISTING = `id slug status version expired expiresAt publishedAt history { action fromStatus toStatus actor { id } }`;
const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id slug } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id } }`;
const APPROVE = `mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { ${LISTING} } }`;
const RENEW = `mutation($id: ID!) { renewListing(id: $id) { ${LISTING} } }`;
const GET = `query($id: ID, $slug: String) { listing(id: $id, slug: $slug) { ${LISTING} } }`;
const ORG_LISTINGS = `query($id: ID) { organization(id: $id) { listings { totalItems items { id } } } }`;
const NOTIFICATIONS = `{ notifications { kind title url } }`;

let db: { url: string; drop: () => Promise<void> };
let t: TestApp;
let base: Client;
let clock: Clock;
let expiry: ListingExpiryService;

beforeAll(async () => {
  db = await isolatedDatabase('expiry');
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `${process.env.MEILI_INDEX_PREFIX ?? 'test'}_expiry` });
  base = new Client(t.url);
  clock = t.app.get(Clock);
  expiry = t.app.get(ListingExpiryService);
});
afterAll(async () => {
  clock?.reset();
  await t?.close();
  await db?.drop();
});

async function publishedOffer(client: Client, organizationId: string, moderator: Client) {
  const l = (
    await client.ok(CREATE, {
      input: {
        kind: 'OFFER',
        organizationId,
        title: `Giống lúa chịu mặn ST25 cải tiến ${uniq('')}`,
        summary: 'Bộ giống lúa chịu mặn 4‰, năng suất 7 tấn/ha, gạo thơm đạt chuẩn xuất khẩu.',
        description: 'Giống lúa chịu mặn được lai tạo và khảo nghiệm tại vùng ven biển, chịu mặn đến 4‰ giai đoạn đẻ nhánh.',
        fieldCodes: ['401'],
        keywords: ['lúa chịu mặn'],
        trl: 8,
        transferModes: ['LICENSING'],
        provinceCode: 'vinh-long',
      },
    })
  ).createListing;
  await client.ok(SUBMIT, { id: l.id });
  return (await moderator.ok(APPROVE, { id: l.id })).moderateListing;
}

describe('listing expiry', () => {
  it('warns once two weeks ahead, expires on time, keeps the page, and renews in one step', async () => {
    const owner = await registerUser(base, 'Chủ tin');
    const colleague = await registerUser(base, 'Đồng nghiệp');
    const org = await createOrganization(owner.client, { provinceCode: 'vinh-long' });
    await addMember(owner.client, org.id, colleague.email);
    const outsider = await registerUser(base);
    const mod = (await registerModerator(base, ['vinh-long'])).client;

    const a = await publishedOffer(owner.client, org.id, mod);
    const b = await publishedOffer(owner.client, org.id, mod);
    expect(new Date(a.expiresAt).getTime() - new Date(a.publishedAt).getTime()).toBe(365 * DAY);
    expect(await expiry.runOnce()).toEqual({ warned: 0, expired: 0 });

    // 25 days left: nothing yet, and renewing is not possible so early (the owner's pages are told
    // so by Listing.renewable, the server's own rule).
    const RENEWABLE = `query($id: ID) { listing(id: $id) { renewable } }`;
    const renewableFor = async (c: Client) => (await c.ok(RENEWABLE, { id: a.id })).listing.renewable;
    clock.advance(340 * DAY);
    expect(await expiry.runOnce()).toEqual({ warned: 0, expired: 0 });
    expect((await owner.client.error(RENEW, { id: a.id })).code).toBe('CONFLICT');
    expect(await renewableFor(owner.client)).toBe(false);

    // 13 days left: one warning per listing, to every member, only once.
    clock.advance(12 * DAY);
    expect([await renewableFor(owner.client), await renewableFor(colleague.client), await renewableFor(outsider.client), await renewableFor(base)]).toEqual([true, true, false, false]);
    expect(await expiry.runOnce()).toEqual({ warned: 2, expired: 0 });
    expect(await expiry.runOnce()).toEqual({ warned: 0, expired: 0 });
    for (const member of [owner.client, colleague.client]) {
      const warnings = (await member.ok(NOTIFICATIONS)).notifications.filter((n: { kind: string }) => n.kind === 'LISTING_EXPIRING');
      expect(warnings).toHaveLength(2);
      expect(warnings.map((n: { url: string }) => n.url).sort()).toEqual([`/listings/${a.slug}`, `/listings/${b.slug}`].sort());
    }
    expect((await base.ok(GET, { id: a.id })).listing.expired).toBe(false);

    // b is renewed inside the window: another full period from now.
    const renewedEarly = (await owner.client.ok(RENEW, { id: b.id })).renewListing;
    expect(Math.abs(new Date(renewedEarly.expiresAt).getTime() - (clock.now().getTime() + 365 * DAY))).toBeLessThan(5_000);

    // 1 day past a's expiry: a is marked expired; b (renewed) is not.
    clock.advance(14 * DAY);
    expect(await expiry.runOnce()).toEqual({ warned: 0, expired: 1 });
    const page = (await base.ok(GET, { slug: a.slug })).listing;
    expect(page).toMatchObject({ id: a.id, status: 'PUBLISHED', expired: true });
    expect(page.history).toBeNull();
    const publicList = (await base.ok(ORG_LISTINGS, { id: org.id })).organization.listings;
    expect(publicList.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const mine = (await owner.client.ok(`{ myListings { items { id expired } } }`)).myListings.items;
    expect(mine).toEqual(expect.arrayContaining([{ id: a.id, expired: true }, { id: b.id, expired: false }]));
    const stats = (await base.ok(`{ stats { publishedOffers listingsByProvince { key count } } }`)).stats;
    expect(stats).toEqual({ publishedOffers: 1, listingsByProvince: [{ key: 'vinh-long', count: 1 }] });
    const trail = (await owner.client.ok(GET, { id: a.id })).listing.history;
    expect(trail.at(-1)).toEqual({ action: 'EXPIRE', fromStatus: 'PUBLISHED', toStatus: 'PUBLISHED', actor: null });
    const expiredNotes = (await colleague.client.ok(NOTIFICATIONS)).notifications.filter((n: { kind: string }) => n.kind === 'LISTING_EXPIRED');
    expect(expiredNotes).toHaveLength(1);
    const [changed] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'listing.changed' AND payload->>'listingId' = $1`, [a.id]);
    expect(changed.n).toBe(2); // approval and expiry

    // Only members renew; one step brings it back for another period.
    expect((await outsider.client.error(RENEW, { id: a.id })).code).toBe('FORBIDDEN');
    const renewed = (await colleague.client.ok(RENEW, { id: a.id })).renewListing;
    expect(renewed).toMatchObject({ status: 'PUBLISHED', expired: false, version: a.version + 1 });
    expect(Math.abs(new Date(renewed.expiresAt).getTime() - (clock.now().getTime() + 365 * DAY))).toBeLessThan(5_000);
    expect(renewed.history.at(-1)).toMatchObject({ action: 'RENEW', actor: { id: colleague.id } });
    expect((await base.ok(ORG_LISTINGS, { id: org.id })).organization.listings.totalItems).toBe(2);
    const again = await owner.client.error(RENEW, { id: a.id });
    expect(again.code).toBe('CONFLICT');
    expect((await t.app.get(DataSource).query(`SELECT version FROM listing WHERE id = $1`, [a.id]))[0].version).toBe(renewed.version);
  });

  it('hides a listing from public lists as soon as its time is up, before the job has run', async () => {
    const owner = await registerUser(base, 'Chủ tin');
    const org = await createOrganization(owner.client, { provinceCode: 'vinh-long' });
    const mod = (await registerModerator(base, [])).client;
    const l = await publishedOffer(owner.client, org.id, mod);
    clock.advance(366 * DAY);
    try {
      expect((await base.ok(GET, { id: l.id })).listing.expired).toBe(true);
      expect((await base.ok(ORG_LISTINGS, { id: org.id })).organization.listings.totalItems).toBe(0);
      const [stored] = await t.app.get(DataSource).query(`SELECT expired_at FROM listing WHERE id = $1`, [l.id]);
      expect(stored.expired_at).toBeNull();
    } finally {
      clock.advance(-366 * DAY);
    }
  });
});
