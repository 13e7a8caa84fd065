// E-mailed links (activation, password reset, invitations), without HTTP: a link works the moment
// its e-mail leaves, and a send that fails is retried with a fresh link (the first one never works).
// What a user sees of registration and resets through the API is registration / password-reset.e2e-spec.ts.
import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { AccountsService } from '../src/modules/accounts/accounts.service.js';
import { MailerService, type Mail } from '../src/modules/notifications/mailer.service.js';
import { AppError } from '../src/common/errors.js';
import { runWithRequestContext } from '../src/common/request-context.js';
import { startTestContext, type TestContext } from './support/factories.js';

let ctx: TestContext;
let accounts: AccountsService;
let mailer: MailerService;
const client = { userAgent: 'jest', address: '127.0.0.1' };

beforeAll(async () => {
  ctx = await startTestContext();
  accounts = ctx.get(AccountsService);
  mailer = ctx.get(MailerService);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => ctx.close());

const secretOf = (mail: Mail) => /\/activate\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
const newAddress = () => `link-${randomBytes(4).toString('hex')}@example.vn`;

describe('e-mailed links', () => {
  it('an activation link works the moment its e-mail is sent (the secret is committed before it leaves)', async () => {
    const send = mailer.send.bind(mailer);
    const openedOnArrival: string[] = [];
    // A reader who opens the link while the e-mail is still being handed over.
    jest.spyOn(mailer, 'send').mockImplementation(async (mail) => {
      const secret = secretOf(mail);
      if (secret) openedOnArrival.push((await accounts.activate(secret, client)).user.email);
      await send(mail);
    });
    const email = newAddress();
    await accounts.register({ email, password: 'Mot-mat-khau-dai-2026', displayName: 'Người Đọc Nhanh' });
    await ctx.settle();
    expect(openedOnArrival).toEqual([email]);
    const [user] = await ctx.ds.query(`SELECT email_verified_at FROM app_user WHERE email = $1`, [email]);
    expect(user.email_verified_at).not.toBeNull();
  });

  it('writes the activation e-mail in the language of the page registered from first, the other after', async () => {
    const sent: Mail[] = [];
    jest.spyOn(mailer, 'send').mockImplementation(async (mail) => void sent.push(mail));
    const [english, vietnamese] = [newAddress(), newAddress()];
    await runWithRequestContext({ lang: 'en', requestId: 'en' }, () => accounts.register({ email: english, password: 'Mot-mat-khau-dai-2026', displayName: 'Anna Schmidt' }));
    await runWithRequestContext({ lang: 'vi', requestId: 'vi' }, () => accounts.register({ email: vietnamese, password: 'Mot-mat-khau-dai-2026', displayName: 'Người Việt' }));
    await ctx.settle();
    const to = (address: string) => sent.find((m) => m.to === address)!;
    expect(to(english).subject).toMatch(/^Confirm your e-mail .* \/ Xác nhận/);
    expect(to(english).text).toMatch(/^Hello Anna Schmidt,[\s\S]*\n---\nChào Anna Schmidt,/);
    expect(to(vietnamese).subject).toMatch(/^Xác nhận .* \/ Confirm/);
    expect(to(vietnamese).text).toMatch(/^Chào Người Việt,[\s\S]*\n---\nHello Người Việt,/);
    // both carry the one link
    expect(to(english).text.match(/\/activate\/[A-Za-z0-9_-]+/g)?.length).toBe(2);
  });

  it('a send that fails is retried with a fresh link; the secret of the failed one never works', async () => {
    const send = mailer.send.bind(mailer);
    const secrets: string[] = [];
    let failNext = true;
    jest.spyOn(mailer, 'send').mockImplementation(async (mail) => {
      const secret = secretOf(mail);
      if (secret) secrets.push(secret);
      if (secret && failNext) {
        failNext = false;
        throw new Error('SMTP server unavailable');
      }
      await send(mail);
    });
    const email = newAddress();
    await accounts.register({ email, password: 'Mot-mat-khau-dai-2026', displayName: 'Người Chờ Thư' });
    // The first attempt fails; the outbox tries again after its backoff (1 s).
    for (let waited = 0; secrets.length < 2 && waited < 15_000; waited += 200) {
      await ctx.settle();
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(secrets).toHaveLength(2);
    expect(secrets[1]).not.toBe(secrets[0]);
    await expect(accounts.activate(secrets[0], client)).rejects.toBeInstanceOf(AppError);
    expect((await accounts.activate(secrets[1], client)).user.email).toBe(email);
  });
});
