// The department's and the admin's other pages: organisation verification, disabling an account.
import assert from 'node:assert/strict';
import { msg, uniq } from './support/harness.mjs';
import { createOrganization, login, register } from './support/flows.mjs';

export default function (h) {
  h.test('a moderator verifies an organisation; its pages then say so', async (t) => {
    const member = await t.newPage('vi');
    await register(t, member);
    const name = await createOrganization(t, member, { name: `Hợp tác xã Xác minh ${uniq('')}`, kind: 'OTHER', province: 'can-tho', taxCode: '1801234567' });
    assert.ok((await t.text(member)).includes(msg('vi', 'org_unverified')));

    const mod = await t.newPage('vi');
    await login(t, mod, t.admin.email, t.admin.password, '/moderation/organizations');
    // The queue is oldest first, 20 a page, and other tests leave organisations waiting: find its page.
    const row = mod.locator('tr', { hasText: name });
    for (let page = 2; page <= 30 && (await row.count()) === 0; page++) await t.visit(mod, `/moderation/organizations?page=${page}`);
    assert.equal(await row.count(), 1, 'listed among the organisations to verify');
    assert.ok((await row.innerText()).includes('1801234567'), 'the tax code is shown to the department');
    await t.submit(mod, `tr:has-text("${name}") form[action="?/verify"] button`);
    assert.ok((await t.text(mod)).includes(msg('vi', 'done_orgVerified')));
    assert.equal(await mod.locator('tr', { hasText: name }).count(), 0, 'no longer waiting');
    await t.visit(mod, '/moderation/organizations?show=verified');
    const verifiedRow = mod.locator('tr', { hasText: name });
    for (let page = 2; page <= 30 && (await verifiedRow.count()) === 0; page++) await t.visit(mod, `/moderation/organizations?show=verified&page=${page}`);
    assert.equal(await verifiedRow.count(), 1);

    await t.visit(member, '/dashboard');
    assert.ok((await t.text(member)).includes(msg('vi', 'org_verifiedShort')));
    await member.click(`a:has-text("${name}")`);
    assert.ok((await t.text(member)).includes(msg('vi', 'org_verified')));
  });

  h.test('the admin disables an account: its session ends at the next page; enabling it again lets it in', async (t) => {
    const member = await t.newPage('en');
    const user = await register(t, member, { name: 'Soon Disabled' });
    const admin = await t.newPage('en');
    await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}`);
    await t.submit(admin, `li[data-email="${user.email}"] form[action="?/disable"] button`);
    assert.ok((await t.text(admin, `li[data-email="${user.email}"]`)).includes(msg('en', 'admin_disabled')));
    // The member's next request: the API no longer accepts the token, the session is gone.
    await member.goto('/dashboard');
    assert.equal(new URL(member.url()).pathname, '/login');
    assert.equal((await member.context().cookies()).some((c) => c.name === 'session'), false, 'the cookie is cleared');
    await member.fill('[name=email]', user.email);
    await member.fill('[name=password]', user.password);
    await t.submit(member, 'main form button[type=submit]');
    assert.equal(new URL(member.url()).pathname, '/login', 'a disabled account cannot log in');
    assert.ok((await t.text(member, '.alert-error')).length > 3);
    await t.submit(admin, `li[data-email="${user.email}"] form[action="?/disable"] button`);
    await login(t, member, user.email);
    assert.equal(new URL(member.url()).pathname, '/dashboard');
  });
}
