// Two-step verification: enrolment on the account's security page, the code step of signing in
// (authenticator code, recovery code once), and the admin's reset seen in the staff audit log.
import assert from 'node:assert/strict';
import { msg } from './support/harness.mjs';
import { enrolSecondFactor, login, logout, register } from './support/flows.mjs';
import { freshCode } from './support/totp.mjs';

/** The password step alone: an account with two-step verification lands on the code page. */
async function passwordStep(t, page, email, password, next = '') {
  await t.visit(page, `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('[name=email]', email);
  await page.fill('[name=password]', password);
  await t.submit(page, 'main form button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/login/code', `the code is asked for: ${await t.text(page, 'main')}`);
}

export default function (h) {
  h.test('second factor: enrol with the QR code and key, then sign in with a code and with a recovery code', async (t) => {
    const page = await t.newPage('vi');
    const user = await register(t, page, { name: 'Phạm Bảo Mật' });
    await t.visit(page, '/dashboard/security');
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_statusOff')));
    const { secret, recoveryCodes } = await enrolSecondFactor(t, page);
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_recoveryOnce')), 'the codes are said to be shown once');
    await t.screenshot(page, 'security-recovery-codes-vi');
    await t.axe(page, 'security page with recovery codes (vi)');
    // Shown once: a fresh visit shows the state, not the codes.
    await t.visit(page, '/dashboard/security');
    assert.equal(await page.locator('[data-testid=recovery-codes]').count(), 0);
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_codesLeft', { count: 10 })));
    await logout(t, page);

    // Password first: the code is asked for on its own page, with no session yet.
    await passwordStep(t, page, user.email, user.password, '/dashboard/security');
    assert.equal(await t.text(page, 'h1'), msg('vi', 'twoStep_title'));
    const cookies = await page.context().cookies();
    assert.ok(!cookies.some((c) => c.name === 'session'), 'no session before the code');
    assert.ok(cookies.find((c) => c.name === 'login_challenge')?.httpOnly, 'the challenge is kept in an HttpOnly cookie');
    await t.visit(page, '/dashboard');
    assert.equal(new URL(page.url()).pathname, '/login', 'the dashboard still needs a sign-in');

    // A wrong code: an error beside the field, in Vietnamese.
    await t.visit(page, '/login/code?next=/dashboard/security');
    await page.fill('[name=code]', '000000');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/login/code');
    assert.match(await t.text(page, '#f-code-error'), /[àáảãạăâđèéêìíòóôơùúưý]/i);
    await t.screenshot(page, 'two-step-wrong-code-vi');
    await t.axe(page, 'two-step code page with an error');
    await page.fill('[name=code]', await freshCode(secret, t.apiUrl));
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/security', 'signed in, to where the visitor was going');
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_statusOn')));
    await logout(t, page);

    // A recovery code signs in once.
    await passwordStep(t, page, user.email, user.password);
    await page.fill('[name=code]', recoveryCodes[0]);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard');
    await t.visit(page, '/dashboard/security');
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_codesLeft', { count: 9 })));
    await logout(t, page);
    await passwordStep(t, page, user.email, user.password);
    await page.fill('[name=code]', recoveryCodes[0]);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/login/code', 'a used recovery code is refused');
    assert.ok((await t.text(page, '#f-code-error')).length > 3);
  });

  h.test('second factor, staff: the admin resets one and finds it in the audit log (English), with a CSV download', async (t) => {
    const page = await t.newPage('en');
    const user = await register(t, page, { name: 'Lost Phone' });
    await enrolSecondFactor(t, page);

    const admin = await t.newPage('en');
    await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}`);
    const row = admin.locator(`li[data-email="${user.email}"]`);
    assert.ok((await row.innerText()).includes(msg('en', 'admin_twoStepOn')));
    // The two-step filter: "turned on" lists this member, "staff without it" does not (a member, and it is on).
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}&twoStep=on`);
    assert.equal(await admin.locator(`li[data-email="${user.email}"]`).count(), 1);
    assert.equal(await admin.locator('select[name=twoStep]').inputValue(), 'on');
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}&twoStep=staff-missing`);
    assert.equal(await admin.locator(`li[data-email="${user.email}"]`).count(), 0);
    assert.equal(await t.text(admin, 'label[for=q]'), msg('en', 'admin_find'), 'the search box has a label');
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}`);
    // One disclosure marker for every "opens a form" line of a row (roles, disabling, reset).
    const marker = (sel) => row.locator(sel).first().evaluate((el) => {
      const b = getComputedStyle(el, '::before');
      return `${getComputedStyle(el).display} ${getComputedStyle(el).listStyleType} ${b.content} ${b.borderRightWidth} ${b.borderBottomWidth} ${b.transform}`;
    });
    assert.equal(await marker('details.edit-roles > summary'), await marker('details.decline > summary'));
    // A second step that says what it does, as disabling has.
    await row.locator('details.decline summary', { hasText: msg('en', 'admin_resetTwoStep') }).click();
    assert.ok((await row.innerText()).includes(msg('en', 'admin_resetTwoStepHelp', { name: user.name ?? '' }).split(' will ')[1].slice(0, 30)), await row.innerText());
    await t.submit(admin, `li[data-email="${user.email}"] form[action$="/resetSecondFactor"] button[type=submit]`);
    assert.match(admin.url(), /done=second-factor-reset/);
    assert.ok((await t.text(admin, 'main')).includes(msg('en', 'done_secondFactorReset', { who: user.email })), 'the confirmation names the account');

    await t.visit(admin, '/admin/audit?action=SECOND_FACTOR_RESET');
    assert.equal(await t.text(admin, 'h1'), msg('en', 'audit_title'));
    const first = admin.locator('tr[data-action=SECOND_FACTOR_RESET]').first();
    assert.ok((await first.innerText()).includes(user.email), 'the reset is in the log, newest first');
    assert.ok((await first.innerText()).includes(t.admin.email), 'with who did it');
    assert.match(await first.innerText(), /Chrom/, 'and from which browser (the visitor\'s, passed on by the storefront)');
    await t.screenshot(admin, 'audit-log-en');
    await t.axe(admin, 'staff audit log (en)');
    // Who acted, by the e-mail typed as it comes: only their rows, and the download follows.
    await admin.fill('[name=actor]', ` ${t.admin.email.toUpperCase()} `);
    await t.submit(admin, `form[aria-label="${msg('en', 'audit_filters')}"] button[type=submit]`);
    const actors = await admin.locator('tbody tr').allInnerTexts();
    assert.ok(actors.length > 0 && actors.every((r) => r.includes(t.admin.email)), actors.join('\n'));
    assert.ok(actors[0].includes(user.email), 'the reset is among them');
    const byActor = await admin.request.get(new URL(await admin.locator('a[href^="/admin/audit/export.csv"]').getAttribute('href'), t.webUrl).href);
    assert.equal(byActor.status(), 200);
    assert.ok((await byActor.text()).includes(user.email));
    // Neither an e-mail nor an account: said beside the field, in the reader's language.
    await t.visit(admin, '/admin/audit?actor=Nguyen');
    assert.equal(await t.text(admin, '#f-actor-error'), msg('en', 'audit_badActor'));
    // A bad date is named beside its field.
    await t.visit(admin, '/admin/audit?from=2026-13-40');
    assert.equal(await t.text(admin, '#f-from-error'), msg('en', 'audit_badDate'));
    // A range that ends before it starts is not searched: the reason, no count or list, no CSV link.
    await t.visit(admin, '/admin/audit?from=2026-12-31&to=2026-01-01');
    assert.equal(await t.text(admin, '#f-to-error'), msg('en', 'audit_badRange'));
    const main = await t.text(admin, 'main');
    assert.ok(main.includes(msg('en', 'audit_invalidFilter')), main);
    assert.ok(!main.includes(msg('en', 'audit_empty')) && !main.includes(msg('en', 'audit_count', { count: 0 })), main);
    assert.equal(await admin.locator('a[href^="/admin/audit/export.csv"]').count(), 0);
    assert.ok((await t.text(admin, '[data-testid=audit-export-disabled]')).includes(msg('en', 'audit_exportInvalid')));
    // The CSV download, with the filter.
    const res = await admin.request.get(`${t.webUrl}/admin/audit/export.csv?action=SECOND_FACTOR_RESET`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /text\/csv/);
    assert.ok((await res.text()).includes(user.email));

    // The member is back to a password-only sign-in.
    await logout(t, page);
    await login(t, page, user.email, user.password);
    // Members never reach the audit log.
    await t.visit(page, '/admin/audit', 404);
    assert.equal(await page.locator('tr[data-action]').count(), 0);
  });

  h.test('admin role, own row: unticking Administrator warns first; saving leads to the dashboard, told why, not to a missing page', async (t) => {
    // A second admin (with a second factor: the run's admin keeps theirs), who gives up the role.
    const page = await t.newPage('vi');
    const deputy = await register(t, page, { name: 'Phó Quản Trị' });
    const { secret } = await enrolSecondFactor(t, page);
    const admin = await t.newPage('vi');
    await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(deputy.email)}`);
    const theirRow = admin.locator(`li[data-email="${deputy.email}"]`);
    await theirRow.locator('details.edit-roles > summary').click();
    await theirRow.locator('input[name=roles][value=ADMIN]').check();
    await t.submit(admin, `li[data-email="${deputy.email}"] form[action$="/roles"] button[type=submit]`);
    assert.match(admin.url(), /done=roles-saved/);
    // Another's row never carries the warning about one's own role.
    await theirRow.locator('details.edit-roles > summary').click();
    await theirRow.locator('input[name=roles][value=ADMIN]').uncheck();
    assert.equal(await theirRow.locator('.own-admin-dropped').isVisible(), false);

    await login(t, page, deputy.email, deputy.password, '/admin/users', secret);
    await t.visit(page, `/admin/users?q=${encodeURIComponent(deputy.email)}`);
    const row = page.locator(`li[data-email="${deputy.email}"]`);
    await row.locator('details.edit-roles > summary').click();
    const warning = row.locator('.own-admin-dropped');
    assert.equal(await warning.isVisible(), false, 'no warning while the box stays ticked');
    await row.locator('input[name=roles][value=ADMIN]').uncheck();
    assert.equal(await warning.isVisible(), true, 'unticking one\'s own Administrator says what saving does');
    assert.equal((await warning.innerText()).trim(), msg('vi', 'admin_ownAdminWillBeRemoved'));
    await t.submit(page, `li[data-email="${deputy.email}"] form[action$="/roles"] button[type=submit]`);
    assert.equal(new URL(page.url()).pathname, '/dashboard', `to the dashboard, not a 404: ${page.url()}`);
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'done_ownAdminRemoved')));
    await t.visit(page, '/admin/users', 404);
  });

  h.test('second factor: moving to a new phone with a code of the current app; few recovery codes left are warned of', async (t) => {
    const page = await t.newPage('vi');
    const user = await register(t, page, { name: 'Điện Thoại Mới' });
    const { secret } = await enrolSecondFactor(t, page);
    await t.visit(page, '/dashboard/security');
    assert.equal(await page.locator('[data-testid=codes-low]').count(), 0, 'ten codes: no warning');
    // A wrong code of the current app is named beside its field; nothing changes.
    await page.fill('#move-code', '000000');
    await t.submit(page, 'form[action="?/move"] button[type=submit]');
    assert.ok((await t.text(page, '#move-code-error')).length > 3, await t.text(page, 'main'));
    assert.equal(await page.locator('main img.qr').count(), 0);
    // The right one: a new key and QR code, confirmed with a code of the new app.
    await page.fill('#move-code', await freshCode(secret, t.apiUrl));
    await t.submit(page, 'form[action="?/move"] button[type=submit]');
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_moveSteps')));
    const newSecret = (await page.locator('[data-testid=totp-secret]').innerText()).trim();
    assert.notEqual(newSecret, secret);
    await page.fill('form[action="?/confirm"] [name=code]', await freshCode(newSecret, t.apiUrl));
    await t.submit(page, 'form[action="?/confirm"] button[type=submit]');
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'security_moved')), await t.text(page, 'main'));
    assert.equal(await page.locator('[data-testid=recovery-codes] code').count(), 10);
    // Signing in takes the new app's code.
    await logout(t, page);
    await login(t, page, user.email, user.password, '/dashboard/security', newSecret);
    // With the codes used up, the page says what that means.
    await t.sql(`UPDATE recovery_code SET used_at = now() WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`, [user.email]);
    await t.visit(page, '/dashboard/security');
    assert.equal((await t.text(page, '[data-testid=codes-low]')).trim(), msg('vi', 'security_codesNone'));
  });
}
