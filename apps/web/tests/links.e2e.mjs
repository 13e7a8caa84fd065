// Links, selections, exports and the department's facts (issue #13), and the explicit "all
// provinces" grant (issue #19): every notification kind's link followed in the browser (the page
// exists, the notification is then read), the comparison selection across pages, the CSV export's
// bad range on the stats page, the province picker, the organisation profile form, and the deal
// review page with both parties' verification and their conversation.
import assert from 'node:assert/strict';
import { msg, squash, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiEnrolSecondFactor, apiOrganization, apiPublishedListing, apiRelogin, apiUser } from './support/api.mjs';

const offer = (title, provinceCode = 'vinh-long') => ({
  kind: 'OFFER',
  title: `${title} ${uniq('')}`,
  summary: 'Hệ thống tưới nhỏ giọt điều khiển theo độ ẩm đất, tiết kiệm nước và phân bón cho vườn cây ăn trái.',
  description: 'Bộ điều khiển tưới nhỏ giọt đọc cảm biến độ ẩm đất và dự báo mưa, tự mở van theo từng khu vườn; đã lắp cho nhiều nhà vườn sầu riêng và bưởi ở Đồng bằng sông Cửu Long.',
  fieldCodes: ['407'],
  keywords: ['tưới nhỏ giọt', 'độ ẩm đất'],
  trl: 7,
  transferModes: ['LICENSING'],
  priceMin: 200000000,
  priceMax: 400000000,
  provinceCode,
});

const SET_ROLES = `mutation($id: ID!, $codes: [String!], $all: Boolean) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: $codes, allProvinces: $all) { id } }`;
const NOTES = `{ notifications { id kind url readAt } }`;

