import { jest } from '@jest/globals';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, adminClient, createOrganization, enrolSecondFactor, loginClient, registerModerator, registerUser, uniq } from './support/graphql.js';
import { isolatedDatabase } from './support/database.js';
import { createDataSource } from '../src/database/data-source.js';
import { LinksJurisdictionContacts1796361741399 } from '../../../migrations/1796361741399-LinksJurisdictionContacts.js';
import { REVIEW, RESPOND_DEAL, SEND, acceptInterest, addMember, expressInterest, proposeDeal, publishListing } from './support/listings.js';

// Registrations hash passwords with argon2 (64 MiB each).
jest.setTimeout(120_000);

/**
 * Issue #13 (notification links, organisation profiles, the deal review page's facts) and #19's
 * fail-open jurisdiction: a moderator without provinces used to cover every province.
 */

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});

afterAll(async () => {
  await t?.close();
});

const SET_ROLES = `mutation($id: ID!, $roles: [Role!]!, $codes: [String!], $all: Boolean) {
  setUserRoles(userId: $id, roles: $roles, moderatedProvinceCodes: $codes, allProvinces: $all) { id roles allProvinces moderatedProvinces { code } }
}`;
const ME = `{ me { id allProvinces moderatedProvinces { code } } }`;
const QUEUE = `{ moderationQueue(page: { pageSize: 100 }) { totalItems items { id } } }`;
const ORGS_FOR_REVIEW = `{ organizationsForReview(page: { pageSize: 100 }) { totalItems items { id } } }`;
const VERIFY = `mutation($id: ID!) { verifyOrganization(id: $id) { id verified } }`;
const DEALS = `{ deals(page: { pageSize: 100 }) { totalItems items { id } } }`;

async function pendingListing(owner: Client, organizationId: string, provinceCode: string): Promise<string> {
  const input = {
    kind: 'OFFER',
    organizationId,
    title: `Công nghệ ủ phân hữu cơ vi sinh ${uniq('')}`,
    summary: 'Quy trình ủ phân hữu cơ từ phụ phẩm nông nghiệp bằng chế phẩm vi sinh, rút ngắn thời gian ủ còn 30 ngày.',
    description:
      'Công nghệ ủ phân hữu cơ vi sinh từ rơm rạ, vỏ cà phê và phân chuồng, dùng chế phẩm vi sinh bản địa. Đã áp dụng tại hai hợp tác xã, giảm 40% thời gian ủ so với ủ truyền thống; chuyển giao gồm quy trình, chế phẩm và đào tạo.',
    fieldCodes: ['4'],
    keywords: ['phân hữu cơ', 'vi sinh'],
    trl: 7,
    transferModes: ['LICENSING'],
    provinceCode,
  };
  const { createListing } = await owner.ok<{ createListing: { id: string } }>(`mutation($input: ListingInput!) { createListing(input: $input) { id } }`, { input });
  await owner.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id });
  return createListing.id;
}

