import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { isolatedDatabase, type IsolatedDatabase } from './support/database.js';
import { Client, registerUser } from './support/graphql.js';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';

let outboxDir: string;
let t: TestApp;
let db: IsolatedDatabase;
let base: Client;

beforeAll(async () => {
  // A database of its own: e-mails are sent by whichever app's outbox worker claims them, and
  // another spec's app (another PUBLIC_WEB_URL) would write these links otherwise.
  db = await isolatedDatabase('notifications');
  t = await startTestApp({ DATABASE_URL: db.url, PUBLIC_WEB_URL: 'https://san.example.vn' });
  outboxDir = t.mailDir;
  base = new Client(t.url);
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

async function notify(userIds: string[], dedupeKey?: string) {
  const service = t.app.get(NotificationsService);
  return t.app.get(DataSource).transaction((em) =>
    service.notifyUsers(em, userIds, {
      kind: 'TEST',
      title: { vi: 'Có nhu cầu mới phù hợp', en: 'A new matching demand' },
      body: { vi: 'Một doanh nghiệp cần công nghệ của bạn.', en: 'A business needs your technology.' },
      url: '/listings/may-say-bom-nhiet',
      dedupeKey,
    }),
  );
}

describe('notifications', () => {
  it('shows a user their notifications in the request language and marks only their own read', async () => {
    const a = await registerUser(base);
    const b = await registerUser(base);
    await notify([a.id, b.id]);
    const Q = `query($u: Boolean) { notifications(unreadOnly: $u) { id kind title body url readAt } }`;
    const vi = await a.client.ok(Q);
    const en = await a.client.inLang('en').ok(Q);
    expect(vi.notifications).toHaveLength(1);
    expect(vi.notifications[0].title).toBe('Có nhu cầu mới phù hợp');
    expect(en.notifications[0].title).toBe('A new matching demand');
    const bIds = (await b.client.ok(Q)).notifications.map((n: { id: string }) => n.id);
    // a cannot mark b's notification read
    expect((await a.client.ok(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: bIds })).markNotificationsRead).toBe(0);
    expect((await b.client.ok(Q, { u: true })).notifications).toHaveLength(1);
    expect((await a.client.ok(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [vi.notifications[0].id] })).markNotificationsRead).toBe(1);
    expect((await a.client.ok(Q, { u: true })).notifications).toHaveLength(0);
    expect((await base.error(Q)).code).toBe('UNAUTHENTICATED');
  });

  it('notifies once per deduplication key', async () => {
    const a = await registerUser(base);
    expect(await notify([a.id], 'pair:1:2')).toBe(1);
    expect(await notify([a.id], 'pair:1:2')).toBe(0);
    expect((await a.client.ok(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(1);
  });

  it('e-mails each notification after commit, into the local outbox without SMTP', async () => {
    const a = await registerUser(base);
    await notify([a.id]);
    await t.settle();
    // Besides the activation e-mail every new account gets.
    const files = readdirSync(outboxDir)
      .filter((f) => f.includes(a.email.replace(/[^a-z0-9@._-]/gi, '_')))
      .map((f) => readFileSync(join(outboxDir, f), 'utf8'))
      .filter((eml) => !eml.includes('/activate/'));
    expect(files).toHaveLength(1);
    const eml = files[0];
    expect(eml).toMatch(/To: .*@example\.vn/);
    expect(eml).toContain('https://san.example.vn/listings/may-say-bom-nhiet');
  });

  it("e-mails an account in the language of the interface it last used: subject and text first, the other language below", async () => {
    // Registered from the English interface: English from the first e-mail.
    const en = await registerUser(base.inLang('en'), 'Daniel Park');
    const mails = () =>
      readdirSync(outboxDir)
        .filter((f) => f.includes(en.email.replace(/[^a-z0-9@._-]/gi, '_')))
        .sort()
        .map((f) => plainMail(readFileSync(join(outboxDir, f), 'utf8')))
        .filter((m) => !m.includes('/activate/'));
    await notify([en.id]);
    await t.settle();
    const [first] = mails();
    expect(first).toMatch(/^Subject: A new matching demand$/m);
    expect(first.indexOf('A business needs your technology.')).toBeLessThan(first.indexOf('Một doanh nghiệp cần công nghệ của bạn.'));
    // Both language parts alike: the headline, the message, the link; the English part's link
    // opens the storefront in English (it opens in Vietnamese unless asked).
    const link = 'https://san.example.vn/listings/may-say-bom-nhiet';
    const body = first.slice(first.search(/\r?\n\r?\n/)).replace(/\r\n/g, '\n').trim();
    expect(body.split('\n\n---\n')).toEqual([
      `A new matching demand\n\nA business needs your technology.\n\n${link}?lang=en`,
      `Có nhu cầu mới phù hợp\n\nMột doanh nghiệp cần công nghệ của bạn.\n\n${link}`,
    ]);
    // An account e-mail (a password reset) too, its English link to English pages.
    await base.inLang('en').ok(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: en.email });
    await t.settle();
    const reset = mails().find((m) => m.includes('/reset-password/'))!;
    expect(reset).toMatch(/^Subject: Reset your Techport password \/ /m);
    const [resetEn, resetVi] = reset.slice(reset.search(/\r?\n\r?\n/)).split(/\r?\n---\r?\n/);
    expect(resetEn).toMatch(/https:\/\/san\.example\.vn\/reset-password\/[\w-]+\?lang=en\s/);
    expect(resetVi).toMatch(/https:\/\/san\.example\.vn\/reset-password\/[\w-]+\s/);
    // The same person uses the Vietnamese interface: their next e-mails come in Vietnamese first.
    await en.client.inLang('vi').ok(`{ me { id } }`);
    await notify([en.id]);
    await t.settle();
    const latest = mails().filter((m) => !m.includes('/reset-password/')).at(-1)!;
    expect(latest).toMatch(/^Subject: Có nhu cầu mới phù hợp$/m);
    expect(latest.indexOf('Một doanh nghiệp cần công nghệ của bạn.')).toBeLessThan(latest.indexOf('A business needs your technology.'));
  });
});

/** An .eml with its subject and body decoded (RFC 2047 words, base64 or quoted-printable), good enough to search. */
function plainMail(eml: string): string {
  const at = eml.search(/\r?\n\r?\n/);
  const head = eml
    .slice(0, at)
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=[ \t]*/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
  const body = eml.slice(at).trim();
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    const text = body.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
    return `${head}\n\n${text}`;
  }
  return `${head}\n\n${body}`;
}
