// Accounts that resist takeover (#13, #19): "forgot password" by e-mailed single-use link, and the
// sign-in redirect that never leaves the site whatever ?next= holds.
import assert from 'node:assert/strict';
import { PASSWORD, msg, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { apiUser } from './support/api.mjs';

/** Posts the log-in form without a browser (the way a crafted link's victim would submit it); returns the answer unfollowed. */
async function postLogin(t, fields) {
  return fetch(`${t.webUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: t.webUrl },
    body: new URLSearchParams(fields).toString(),
  });
}

export default function (h) {
  h.test('alert e-mails: the choice sits at the top of the notifications, says what it is, and can be turned off with a confirmation (vi, en, phone)', async (t) => {
    const user = await apiUser(t, 'Người Tắt Thông Báo');
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang, { phone: lang === 'en' });
      await login(t, page, user.email, PASSWORD, '/dashboard/notifications');
      const summary = page.locator('details.alert-emails > summary');
      // Above the list, saying the current choice without opening anything.
      const [choiceTop, listTop] = await Promise.all([summary.boundingBox(), page.locator('main ul.tabs').boundingBox()]);
      assert.ok(choiceTop && listTop && choiceTop.y < listTop.y, 'the e-mail choice is above the notifications');
      const now = lang === 'vi' ? msg(lang, 'notifications_emailEach') : msg(lang, 'notifications_emailOff');
      assert.ok((await summary.innerText()).includes(now), `${lang}: the summary says "${now}"`);
      await summary.click();
      const next = lang === 'vi' ? 'OFF' : 'DAILY';
      await page.check(`input[name=alertEmails][value=${next}]`);
      await t.submit(page, 'details.alert-emails button[type=submit]');
      assert.equal(new URL(page.url()).searchParams.get('done'), `alert-emails-${next.toLowerCase()}`);
      assert.equal(await t.text(page, '[role=status]'), msg(lang, next === 'OFF' ? 'done_alertEmailsOff' : 'done_alertEmailsDaily'));
      assert.ok((await summary.innerText()).includes(msg(lang, next === 'OFF' ? 'notifications_emailOff' : 'notifications_emailDigest')));
      await t.screenshot(page, `alert-emails-saved-${lang}`);
    }
    // The API holds the last choice.
    const { me } = await t.gql(`{ me { alertEmails } }`, {}, user.token);
    assert.equal(me.alertEmails, 'DAILY');
  });

  h.test('sign-in: a crafted ?next= (tab, backslash, vertical tab…) falls back to the dashboard; a local one is kept', async (t) => {
    const user = await apiUser(t);
    // The probe's findings (#19) and their relatives: each would leave the site, or answered 500.
    for (const next of ['/\t/evil.example', '/\t\\evil.example', '/\u000b/x', '//evil.example', '/\\evil.example', '/.//evil.example', 'https://evil.example/']) {
      const res = await postLogin(t, { email: user.email, password: PASSWORD, next });
      assert.equal(res.status, 303, `POST /login with next=${JSON.stringify(next)}: ${res.status}`);
      assert.equal(res.headers.get('location'), '/dashboard', `next=${JSON.stringify(next)}`);
    }
    const local = await postLogin(t, { email: user.email, password: PASSWORD, next: '/dashboard/notifications?x=1' });
    assert.equal(local.headers.get('location'), '/dashboard/notifications?x=1');

    // In the browser: the form does not even carry the crafted value, and the visitor lands on the dashboard.
    const page = await t.newPage('vi');
    await t.visit(page, '/login?next=%2F%09%2Fevil.example');
    assert.equal(await page.inputValue('input[name=next]'), '/dashboard');
    await page.fill('[name=email]', user.email);
    await page.fill('[name=password]', PASSWORD);
    await t.submit(page, 'main form button[type=submit]');
    const landed = new URL(page.url());
    assert.equal(landed.origin, t.webUrl);
    assert.equal(landed.pathname, '/dashboard');
  });

  h.test('forgot password: the e-mailed link sets a new password once; the answer is the same for an unknown address', async (t) => {
    const user = await apiUser(t, 'Người Quên Mật Khẩu');
    const page = await t.newPage('vi');
    await t.visit(page, '/login');
    await page.click(`a:has-text("${msg('vi', 'login_forgot')}")`);
    assert.equal(new URL(page.url()).pathname, '/forgot-password');
    // Nothing typed: the field says so.
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '#f-email-error'), msg('vi', 'error_required'));
    await page.fill('[name=email]', user.email);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '[role=status]'), msg('vi', 'forgot_sent'));
    await t.screenshot(page, 'forgot-password-sent-vi');
    await t.axe(page, 'forgot password, sent (vi)');

    const link = await t.linkFromMail(user.email, '/reset-password/');
    await t.visit(page, link);
    await page.fill('[name=password]', 'Mat-khau-moi-2026');
    await page.fill('[name=passwordConfirm]', 'Mat-khau-khac-2026');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '#f-passwordConfirm-error'), msg('vi', 'register_passwordMismatch'));
    await page.fill('[name=password]', 'Mat-khau-moi-2026');
    await page.fill('[name=passwordConfirm]', 'Mat-khau-moi-2026');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await t.text(page, '[role=status]'), msg('vi', 'done_passwordReset'));
    await login(t, page, user.email, 'Mat-khau-moi-2026');
    assert.equal(new URL(page.url()).pathname, '/dashboard');

    // The link works once.
    const again = await t.newPage('en');
    await t.visit(again, link);
    assert.equal(await t.text(again, '[role=alert]'), msg('en', 'reset_invalid'));
    assert.ok(await again.locator(`a[href="/forgot-password"]`).count());
    await t.axe(again, 'reset link spent (en)');

    // An address without an account: the very same answer, and no e-mail.
    const ghost = `${uniq('ghost')}@example.vn`;
    await t.visit(again, '/forgot-password');
    await again.fill('[name=email]', ghost);
    await t.submit(again, 'main form button[type=submit]');
    assert.equal(await t.text(again, '[role=status]'), msg('en', 'forgot_sent'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(t.mailsTo(ghost).length, 0);
  });

  h.test('registration (en): the same answer for an address that has an account; a new one activates from the e-mail', async (t) => {
    const existing = await apiUser(t, 'Existing Owner');
    const fresh = `${uniq('fresh')}@example.com`;
    const page = await t.newPage('en');
    const answers = [];
    for (const email of [existing.email, fresh]) {
      await t.visit(page, '/register');
      await page.fill('[name=displayName]', 'Someone New');
      await page.fill('[name=email]', email);
      await page.fill('[name=password]', 'Another-Password-2026');
      await page.fill('[name=passwordConfirm]', 'Another-Password-2026');
      await t.submit(page, 'main form button[type=submit]');
      // The address typed is named (a typo can be seen); apart from it, the page says the same for both.
      answers.push({ url: new URL(page.url()).pathname + new URL(page.url()).search, text: (await t.text(page)).replace(email, '<address>') });
    }
    assert.deepEqual(answers[0], answers[1], 'the page says the same for both');
    assert.equal(answers[0].url, '/register?sent=1');
    assert.ok(answers[0].text.includes(msg('en', 'register_sentTo', { email: '<address>' })), answers[0].text);
    assert.equal(await t.text(page, '.sent-address'), fresh);
    // A wrong address: the way back to the form.
    assert.equal(await page.locator('main a.wrong-address[href="/register"]').count(), 1);
    assert.equal(await t.text(page, 'main a.wrong-address'), msg('en', 'register_wrongAddress'));
    await t.axe(page, 'registered: check your e-mail (en)');
    // No e-mail? The link is sent again to whoever gives the password just chosen.
    const original = await t.linkFromMail(fresh, '/activate/');
    await page.fill('[name=password]', 'Not-The-Password-2026');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '.alert-error'), 'Wrong e-mail or password.');
    assert.equal(await t.text(page, '.sent-address'), fresh, 'still the page of that address');
    await page.fill('[name=password]', 'Another-Password-2026');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '#resend-title ~ [role=status]'), msg('en', 'register_resent', { email: fresh }));
    await t.linkFromMail(fresh, '/activate/', { notPath: original });
    // The owner of the existing account is told; their password still works.
    await t.eventually(() => t.mailsTo(existing.email).some((m) => m.includes('already has one')), { what: 'the note to the owner' });
    // Not activated yet: log-in says so (only to whoever knows the password) and sends a new link.
    const first = await t.linkFromMail(fresh, '/activate/');
    await t.visit(page, '/login');
    await page.fill('[name=email]', fresh);
    await page.fill('[name=password]', 'Another-Password-2026');
    await t.submit(page, 'main form button[type=submit]');
    assert.match(await t.text(page, '.alert-error'), /not activated yet/);
    // The first link was replaced: it says so and leads to signing in, with no button that can only fail.
    await t.visit(page, first);
    await t.submit(page, 'main form button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('en', 'activate_whatNow')), await t.text(page));
    assert.equal(await page.locator('main form').count(), 0, 'no activation button for a spent link');
    assert.equal(await page.locator('main a[href="/login"]').count(), 1);
    // The activation page: a button, then the new account is signed in.
    await t.visit(page, await t.linkFromMail(fresh, '/activate/', { notPath: first }));
    await t.axe(page, 'activation page (en)');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/organizations/new');
  });
}
