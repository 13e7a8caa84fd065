// Accounts, language and access: register / log in / log out, errors beside fields in both
// languages, the language switch, and pages a visitor may not reach.
import assert from 'node:assert/strict';
import { PASSWORD, msg, squash, uniq } from './support/harness.mjs';
import { createOrganization, login, logout, register } from './support/flows.mjs';

export default function (h) {
  h.test('register: the API’s errors are shown beside each field, in Vietnamese', async (t) => {
    const page = await t.newPage('vi');
    await t.visit(page, '/register');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await page.fill('[name=displayName]', 'A');
    await page.fill('[name=email]', 'not-an-email');
    await page.fill('[name=password]', 'short');
    await page.fill('[name=passwordConfirm]', 'short');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/register', 'stays on the form');
    for (const field of ['email', 'password', 'displayName']) {
      const error = squash(await page.locator(`#f-${field}-error`).innerText());
      assert.ok(error.length > 3, `an error beside ${field}`);
      assert.equal(await page.getAttribute(`#f-${field}`, 'aria-invalid'), 'true');
      assert.match(await page.getAttribute(`#f-${field}`, 'aria-describedby'), new RegExp(`f-${field}-error`));
    }
    assert.match(await t.text(page, '#f-email-error'), /[àáảãạăâđèéêìíòóôơùúưý]/i, 'the message is Vietnamese');
    assert.equal(await t.text(page, '.alert-error'), msg('vi', 'error_checkFields'));
    // What was typed is kept (except passwords).
    assert.equal(await page.inputValue('[name=email]'), 'not-an-email');
    assert.equal(await page.inputValue('[name=password]'), '');
    await t.screenshot(page, 'register-errors-vi');
    await t.axe(page, 'register with errors (vi)');
  });

  h.test('register: errors beside fields in English, and the storefront’s own check (passwords differ)', async (t) => {
    const page = await t.newPage('en');
    await t.visit(page, '/register');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.fill('[name=displayName]', 'Test Person');
    await page.fill('[name=email]', 'nope');
    await page.fill('[name=password]', 'x');
    await page.fill('[name=passwordConfirm]', 'x');
    await t.submit(page, 'main form button[type=submit]');
    const emailError = await t.text(page, '#f-email-error');
    assert.ok(emailError.length > 3);
    assert.doesNotMatch(emailError, /[àáảãạăâđèéêìíòóôơùúưý]/i, 'the message is English');
    assert.equal(await t.text(page, '.alert-error'), msg('en', 'error_checkFields'));

    // Passwords that differ and an address cut short: both said at once.
    await page.fill('[name=email]', 'anna.schmidt@');
    await page.fill('[name=password]', PASSWORD);
    await page.fill('[name=passwordConfirm]', `${PASSWORD}x`);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '#f-passwordConfirm-error'), msg('en', 'register_passwordMismatch'));
    assert.equal(await t.text(page, '#f-email-error'), msg('en', 'error_email'));
    await page.fill('[name=email]', `${uniq('en')}@example.com`);
    await page.fill('[name=password]', PASSWORD);
    await page.fill('[name=passwordConfirm]', `${PASSWORD}x`);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '#f-passwordConfirm-error'), msg('en', 'register_passwordMismatch'));
    assert.equal(await page.locator('#f-email-error').count(), 0, 'a good address: no error beside it');
    assert.equal(await page.locator('#f-password-error').count(), 0, 'a long enough password: no error beside it');
    // A password too short is said beside the mismatch, not after it.
    await page.fill('[name=password]', 'abc');
    await page.fill('[name=passwordConfirm]', 'abd');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await t.text(page, '#f-password-error'), msg('en', 'register_passwordShort'));
    assert.equal(await t.text(page, '#f-passwordConfirm-error'), msg('en', 'register_passwordMismatch'));
    await t.screenshot(page, 'register-errors-en');
  });

  h.test('register, create the organisation (with its errors), log out, log back in', async (t) => {
    const page = await t.newPage('vi');
    const user = await register(t, page, { name: 'Trần Thị Doanh Nghiệp' });
    assert.ok((await t.text(page)).includes(msg('vi', 'org_welcome')));

    // Organisation errors come back beside the fields: first the storefront's own (no type chosen)…
    await t.submit(page, 'main form button[type=submit]');
    for (const field of ['name', 'kind', 'provinceCode']) {
      assert.equal(await page.locator(`#f-${field}-error`).count(), 1, `an error beside ${field}: ${await t.text(page)}`);
    }
    assert.equal(await t.text(page, '#f-kind-error'), msg('vi', 'error_choose'));
    // …then the API's (name too short, no province, malformed tax code), in Vietnamese.
    await page.fill('[name=name]', 'AB');
    await page.selectOption('[name=kind]', 'ENTERPRISE');
    await page.fill('[name=taxCode]', '12345');
    await t.submit(page, 'main form button[type=submit]');
    for (const field of ['name', 'provinceCode', 'taxCode']) {
      assert.equal(await page.locator(`#f-${field}-error`).count(), 1, `an error beside ${field}: ${await t.text(page)}`);
    }
    assert.equal(await t.text(page, '#f-taxCode-error'), 'Mã số thuế gồm 10 chữ số (hoặc 10-3 cho chi nhánh); chưa có mã số thuế Việt Nam thì để trống.');
    assert.equal(await page.inputValue('[name=name]'), 'AB', 'the typed values are kept');
    const orgName = await createOrganization(t, page, { name: `Công ty Cổ phần ${uniq('Sấy')}`, province: 'tay-ninh', taxCode: '0312345678' });
    assert.ok((await t.text(page)).includes(msg('vi', 'done_orgCreated')));
    await t.screenshot(page, 'dashboard-vi');
    await t.axe(page, 'dashboard (vi)');

    // The public organisation page.
    await page.click(`a:has-text("${orgName}")`);
    assert.match(new URL(page.url()).pathname, /^\/organizations\//);
    assert.equal(await t.text(page, 'h1'), orgName);

    // Logging out ends the session at the API too: the token the cookie held is refused after.
    const token = (await page.context().cookies()).find((c) => c.name === 'session')?.value;
    assert.ok(token, 'a session cookie while logged in');
    assert.ok((await t.gql('{ me { id } }', {}, token)).me, 'the token works before logging out');
    await logout(t, page);
    assert.ok((await page.locator('a[href="/login"]').count()) > 0, 'logged out: the header offers log-in');
    assert.equal((await t.gql('{ me { id } }', {}, token)).me, null, 'the token is refused after logging out');
    await t.visit(page, '/dashboard');
    assert.equal(new URL(page.url()).pathname, '/login');

    // Wrong password: an error, no session.
    await page.fill('[name=email]', user.email);
    await page.fill('[name=password]', 'Wrong-Password-123');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.ok((await t.text(page, '.alert-error')).length > 3);

    await login(t, page, user.email);
    assert.equal(new URL(page.url()).pathname, '/dashboard');
    assert.ok((await t.text(page)).includes(orgName));
  });

  h.test('the session cookie is HttpOnly and SameSite=Lax; scripts cannot read it', async (t) => {
    const page = await t.newPage('vi');
    await register(t, page);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'session');
    assert.ok(session, 'a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(await page.evaluate(() => document.cookie.includes('session=')), false);
  });

  h.test('anonymous visitors are sent to log in from every member page, and back after', async (t) => {
    const page = await t.newPage('vi');
    for (const path of ['/dashboard', '/dashboard/listings', '/dashboard/listings/new?kind=DEMAND', '/dashboard/interests', '/dashboard/deals', '/dashboard/searches', '/dashboard/notifications', '/dashboard/organizations/new', '/moderation', '/moderation/listings', '/moderation/organizations', '/moderation/deals', '/moderation/stats', '/admin/users']) {
      await page.goto(path);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/login', `${path} → ${url.pathname}`);
      assert.equal(url.searchParams.get('next'), path);
    }
    const user = await register(t, await t.newPage('vi'));
    await page.goto('/login?next=%2Fdashboard%2Fdeals');
    await page.fill('[name=email]', user.email);
    await page.fill('[name=password]', user.password);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/deals', 'back where they were going');
    // An outside ?next= is ignored.
    await logout(t, page);
    await page.goto('/login?next=https%3A%2F%2Fevil.example%2F');
    await page.fill('[name=email]', user.email);
    await page.fill('[name=password]', user.password);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).origin, t.webUrl);
  });

  h.test('members get 404 on moderator and admin pages', async (t) => {
    const page = await t.newPage('vi');
    await register(t, page);
    for (const path of ['/moderation', '/moderation/listings', '/moderation/organizations', '/moderation/deals', '/moderation/stats', '/moderation/stats/deals.csv', '/admin/users']) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 404, `${path} → ${res?.status()}`);
    }
    assert.equal(await page.locator('header a[href="/moderation"]').count(), 0, 'no moderation link for members');
    assert.equal(await page.locator('header a[href="/admin/users"]').count(), 0, 'no admin link for members');
  });

  h.test('language: ?lang=en is shareable, kept in a cookie, reflected in <html lang> and links', async (t) => {
    const page = await t.newPage('vi');
    await t.visit(page, '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await t.text(page, 'h1'), msg('vi', 'home_heading'));
    await page.click('a.lang-switch');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await t.text(page, 'h1'), msg('en', 'home_heading'));
    assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), `${t.webUrl}/?lang=en`);
    // The cookie keeps the choice on pages without ?lang.
    await t.visit(page, '/login');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await t.text(page, 'h1'), msg('en', 'login_title'));
    const lang = (await page.context().cookies()).find((c) => c.name === 'lang');
    assert.equal(lang?.value, 'en');
    // And back.
    await t.visit(page, '/login?lang=vi');
    assert.equal(await t.text(page, 'h1'), msg('vi', 'login_title'));
    await t.visit(page, '/');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  });

  h.test('language: signing in on a fresh browser offers the account’s language, once; it does not switch by itself', async (t) => {
    // Registered and activated from English pages: the account's language is English.
    const email = `${uniq('lang')}@example.com`;
    const en = await t.newPage('en');
    await t.visit(en, '/register');
    await en.fill('[name=displayName]', 'Officer Transfer');
    await en.fill('[name=email]', email);
    await en.fill('[name=password]', PASSWORD);
    await en.fill('[name=passwordConfirm]', PASSWORD);
    await t.submit(en, 'main form button[type=submit]');
    await t.visit(en, await t.linkFromMail(email, '/activate/'));
    await t.submit(en, 'main form button[type=submit]');
    // A fresh browser (no language chosen): the page stays Vietnamese, with the offer, in English.
    const fresh = await t.newPage('vi', { chosen: false });
    await login(t, fresh, email);
    assert.equal(await fresh.getAttribute('html', 'lang'), 'vi');
    const offer = fresh.locator('.lang-offer');
    assert.equal(squash(await offer.textContent()), `${msg('en', 'nav_langOfferEn')} ${msg('en', 'nav_langOfferEnLink')}`);
    assert.equal(await offer.getAttribute('lang'), 'en');
    // Offered once: the next page does not repeat it.
    await t.visit(fresh, '/');
    assert.equal(await fresh.locator('.lang-offer').count(), 0, 'offered once');
    // The account now remembers the Vietnamese it was just used in: an English page offers that back.
    const english = await t.newPage('en');
    await login(t, english, email);
    assert.equal(await english.getAttribute('html', 'lang'), 'en');
    assert.equal(squash(await english.locator('.lang-offer').textContent()), `${msg('vi', 'nav_langOfferVi')} ${msg('vi', 'nav_langOfferViLink')}`);
    // Signing in from a page in the account's language (English, as just used): nothing to offer.
    const same = await t.newPage('en');
    await login(t, same, email);
    assert.equal(await same.locator('.lang-offer').count(), 0, 'nothing to offer on a page in the account’s language');
    // Following the offer switches, as the header's switch does.
    const again = await t.newPage('vi', { chosen: false });
    await login(t, again, email);
    await again.locator('.lang-offer a').click();
    await again.waitForLoadState();
    assert.equal(await again.getAttribute('html', 'lang'), 'en');
  });

  h.test('robots.txt and unknown pages', async (t) => {
    const res = await fetch(`${t.webUrl}/robots.txt`);
    const text = await res.text();
    assert.match(text, /Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
    assert.match(text, /Disallow: \/dashboard/);
    const page = await t.newPage('en');
    await t.visit(page, '/no-such-page', 404);
    assert.equal(await t.text(page, 'h1'), msg('en', 'error_notFoundTitle'));
    assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex, nofollow');
  });
}
