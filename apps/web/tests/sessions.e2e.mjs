// Sessions a member can see and end, changing the password, and the admin's diacritic-blind user search.
import assert from 'node:assert/strict';
import { msg, uniq } from './support/harness.mjs';
import { login, register } from './support/flows.mjs';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1';
const NEW_PASSWORD = 'Another-Battery-42';

/** Whether the page's visitor is logged out: a member page sends them to the login page. */
async function loggedOut(t, page) {
  await page.goto('/dashboard');
  return new URL(page.url()).pathname === '/login';
}

export default function (h) {
  h.test(
    'account sessions: a member sees their sessions and logs them out, one, the others, everywhere; changing the password ends the others',
    async (t) => {
      const laptop = await t.newPage('vi');
      const user = await register(t, laptop, { name: 'Phạm Phiên' });
      // The same account on a phone: the storefront passes the phone's browser on to the API.
      const phone = await t.newPage('en');
      await phone.setExtraHTTPHeaders({ 'user-agent': IPHONE });
      await login(t, phone, user.email, user.password);

      await t.visit(laptop, '/dashboard/sessions');
      assert.equal(await laptop.locator('li[data-session]').count(), 2);
      const current = laptop.locator('li[data-current]');
      assert.equal(await current.count(), 1);
      assert.ok((await current.innerText()).includes(msg('vi', 'sessions_current')), 'this session is marked');
      const phoneRow = laptop.locator('li[data-session]:not([data-current])');
      const phoneText = await phoneRow.innerText();
      assert.ok(phoneText.includes(msg('vi', 'sessions_device', { browser: 'Safari 17.1', os: 'iOS 17.1' })), `the phone's device: ${phoneText}`);
      assert.ok(phoneText.includes(msg('vi', 'sessions_address')) && phoneText.includes(msg('vi', 'sessions_lastSeen')));
      await t.screenshot(laptop, 'sessions-vi');

      // The English page lists the same two.
      await t.visit(phone, '/dashboard/sessions');
      assert.ok((await t.text(phone, 'li[data-current]')).includes(msg('en', 'sessions_device', { browser: 'Safari 17.1', os: 'iOS 17.1' })));

      // One session: the phone's, from the laptop.
      await t.submit(laptop, 'li[data-session]:not([data-current]) form[action="?/end"] button');
      assert.ok((await t.text(laptop)).includes(msg('vi', 'done_sessionEnded')));
      assert.equal(await laptop.locator('li[data-session]').count(), 1);
      assert.ok(await loggedOut(t, phone), 'the phone is logged out at its next page');

      // Every other session, keeping this one.
      await login(t, phone, user.email, user.password);
      await t.visit(laptop, '/dashboard/sessions');
      await t.submit(laptop, 'form[action="?/endAll"]:has(input[name=keep]) button');
      assert.ok((await t.text(laptop)).includes(msg('vi', 'done_sessionsEnded')));
      assert.ok(await loggedOut(t, phone));
      assert.equal(await loggedOut(t, laptop), false, 'the laptop stays logged in');

      // Changing the password: the current one is needed, the new one typed twice.
      await login(t, phone, user.email, user.password);
      await t.visit(laptop, '/dashboard/password');
      await laptop.fill('[name=currentPassword]', 'not-my-password-1');
      await laptop.fill('[name=newPassword]', NEW_PASSWORD);
      await laptop.fill('[name=newPasswordConfirm]', NEW_PASSWORD);
      await t.submit(laptop, 'main form button[type=submit]');
      assert.equal(new URL(laptop.url()).pathname, '/dashboard/password');
      assert.ok((await t.text(laptop, '.field.has-error')).includes('Mật khẩu hiện tại không đúng.'), 'the wrong current password is named beside its field');
      await laptop.fill('[name=currentPassword]', user.password);
      await laptop.fill('[name=newPassword]', NEW_PASSWORD);
      await laptop.fill('[name=newPasswordConfirm]', 'something-else-42');
      await t.submit(laptop, 'main form button[type=submit]');
      assert.ok((await t.text(laptop, '.field.has-error')).includes(msg('vi', 'register_passwordMismatch')));
      await laptop.fill('[name=currentPassword]', user.password);
      await laptop.fill('[name=newPassword]', NEW_PASSWORD);
      await laptop.fill('[name=newPasswordConfirm]', NEW_PASSWORD);
      await t.submit(laptop, 'main form button[type=submit]');
      assert.equal(new URL(laptop.url()).pathname, '/dashboard/sessions');
      assert.ok((await t.text(laptop)).includes(msg('vi', 'done_passwordChanged')));
      assert.equal(await laptop.locator('li[data-session]').count(), 1, 'only this session is left');
      assert.ok(await loggedOut(t, phone), 'the phone was logged out by the password change');
      await login(t, phone, user.email, NEW_PASSWORD);

      // Everywhere, this browser included.
      await t.visit(laptop, '/dashboard/sessions');
      await t.submit(laptop, 'form[action="?/endAll"]:not(:has(input[name=keep])) button');
      assert.equal(new URL(laptop.url()).pathname, '/login');
      assert.ok((await t.text(laptop)).includes(msg('vi', 'done_loggedOutEverywhere')));
      assert.equal((await laptop.context().cookies()).some((c) => c.name === 'session'), false, 'the cookie is cleared');
      assert.ok(await loggedOut(t, phone));
      assert.ok(await loggedOut(t, laptop));
    },
  );

  h.test('account search: the admin finds “Nguyễn” by typing “nguyen”', async (t) => {
    const tag = uniq('');
    const member = await t.newPage('vi');
    const user = await register(t, member, { name: `Nguyễn Thị Đào ${tag}` });
    const admin = await t.newPage('vi');
    await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
    for (const q of [`nguyen thi dao ${tag}`, `NGUYEN THI DAO ${tag}`, `dao ${tag}`, `Nguyễn Thị Đào ${tag}`]) {
      await t.visit(admin, `/admin/users?q=${encodeURIComponent(q)}`);
      assert.equal(await admin.locator(`li[data-email="${user.email}"]`).count(), 1, `found by “${q}”`);
    }
  });

  h.test('admin signs an account out everywhere: a second step says what it does; the person is logged out, the account stays enabled, the log has it', async (t) => {
    const member = await t.newPage('vi');
    const user = await register(t, member, { name: 'Máy Bị Mất' });
    const admin = await t.newPage('vi');
    await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
    // Not on the admin's own row: their own sessions are on their Sessions page.
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(t.admin.email)}`);
    assert.equal(await admin.locator(`li[data-email="${t.admin.email}"] form[action$="/endSessions"]`).count(), 0);
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}`);
    const row = admin.locator(`li[data-email="${user.email}"]`);
    await row.locator('details.decline summary', { hasText: msg('vi', 'admin_endSessions') }).click();
    assert.ok((await row.innerText()).includes(msg('vi', 'admin_endSessionsHelp', { name: user.name })));
    await t.submit(admin, `li[data-email="${user.email}"] form[action$="/endSessions"] button[type=submit]`);
    assert.match(admin.url(), /done=user-signed-out/);
    assert.ok((await t.text(admin, 'main')).includes(msg('vi', 'done_userSignedOut', { who: user.email })));
    assert.ok(!(await row.innerText()).includes(msg('vi', 'admin_disabled')), 'the account stays enabled');
    assert.ok(await loggedOut(t, member), 'the person is logged out');
    await login(t, member, user.email, user.password);
    await t.visit(admin, '/admin/audit?action=USER_SESSIONS_ENDED');
    const first = admin.locator('tr[data-action=USER_SESSIONS_ENDED]').first();
    assert.ok((await first.innerText()).includes(user.email), 'in the audit log');
    assert.ok((await first.innerText()).includes(msg('vi', 'audit_action_USER_SESSIONS_ENDED')));
  });
}