describe('jurisdiction: "all provinces" is an explicit grant (fail closed)', () => {
  let admin: Client;
  let owner: { client: Client; id: string };
  let orgId: string;
  let listingId: string;

  beforeAll(async () => {
    admin = await adminClient(base);
    owner = await registerUser(base, 'Chủ tổ chức Huế');
    orgId = (await createOrganization(owner.client, { provinceCode: 'hue' })).id;
    listingId = await pendingListing(owner.client, orgId, 'hue');
  });

  it('the public contract\'s reading: a moderator given no provinces (and no word on the grant) covers all', async () => {
    const registered = await registerUser(base, 'Cán bộ theo hợp đồng API');
    for (const codes of [[], undefined]) {
      const set = await admin.ok<{ setUserRoles: { allProvinces: boolean; moderatedProvinces: unknown[] } }>(SET_ROLES, { id: registered.id, roles: ['MODERATOR'], codes });
      expect(set.setUserRoles).toMatchObject({ allProvinces: true, moderatedProvinces: [] });
    }
    const user = { ...registered, client: await loginClient(base, registered.email) };
    await enrolSecondFactor(user.client);
    const queue = await user.client.ok<{ moderationQueue: { items: { id: string }[] } }>(QUEUE);
    expect(queue.moderationQueue.items.map((i) => i.id)).toContain(listingId);
  });

  it('a moderator explicitly given neither provinces nor the grant covers nothing', async () => {
    const registered = await registerUser(base, 'Cán bộ chưa phân công');
    const set = await admin.ok<{ setUserRoles: { allProvinces: boolean; moderatedProvinces: unknown[] } }>(SET_ROLES, { id: registered.id, roles: ['MODERATOR'], codes: [], all: false });
    expect(set.setUserRoles).toMatchObject({ allProvinces: false, moderatedProvinces: [] });
    // A role change ends the account's sessions: signed in again, with the second factor staff need.
    const user = { ...registered, client: await loginClient(base, registered.email) };
    await enrolSecondFactor(user.client);
    expect((await user.client.ok<{ me: { allProvinces: boolean } }>(ME)).me.allProvinces).toBe(false);

    const queue = await user.client.ok<{ moderationQueue: { items: { id: string }[] } }>(QUEUE);
    expect(queue.moderationQueue.items.map((i) => i.id)).not.toContain(listingId);
    expect(queue.moderationQueue.items).toHaveLength(0);
    expect((await user.client.ok<{ organizationsForReview: { totalItems: number } }>(ORGS_FOR_REVIEW)).organizationsForReview.totalItems).toBe(0);
    expect((await user.client.ok<{ deals: { totalItems: number } }>(DEALS)).deals.totalItems).toBe(0);
    expect((await user.client.error(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id: listingId })).code).toBe('NOT_FOUND');
    expect((await user.client.error(VERIFY, { id: orgId })).code).toBe('FORBIDDEN');
    // The organisation's tax code is for moderators covering it only.
    const org = await user.client.ok<{ organization: { taxCode: string | null } }>(`query($id: ID) { organization(id: $id) { taxCode } }`, { id: orgId });
    expect(org.organization.taxCode).toBeNull();
    // The register of deals: only the header line.
    const csv = await fetch(`${t.url}/exports/deals.csv`, { headers: { authorization: `Bearer ${user.client.token}` } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\n')).toHaveLength(1);
  });

  it('a moderator of other provinces does not cover Huế; the explicit grant covers it', async () => {
    const other = await registerModerator(base, ['ca-mau']);
    expect((await other.client.error(VERIFY, { id: orgId })).code).toBe('FORBIDDEN');

    const national = await registerUser(base, 'Cán bộ toàn quốc');
    const set = await admin.ok<{ setUserRoles: { allProvinces: boolean; moderatedProvinces: unknown[] } }>(SET_ROLES, {
      id: national.id,
      roles: ['MODERATOR'],
      codes: ['ca-mau'],
      all: true,
    });
    // The grant makes a province list meaningless: none is kept.
    expect(set.setUserRoles).toMatchObject({ allProvinces: true, moderatedProvinces: [] });
    national.client = await loginClient(base, national.email);
    const { secret: nationalSecret } = await enrolSecondFactor(national.client);
    const queue = await national.client.ok<{ moderationQueue: { items: { id: string }[] } }>(QUEUE);
    expect(queue.moderationQueue.items.map((i) => i.id)).toContain(listingId);
    expect((await national.client.ok<{ verifyOrganization: { verified: boolean } }>(VERIFY, { id: orgId })).verifyOrganization.verified).toBe(true);

    // Taking the grant away (roles set again without it) ends it.
    await admin.ok(SET_ROLES, { id: national.id, roles: ['MODERATOR'], codes: ['ca-mau'] });
    national.client = await loginClient(base, national.email, undefined, nationalSecret);
    expect((await national.client.ok<{ me: { allProvinces: boolean; moderatedProvinces: { code: string }[] } }>(ME)).me).toMatchObject({
      allProvinces: false,
      moderatedProvinces: [{ code: 'ca-mau' }],
    });
    expect((await national.client.error(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id: listingId })).code).toBe('NOT_FOUND');
  });

  it('a member is never given the grant, and losing the moderator role drops it', async () => {
    const user = await registerUser(base, 'Thành viên');
    const set = await admin.ok<{ setUserRoles: { allProvinces: boolean } }>(SET_ROLES, { id: user.id, roles: ['MEMBER'], all: true });
    expect(set.setUserRoles.allProvinces).toBe(false);
    expect((await user.client.error(QUEUE)).code).toBe('FORBIDDEN');
  });

  it('the migration turns the old nationwide moderators (no provinces) into explicit grants, and no one else', async () => {
    const db = await isolatedDatabase('jurisdiction');
    const ds = await createDataSource(db.url, 2).initialize();
    try {
      const migration = new LinksJurisdictionContacts1796361741399();
      const runner = ds.createQueryRunner();
      await migration.down(runner);
      const add = (email: string, roles: string[], codes: string[]) =>
        runner.query(`INSERT INTO app_user (email, password_hash, display_name, roles, moderated_province_codes) VALUES ($1, 'x', 'x', $2, $3)`, [email, roles, codes]);
      await add('national@x.vn', ['MEMBER', 'MODERATOR'], []);
      await add('hue@x.vn', ['MEMBER', 'MODERATOR'], ['hue']);
      await add('member@x.vn', ['MEMBER'], []);
      await migration.up(runner);
      const rows: { email: string; all_provinces: boolean }[] = await runner.query(`SELECT email, all_provinces FROM app_user ORDER BY email`);
      expect(Object.fromEntries(rows.map((r) => [r.email, r.all_provinces]))).toEqual({ 'hue@x.vn': false, 'member@x.vn': false, 'national@x.vn': true });
      await runner.release();
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('only admins grant it', async () => {
    const user = await registerUser(base, 'Người thường');
    expect((await user.client.error(SET_ROLES, { id: user.id, roles: ['MODERATOR'], all: true })).code).toBe('FORBIDDEN');
  });
});

describe('organisation profile edited by its members', () => {
  const UPDATE = `mutation($id: ID!, $input: OrganizationUpdateInput!) {
    updateOrganization(id: $id, input: $input) { id slug name description website contactEmail contactPhone verified province { code } }
  }`;

  it('a member edits name, description, website, province and contact; renaming a verified organisation sends it back to verification', async () => {
    const owner = await registerUser(base, 'Chủ');
    const member = await registerUser(base, 'Thành viên');
    const org = await createOrganization(owner.client, { provinceCode: 'ha-noi' });
    await addMember(owner.client, org.id, member.email);
    const moderator = await registerModerator(base, ['ha-noi']);
    await moderator.client.ok(VERIFY, { id: org.id });

    // Editing everything but the name keeps the verification.
    const kept = await member.client.ok<{ updateOrganization: Record<string, any> }>(UPDATE, {
      id: org.id,
      input: { description: 'Viện nghiên cứu cơ điện nông nghiệp.', website: 'https://vien.example.vn', contactEmail: 'LienHe@Vien.example.vn', contactPhone: '+84 24 3868 1234' },
    });
    expect(kept.updateOrganization).toMatchObject({
      slug: org.slug,
      description: 'Viện nghiên cứu cơ điện nông nghiệp.',
      website: 'https://vien.example.vn',
      contactEmail: 'lienhe@vien.example.vn',
      contactPhone: '+84 24 3868 1234',
      verified: true,
    });

    const renamed = await member.client.ok<{ updateOrganization: Record<string, any> }>(UPDATE, {
      id: org.id,
      input: { name: `Viện Cơ điện mới ${uniq('')}`, provinceCode: 'hue', website: '' },
    });
    expect(renamed.updateOrganization).toMatchObject({ verified: false, province: { code: 'hue' }, website: null, slug: org.slug });
    expect(renamed.updateOrganization.contactEmail).toBe('lienhe@vien.example.vn');
    // It is back in a queue (the new province's department).
    const hue = await registerModerator(base, ['hue']);
    const review = await hue.client.ok<{ organizationsForReview: { items: { id: string }[] } }>(`{ organizationsForReview(verified: false, page: { pageSize: 100 }) { items { id } } }`);
    expect(review.organizationsForReview.items.map((o) => o.id)).toContain(org.id);
    // The public page shows the new profile.
    const pub = await base.ok<{ organization: Record<string, any> }>(`query($s: String) { organization(slug: $s) { name contactEmail verified } }`, { s: org.slug });
    expect(pub.organization).toMatchObject({ name: renamed.updateOrganization.name, contactEmail: 'lienhe@vien.example.vn', verified: false });
  });

  it('bad input names every field, in the caller’s language; outsiders and anonymous callers are refused', async () => {
    const owner = await registerUser(base, 'Chủ');
    const org = await createOrganization(owner.client);
    const bad = await owner.client.inLang('en').error(UPDATE, { id: org.id, input: { name: 'X', website: 'not a url', contactEmail: 'nope', contactPhone: 'abc', provinceCode: 'atlantis' } });
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['input.contactEmail', 'input.contactPhone', 'input.name', 'input.provinceCode', 'input.website']);

    const outsider = await registerUser(base, 'Người ngoài');
    expect((await outsider.client.error(UPDATE, { id: org.id, input: { name: 'Chiếm quyền' } })).code).toBe('NOT_FOUND');
    expect((await base.error(UPDATE, { id: org.id, input: { name: 'Chiếm quyền' } })).code).toBe('UNAUTHENTICATED');
  });
});

describe('the deal review page: both organisations’ verification and the conversation', () => {
  const DEAL = `query($id: ID!) { deal(id: $id) { id supplier { id verified } buyer { id verified } conversation { body author { displayName } organization { id } } } }`;

  it('moderators covering the deal and the parties see the conversation; nobody else sees the deal', async () => {
    const supplier = await registerUser(base, 'Viện');
    const buyer = await registerUser(base, 'Công ty');
    const supplierOrg = await createOrganization(supplier.client, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const buyerOrg = await createOrganization(buyer.client, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
    const modIn = await registerModerator(base, ['can-tho']);
    await modIn.client.ok(VERIFY, { id: supplierOrg.id });
    const listing = await publishListing(base, supplier.client, { kind: 'OFFER', organizationId: supplierOrg.id, provinceCode: 'can-tho' });
    const interestId = await expressInterest(buyer.client, listing.id, buyerOrg.id, 'Chúng tôi cần 2 dây chuyền, giá có thương lượng không?');
    await acceptInterest(supplier.client, interestId);
    await supplier.client.ok(SEND, { id: interestId, b: 'Có, giảm 10% nếu mua từ 2 dây chuyền.' });
    const deal = await proposeDeal(buyer.client, interestId);
    await supplier.client.ok(RESPOND_DEAL, { id: deal.id, a: true, n: null });

    const seen = await modIn.client.ok<{ deal: { supplier: { verified: boolean }; buyer: { verified: boolean }; conversation: { body: string; organization: { id: string } }[] } }>(DEAL, { id: deal.id });
    expect(seen.deal.supplier.verified).toBe(true);
    expect(seen.deal.buyer.verified).toBe(false);
    expect(seen.deal.conversation.map((m) => m.body)).toEqual(['Chúng tôi cần 2 dây chuyền, giá có thương lượng không?', 'Có, giảm 10% nếu mua từ 2 dây chuyền.']);
    expect(seen.deal.conversation[0].organization.id).toBe(buyerOrg.id);

    // The parties see it too.
    expect((await buyer.client.ok<{ deal: { conversation: unknown[] } }>(DEAL, { id: deal.id })).deal.conversation).toHaveLength(2);

    // A moderator of the buyer's province (not the deal's), a moderator without provinces, a stranger: no deal at all.
    const modOut = await registerModerator(base, ['ha-noi']);
    expect((await modOut.client.ok<{ deal: unknown }>(DEAL, { id: deal.id })).deal).toBeNull();
    const unassigned = await registerUser(base, 'Cán bộ chưa phân công');
    await (await adminClient(base)).ok(SET_ROLES, { id: unassigned.id, roles: ['MODERATOR'], codes: [] });
    unassigned.client = await loginClient(base, unassigned.email);
    expect((await unassigned.client.ok<{ deal: unknown }>(DEAL, { id: deal.id })).deal).toBeNull();
    const stranger = await registerUser(base, 'Người lạ');
    expect((await stranger.client.ok<{ deal: unknown }>(DEAL, { id: deal.id })).deal).toBeNull();

    // The review itself still works for the covering moderator.
    await modIn.client.ok(REVIEW, { id: deal.id, d: 'APPROVE', n: null });
  }, 240_000);
});

describe('notification links point at storefront pages and opening the page marks them read', () => {
  const NOTES = `{ notifications { id kind url readAt } }`;
  const BY_URL = `mutation($u: String!) { markNotificationsReadByUrl(url: $u) }`;

  it('interest, deal and review notifications: opening the page behind the link marks them read', async () => {
    const supplier = await registerUser(base, 'Viện');
    const buyer = await registerUser(base, 'Công ty');
    const supplierOrg = await createOrganization(supplier.client, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'an-giang' });
    const buyerOrg = await createOrganization(buyer.client, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
    const listing = await publishListing(base, supplier.client, { kind: 'OFFER', organizationId: supplierOrg.id, provinceCode: 'an-giang' });
    const modIn = await registerModerator(base, ['an-giang']);
    const interestId = await expressInterest(buyer.client, listing.id, buyerOrg.id);
    await acceptInterest(supplier.client, interestId);
    const deal = await proposeDeal(buyer.client, interestId);
    await supplier.client.ok(RESPOND_DEAL, { id: deal.id, a: true, n: null });
    // Notifications are written in the transaction of the step (only their e-mails wait on the outbox).

    const supplierNotes = (await supplier.client.ok<{ notifications: { id: string; kind: string; url: string; readAt: string | null }[] }>(NOTES)).notifications;
    const interestNote = supplierNotes.find((n) => n.kind === 'INTEREST_NEW')!;
    // Short links the storefront redirects to the page (/dashboard/interests/<id>…).
    expect(interestNote.url).toBe(`/interests/${interestId}`);
    const dealNote = supplierNotes.find((n) => n.kind === 'DEAL_PROPOSED')!;
    expect(dealNote.url).toBe(`/deals/${deal.id}`);
    const approved = (await supplier.client.ok<{ notifications: { url: string }[] }>(NOTES)).notifications.filter((n) => n.url.startsWith('/listings/'));
    expect(approved.length).toBeGreaterThan(0);

    const reviewNote = (await modIn.client.ok<{ notifications: { kind: string; url: string }[] }>(NOTES)).notifications.find((n) => n.kind === 'DEAL_REVIEW_REQUESTED')!;
    expect(reviewNote.url).toBe(`/deals/${deal.id}`);
    // The department's review page is that deal's page too.
    expect((await modIn.client.ok<{ markNotificationsReadByUrl: number }>(BY_URL, { u: `/moderation/deals/${deal.id}` })).markNotificationsReadByUrl).toBe(1);

    // Opening the interest page (where the link leads) marks what links there read (query strings do not matter), and only that.
    expect((await supplier.client.ok<{ markNotificationsReadByUrl: number }>(BY_URL, { u: `/dashboard/interests/${interestId}?lang=en` })).markNotificationsReadByUrl).toBe(1);
    const after = (await supplier.client.ok<{ notifications: { id: string; readAt: string | null }[] }>(NOTES)).notifications;
    expect(after.find((n) => n.id === interestNote.id)!.readAt).not.toBeNull();
    expect(after.find((n) => n.id === dealNote.id)!.readAt).toBeNull();
    // Someone else opening the same address touches only their own notifications.
    const stranger = await registerUser(base, 'Người lạ');
    expect((await stranger.client.ok<{ markNotificationsReadByUrl: number }>(BY_URL, { u: interestNote.url })).markNotificationsReadByUrl).toBe(0);
    expect((await supplier.client.ok<{ notifications: { id: string; readAt: string | null }[] }>(NOTES)).notifications.find((n) => n.id === dealNote.id)!.readAt).toBeNull();

    expect((await base.error(BY_URL, { u: interestNote.url })).code).toBe('UNAUTHENTICATED');
    expect((await supplier.client.error(BY_URL, { u: 'https://evil.example/x' })).code).toBe('BAD_USER_INPUT');
  }, 240_000);
});
