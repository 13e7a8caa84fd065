// Layout: words in tables never cut mid-word on a phone, 44 px tap targets for the small links a
// phone still had (back links, document downloads, the audit log's details), success notices
// beside the form that was used, and the words that name roles and an expert profile's archiving.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { REVIEW_TARGET_DAYS, assertFitsScreen, label, msg, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { makePdf } from './support/files.mjs';
import { adminToken, apiEnrolSecondFactor, apiOrganization, apiPublishedListing, apiRelogin, apiUpload, apiUser } from './support/api.mjs';

const offer = (title) => ({
  kind: 'OFFER',
  title,
  summary: 'Bộ điều khiển tưới theo độ ẩm đất cho vườn cây ăn trái, điều khiển qua điện thoại, tiết kiệm 40% lượng nước so với tưới tràn.',
  description: 'Bộ điều khiển đọc cảm biến độ ẩm đất và thời tiết, mở van theo từng khu vườn. Đã lắp đặt cho 60 hộ trồng sầu riêng và bưởi. '.repeat(4),
  fieldCodes: ['407'],
  keywords: ['tưới nhỏ giọt'],
  trl: 7,
  transferModes: ['LICENSING'],
  priceMin: 80000000,
  priceMax: 120000000,
  provinceCode: 'ha-noi',
});

/** The header's height and its visible links, buttons and menu summary, each with its box. */
async function headerBoxes(page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.site-header').getBoundingClientRect();
    const items = [...document.querySelectorAll('header a, header button, header summary')]
      .filter((el) => el.checkVisibility()) // not the links of a closed menu (laid out when measured)
      .map((el) => ({ text: el.textContent.trim().replace(/\s+/g, ' ').slice(0, 30), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ text, r }) => ({ text, top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), mid: Math.round(r.top + r.height / 2) }));
    return { height: Math.round(header.height), items, width: window.innerWidth };
  });
}

/** One row: every visible item of the header on the same line (centres within a few pixels). */
async function assertHeaderOneRow(page, label) {
  const { height, items } = await headerBoxes(page);
  const mids = items.map((i) => i.mid);
  assert.ok(Math.max(...mids) - Math.min(...mids) <= 4, `${label}: the header's items are on more than one row: ${JSON.stringify(items)}`);
  assert.ok(height <= 72, `${label}: the header is ${height} px tall (one row is about 64)`);
}

