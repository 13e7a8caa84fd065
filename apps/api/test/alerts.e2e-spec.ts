import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { MatchingAlertsService } from '../src/modules/matching/matching-alerts.service.js';
import { MatchDigestService } from '../src/modules/matching/match-digest.service.js';
import { createOrganization, registerUser, type Client } from './support/graphql.js';
import { createSearchDb, draft, moderatorFor, privateMeili, publish, searchPrefix, startSearchApp, type ListingSpec, type SearchApp, type SearchDb } from './support/search.js';

// Match alerts end to end: a moderator publishes a listing → the outbox worker (t.settle(), as the
// background worker would) matches it against the index → notifications in the app and e-mails in
// the local outbox (no SMTP). On a database and a Meilisearch of this spec's own, so every count
// of notifications below is exact.

jest.setTimeout(120_000);

const NOTIFICATIONS = `{ notifications { id kind title body url readAt } }`;
interface Note {
  id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
}

const mailDir = mkdtempSync(join(tmpdir(), 'techport-alerts-mail-'));
let db: SearchDb;
let s: SearchApp;
let meili: Awaited<ReturnType<typeof privateMeili>>;
let moderator: () => Promise<Client>;
let alerts: MatchingAlertsService;

async function notes(client: Client, kind?: string): Promise<Note[]> {
  const all = (await client.ok<{ notifications: Note[] }>(NOTIFICATIONS)).notifications;
  return kind ? all.filter((n) => n.kind === kind) : all;
}
async function count(): Promise<number> {
  const [row] = await s.t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM notification WHERE kind IN ('NEW_MATCH', 'MATCH_SUMMARY', 'SAVED_SEARCH_MATCH')`);
  return row.n;
}
function mailsTo(email: string): string[] {
  if (!existsSync(mailDir)) return [];
  const tag = email.replace(/[^a-z0-9@._-]/gi, '_');
  return readdirSync(mailDir)
    .filter((f) => f.includes(tag))
    .map((f) => readFileSync(join(mailDir, f), 'utf8'));
}
/** The text of an .eml, its body decoded (base64 or quoted-printable), good enough to search. */
function plain(eml: string): string {
  const at = eml.search(/\r?\n\r?\n/);
  const head = eml.slice(0, at);
  const body = eml.slice(at).trim();
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    const text = body.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
    return `${head}\n\n${text}`;
  }
  return eml;
}

const slug = () => Math.random().toString(36).slice(2, 8);

/** A demand for a way to dry fruit without smoke, and an offer of a heat-pump dryer that answers it. */
const dryingDemand = (organizationId: string, over: Partial<ListingSpec> = {}): ListingSpec => ({
  kind: 'DEMAND',
  organizationId,
  title: `Sấy xoài và mít không bị ám khói, giữ màu đẹp ${slug()}`,
  summary: 'Cơ sở sấy trái cây đang dùng lò đốt củi, sản phẩm bị ám mùi khói và sậm màu, khách hàng xuất khẩu phàn nàn.',
  description: 'Mỗi ngày sấy 2 tấn xoài, mít tươi; cần thiết bị sấy sạch, nhiệt đều, giữ màu vàng tự nhiên và tiết kiệm chi phí nhiên liệu.',
  keywords: ['sấy trái cây', 'ám khói', 'xoài sấy'],
  fieldCodes: ['407'],
  trl: 6,
  transferModes: ['EQUIPMENT_SUPPLY', 'TECHNICAL_SERVICE'],
  priceMax: 800_000_000,
  provinceCode: 'dong-thap',
  ...over,
});
const dryerOffer = (organizationId: string, over: Partial<ListingSpec> = {}): ListingSpec => ({
  kind: 'OFFER',
  organizationId,
  title: `Máy sấy bơm nhiệt cho xoài, mít và trái cây sấy dẻo ${slug()}`,
  summary: 'Sấy bơm nhiệt ở 40–55 °C, không dùng củi nên không ám khói, giữ màu và mùi tự nhiên của trái cây; tiết kiệm 50% năng lượng.',
  description: 'Buồng sấy bơm nhiệt công suất 500 kg/mẻ, điều khiển nhiệt độ và độ ẩm tự động; chuyển giao thiết bị, quy trình sấy xoài, mít và đào tạo vận hành.',
  keywords: ['sấy bơm nhiệt', 'trái cây sấy', 'xoài sấy dẻo'],
  fieldCodes: ['407'],
  trl: 8,
  transferModes: ['EQUIPMENT_SUPPLY'],
  priceMin: 450_000_000,
  priceMax: 600_000_000,
  provinceCode: 'can-tho',
  ...over,
});
const wastewaterOffer = (organizationId: string): ListingSpec => ({
  kind: 'OFFER',
  organizationId,
  title: `Xử lý nước thải chăn nuôi heo bằng biogas và đất ngập nước ${slug()}`,
  summary: 'Hầm biogas phủ bạt HDPE kết hợp bãi lọc trồng cây xử lý nước thải trại heo đạt QCVN 62-MT:2016.',
  keywords: ['nước thải chăn nuôi', 'biogas'],
  fieldCodes: ['207'],
  trl: 8,
  transferModes: ['TURNKEY'],
  provinceCode: 'dong-nai',
});

beforeAll(async () => {
  meili = await privateMeili();
  db = await createSearchDb();
  s = await startSearchApp(db, searchPrefix(), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, MAIL_OUTBOX_DIR: mailDir, PUBLIC_WEB_URL: 'https://san.example.vn' });
  moderator = moderatorFor(s.base);
  alerts = s.t.app.get(MatchingAlertsService);
}, 120_000);

afterAll(async () => {
  s?.t.app.get(Clock).reset();
  await s?.close();
  await meili?.dispose();
  await db?.drop();
  rmSync(mailDir, { recursive: true, force: true });
});

/** A member with an organisation of their own. */
async function member(name: string, org: { name: string; kind: string; provinceCode: string }) {
  const user = await registerUser(s.base, name);
  const { id } = await createOrganization(user.client, org);
  return { ...user, orgId: id };
}

describe('alerts: a new listing reaches the owners of the listings it matches', () => {
  it('alerts the owners of a fitting demand once, e-mails them, and sends the new offer’s organisation a summary', async () => {
    const m = await moderator();
    const dryerShop = await member('Chủ cơ sở sấy', { name: `Cơ sở sấy trái cây Sa Đéc ${slug()}`, kind: 'ENTERPRISE', provinceCode: 'dong-thap' });
    const lab = await member('Kỹ sư viện', { name: `Viện Cơ điện Nông nghiệp ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const demandId = await publish(dryerShop.client, m, dryingDemand(dryerShop.orgId));
    await s.t.settle();
    // the demand was published before any offer: nothing to alert yet
    expect(await notes(dryerShop.client, 'NEW_MATCH')).toHaveLength(0);

    const offerId = await publish(lab.client, m, dryerOffer(lab.orgId));
    // computed by the worker, not in the request: nothing yet
    expect(await notes(dryerShop.client, 'NEW_MATCH')).toHaveLength(0);
    await s.t.settle();

    const got = await notes(dryerShop.client, 'NEW_MATCH');
    expect(got).toHaveLength(1);
    expect(got[0].title).toMatch(/^Công nghệ mới phù hợp với nhu cầu "Sấy xoài và mít/);
    expect(got[0].body).toMatch(/phù hợp \d+% với tin/);
    expect(got[0].body).toMatch(/Lý do: /);
    const offerSlug = (await s.base.ok(`query($id: ID!) { listing(id: $id) { slug } }`, { id: offerId })).listing.slug;
    expect(got[0].url).toBe(`/listings/${offerSlug}`);
    const en = (await notes(dryerShop.client.inLang('en'), 'NEW_MATCH'))[0];
    expect(en.title).toMatch(/^A new technology fits your demand "Sấy xoài/);
    expect(en.body).toMatch(/Why: /);

    // the new offer's organisation: one summary naming the demand
    const summary = await notes(lab.client, 'MATCH_SUMMARY');
    expect(summary).toHaveLength(1);
    expect(summary[0].body).toContain('Sấy xoài và mít không bị ám khói');
    expect(await notes(lab.client, 'NEW_MATCH')).toHaveLength(0);

    // e-mailed once (no SMTP: the local outbox), with the absolute link
    const mails = mailsTo(dryerShop.email).map(plain);
    expect(mails.filter((m) => m.includes('A new technology fits your demand'))).toHaveLength(1);
    expect(mails.join('\n')).toContain(`https://san.example.vn/listings/${offerSlug}`);

    // idempotent: the handler run again for the same listing adds nothing
    const before = await count();
    const again = await alerts.alertFor(offerId, 'APPROVE');
    expect(again.notifications).toBe(0);
    expect(await count()).toBe(before);
    expect(await notes(dryerShop.client, 'NEW_MATCH')).toHaveLength(1);
    // a renewal of the demand looks again from its side: the offer's owners, told only by their
    // summary so far, get the pair alert; the demand's owners are not alerted about it again
    await alerts.alertFor(demandId, 'RENEW');
    await alerts.alertFor(demandId, 'RENEW');
    expect(await notes(dryerShop.client, 'NEW_MATCH')).toHaveLength(1);
    expect(await notes(lab.client, 'NEW_MATCH')).toHaveLength(1);
    expect(await notes(dryerShop.client, 'MATCH_SUMMARY')).toHaveLength(0);
  });

  it('works the other way: a new demand alerts the owners of fitting offers, not those of unrelated ones', async () => {
    const m = await moderator();
    const maker = await member('Kỹ sư cơ khí', { name: `Công ty Cơ khí Sấy Miền Tây ${slug()}`, kind: 'ENTERPRISE', provinceCode: 'can-tho' });
    const env = await member('Kỹ sư môi trường', { name: `Công ty Môi trường Nông thôn ${slug()}`, kind: 'ENTERPRISE', provinceCode: 'dong-nai' });
    await publish(maker.client, m, dryerOffer(maker.orgId));
    await publish(env.client, m, wastewaterOffer(env.orgId));
    await s.t.settle();
    const buyer = await member('Giám đốc HTX', { name: `HTX Xoài Cao Lãnh ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    await publish(buyer.client, m, dryingDemand(buyer.orgId));
    await s.t.settle();

    const got = await notes(maker.client, 'NEW_MATCH');
    expect(got).toHaveLength(1);
    expect(got[0].title).toMatch(/^Nhu cầu mới phù hợp với công nghệ "Máy sấy bơm nhiệt/);
    expect(await notes(env.client, 'NEW_MATCH')).toHaveLength(0);
    const summary = await notes(buyer.client, 'MATCH_SUMMARY');
    expect(summary).toHaveLength(1);
    expect(summary[0].title).toMatch(/đã có \d+ công nghệ phù hợp/);
  });
});

describe('alerts: unpublished listings are never matched nor alerted', () => {
  it('does not alert the owners of a draft, a listing in review or an archived listing, and sends nothing for a listing archived before the worker ran', async () => {
    const m = await moderator();
    const drafter = await member('Người soạn nháp', { name: `HTX Nháp ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    const reviewer = await member('Người chờ duyệt', { name: `HTX Chờ duyệt ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    const archiver = await member('Người lưu trữ', { name: `HTX Lưu trữ ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    await draft(drafter.client, dryingDemand(drafter.orgId));
    const pending = await draft(reviewer.client, dryingDemand(reviewer.orgId));
    await reviewer.client.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: pending });
    const archived = await publish(archiver.client, m, dryingDemand(archiver.orgId));
    await archiver.client.ok(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id: archived });
    await s.t.settle();

    // a new dryer offer: none of these demands is public, so none is alerted
    const lab = await member('Kỹ sư', { name: `Trung tâm Ứng dụng Sấy ${slug()}`, kind: 'INTERMEDIARY', provinceCode: 'can-tho' });
    await publish(lab.client, m, dryerOffer(lab.orgId));
    await s.t.settle();
    for (const who of [drafter, reviewer, archiver]) expect(await notes(who.client, 'NEW_MATCH')).toHaveLength(0);

    // an offer archived between its approval and the worker's turn alerts nobody
    const late = await member('Kỹ sư muộn', { name: `Viện Sấy Muộn ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const before = await count();
    const lateOffer = await publish(late.client, m, dryerOffer(late.orgId));
    await late.client.ok(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id: lateOffer });
    await s.t.settle();
    expect(await count()).toBe(before);
    expect(await alerts.alertFor(lateOffer)).toEqual({ counterparts: 0, notifications: 0, savedSearches: 0 });
  });
});

describe('alerts: saved searches', () => {
  const SAVE = `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { id } }`;

  it('alerts the owner of each saved search a new listing satisfies, once; not the others', async () => {
    const m = await moderator();
    const watcher = await registerUser(s.base, 'Người theo dõi');
    const other = await registerUser(s.base, 'Người theo dõi khác');
    const muted = await registerUser(s.base, 'Người tắt thông báo');
    const fits = (await watcher.client.ok(SAVE, { input: { name: 'Sấy trái cây', search: { query: 'sấy bơm nhiệt trái cây', kind: 'OFFER', provinceCodes: ['can-tho'] } } })).saveSearch.id;
    await watcher.client.ok(SAVE, { input: { name: 'Sấy ở Hà Nội', search: { query: 'sấy bơm nhiệt', provinceCodes: ['ha-noi'] } } });
    await watcher.client.ok(SAVE, { input: { name: 'Nhu cầu sấy', search: { query: 'sấy', kind: 'DEMAND' } } });
    await other.client.ok(SAVE, { input: { name: 'Nước thải', search: { query: 'xử lý nước thải' } } });
    await muted.client.ok(SAVE, { input: { name: 'Sấy (không báo)', search: { query: 'sấy bơm nhiệt' }, notify: false } });
    // typed without diacritics, with a TRL filter the offer meets
    const folded = (await other.client.ok(SAVE, { input: { name: 'may say', search: { query: 'may say bom nhiet', trlMin: 7 } } })).saveSearch.id;

    const lab = await member('Kỹ sư', { name: `Viện Sấy Cần Thơ ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const offerId = await publish(lab.client, m, dryerOffer(lab.orgId));
    await s.t.settle();

    const w = await notes(watcher.client, 'SAVED_SEARCH_MATCH');
    expect(w).toHaveLength(1);
    expect(w[0].title).toBe('Tin mới cho tìm kiếm "Sấy trái cây"');
    expect((await notes(watcher.client.inLang('en'), 'SAVED_SEARCH_MATCH'))[0].title).toBe('New listing for your saved search "Sấy trái cây"');
    const o = await notes(other.client, 'SAVED_SEARCH_MATCH');
    expect(o.map((n) => n.title)).toEqual(['Tin mới cho tìm kiếm "may say"']);
    expect(await notes(muted.client, 'SAVED_SEARCH_MATCH')).toHaveLength(0);
    const rows = await s.t.app.get(DataSource).query(`SELECT dedupe_key FROM notification WHERE kind = 'SAVED_SEARCH_MATCH' AND dedupe_key LIKE '%' || $1 ORDER BY dedupe_key`, [offerId]);
    expect(rows.map((r: { dedupe_key: string }) => r.dedupe_key).sort()).toEqual([`saved-search:${fits}:${offerId}`, `saved-search:${folded}:${offerId}`].sort());

    // once per saved search and listing
    await alerts.alertFor(offerId, 'RENEW');
    expect(await notes(watcher.client, 'SAVED_SEARCH_MATCH')).toHaveLength(1);
    expect(await notes(other.client, 'SAVED_SEARCH_MATCH')).toHaveLength(1);
  });

  it("does not alert a saved search's owner about their own organisation's listing", async () => {
    const m = await moderator();
    const lab = await member('Kỹ sư tự theo dõi', { name: `Viện Tự Theo Dõi ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    await lab.client.ok(SAVE, { input: { name: 'Máy sấy', search: { query: 'máy sấy bơm nhiệt' } } });
    await publish(lab.client, m, dryerOffer(lab.orgId));
    await s.t.settle();
    expect(await notes(lab.client, 'SAVED_SEARCH_MATCH')).toHaveLength(0);
  });
});

describe('alerts: the daily digest', () => {
  const PREFS = `mutation($d: Boolean!) { setNotificationPreferences(digest: $d) { id notificationDigest } }`;

  it('keeps alerts in the app at once but e-mails them together once a day to users who ask for it', async () => {
    const m = await moderator();
    const digestUser = await member('Người nhận bản tin', { name: `HTX Bản tin ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    const me = await digestUser.client.ok(PREFS, { d: true });
    expect(me.setNotificationPreferences.notificationDigest).toBe(true);
    expect((await digestUser.client.ok(`{ me { notificationDigest } }`)).me.notificationDigest).toBe(true);
    // nobody else reads it
    expect((await s.base.ok(`{ me { id } }`)).me).toBeNull();

    await publish(digestUser.client, m, dryingDemand(digestUser.orgId));
    await digestUser.client.ok(`mutation($input: SavedSearchInput!) { saveSearch(input: $input) { id } }`, { input: { name: 'Bơm nhiệt', search: { query: 'sấy bơm nhiệt', kind: 'OFFER' } } });
    await s.t.settle();
    const lab = await member('Kỹ sư', { name: `Viện Sấy Bản Tin ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    await publish(lab.client, m, dryerOffer(lab.orgId));
    await s.t.settle();

    // in the app at once: the pair alert and the saved-search alert
    const inApp = await notes(digestUser.client);
    expect(inApp.filter((n) => n.kind === 'NEW_MATCH')).toHaveLength(1);
    expect(inApp.filter((n) => n.kind === 'SAVED_SEARCH_MATCH')).toHaveLength(1);
    // …but not e-mailed one by one (the approval notice, not an alert, is e-mailed as usual)
    const alertMail = () => mailsTo(digestUser.email).map(plain).filter((t) => t.includes('A new technology fits your demand') || t.includes('New listing for your saved search'));
    expect(alertMail()).toHaveLength(0);

    const digest = s.t.app.get(MatchDigestService);
    const clock = s.t.app.get(Clock);
    // before the day's digest time nothing goes out; a day later, one e-mail with both alerts
    expect((await digest.runOnce()).users).toBe(0);
    clock.advance(24 * 3_600_000);
    try {
      const sent = await digest.runOnce();
      expect(sent.users).toBeGreaterThanOrEqual(1);
      const mails = alertMail();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain('Công nghệ mới phù hợp với nhu cầu');
      expect(mails[0]).toContain('Tin mới cho tìm kiếm "Bơm nhiệt"');
      expect(mails[0]).toContain('New listing for your saved search "Bơm nhiệt"');
      expect(mails[0]).toContain('Your matches and new listings');
      // sent once
      await digest.runOnce();
      expect(alertMail()).toHaveLength(1);
    } finally {
      clock.reset();
    }
    // the lab (no digest) got its summary e-mailed at once
    expect(mailsTo(lab.email).map(plain).some((t) => t.includes('Your listing was just published.'))).toBe(true);
  });

  it('sends the alerts waiting for a digest at once when the user turns the digest off', async () => {
    const m = await moderator();
    const user = await member('Người đổi ý', { name: `HTX Đổi Ý ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    await user.client.ok(PREFS, { d: true });
    await publish(user.client, m, dryingDemand(user.orgId));
    await s.t.settle();
    const lab = await member('Kỹ sư', { name: `Viện Sấy Đổi Ý ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    await publish(lab.client, m, dryerOffer(lab.orgId));
    await s.t.settle();
    const alertMail = () => mailsTo(user.email).map(plain).filter((t) => t.includes('A new technology fits your demand'));
    expect(alertMail()).toHaveLength(0);
    expect((await user.client.ok(PREFS, { d: false })).setNotificationPreferences.notificationDigest).toBe(false);
    await s.t.settle();
    expect(alertMail()).toHaveLength(1);
    expect((await s.base.error(PREFS, { d: true })).code).toBe('UNAUTHENTICATED');
  });

  it('keeps alerts in the app only while alert e-mails are off, and never e-mails those later', async () => {
    const MODE = `mutation($mode: AlertEmails) { setNotificationPreferences(alertEmails: $mode) { id alertEmails notificationDigest } }`;
    const m = await moderator();
    const user = await member('Người tắt e-mail', { name: `HTX Tắt Thư ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    const off = (await user.client.ok(MODE, { mode: 'OFF' })).setNotificationPreferences;
    expect(off).toMatchObject({ alertEmails: 'OFF', notificationDigest: false });
    expect((await user.client.ok(`{ me { alertEmails } }`)).me.alertEmails).toBe('OFF');
    await publish(user.client, m, dryingDemand(user.orgId));
    await s.t.settle();
    const lab = await member('Kỹ sư', { name: `Viện Sấy Tắt Thư ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    await publish(lab.client, m, dryerOffer(lab.orgId));
    await s.t.settle();
    // in the app, not by e-mail (the listing's approval, not an alert, is still e-mailed)
    expect((await notes(user.client)).filter((n) => n.kind === 'NEW_MATCH')).toHaveLength(1);
    const alertMail = () => mailsTo(user.email).map(plain).filter((t) => t.includes('A new technology fits your demand'));
    expect(alertMail()).toHaveLength(0);
    expect(mailsTo(user.email).map(plain).some((t) => t.includes('was approved by the department and is now public.'))).toBe(true);

    // turned on again as a daily digest: the alert held while off is not sent; one that comes after is
    expect((await user.client.ok(MODE, { mode: 'DAILY' })).setNotificationPreferences).toMatchObject({ alertEmails: 'DAILY', notificationDigest: true });
    const digest = s.t.app.get(MatchDigestService);
    const clock = s.t.app.get(Clock);
    clock.advance(24 * 3_600_000);
    try {
      await digest.runOnce();
      expect(alertMail()).toHaveLength(0);
    } finally {
      clock.reset();
    }
    const lab2 = await member('Kỹ sư', { name: `Viện Sấy Bật Lại ${slug()}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    await publish(lab2.client, m, dryerOffer(lab2.orgId));
    await s.t.settle();
    expect((await notes(user.client)).filter((n) => n.kind === 'NEW_MATCH')).toHaveLength(2);
    clock.advance(24 * 3_600_000);
    try {
      await digest.runOnce();
      const mails = alertMail();
      expect(mails).toHaveLength(1);
      // the one alert that came after, not the one held while off
      expect(mails[0]).toContain('Your matches and new listings');
      expect(mails[0]).toMatch(/\n\s*1\. /);
      expect(mails[0]).not.toMatch(/\n\s*2\. /);
    } finally {
      clock.reset();
    }
  });

  it('asks for exactly one way of saying the choice, naming the field', async () => {
    const user = await member('Người chọn', { name: `HTX Chọn ${slug()}`, kind: 'OTHER', provinceCode: 'dong-thap' });
    const both = await user.client.error(`mutation { setNotificationPreferences(digest: true, alertEmails: OFF) { id } }`);
    expect(both.code).toBe('BAD_USER_INPUT');
    expect(both.fields).toHaveProperty('alertEmails');
    expect((await user.client.error(`mutation { setNotificationPreferences { id } }`)).code).toBe('BAD_USER_INPUT');
    expect((await user.client.ok(`{ me { alertEmails } }`)).me.alertEmails).toBe('EACH');
  });
});
