// Every main page, in Vietnamese and English: it answers 200, its <html lang> and title are in
// that language, it has exactly one <h1>, a skip link, a main landmark and a canonical URL, and
// axe-core finds no serious or critical violation (with WEB_TEST_SCREENSHOTS=1 a screenshot is
// saved too: test-output/screenshots/<page>-<lang>.png).
import assert from 'node:assert/strict';
import { label, msg, trlLabel, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

const PUBLIC = [
  ['home', '/'],
  ['search', '/search?kind=OFFER'],
  ['stats', '/stats'],
  ['compare-empty', '/compare'],
  ['experts', '/experts'],
  ['events', '/events'],
  ['login', '/login'],
  ['register', '/register'],
];

const MEMBER = [
  ['dashboard', '/dashboard'],
  ['my-listings', '/dashboard/listings'],
  ['new-demand', '/dashboard/listings/new?kind=DEMAND'],
  ['new-offer', '/dashboard/listings/new?kind=OFFER'],
  ['new-organization', '/dashboard/organizations/new'],
  ['interests', '/dashboard/interests'],
  ['deals', '/dashboard/deals'],
  ['saved-searches', '/dashboard/searches'],
  ['notifications', '/dashboard/notifications'],
  ['expert-profile', '/dashboard/expert'],
  ['organized-events', '/dashboard/events'],
  ['new-event', '/dashboard/events/new'],
  ['sessions', '/dashboard/sessions'],
  ['change-password', '/dashboard/password'],
];

const STAFF = [
  ['moderation', '/moderation'],
  ['moderation-queue', '/moderation/listings'],
  ['moderation-organizations', '/moderation/organizations'],
  ['moderation-experts', '/moderation/experts'],
  ['moderation-events', '/moderation/events'],
  ['moderation-deals', '/moderation/deals'],
  ['moderation-stats', '/moderation/stats'],
  ['admin-users', '/admin/users'],
];

async function checkPage(t, page, name, path, lang) {
  await t.visit(page, path);
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${path}: <html lang>`);
  assert.equal(await page.locator('h1').count(), 1, `${path}: one <h1>`);
  assert.equal(await page.locator('main#main').count(), 1, `${path}: a main landmark`);
  assert.equal(await page.locator('a.skip-link[href="#main"]').count(), 1, `${path}: a skip link`);
  assert.ok(await page.getAttribute('link[rel=canonical]', 'href'), `${path}: canonical`);
  assert.ok((await page.title()).length > 3, `${path}: title`);
  assert.equal(await page.locator('script').count(), 0, `${path}: ships no JavaScript`);
  await t.screenshot(page, `${name}-${lang}`);
  await t.axe(page, `${name} (${lang})`);
}

export default function (h) {
  for (const lang of ['vi', 'en']) {
    h.test(`public pages (${lang}): 200, language, landmarks, axe`, async (t) => {
      const page = await t.newPage(lang);
      for (const [name, path] of PUBLIC) await checkPage(t, page, name, path, lang);
      await t.visit(page, '/');
      assert.equal(await page.title(), msg(lang, 'home_title'));
      assert.equal(await page.getAttribute('meta[name=description]', 'content'), msg(lang, 'home_description'));
      assert.equal(await page.getAttribute('meta[property="og:locale"]', 'content'), lang === 'en' ? 'en_GB' : 'vi_VN');
    });

    h.test(`member pages (${lang}): axe`, async (t) => {
      const user = await apiUser(t, lang === 'en' ? 'Jane Member' : 'Nguyễn Thành Viên');
      await apiOrganization(t, user.token, { name: `${lang === 'en' ? 'Test Company' : 'Công ty Thử'} ${uniq('')}` });
      const page = await t.newPage(lang);
      await login(t, page, user.email);
      for (const [name, path] of MEMBER) await checkPage(t, page, name, path, lang);
    });

    h.test(`moderator and admin pages (${lang}): axe`, async (t) => {
      const page = await t.newPage(lang);
      await login(t, page, t.admin.email, t.admin.password);
      for (const [name, path] of STAFF) await checkPage(t, page, name, path, lang);
    });
  }

  h.test('listing, organisation and comparison pages (vi, en): content, SEO tags, axe', async (t) => {
    const user = await apiUser(t, 'Viện Thử');
    const org = await apiOrganization(t, user.token, { name: `Viện Công nghệ Thử ${uniq('')}`, kind: 'RESEARCH_INSTITUTE' });
    const base = {
      kind: 'OFFER',
      summary: 'Thiết bị lọc nước nhiễm mặn quy mô hộ gia đình, công suất 200 lít mỗi giờ, vận hành bằng điện mặt trời.',
      description: 'Hệ thống lọc nước lợ, nước nhiễm mặn bằng màng RO năng lượng thấp, phù hợp vùng ven biển Đồng bằng sông Cửu Long. Đã lắp đặt 40 bộ tại Bến Tre.',
      fieldCodes: ['207'],
      keywords: ['lọc nước', 'nhiễm mặn', 'RO'],
      trl: 8,
      transferModes: ['LICENSING'],
      ipStatus: 'PATENT_GRANTED',
      priceMin: 150000000,
      priceMax: 250000000,
      provinceCode: 'vinh-long',
    };
    const a = await apiPublishedListing(t, user.token, org.id, { ...base, title: `Thiết bị lọc nước nhiễm mặn dùng năng lượng mặt trời ${uniq('')}` });
    const b = await apiPublishedListing(t, user.token, org.id, { ...base, title: `Máy lọc nước lợ RO tiết kiệm điện ${uniq('')}`, fieldCodes: ['407', '202'], trl: 6, priceMin: 90000000, priceMax: 120000000 });
    await t.gql(`mutation($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: org.id }, await adminToken(t));
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await checkPage(t, page, 'listing', `/listings/${a.slug}`, lang);
      assert.equal(await page.getAttribute('meta[property="og:type"]', 'content'), 'article');
      const facts = await t.text(page, 'aside');
      assert.ok(facts.includes(lang === 'vi' ? '150.000.000 ₫ – 250.000.000 ₫' : '₫150,000,000 – ₫250,000,000'), facts);
      assert.ok(facts.includes(trlLabel(lang, 8)));
      assert.ok(facts.includes(label(lang, 'IpStatus', 'PATENT_GRANTED')));
      assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), `${t.webUrl}/listings/${a.slug}${lang === 'en' ? '?lang=en' : ''}`);
      assert.equal(await page.getAttribute('link[rel=alternate][hreflang=en]', 'href'), `${t.webUrl}/listings/${a.slug}?lang=en`);
      await checkPage(t, page, 'organization', `/organizations/${org.slug}`, lang);
      await checkPage(t, page, 'compare', `/compare?ids=${a.id},${b.id}`, lang);
      const table = await t.text(page, 'table');
      assert.ok(table.includes(trlLabel(lang, 8)) && table.includes(trlLabel(lang, 6)), 'TRLs side by side');
      assert.equal(await page.locator('thead th').count(), 2);
      // The API says where each stands out: the first has the higher TRL, the second the lower price.
      const row = page.locator('tr', { has: page.locator(`th:text-is("${msg(lang, 'compare_bestIn')}")`) });
      assert.equal(await row.count(), 1, 'a "stands out for" row');
      const cells = await row.locator('td').allInnerTexts();
      assert.ok(cells[0].trim() !== '–' && cells[1].trim() !== '–', `both stand out for something: ${cells}`);
      // Field names contain commas: two fields are told apart by " · ", not by another comma.
      const fieldsRow = page.locator('tr', { has: page.locator(`th:text-is("${msg(lang, 'search_fields')}")`) });
      const names = lang === 'en' ? ['Mechanisation and post-harvest', 'Electrical, electronic and telecommunications engineering'] : ['Cơ giới hóa và sau thu hoạch', 'Kỹ thuật điện, điện tử, viễn thông'];
      const second = (await fieldsRow.locator('td').nth(1).innerText()).trim();
      assert.deepEqual(second.split(' · ').sort(), [...names].sort(), second);
      // The verified organisation is said in words, not by a bare "✓" a screen reader reads as "check mark" or skips.
      const orgRow = page.locator('tr', { has: page.locator(`th:text-is("${msg(lang, 'listing_organization')}")`) });
      const orgCell = await orgRow.locator('td').first().evaluate((el) => el.textContent);
      assert.ok(orgCell.includes(msg(lang, 'org_verified')), orgCell);
    }
  });

  h.test('home figures: the deal value keeps its currency beside it, in the money formats of the other pages (tablet, vi and en)', async (t) => {
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await page.setViewportSize({ width: 820, height: 1180 });
      await t.visit(page, `/?lang=${lang}`);
      const value = page.locator('.figures [data-figure="deal-value"]');
      const text = (await value.innerText()).trim();
      // "₫10.8bn" as formatMoney writes "₫120,000,000" in English; "10,8 tỷ ₫" in Vietnamese.
      if (lang === 'en') assert.match(text, /^₫\d+(\.\d)?[A-Za-z]*$/, text);
      else assert.match(text, /^\d+(,\d)?( [^\d\s₫]+)* ₫$/, text);
      const one = await page.locator('.figures strong').first().boundingBox();
      const box = await value.boundingBox();
      assert.ok(box && one && box.height <= one.height + 1, `${lang}: the value and its ₫ on one line (${box?.height} px, a number's ${one?.height} px)`);
      await page.close();
    }
  });

  h.test('an unpublished listing answers 404 to the public and shows its status to its owner', async (t) => {
    const user = await apiUser(t);
    const org = await apiOrganization(t, user.token);
    const { createListing } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`,
      { i: { kind: 'DEMAND', organizationId: org.id, title: `Nhu cầu bản nháp ${uniq('')}`, summary: 'Một nhu cầu chưa gửi duyệt, chỉ chủ tin được thấy.', description: 'Mô tả đủ dài cho một bản nháp chưa gửi duyệt của doanh nghiệp.', fieldCodes: ['207'], keywords: ['nháp'], transferModes: [], provinceCode: 'ha-noi' } },
      user.token,
    );
    const visitor = await t.newPage('vi');
    await t.visit(visitor, `/listings/${createListing.slug}`, 404);
    const owner = await t.newPage('vi');
    await login(t, owner, user.email);
    await t.visit(owner, `/listings/${createListing.slug}`);
    assert.ok((await t.text(owner, '.listing-head')).includes(msg('vi', 'listing_notPublic', { status: label('vi', 'ListingStatus', 'DRAFT') })));
    assert.equal(await owner.getAttribute('meta[name=robots]', 'content'), 'noindex, nofollow');
    // Another member cannot manage it.
    const other = await apiUser(t);
    const stranger = await t.newPage('vi');
    await login(t, stranger, other.email);
    await t.visit(stranger, `/dashboard/listings/${createListing.id}`, 404);
  });
}