/** Seller, buyer and a moderator of the seller's province, with a deal under review and a rejected listing: most notification kinds. */
async function dealWorld(t) {
  const province = 'vinh-long';
  const seller = await apiUser(t, 'Người bán');
  const sellerOrg = await apiOrganization(t, seller.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: province });
  const buyer = await apiUser(t, 'Người mua');
  const buyerOrg = await apiOrganization(t, buyer.token, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
  const moderator = await apiUser(t, 'Cán bộ Sở');
  const admin = await adminToken(t);
  await t.gql(SET_ROLES, { id: moderator.id, codes: [province] }, admin);
  await apiRelogin(t, moderator); // a role change ends the account's sessions
  await apiEnrolSecondFactor(t, moderator); // staff act only with a second factor
  await t.gql(`mutation($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: sellerOrg.id }, moderator.token);
  const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer('Bộ điều khiển tưới'));
  const { expressInterest } = await t.gql(
    `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Vườn 20 ha có lắp được không?") { id } }`,
    { l: listing.id, o: buyerOrg.id },
    buyer.token,
  );
  const interestId = expressInterest.id;
  await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true, message: "Được, chúng tôi khảo sát miễn phí.") { id } }`, { id: interestId }, seller.token);
  await t.gql(`mutation($id: ID!) { sendMessage(interestId: $id, body: "Giá trọn gói cho 20 ha là bao nhiêu?") { id } }`, { id: interestId }, buyer.token);
  const { proposeDeal } = await t.gql(
    `mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`,
    { i: { interestId, value: 350000000, transferMode: 'LICENSING', terms: 'Li-xăng 3 năm, lắp đặt cho 20 ha và đào tạo vận hành.' } },
    buyer.token,
  );
  await t.gql(`mutation($id: ID!) { respondToDeal(id: $id, accept: true) { id } }`, { id: proposeDeal.id }, seller.token);
  // A second listing, rejected: the owner's notice of it.
  const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id } }`, { i: { organizationId: sellerOrg.id, currency: 'VND', negotiable: true, ...offer('Máy bón phân') } }, seller.token);
  await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id }, seller.token);
  await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: REJECT, reason: INCOMPLETE, note: "Thiếu thông số kỹ thuật.") { id } }`, { id: createListing.id }, moderator.token);
  return { seller, buyer, moderator, sellerOrg, buyerOrg, listing, interestId, dealId: proposeDeal.id };
}

/** Follows every notification of a user in their browser: the page answers (not 404) and the notification is then read. */
async function followAll(t, user, kinds) {
  const page = await t.newPage('vi');
  await login(t, page, user.email, user.password, '', user.secret ?? null);
  const notes = await t.eventually(async () => {
    const { notifications } = await t.gql(NOTES, {}, user.token);
    return notifications.length ? notifications : null;
  }, { what: 'notifications' });
  for (const n of notes) {
    assert.ok(n.url, `${n.kind} has a link`);
    const res = await page.goto(n.url);
    assert.equal(res?.status(), 200, `${n.kind}: ${n.url} → ${page.url()} answers ${res?.status()}`);
    assert.notEqual(await page.locator('h1').first().innerText(), msg('vi', 'error_notFoundTitle'), `${n.kind}: not the 404 page`);
    const { notifications } = await t.gql(NOTES, {}, user.token);
    assert.ok(notifications.find((x) => x.id === n.id)?.readAt, `${n.kind} (${n.url}) is read once its page was opened (${page.url()})`);
    kinds.add(n.kind);
  }
  return page;
}

export default function (h) {
  h.test('links: declining an interest asks once more, saying it cannot be undone; then the buyer is told', async (t) => {
    const seller = await apiUser(t, 'Người bán cân nhắc');
    const sellerOrg = await apiOrganization(t, seller.token, { kind: 'UNIVERSITY' });
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer('Hệ thống tưới để từ chối'));
    const buyer = await apiUser(t, 'Người mua bị từ chối');
    const buyerOrg = await apiOrganization(t, buyer.token, { name: `HTX Người Mua ${uniq('')}` });
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Cho tôi xin báo giá lắp đặt cho 5 ha.") { id } }`,
      { l: listing.id, o: buyerOrg.id },
      buyer.token,
    );
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, seller.email, undefined, `/dashboard/interests/${expressInterest.id}`);
    // No one-tap decline: the button that declines is behind its explanation.
    assert.equal(await page.locator('button[name=accept][value=false]').isVisible(), false);
    await page.click(`details.decline > summary`);
    assert.ok((await page.locator('details.decline').innerText()).includes(msg('vi', 'thread_declineHelp', { org: buyerOrg.name })));
    await t.submit(page, 'details.decline button[name=accept][value=false]');
    assert.equal(new URL(page.url()).searchParams.get('done'), 'interest-declined');
    const { interest } = await t.gql(`query($id: ID!) { interest(id: $id) { status } }`, { id: expressInterest.id }, buyer.token);
    assert.equal(interest.status, 'DECLINED');
  });

  h.test('links: a member sees which of the organisation\'s listings are not public yet (its page and the dashboard), the public sees none of them', async (t) => {
    const owner = await apiUser(t, 'Chủ tin chờ duyệt');
    const org = await apiOrganization(t, owner.token, { kind: 'UNIVERSITY' });
    const published = await apiPublishedListing(t, owner.token, org.id, offer('Hệ thống tưới đã đăng'));
    const pendingInput = offer('Hệ thống tưới chờ duyệt');
    const { createListing: pending } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`, { i: { organizationId: org.id, currency: 'VND', negotiable: true, ...pendingInput } }, owner.token);
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: pending.id }, owner.token);
    // An update of the published one waits for review too.
    const { listing: current } = await t.gql(`query($id: ID!) { listing(id: $id) { version } }`, { id: published.id }, owner.token);
    await t.gql(
      `mutation($id: ID!, $i: ListingUpdateInput!) { updateListing(id: $id, input: $i) { id } }`,
      { id: published.id, i: { version: current.version, summary: 'Bản tóm tắt mới: điều khiển tưới theo độ ẩm đất và dự báo mưa cho vườn cây ăn trái.' } },
      owner.token,
    );
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: published.id }, owner.token);

    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang, { phone: lang === 'en' });
      await login(t, page, owner.email, undefined, `/organizations/${org.slug}`);
      const pendingCard = page.locator('article.listing-card', { hasText: pendingInput.title });
      assert.equal(await pendingCard.locator('.badge').innerText(), lang === 'vi' ? 'Chờ duyệt' : 'Pending review', `${lang}: the pending listing says so on the organisation page`);
      assert.equal(await page.locator('article.listing-card', { hasText: 'Hệ thống tưới đã đăng' }).locator('.badge').count(), 0, 'a published one has no badge');
      await t.visit(page, '/dashboard/listings');
      const row = page.locator('main ul.list > li', { hasText: 'Hệ thống tưới đã đăng' });
      assert.ok((await row.innerText()).includes(msg(lang, 'manage_updatePendingBadge')), `${lang}: the dashboard says an update waits for review`);
      await t.screenshot(page, `org-page-pending-${lang}`);
    }
    const visitor = await t.newPage('vi');
    await t.visit(visitor, `/organizations/${org.slug}`);
    assert.equal(await visitor.locator('article.listing-card', { hasText: pendingInput.title }).count(), 0, 'the public does not see the pending listing');
    assert.equal(await visitor.locator('article.listing-card', { hasText: 'Hệ thống tưới đã đăng' }).count(), 1);
  });

  h.test('links: notifications: every kind’s link opens an existing page, which marks it read', async (t) => {
    const w = await dealWorld(t);
    const kinds = new Set();
    const sellerPage = await followAll(t, w.seller, kinds);
    await followAll(t, w.buyer, kinds);
    const modPage = await followAll(t, w.moderator, kinds);
    // The department's notice leads to the review page, not the parties' page.
    const { notifications } = await t.gql(NOTES, {}, w.moderator.token);
    const review = notifications.find((n) => n.kind === 'DEAL_REVIEW_REQUESTED');
    assert.ok(review, 'the department was told');
    await t.visit(modPage, review.url);
    assert.equal(new URL(modPage.url()).pathname, `/moderation/deals/${w.dealId}`);
    for (const k of ['LISTING_APPROVED', 'LISTING_REJECTED', 'INTEREST_NEW', 'INTEREST_ACCEPTED', 'INTEREST_MESSAGE', 'DEAL_PROPOSED', 'DEAL_ACCEPTED', 'DEAL_REVIEW_REQUESTED']) {
      assert.ok(kinds.has(k), `a ${k} notification was followed (got ${[...kinds].join(', ')})`);
    }

    // The decision's notices, followed from the notifications page: the header's count goes down.
    await t.gql(`mutation($id: ID!) { reviewDeal(id: $id, decision: APPROVE) { id } }`, { id: w.dealId }, w.moderator.token);
    await t.visit(sellerPage, '/dashboard/notifications?show=unread');
    // the deal's notice by its link: match alerts of the outbox may be newer
    const link = sellerPage.locator(`main li.unread h2 a[href*="${w.dealId}"]`).first();
    const before = Number((await sellerPage.locator('header a.notif .count').first().innerText().catch(() => '0')).replace(/\D/g, '') || 0);
    assert.ok(before >= 1, 'an unread count in the header');
    await Promise.all([sellerPage.waitForNavigation(), link.click()]);
    assert.equal(new URL(sellerPage.url()).pathname, `/dashboard/deals/${w.dealId}`);
    const after = await sellerPage.locator('header a.notif .count').count();
    assert.ok(after === 0 || Number((await sellerPage.locator('header a.notif .count').first().innerText()).replace(/\D/g, '')) < before, 'the count went down');
    const still = (await t.gql(NOTES, {}, w.seller.token)).notifications.filter((n) => !n.readAt && n.kind === 'DEAL_APPROVED');
    assert.deepEqual(still, [], 'the approval notice is read');
  });

  h.test('links: notifications keep the line breaks of their text (a seller’s reply on two lines, a new listing’s matches one a line)', async (t) => {
    const seller = await apiUser(t, 'Người bán');
    const sellerOrg = await apiOrganization(t, seller.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const buyer = await apiUser(t, 'Người mua');
    const buyerOrg = await apiOrganization(t, buyer.token, { provinceCode: 'can-tho' });
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer('Bộ điều khiển tưới'));
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Vườn 5 ha có lắp được không?") { id } }`,
      { l: listing.id, o: buyerOrg.id },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true, message: "Chào chị, lắp được.\\nThứ bảy mời chị ghé xem.") { id } }`, { id: expressInterest.id }, seller.token);
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, buyer.email, buyer.password);
    const body = await t.eventually(async () => {
      await t.visit(page, '/dashboard/notifications');
      const item = page.locator('main ul.list > li', { hasText: 'Thứ bảy mời chị ghé xem.' });
      return (await item.count()) ? item.locator('p').first() : null;
    }, { what: 'the acceptance notice' });
    assert.match(await body.innerText(), /lắp được\.\nThứ bảy/, 'the reply shows on two lines, as written');
  });

  h.test('links: compare: the selection survives navigation, shows in the header, and can be cleared (no JavaScript)', async (t) => {
    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'vinh-long' });
    const a = await apiPublishedListing(t, owner.token, org.id, offer('Cảm biến độ mặn'));
    const b = await apiPublishedListing(t, owner.token, org.id, offer('Trạm bơm năng lượng mặt trời'));
    const context = await t.newPage('vi');
    const page = context;
    for (const l of [a, b]) {
      await t.visit(page, `/listings/${l.slug}`);
      await t.submit(page, 'form[action="/compare?/add"] button[type=submit]');
      assert.equal(new URL(page.url()).pathname, '/compare');
    }
    assert.equal(await page.locator('table.compare-table thead th').count(), 2, 'both in the table');
    // On a phone each listing keeps a readable column (the table scrolls in its box, not the page).
    await page.setViewportSize({ width: 412, height: 900 });
    const widths = await page.locator('table.compare-table tbody td').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
    assert.ok(Math.min(...widths) >= 150, `columns ${widths.map(Math.round).join(', ')} px wide`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 412), 'no sideways scroll of the page');
    // Scrolled sideways, a title stays above its own column: it passes under the fixed corner as its cells pass under the row names.
    await page.locator('.table-scroll').evaluate((box) => box.scrollBy(120, 0));
    const lined = await page.evaluate(() => {
      const corner = document.querySelector('.compare-table thead td').getBoundingClientRect();
      const label = document.querySelector('.compare-table tbody th[scope=row]').getBoundingClientRect();
      const title = document.querySelector('.compare-table thead th[scope=col]').getBoundingClientRect();
      const cell = document.querySelector('.compare-table tbody td').getBoundingClientRect();
      return { corner: Math.round(corner.left), label: Math.round(label.left), title: Math.round(title.left), cell: Math.round(cell.left) };
    });
    assert.equal(lined.corner, lined.label, `the corner stays with the row names: ${JSON.stringify(lined)}`);
    assert.equal(lined.title, lined.cell, `titles stay above their columns: ${JSON.stringify(lined)}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    // Elsewhere and back: still there, and the header says how many.
    await t.visit(page, '/stats');
    assert.equal(await page.locator('header a[href="/compare"] .count').innerText().then((s) => s.trim().slice(0, 1)), '2');
    await t.visit(page, '/compare');
    assert.equal(await page.locator('table.compare-table thead th').count(), 2, 'still both after navigating');
    // Remove one, then clear.
    await t.submit(page, 'form[action="/compare?/remove"] button[type=submit]');
    assert.equal(await page.locator('table.compare-table thead th').count(), 1);
    await t.submit(page, 'form[action="/compare?/clear"] button[type=submit]');
    assert.equal(await page.locator('table.compare-table').count(), 0, 'cleared');
    assert.ok((await t.text(page)).includes(msg('vi', 'compare_howTo')));
    assert.equal(await page.locator('header a[href="/compare"] .count').count(), 0);
    assert.equal(await page.locator('script').count(), 0, 'no JavaScript');
  });

  h.test('links: compare: a tick past the limit of 5 is warned about at once, on the card left out, in the reader’s language (no JavaScript)', async (t) => {
    const tag = uniq('cmp');
    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'vinh-long' });
    const offers = [];
    for (let i = 1; i <= 6; i++) offers.push(await apiPublishedListing(t, owner.token, org.id, { ...offer(`Máy sấy ${tag} số ${i}`), title: `Máy sấy ${tag} số ${i}` }));
    const page = await t.newPage('en');
    // Four in the comparison already: room for one more.
    for (const l of offers.slice(0, 4)) {
      await t.visit(page, `/listings/${l.slug}`);
      await t.submit(page, 'form[action="/compare?/add"] button[type=submit]');
    }
    await t.eventually(
      async () => {
        await t.visit(page, `/search?q=${encodeURIComponent(tag)}`);
        return (await page.locator('ol.cards > li').count()) === 6;
      },
      { what: 'the six offers indexed' },
    );
    const visibleNotes = () => page.locator('.compare-limit:visible');
    assert.equal(await visibleNotes().count(), 0, 'no warning before a tick');
    assert.ok((await t.text(page, '.compare-bar')).includes(msg('en', 'compare_countOf', { count: '4', max: '5' })));
    const box = (l) => page.locator(`input[name=ids][value="${l.id}"]`);
    // Each tick is named after its offer (tabbing from box to box, a screen reader hears only the name).
    const picked = page.getByRole('checkbox', { name: new RegExp(`^${msg('en', 'compare_pick')}\\s*:\\s*Máy sấy ${tag} số 5$`) });
    assert.equal(await picked.count(), 1, 'the tick is found by its offer’s name');
    assert.equal(await picked.getAttribute('value'), offers[4].id);
    await box(offers[4]).check();
    assert.equal(await visibleNotes().count(), 0, 'the fifth fits');
    await box(offers[5]).check();
    const warning = msg('en', 'compare_limitReached', { max: '5' });
    const cardNote = page.locator(`ol.cards > li:has(input[value="${offers[5].id}"]) .compare-limit`);
    assert.ok(await cardNote.isVisible(), 'the sixth tick is warned about on its card');
    assert.equal(t.squash(await cardNote.textContent()), warning);
    assert.equal(await visibleNotes().count(), 1, 'on that card alone');
    await t.screenshot(page, 'compare-limit-search-en-1280');
    await page.setViewportSize({ width: 412, height: 900 });
    await cardNote.scrollIntoViewIfNeeded();
    await t.screenshot(page, 'compare-limit-search-en-412');
    await page.setViewportSize({ width: 1280, height: 900 });
    await box(offers[5]).uncheck();
    assert.equal(await visibleNotes().count(), 0, 'unticked: the warning goes');

    // A full comparison: the listing page says so instead of offering to add (in Vietnamese too).
    const vi = await t.newPage('vi');
    for (const l of offers.slice(0, 5)) {
      await t.visit(vi, `/listings/${l.slug}`);
      await t.submit(vi, 'form[action="/compare?/add"] button[type=submit]');
    }
    await t.visit(vi, `/listings/${offers[5].slug}`);
    assert.equal(await vi.locator('form[action="/compare?/add"]').count(), 0);
    assert.ok((await t.text(vi, '.compare-limit')).startsWith(msg('vi', 'compare_full', { max: '5' })));
    assert.equal(await vi.locator('.compare-limit a[href="/compare"]').count(), 1);
    await t.screenshot(vi, 'compare-full-listing-vi');
    await t.visit(vi, `/search?q=${encodeURIComponent(tag)}`);
    await vi.locator(`input[name=ids][value="${offers[5].id}"]`).check();
    assert.equal(t.squash(await vi.locator(`ol.cards > li:has(input[value="${offers[5].id}"]) .compare-limit`).textContent()), msg('vi', 'compare_limitReached', { max: '5' }));
    assert.ok(await vi.locator(`ol.cards > li:has(input[value="${offers[5].id}"]) .compare-limit`).isVisible(), 'no room at all: the first new tick is warned about');
    assert.equal(await vi.locator('script').count(), 0, 'no JavaScript');
  });

  for (const lang of ['vi', 'en']) {
    h.test(`links: CSV export with "from" after "to" (${lang}): a message on the stats page, not a bare 400`, async (t) => {
      const page = await t.newPage(lang);
      await login(t, page, t.admin.email, t.admin.password);
      await t.visit(page, '/moderation/stats');
      await page.fill('#exp-from', '2026-12-31');
      await page.fill('#exp-to', '2026-01-01');
      const res = await Promise.all([page.waitForNavigation(), page.click('form[action="/moderation/stats/deals.csv"] button[type=submit]')]).then(([r]) => r);
      assert.equal(res?.status(), 200, 'the stats page answers');
      assert.equal(new URL(page.url()).pathname, '/moderation/stats');
      assert.equal(await page.locator('header').count(), 1, 'inside the site layout');
      assert.equal((await t.text(page, '#export-error')), msg(lang, 'mod_exportBadRange'));
      assert.equal(await page.inputValue('#exp-from'), '2026-12-31', 'what was typed is kept');
      assert.equal(await page.inputValue('#exp-to'), '2026-01-01');
      assert.equal(await page.getAttribute('#exp-to', 'aria-invalid'), 'true');
      // A good range still downloads.
      await page.fill('#exp-from', '2026-01-01');
      await page.fill('#exp-to', '2026-12-31');
      const download = page.waitForEvent('download');
      await page.click('form[action="/moderation/stats/deals.csv"] button[type=submit]');
      assert.match((await download).suggestedFilename(), /\.csv$/);
    });
  }

  h.test('links: province picker: moderator jurisdiction by finding and ticking, an explicit nationwide grant, none means none', async (t) => {
    const user = await apiUser(t, 'Cán bộ mới');
    const page = await t.newPage('vi');
    await login(t, page, t.admin.email, t.admin.password, '/admin/users');
    const row = () => page.locator(`li[data-email="${user.email}"]`);
    const save = () => t.submit(page, `li[data-email="${user.email}"] form[action$="/roles"] button[type=submit]`);
    // The card sums the roles up; the form opens on demand (and stays open after a refusal).
    const edit = async () => {
      if (!(await row().locator('details.edit-roles').evaluate((d) => d.open))) await row().locator('details.edit-roles > summary').click();
    };
    const jurisdiction = async () => (await t.gql(`query($q: String) { users(query: $q) { items { allProvinces roles moderatedProvinces { code } } } }`, { q: user.email }, await adminToken(t))).users.items[0];
    await t.visit(page, `/admin/users?q=${encodeURIComponent(user.email)}`);
    assert.equal(await row().locator('input[name=provinces]:visible').count(), 0, 'the province grid is not on the card until its roles are changed');
    await edit();
    assert.equal(await row().locator('select[multiple]').count(), 0, 'no Ctrl-click multi-select');
    // Found without diacritics, and a former province's name ("Bến Tre" is now Vĩnh Long), plus a ticked box.
    await row().locator('input[name=roles][value=MODERATOR]').check();
    await row().locator('input[name=provinceFind]').fill('hue');
    await row().locator('input[name=provinces][value="can-tho"]').check();
    await save();
    let j = await jurisdiction();
    assert.equal(j.allProvinces, false);
    assert.deepEqual(j.moderatedProvinces.map((p) => p.code).sort(), ['can-tho', 'hue']);
    assert.ok((await t.text(page, `li[data-email="${user.email}"]`)).includes('Huế'), 'the jurisdiction is shown');
    await edit();
    await row().locator('input[name=provinceFind]').fill('Bến Tre');
    await save();
    j = await jurisdiction();
    assert.ok(j.moderatedProvinces.some((p) => p.code === 'vinh-long'), `a former province's name finds its province: ${JSON.stringify(j)}`);
    // An unknown name: an error in the picker, nothing saved.
    await edit();
    await row().locator('input[name=provinceFind]').fill('Atlantis');
    await save();
    assert.ok((await t.text(page, `li[data-email="${user.email}"]`)).includes(msg('vi', 'province_notFound', { text: 'Atlantis' })));
    // Nationwide is an explicit choice.
    await t.visit(page, `/admin/users?q=${encodeURIComponent(user.email)}`);
    await edit();
    await row().locator('input[name=allProvinces]').check();
    await save();
    j = await jurisdiction();
    assert.equal(j.allProvinces, true);
    assert.deepEqual(j.moderatedProvinces, []);
    assert.ok((await t.text(page, `li[data-email="${user.email}"]`)).includes(msg('vi', 'mod_allProvinces')));
    // Unticking it with no province ticked leaves none: the moderator covers nothing.
    await edit();
    await row().locator('input[name=allProvinces]').uncheck();
    await save();
    j = await jurisdiction();
    assert.equal(j.allProvinces, false);
    assert.deepEqual(j.moderatedProvinces, []);
    assert.ok((await t.text(page, `li[data-email="${user.email}"]`)).includes(msg('vi', 'mod_noProvinces')));
    // The confirmation names the account and says that, so, it moderates nothing yet.
    assert.match(page.url(), /done=roles-saved-no-provinces/);
    assert.ok((await t.text(page, 'main')).includes(msg('vi', 'done_rolesSavedNoProvinces', { who: user.email })), await t.text(page, 'main'));

    // Unticking Moderator drops the provinces: the form says so before saving, the confirmation after.
    await edit();
    await row().locator('input[name=provinces][value="hue"]').check();
    await save();
    await edit();
    const dropped = row().locator('.provinces-dropped');
    assert.equal(await dropped.isVisible(), false, 'no warning while Moderator is ticked');
    await row().locator('input[name=roles][value=MODERATOR]').uncheck();
    assert.ok(await dropped.isVisible(), 'unticked: the form says the provinces will go');
    assert.equal(t.squash(await dropped.textContent()), msg('vi', 'admin_provincesWillBeRemoved', { provinces: 'Huế' }));
    assert.ok(await row().locator('.moderator-only-note').isVisible());
    await t.screenshot(page, 'admin-roles-unticked-vi-1280');
    await page.setViewportSize({ width: 412, height: 900 });
    await t.screenshot(page, 'admin-roles-unticked-vi-412');
    await page.setViewportSize({ width: 1280, height: 900 });
    await save();
    assert.match(page.url(), /done=roles-saved-provinces-removed/);
    assert.ok((await t.text(page)).includes(msg('vi', 'done_rolesSavedProvincesRemoved', { who: user.email })));
    j = await jurisdiction();
    assert.deepEqual(j.roles, ['MEMBER']);
    assert.deepEqual(j.moderatedProvinces, []);
  });

  h.test('links: accounts page: compact cards, filters by role and by active or disabled', async (t) => {
    const tag = uniq('loc');
    const admin = await adminToken(t);
    const plain = await apiUser(t, `Thành viên ${tag}`);
    const mod = await apiUser(t, `Kiểm duyệt ${tag}`);
    await t.gql(SET_ROLES, { id: mod.id, codes: ['hue', 'can-tho'] }, admin);
    const off = await apiUser(t, `Bị khóa ${tag}`);
    await t.gql(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id: off.id }, admin);
    const org = await apiOrganization(t, plain.token);
    // Registered, but the e-mailed link never opened.
    const pendingTag = uniq('cho');
    const pendingEmail = `${uniq('u')}@example.vn`;
    await t.gql(`mutation($i: RegisterInput!) { register(input: $i) { token } }`, { i: { email: pendingEmail, password: t.PASSWORD, displayName: `Chờ kích hoạt ${pendingTag}` } });
    for (const lang of ['en', 'vi']) {
      const page = await t.newPage(lang);
      await login(t, page, t.admin.email, t.admin.password, '/admin/users');
      const emails = async () => (await page.locator('ul.users > li').evaluateAll((lis) => lis.map((li) => li.dataset.email))).sort();
      await t.visit(page, `/admin/users?q=${tag}`);
      assert.deepEqual(await emails(), [plain.email, mod.email, off.email].sort());
      // Each card says whose account it is and whether it is in use.
      const facts = async (email) => squash(await t.text(page, `li[data-email="${email}"] .account-facts`));
      const plainFacts = await facts(plain.email);
      assert.ok(plainFacts.startsWith(`${org.name} · ${msg(lang, 'admin_registeredOn', { date: '' }).trim()}`), plainFacts);
      assert.ok(plainFacts.includes(msg(lang, 'admin_lastActive', { when: '' }).trim()), `activated and signed in: ${plainFacts}`);
      assert.equal(await page.locator(`li[data-email="${plain.email}"] .account-facts a[href="/organizations/${org.slug}"]`).count(), 1);
      assert.ok((await facts(mod.email)).startsWith(msg(lang, 'admin_noOrganization')), await facts(mod.email));
      await t.visit(page, `/admin/users?q=${pendingTag}`);
      assert.ok((await facts(pendingEmail)).endsWith(msg(lang, 'admin_notActivated')), await facts(pendingEmail));
      await t.visit(page, `/admin/users?q=${tag}`);
      // No province grid on any card until its roles are changed; the moderator's provinces summed up.
      assert.equal(await page.locator('ul.users input[name=provinces]:visible').count(), 0);
      assert.ok((await t.text(page, `li[data-email="${mod.email}"]`)).includes(lang === 'vi' ? 'Huế' : 'Hue'));
      await t.screenshot(page, `admin-users-${lang}-1280`);
      await page.setViewportSize({ width: 412, height: 900 });
      await t.screenshot(page, `admin-users-${lang}-412`);
      await page.setViewportSize({ width: 1280, height: 900 });
      // Filters, by the form (kept across its actions).
      await page.selectOption('select[name=role]', 'MODERATOR');
      await t.submit(page, 'form.account-filters button[type=submit]');
      assert.deepEqual(await emails(), [mod.email]);
      await page.selectOption('select[name=role]', 'MEMBER');
      await t.submit(page, 'form.account-filters button[type=submit]');
      assert.deepEqual(await emails(), [plain.email, off.email].sort());
      await page.selectOption('select[name=status]', 'disabled');
      await t.submit(page, 'form.account-filters button[type=submit]');
      assert.deepEqual(await emails(), [off.email]);
      assert.equal(new URL(page.url()).searchParams.get('status'), 'disabled');
      assert.ok((await page.locator(`li[data-email="${off.email}"] form[action*="role=MEMBER"][action*="status=disabled"]`).count()) > 0, 'the forms keep the filters');
      await page.selectOption('select[name=status]', 'active');
      await t.submit(page, 'form.account-filters button[type=submit]');
      assert.deepEqual(await emails(), [plain.email]);
      await page.context().close();
    }
  });

  h.test('links: province picker on search: find a province by name, then "all provinces" clears it', async (t) => {
    const page = await t.newPage('vi');
    await t.visit(page, '/search?kind=OFFER');
    assert.equal(await page.locator('aside input[name=allProvinces]').isChecked(), true, 'all provinces by default, explicitly');
    await page.fill('aside input[name=provinceFind]', 'can tho');
    await t.submit(page, 'aside button[type=submit][form="search-form"]');
    let url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('province'), ['can-tho'], `the find box resolved the name: ${page.url()}`);
    assert.equal(await page.locator('aside input[name=province][value="can-tho"]').isChecked(), true);
    assert.equal(await page.locator('aside input[name=allProvinces]').isChecked(), false);
    await page.locator('aside input[name=allProvinces]').check();
    await t.submit(page, 'aside button[type=submit][form="search-form"]');
    url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('province'), [], 'all provinces: no province filter');
  });

  h.test('links: organisation profile: a member edits it; renaming a verified organisation sends it back to verification', async (t) => {
    const owner = await apiUser(t, 'Chủ tổ chức');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'hue' });
    await t.gql(`mutation($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: org.id }, await adminToken(t));
    const page = await t.newPage('en');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/organizations/${org.id}`);
    const form = 'form[action="?/profile"]';
    // Bad contact details: errors beside the fields, in English, what was typed kept.
    await page.fill(`${form} [name=contactEmail]`, 'not-an-address');
    await page.fill(`${form} [name=website]`, 'vien-hue');
    await t.submit(page, `${form} button[type=submit]`);
    assert.equal(await page.locator('#f-contactEmail-error').count(), 1, `an error beside the e-mail: ${await t.text(page)}`);
    assert.equal(await page.locator('#f-website-error').count(), 1);
    assert.equal(await page.inputValue(`${form} [name=contactEmail]`), 'not-an-address');
    // Description and contact: still verified.
    await page.fill(`${form} [name=contactEmail]`, 'lienhe@vien-hue.example.vn');
    await page.fill(`${form} [name=contactPhone]`, '0234 382 1234');
    await page.fill(`${form} [name=website]`, 'https://vien-hue.example.vn');
    await page.fill(`${form} [name=description]`, 'Viện nghiên cứu công nghệ sinh học miền Trung.');
    await t.submit(page, `${form} button[type=submit]`);
    assert.match(page.url(), /done=profile-saved#profile-done$/);
    let { organization } = await t.gql(`query($id: ID) { organization(id: $id) { name verified contactEmail contactPhone description } }`, { id: org.id });
    assert.equal(organization.verified, true);
    assert.equal(organization.contactPhone, '0234 382 1234');
    // A new name: back to verification, and the page says so.
    const name = `Viện Công nghệ Sinh học Huế ${uniq('')}`;
    await page.fill(`${form} [name=name]`, name);
    await t.submit(page, `${form} button[type=submit]`);
    assert.match(page.url(), /done=profile-saved-reverify/);
    assert.ok((await t.text(page)).includes(msg('en', 'done_profileSavedReverify')));
    ({ organization } = await t.gql(`query($id: ID) { organization(id: $id) { name verified } }`, { id: org.id }));
    assert.deepEqual(organization, { name, verified: false });
    // The public page shows the contact.
    await t.visit(page, `/organizations/${org.slug}`);
    assert.ok((await t.text(page)).includes('lienhe@vien-hue.example.vn'));
  });

  h.test('links: deal review page: both organisations’ verification and the conversation, the unverified party named beside the decision, for the covering moderator only', async (t) => {
    const w = await dealWorld(t);
    const page = await t.newPage('vi');
    await login(t, page, w.moderator.email, w.moderator.password, '', w.moderator.secret);
    await t.visit(page, `/moderation/deals/${w.dealId}`);
    const parties = await t.text(page, 'section[aria-labelledby="review-parties"]');
    assert.ok(parties.includes(msg('vi', 'org_verifiedShort')) && parties.includes(msg('vi', 'org_unverified')), `the seller verified, the buyer not: ${parties}`);
    assert.equal(await page.locator(`tr[data-org="${w.sellerOrg.id}"] .badge-good`).count(), 1);
    assert.equal(await page.locator(`tr[data-org="${w.buyerOrg.id}"] .badge-warn`).count(), 1);
    const talk = await t.text(page, 'section[aria-labelledby="review-conversation"]');
    for (const line of ['Vườn 20 ha có lắp được không?', 'Được, chúng tôi khảo sát miễn phí.', 'Giá trọn gói cho 20 ha là bao nhiêu?']) assert.ok(talk.includes(line), `the conversation shows “${line}”`);
    // The unverified buyer is named beside the decision, above the button that approves, not only in the table below it.
    const decision = page.locator('section[aria-labelledby="deal-actions"]');
    assert.equal(squash(await decision.locator('[data-testid=deal-unverified]').textContent()), squash(`${msg('vi', 'deal_unverifiedBeforeApprove', { orgs: w.buyerOrg.name })} ${msg('vi', 'review_parties')}`));
    assert.ok(
      await decision.evaluate((s) => s.querySelector('[data-testid=deal-unverified]').compareDocumentPosition(s.querySelector('button[formaction="?/approve"]')) & Node.DOCUMENT_POSITION_FOLLOWING),
      'the warning comes before the approve button',
    );
    // The parties, who cannot approve, are not told.
    const buyerPage = await t.newPage('vi');
    await login(t, buyerPage, w.buyer.email, w.buyer.password);
    await t.visit(buyerPage, `/dashboard/deals/${w.dealId}`);
    assert.equal(await buyerPage.locator('[data-testid=deal-unverified]').count(), 0);
    // A moderator of another province gets 404.
    const other = await apiUser(t, 'Cán bộ tỉnh khác');
    await t.gql(SET_ROLES, { id: other.id, codes: ['ha-noi'] }, await adminToken(t));
    await apiEnrolSecondFactor(t, await apiRelogin(t, other));
    const otherPage = await t.newPage('vi');
    await login(t, otherPage, other.email, other.password, '', other.secret);
    await t.visit(otherPage, `/moderation/deals/${w.dealId}`, 404);
  });
}