/** Every word of the text in a table's cells (laid out as a table) sits on one line: none is cut mid-word. */
async function brokenWordsInTables(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const cell of document.querySelectorAll('main table th, main table td')) {
      if (getComputedStyle(cell).display !== 'table-cell') continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A word: letters and digits between spaces and the marks a line may break after.
        for (const match of node.data.matchAll(/[^\s\-–/,.;:()]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/** The boxes of the elements, for tap-target checks: { text, w, h } of each one shown. */
async function sizes(locator) {
  return locator.evaluateAll((els) =>
    els
      .map((el) => ({ text: el.textContent.trim().slice(0, 40), w: Math.round(el.getBoundingClientRect().width), h: Math.round(el.getBoundingClientRect().height) }))
      .filter((s) => s.w > 0),
  );
}

function assertTappable(list, what) {
  assert.ok(list.length > 0, `${what}: none shown`);
  const small = list.filter((s) => s.w < 44 || s.h < 44);
  assert.deepEqual(small, [], `${what}: tap targets under 44 × 44 px`);
}

/** A moderator of one province, with a second factor, as the API makes one. */
async function moderator(t) {
  const user = await apiUser(t, 'Cán bộ Sở thử');
  await t.gql(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: ["ha-noi"]) { id } }`, { id: user.id }, await adminToken(t));
  await apiRelogin(t, user);
  await apiEnrolSecondFactor(t, user);
  return user;
}

export default function (h) {
  h.test('layout: on a 1440 px desktop, a signed-in member’s header with offers in the comparison is one row, in English and Vietnamese', async (t) => {
    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token);
    const a = await apiPublishedListing(t, owner.token, org.id, offer(`Bộ điều khiển tưới A ${uniq('')}`));
    const b = await apiPublishedListing(t, owner.token, org.id, offer(`Bộ điều khiển tưới B ${uniq('')}`));
    const member = await apiUser(t, 'Daniel Park');
    for (const lang of ['en', 'vi']) {
      const page = await t.newPage(lang);
      await page.setViewportSize({ width: 1440, height: 900 });
      await login(t, page, member.email);
      for (const l of [a, b]) {
        await t.visit(page, `/listings/${l.slug}`);
        await t.submit(page, 'form[action="/compare?/add"] button[type=submit]');
      }
      assert.equal(new URL(page.url()).pathname, '/compare');
      assert.ok((await t.text(page, 'header.site-header')).includes(msg(lang, 'nav_compare')), 'the comparison is in the header');
      await t.screenshot(page, `layout-header-desktop-${lang}`);
      await assertHeaderOneRow(page, `member's header at 1440 px (${lang})`);
    }
  });

  h.test('layout: every footer link opens a page for people, not a file for crawlers (the sitemap is named in robots.txt)', async (t) => {
    const page = await t.newPage('vi', { phone: true });
    await t.visit(page, '/');
    const hrefs = await page.locator('footer.site-footer a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length >= 5, `footer links: ${hrefs.join(' ')}`);
    for (const href of hrefs) {
      const res = await fetch(new URL(href, t.webUrl));
      assert.equal(res.status, 200, `${href} answers`);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${href} is a page, not ${res.headers.get('content-type')}`);
    }
    const robots = await (await fetch(new URL('/robots.txt', t.webUrl))).text();
    assert.match(robots, /^Sitemap: .*\/sitemap\.xml$/m, 'crawlers still find the sitemap');
  });

  h.test('layout: on a phone, words in a table are not cut mid-word; the table scrolls in its own box', async (t) => {
    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token, { name: `Công ty Nanocellulosetechnologies ${uniq('')}` });
    // Product names are long words.
    const a = await apiPublishedListing(t, owner.token, org.id, offer(`Bộ điều khiển ThermoHydrodynamicController ${uniq('')}`));
    const b = await apiPublishedListing(t, owner.token, org.id, offer(`Cảm biến SuperCapacitiveMoistureSensor ${uniq('')}`));
    const page = await t.newPage('en', { phone: true });
    await page.setViewportSize({ width: 390, height: 844 });
    for (const l of [a, b]) {
      await t.visit(page, `/listings/${l.slug}`);
      await t.submit(page, 'form[action="/compare?/add"] button[type=submit]');
    }
    assert.equal(new URL(page.url()).pathname, '/compare');
    await t.screenshot(page, 'layout-compare-phone');
    assert.deepEqual(await brokenWordsInTables(page), [], 'words cut mid-word in the comparison table');
    // The table is wider than the screen: it scrolls in its box, the page does not.
    assert.ok(await page.locator('.table-scroll').evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls within its box');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll of the page');
  });

  h.test('layout: on a phone, back links, document downloads and the audit log’s links and details are 44 px tap targets', async (t) => {
    const seller = await apiUser(t, 'Người bán');
    const sellerOrg = await apiOrganization(t, seller.token);
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer(`Máy sấy ${uniq('')}`));
    const buyer = await apiUser(t, 'Người mua');
    const buyerOrg = await apiOrganization(t, buyer.token);
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Máy có sấy được cà phê không?") { id } }`,
      { l: listing.id, o: buyerOrg.id },
      buyer.token,
    );
    await apiUpload(t, buyer.token, 'ORGANIZATION', buyerOrg.id, 'giay-phep.pdf', Buffer.from(makePdf(['Giay phep kinh doanh'])));

    const page = await t.newPage('vi', { phone: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await login(t, page, buyer.email);
    await t.visit(page, `/dashboard/interests/${expressInterest.id}`);
    assertTappable(await sizes(page.locator('main a[href="/dashboard/interests"]')), `the back link "← ${msg('vi', 'dash_interests')}"`);
    await t.visit(page, `/dashboard/organizations/${buyerOrg.id}`);
    assertTappable(await sizes(page.locator('#media a', { hasText: msg('vi', 'media_download') })), `"${msg('vi', 'media_download')}"`);

    const admin = await t.newPage('vi', { phone: true });
    await admin.setViewportSize({ width: 390, height: 844 });
    await login(t, admin, t.admin.email, t.admin.password);
    // A role change is audited with its details.
    await t.gql(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: ["ha-noi"]) { id } }`, { id: seller.id }, await adminToken(t));
    await t.visit(admin, `/admin/audit?targetId=${seller.id}`);
    await t.screenshot(admin, 'layout-audit-phone');
    assertTappable(await sizes(admin.locator('main table summary')), `the audit log's "${msg('vi', 'audit_details')}"`);
    assertTappable(await sizes(admin.locator('main table a')), 'the audit log’s links');
  });

  h.test('layout: a success notice shows beside the form that was used, in view and focused', async (t) => {
    const owner = await apiUser(t, 'Chủ tổ chức');
    const org = await apiOrganization(t, owner.token);
    const pictures = [];
    for (const background of ['#2b7a5a', '#7a2b5a']) pictures.push(await sharp({ create: { width: 800, height: 600, channels: 3, background } }).jpeg().toBuffer());
    for (const [i, p] of pictures.entries()) await apiUpload(t, owner.token, 'ORGANIZATION', org.id, `anh-${i}.jpg`, p);

    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    const where = async (text) => {
      return page.locator('[role=status]', { hasText: text }).evaluate((el) => {
        const r = el.getBoundingClientRect();
        const section = el.closest('section');
        return { top: r.top, bottom: r.bottom, vh: window.innerHeight, focused: document.activeElement === el || el.contains(document.activeElement), section: section?.id ?? '' };
      });
    };

    // Inviting a member: the notice is with the invitation form, at the bottom of a long page.
    await t.visit(page, `/dashboard/organizations/${org.id}`);
    await page.fill('form[action="?/addMember"] [name=email]', `${uniq('moi')}@example.vn`);
    await t.submit(page, 'form[action="?/addMember"] button[type=submit]');
    const invited = await where(msg('vi', 'done_memberInvited'));
    await t.screenshot(page, 'layout-notice-invited');
    assert.equal(invited.section, 'add-member', `the notice is in the invitation's section: ${JSON.stringify(invited)}`);
    assert.ok(invited.top >= 0 && invited.bottom <= invited.vh, `the notice is in view: ${JSON.stringify(invited)}`);
    assert.ok(invited.focused, 'the notice has the focus');

    // Making a picture the cover: the notice is in the media section, where the page lands.
    await t.submit(page, '#media form[action="?/cover"] button[type=submit]');
    const saved = await where(msg('vi', 'done_mediaSaved'));
    await t.screenshot(page, 'layout-notice-cover');
    assert.equal(saved.section, 'media', `the notice is in the media section: ${JSON.stringify(saved)}`);
    assert.ok(saved.top >= 0 && saved.bottom <= saved.vh, `the notice is in view: ${JSON.stringify(saved)}`);
    assert.ok(saved.focused, 'the notice has the focus');
    // One notice, not a second one at the top of the page.
    assert.equal(await page.locator('[role=status]', { hasText: msg('vi', 'done_mediaSaved') }).count(), 1);
  });

  h.test('layout: the dashboard names the account role, the organisation page the role in the organisation', async (t) => {
    const owner = await apiUser(t, 'Chủ tổ chức');
    const org = await apiOrganization(t, owner.token);
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await login(t, page, owner.email);
      await t.visit(page, '/dashboard');
      const roleLine = await t.text(page, '[data-testid=account-role]');
      assert.equal(roleLine, `${msg(lang, 'dash_accountRole')}: ${label(lang, 'Role', 'MEMBER')}`);
      // …and beside each of the account's organisations, its role there
      assert.equal(await t.text(page, '#orgs ~ ul [data-org-role]'), `${msg(lang, 'org_memberRole')}: ${msg(lang, 'org_roleOwner')}`);
      await t.visit(page, `/dashboard/organizations/${org.id}`);
      assert.equal(await t.text(page, 'main table th:nth-child(3)'), msg(lang, 'org_memberRole'));
      assert.ok((await t.text(page, 'main table tbody')).includes(msg(lang, 'org_roleOwner')));
      assert.equal(await t.text(page, 'form[action="?/addMember"] label[for="f-role"]'), msg(lang, 'org_memberRole'));
    }
  });

  h.test('layout: "My listings" leads with what the organisation usually posts, as the dashboard does (a university offers)', async (t) => {
    const firstButtons = async (page) => page.locator('main a.button[href^="/dashboard/listings/new"]').evaluateAll((as) => as.map((a) => a.getAttribute('href').split('kind=')[1]));
    const company = await apiUser(t, 'Chủ doanh nghiệp');
    await apiOrganization(t, company.token);
    const university = await apiUser(t, 'Cán bộ chuyển giao');
    await apiOrganization(t, university.token, { name: `Trường Đại học Thử ${uniq('')}`, kind: 'UNIVERSITY' });
    for (const [user, expected] of [[company, ['DEMAND', 'OFFER']], [university, ['OFFER', 'DEMAND']]]) {
      const page = await t.newPage('vi');
      await login(t, page, user.email);
      for (const path of ['/dashboard', '/dashboard/listings']) {
        await t.visit(page, path);
        assert.deepEqual(await firstButtons(page), expected, `${path} for ${user.email}`);
      }
    }
  });

  h.test('layout: the About page says who runs the exchange and how to reach them, how content is reviewed, and what it costs (vi, en; phone)', async (t) => {
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang, { phone: lang === 'vi' });
      await t.visit(page, '/');
      await page.locator('footer a[href="/about"]').click();
      await page.waitForURL('**/about');
      assert.equal(await t.text(page, 'h1'), msg(lang, 'about_title'));
      assert.equal(await t.text(page, '[data-operator]'), msg(lang, 'about_operatorNamed', { name: lang === 'en' ? t.operator.nameEn : t.operator.name }));
      assert.equal(await page.locator(`main a[href="mailto:${t.operator.email}"]`).count(), 1, 'the operator can be written to');
      assert.equal(await t.text(page, 'section[aria-labelledby=about-review] p'), msg(lang, 'about_review', { days: String(REVIEW_TARGET_DAYS) }));
      assert.equal(await t.text(page, 'section[aria-labelledby=about-cost] p'), msg(lang, 'about_cost'));
      await assertFitsScreen(page, `about ${lang}`);
      await t.axe(page, `about ${lang}`);
    }
  });
}
