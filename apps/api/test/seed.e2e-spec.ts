import { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, signIn } from './support/graphql.js';
import { DEMO_STAFF_TOTP_SECRET } from '../src/seed/demo-content.js';
import { createDataSource } from '../src/database/data-source.js';
import { seedDemo } from '../src/seed/seed.js';
import { seedDemoMedia } from '../src/modules/media/demo-media.js';
import { LocalMediaStore } from '../src/modules/media/storage/local-media-store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The demo exchange that `npm start` seeds, in a database of its own.
let db: IsolatedDatabase;
let t: TestApp;
let result: Awaited<ReturnType<typeof seedDemo>>;
let media: Awaited<ReturnType<typeof seedDemoMedia>>;
const mediaDir = mkdtempSync(join(tmpdir(), 'techport-seed-media-'));

beforeAll(async () => {
  db = await isolatedDatabase('seed');
  const ds = await createDataSource(db.url, 2).initialize();
  try {
    result = await seedDemo(ds, { ttlDays: 365 });
    // What `npm run seed` adds: pictures, sheets and logos drawn by the project.
    media = await seedDemoMedia(ds, new LocalMediaStore(mediaDir));
  } finally {
    await ds.destroy();
  }
  t = await startTestApp({ DATABASE_URL: db.url, MEILI_INDEX_PREFIX: `seed${process.pid}`, MEDIA_DIR: mediaDir });
  // Seeding ~500 listings with their media: 35 s on a quiet machine, over 120 s beside the
  // browser tests on a busy one (2026-12-05).
}, 300_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('seeds a believable exchange: hundreds of published offers and demands over the whole taxonomy', async () => {
    expect(result.seeded).toBe(true);
    const ds = t.app.get(DataSource);
    const rows: { kind: string; status: string; n: number }[] = await ds.query(`SELECT kind, status, count(*)::int AS n FROM listing GROUP BY kind, status`);
    const count = (kind: string, status: string) => rows.find((r) => r.kind === kind && r.status === status)?.n ?? 0;
    expect(count('OFFER', 'PUBLISHED')).toBeGreaterThanOrEqual(300);
    expect(count('DEMAND', 'PUBLISHED')).toBeGreaterThanOrEqual(80);
    for (const status of ['DRAFT', 'PENDING_REVIEW', 'REJECTED', 'ARCHIVED']) expect(count('OFFER', status) + count('DEMAND', status)).toBeGreaterThan(0);
    const [{ fields }] = await ds.query(`SELECT count(DISTINCT f)::int AS fields FROM listing, unnest(field_codes) f WHERE status = 'PUBLISHED'`);
    const [{ total }] = await ds.query(`SELECT count(*)::int AS total FROM tech_field`);
    expect(fields).toBe(total);
    const kinds: { kind: string }[] = await ds.query(`SELECT DISTINCT kind FROM organization`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['ENTERPRISE', 'GOVERNMENT', 'INTERMEDIARY', 'INVESTOR', 'OTHER', 'RESEARCH_INSTITUTE', 'UNIVERSITY']);
    const [{ provinces }] = await ds.query(`SELECT count(DISTINCT province_code)::int AS provinces FROM organization`);
    expect(provinces).toBeGreaterThanOrEqual(20);
    const [{ experts }] = await ds.query(`SELECT count(*)::int AS experts FROM expert_profile WHERE status = 'PUBLISHED'`);
    expect(experts).toBeGreaterThanOrEqual(15);
    // A register the department has reviewed, so the market figures are not all zero.
    const stats = await new Client(t.url).ok(`{ stats { dealsApproved dealValueApproved dealsByMonth { key count } } }`);
    expect(stats.stats.dealsApproved).toBeGreaterThanOrEqual(5);
    expect(stats.stats.dealValueApproved).toBeGreaterThan(0);
    // The stats page's monthly figures (a rollup refreshed by the worker) show the demo at once:
    // no worker runs here, and before, they were all zero until its first pass, 5 minutes in.
    const { marketFigures } = await new Client(t.url).ok(`{ marketFigures { totals { offersPublished demandsPublished interests dealsApproved } } }`);
    expect(marketFigures.totals.offersPublished).toBeGreaterThanOrEqual(100);
    expect(marketFigures.totals.demandsPublished).toBeGreaterThanOrEqual(20);
    expect(marketFigures.totals.interests).toBeGreaterThan(0);
  });

  it('gives every rejected listing a reason and a note, and every listing an audit trail', async () => {
    const ds = t.app.get(DataSource);
    const [{ bad }] = await ds.query(`SELECT count(*)::int AS bad FROM listing WHERE status = 'REJECTED' AND (rejection_reason IS NULL OR moderation_note IS NULL)`);
    expect(bad).toBe(0);
    const [{ orphans }] = await ds.query(`SELECT count(*)::int AS orphans FROM listing l WHERE NOT EXISTS (SELECT 1 FROM listing_event e WHERE e.listing_id = l.id)`);
    expect(orphans).toBe(0);
  });

  it('lets the demo accounts log in, with the moderators’ jurisdictions', async () => {
    const base = new Client(t.url);
    // Staff sign in with the demo authenticator secret as second step (members with the password only).
    const login = async (email: string) => base.as(await signIn(base, email, 'Techport@2026', DEMO_STAFF_TOTP_SECRET));
    const tayNinh = await login('moderator.tayninh@demo.techport.vn');
    const me = await tayNinh.ok(`{ me { roles moderatedProvinces { code } } }`);
    expect(me.me.roles).toContain('MODERATOR');
    expect(me.me.moderatedProvinces).toEqual([{ code: 'tay-ninh' }]);
    const national = await login('moderator@demo.techport.vn');
    expect((await national.ok(`{ me { moderatedProvinces { code } } }`)).me.moderatedProvinces).toEqual([]);
    // The seeded deals read back through the deals module like any other.
    const review = await national.ok(`{ deals(status: UNDER_REVIEW) { totalItems items { id status history { status actor { id } } supplier { name } buyer { name } } } }`);
    expect(review.deals.totalItems).toBeGreaterThanOrEqual(1);
    expect(review.deals.items[0].history.map((h: { status: string }) => h.status)).toEqual(['PROPOSED', 'ACCEPTED', 'UNDER_REVIEW']);
    const member = result.accounts.find((a) => a.roles.length === 1 && a.organizations.length > 0)!;
    const memberClient = await login(member.email);
    const mine = await memberClient.ok(`{ myListings(page: { pageSize: 100 }) { totalItems } }`);
    expect(mine.myListings.totalItems).toBeGreaterThan(0);
  });

  it('queues every published listing for the search index, and seeds only once', async () => {
    const ds = t.app.get(DataSource);
    const [{ queued }] = await ds.query(`SELECT count(DISTINCT payload->>'listingId')::int AS queued FROM outbox_event WHERE topic = 'listing.changed'`);
    const [{ published }] = await ds.query(`SELECT count(*)::int AS published FROM listing WHERE status = 'PUBLISHED'`);
    expect(queued).toBe(published);
    const ds2 = await createDataSource(db.url, 2).initialize();
    try {
      expect((await seedDemo(ds2, { ttlDays: 365 })).seeded).toBe(false);
    } finally {
      await ds2.destroy();
    }
  });

  it('gives half the published listings a picture, a quarter a second picture and a specification sheet, every organisation a logo, shown publicly', async () => {
    const ds = t.app.get(DataSource);
    const [{ published, orgs }] = await ds.query(`SELECT (SELECT count(*)::int FROM listing WHERE status = 'PUBLISHED') AS published, (SELECT count(*)::int FROM organization) AS orgs`);
    expect(media.pictures).toBe(Math.ceil(published / 2) + Math.ceil(published / 4));
    expect(media.sheets).toBe(Math.ceil(published / 4));
    expect(media.logos).toBe(orgs);
    // Every organisation was on the exchange before its listings were written, and verified after it joined.
    const [{ late }] = await ds.query(
      `SELECT count(*)::int AS late FROM organization o
        WHERE o.created_at > (SELECT min(l.created_at) FROM listing l WHERE l.organization_id = o.id) OR o.verified_at < o.created_at`,
    );
    expect(late).toBe(0);
    // The scores recorded at submission no longer ask for media where pictures are now attached.
    const [{ asked, illustrated }] = await ds.query(
      `SELECT count(*) FILTER (WHERE l.quality_hints @> '[{"code": "NO_MEDIA"}]')::int AS asked, count(*)::int AS illustrated
         FROM listing l WHERE l.kind = 'OFFER' AND EXISTS (SELECT 1 FROM attachment a WHERE a.owner_id = l.id)`,
    );
    expect(illustrated).toBeGreaterThan(0);
    expect(asked).toBe(0);
    const [{ slug }] = await ds.query(`SELECT l.slug FROM listing l JOIN attachment a ON a.owner_id = l.id AND a.kind = 'DOCUMENT' WHERE l.status = 'PUBLISHED' ORDER BY l.slug LIMIT 1`);
    const { listing } = await new Client(t.url).ok(`query($s: String!) { listing(slug: $s) { coverImage { width height url } attachments { kind fileName url } } }`, { s: slug });
    expect(listing.coverImage).toMatchObject({ width: 1200, height: 800 });
    expect(listing.attachments.map((a: { kind: string }) => a.kind)).toEqual(['IMAGE', 'IMAGE', 'DOCUMENT']);
    const picture = await fetch(`${t.url}${listing.coverImage.url}`);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await picture.arrayBuffer()).length).toBeLessThan(150_000);
    const sheet = await fetch(`${t.url}${listing.attachments[2].url}`);
    expect(sheet.headers.get('content-type')).toBe('application/pdf');
  });

  it('has a past Techmart with its exhibitors and answered meetings, and an upcoming one with registration open', async () => {
    const base = new Client(t.url);
    const q = `query($u: Boolean!) { events(input: { upcoming: $u }) { items { id slug kind ended registrationOpen participantCounts { exhibitors visitors } sessions { title } exhibitors { booth listings { id } } } } }`;
    const upcoming = (await base.ok(q, { u: true })).events.items;
    expect(upcoming).toEqual([expect.objectContaining({ kind: 'SPECIALISED_TECHMART', ended: false, registrationOpen: true })]);
    const all = (await base.ok(q, { u: false })).events.items;
    const past = all.find((e: { ended: boolean }) => e.ended);
    expect(past).toMatchObject({ kind: 'LOCAL_TECHMART', registrationOpen: false });
    expect(past.participantCounts.exhibitors).toBeGreaterThanOrEqual(3);
    expect(past.exhibitors.every((x: { booth: string | null; listings: unknown[] }) => x.booth && x.listings.length > 0)).toBe(true);
    expect(past.sessions.length).toBeGreaterThan(0);
    // Its programme reads in English on the English page.
    const inEnglish = (await base.inLang('en').ok(`query($id: ID) { event(id: $id) { sessions { title titleVi titleEn } } }`, { id: past.id })).event.sessions;
    expect(inEnglish[0]).toEqual({ title: 'Opening ceremony', titleVi: 'Khai mạc Chợ công nghệ và thiết bị', titleEn: 'Opening ceremony' });
    expect(inEnglish.every((s: { title: string; titleEn: string | null }) => s.titleEn && s.title === s.titleEn)).toBe(true);
    expect(result.counts.meetingRequests).toBeGreaterThan(0);
    // Its meetings were held and turned into deals and MOUs: the department's report has figures.
    const national = base.as(await signIn(base, 'moderator@demo.techport.vn', 'Techport@2026', DEMO_STAFF_TOTP_SECRET));
    const report = (await national.ok(`query($e: ID!) { eventReport(eventId: $e) { visitorsCheckedIn meetingsHeld meetingsNoShow mous contracts dealsApproved dealValueApproved outcomes { dealId } } }`, { e: past.id })).eventReport;
    expect(report.meetingsHeld).toBeGreaterThan(0);
    expect(report.contracts + report.mous).toBeGreaterThan(0);
    expect(report.dealValueApproved).toBeGreaterThan(0);
    expect(report.visitorsCheckedIn).toBeGreaterThan(0);
    // Every event's history is one the workflow allows, ending where the event stands.
    const trails = await t.app.get(DataSource).query(
      `SELECT e.status, array_agg(s.action ORDER BY s.at) AS actions FROM techmart_event e JOIN techmart_event_step s ON s.event_id = e.id GROUP BY e.id, e.status`,
    );
    expect(trails).toEqual([
      { status: 'PUBLISHED', actions: ['CREATE', 'SUBMIT', 'APPROVE'] },
      { status: 'PUBLISHED', actions: ['CREATE', 'SUBMIT', 'APPROVE'] },
    ]);
    // No organisation registered before registration opened, nor was decided on before registering.
    const early = await t.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM techmart_registration r JOIN techmart_event e ON e.id = r.event_id WHERE r.created_at < e.registration_opens_at OR r.decided_at < r.created_at`,
    );
    expect(early).toEqual([{ n: 0 }]);
  });
});
