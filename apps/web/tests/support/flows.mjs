// Steps that several journeys share, done through the pages like a person would.
import assert from 'node:assert/strict';
import { PASSWORD, label, msg, squash, uniq } from './harness.mjs';
import { freshCode } from './totp.mjs';
import { adminToken } from './api.mjs';

// The storefronts (one per lane) on which the admin has signed in through the form once.
const adminSignedInThroughForm = new Set();

/**
 * Registers through /register and activates the account from the link e-mailed to it, as a person
 * does; returns { email, password, name } (the page is then logged in, on the new-organisation form).
 */
export async function register(t, page, { name = 'Nguyễn Văn Thử', email = `${uniq('u')}@example.vn`, password = PASSWORD } = {}) {
  await t.visit(page, '/register');
  await page.fill('[name=displayName]', name);
  await page.fill('[name=email]', email);
  await page.fill('[name=password]', password);
  await page.fill('[name=passwordConfirm]', password);
  await t.submit(page, 'main form button[type=submit]');
  const sent = new URL(page.url());
  if (`${sent.pathname}${sent.search}` !== '/register?sent=1') assert.fail(`after registering: ${page.url()} ${await t.text(page)}`);
  await t.visit(page, await t.linkFromMail(email, '/activate/'));
  await t.submit(page, 'main form button[type=submit]');
  if (!new URL(page.url()).pathname.startsWith('/dashboard/organizations/new')) assert.fail(`after activating: ${page.url()} ${(await page.content()).slice(0, 2000)}`);
  return { name, email, password };
}

/**
 * Logs in through /login; accounts with two-step verification (the tests' admin, enrolled staff)
 * then get the code step, answered with a code from `secret` (the admin's by default).
 */
export async function login(t, page, email, password = PASSWORD, next = '', secret = email === t.admin.email ? t.admin.totpSecret : null) {
  if (email === t.admin.email && password === t.admin.password && adminSignedInThroughForm.has(t.webUrl)) {
    // The admin's authenticator gives one code per 30-second step (replay protection), so a form
    // sign-in per test would wait up to half a minute each: after the first one in a run, the page
    // gets the run's admin session as the session cookie, as the form would have set it.
    await page.context().addCookies([{ name: 'session', value: await adminToken(t), url: t.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await t.visit(page, next || '/dashboard');
    return;
  }
  if (email === t.admin.email) adminSignedInThroughForm.add(t.webUrl);
  await t.visit(page, `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('[name=email]', email);
  await page.fill('[name=password]', password);
  await t.submit(page, 'main form button[type=submit]');
  if (new URL(page.url()).pathname === '/login/code') {
    assert.ok(secret, `${email} has two-step verification: the test must give its secret`);
    await page.fill('[name=code]', await freshCode(secret, t.apiUrl));
    await t.submit(page, 'main form button[type=submit]');
  }
  assert.doesNotMatch(new URL(page.url()).pathname, /^\/login/, `still on the login page: ${await t.text(page, 'main')}`);
}

/**
 * Turns on two-step verification on /dashboard/security like a person: start, read the key shown
 * beside the QR code, type the app's code. Returns { secret, recoveryCodes }.
 */
export async function enrolSecondFactor(t, page) {
  await t.visit(page, '/dashboard/security');
  await t.submit(page, 'main form[action="?/start"] button[type=submit]');
  assert.equal(await page.locator('main img.qr').count(), 1, 'a QR code is shown');
  const secret = (await page.locator('[data-testid=totp-secret]').innerText()).trim();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await page.fill('form[action="?/confirm"] [name=code]', await freshCode(secret, t.apiUrl));
  await t.submit(page, 'form[action="?/confirm"] button[type=submit]');
  const recoveryCodes = (await page.locator('[data-testid=recovery-codes] code').allInnerTexts()).map((c) => c.trim());
  assert.equal(recoveryCodes.length, 10, `ten recovery codes are shown: ${await t.text(page, 'main')}`);
  return { secret, recoveryCodes };
}

export async function logout(t, page) {
  // On a phone the button is in the account menu.
  if (!(await page.locator('header form[action="/logout"] button').isVisible())) await page.locator('header .account-menu-toggle').click();
  await t.submit(page, 'header form[action="/logout"] button');
  assert.equal(new URL(page.url()).pathname, '/');
}

/** Creates an organisation through /dashboard/organizations/new; returns its name. */
export async function createOrganization(t, page, { name = `Công ty TNHH ${uniq('Thử')}`, kind = 'ENTERPRISE', province = 'ha-noi', taxCode = '' } = {}) {
  await t.visit(page, '/dashboard/organizations/new');
  await page.fill('[name=name]', name);
  await page.selectOption('[name=kind]', kind);
  await page.selectOption('[name=provinceCode]', province);
  if (taxCode) await page.fill('[name=taxCode]', taxCode);
  await t.submit(page, 'main form button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/dashboard', `after creating the organisation: ${page.url()} ${await t.text(page)}`);
  assert.ok((await t.text(page)).includes(name), 'the dashboard lists the new organisation');
  return name;
}

/** A fresh member with an organisation, logged in on a new page. */
export async function member(t, { lang = 'vi', orgName, kind = 'ENTERPRISE', province = 'ha-noi', name } = {}) {
  const page = await t.newPage(lang);
  const user = await register(t, page, name ? { name } : {});
  const organization = await createOrganization(t, page, { name: orgName, kind, province });
  return { page, ...user, organization };
}

/** Logs the admin in on a new page and gives a user moderator rights through /admin/users: for the provinces given, or nationwide (the explicit grant) when none are. */
export async function makeModerator(t, email, provinces = []) {
  const admin = await t.newPage('vi');
  await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
  await t.visit(admin, `/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.locator(`li[data-email="${email}"]`);
  await row.locator('details.edit-roles > summary').click(); // the roles form opens on demand
  await row.locator('input[name=roles][value=MODERATOR]').check();
  if (provinces.length) for (const code of provinces) await row.locator(`input[name=provinces][value="${code}"]`).check();
  else await row.locator('input[name=allProvinces]').check();
  await t.submit(admin, `li[data-email="${email}"] form[action$="/roles"] button[type=submit]`);
  assert.match(admin.url(), /done=roles-saved/);
  assert.ok(squash(await admin.locator(`li[data-email="${email}"]`).innerText()).includes(label('vi', 'Role', 'MODERATOR')), 'the user is now a moderator');
  await admin.context().close();
}

/** Fills the listing form (new or edit) with a complete, good-quality listing. */
export async function fillListing(page, l) {
  await page.fill('[name=title]', l.title);
  await page.fill('[name=summary]', l.summary);
  await page.fill('[name=description]', l.description);
  if (l.organizationId) await page.selectOption('[name=organizationId]', l.organizationId);
  for (const code of l.fieldCodes ?? []) {
    const box = page.locator(`input[name=fieldCodes][value="${code}"]`);
    const group = page.locator('details', { has: box });
    if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
    await box.check();
  }
  await page.fill('[name=keywords]', (l.keywords ?? []).join(', '));
  if (l.trl) await page.selectOption('[name=trl]', String(l.trl));
  for (const mode of l.transferModes ?? []) await page.locator(`input[name=transferModes][value=${mode}]`).check();
  if (l.ipStatus) await page.selectOption('[name=ipStatus]', l.ipStatus);
  if (l.priceMin != null) await page.fill('[name=priceMin]', String(l.priceMin));
  if (l.priceMax != null) await page.fill('[name=priceMax]', String(l.priceMax));
  if (l.province) await page.selectOption('[name=provinceCode]', l.province);
  if (l.specification && (await page.locator('[name=specification]').count())) await page.fill('[name=specification]', l.specification);
  if (l.advantages && (await page.locator('[name=advantages]').count())) await page.fill('[name=advantages]', l.advantages);
}

/** Creates a listing through the form; submits it for review unless draft:true. Returns its id. */
export async function postListing(t, page, kind, l, { draft = false } = {}) {
  await t.visit(page, `/dashboard/listings/new?kind=${kind}`);
  await fillListing(page, l);
  await t.submit(page, draft ? 'main form button.secondary[type=submit]:not([formaction])' : 'main form button[formaction="?/submit"]');
  const url = new URL(page.url());
  const match = /^\/dashboard\/listings\/([\w-]+)$/.exec(url.pathname);
  assert.ok(match, `after posting: ${page.url()} — ${await t.text(page)}`);
  assert.equal(url.searchParams.get('done'), draft ? 'listing-created' : 'listing-submitted', `posted: ${page.url()} ${await t.text(page)}`);
  return match[1];
}

/** The moderator opens the listing from the review queue and records a decision. */
export async function moderate(t, page, title, { decision, reason = '', note = '' }) {
  await t.visit(page, '/moderation/listings');
  await page.click(`main a:has-text("${title}")`);
  assert.match(new URL(page.url()).pathname, /^\/moderation\/listings\/[\w-]+$/);
  await page.check(`input[name=decision][value=${decision}]`);
  if (reason) await page.selectOption('[name=reason]', reason);
  if (note) await page.fill('[name=note]', note);
  await t.submit(page, 'form[action="?/moderate"] button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/moderation/listings', `after deciding: ${await t.text(page)}`);
}

/** The public page of a listing, found from its owner's management page. */
export async function publicPathOf(t, page, listingId) {
  await t.visit(page, `/dashboard/listings/${listingId}`);
  const href = await page.locator('a[href^="/listings/"]').first().getAttribute('href');
  assert.ok(href, 'a link to the public page');
  return href;
}
