// Phone pages that buried content or hid it (a tester on a 360 × 740 phone, in Vietnamese): a
// listing's summary and description came two screens down, after the call to action and the
// organisation's and fields' cards; the section strips gave no cue that more sections were off
// screen; the "notify me" box of an empty search did not say which filters it would keep and still
// offered its form after saving; the dashboard's overview did not show the member's conversations.
import assert from 'node:assert/strict';
import { msg, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

const offer = (title) => ({
  kind: 'OFFER',
  title,
  summary: 'Máy sấy lạnh nông sản dùng bơm nhiệt, giữ màu và dưỡng chất của trái cây, tiết kiệm 35% điện năng so với sấy nóng truyền thống.',
  description: 'Buồng sấy 500 kg mẻ, điều khiển nhiệt độ và độ ẩm tự động theo từng loại nông sản. Đã chuyển giao cho 12 hợp tác xã ở Đồng Tháp và Cần Thơ. '.repeat(6),
  fieldCodes: ['407'],
  keywords: ['sấy lạnh', 'bơm nhiệt'],
  trl: 7,
  transferModes: ['LICENSING', 'TURNKEY'],
  priceMin: 300000000,
  priceMax: 450000000,
  provinceCode: 'ha-noi',
});

const box = (page, selector) => page.locator(selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right, width: r.width };
});

/** The cue of a strip that scrolls sideways: a fade at its edge and items that snap whole into place. */
async function assertStripCue(page, selector, label) {
  const strip = await page.locator(selector).evaluate((el) => {
    const style = getComputedStyle(el);
    const items = [...el.children].map((li) => getComputedStyle(li).scrollSnapAlign);
    return {
      scrolls: el.scrollWidth > el.clientWidth && style.overflowX === 'auto',
      mask: style.maskImage || style.webkitMaskImage || 'none',
      snap: style.scrollSnapType,
      items,
      padding: parseFloat(style.scrollPaddingInlineStart || style.scrollPaddingLeft || '0'),
    };
  });
  assert.ok(strip.scrolls, `${label}: the strip scrolls within itself`);
  // The fade at the edge is where a cut item shows there is more: wide enough to see (3 rem at least).
  const fade = strip.mask.match(/calc\(100% - ([\d.]+)px\)|([\d.]+)px,\s*transparent/);
  assert.ok(/gradient/.test(strip.mask), `${label}: a fade at the strip's edge (mask ${strip.mask})`);
  assert.ok(fade && Number(fade[1] ?? fade[2]) >= 40, `${label}: the fade is wide enough to see: ${strip.mask}`);
  assert.match(strip.snap, /^x/, `${label}: the strip snaps (scroll-snap-type ${strip.snap})`);
  assert.ok(strip.items.every((a) => a === 'start'), `${label}: each item snaps to the start (${strip.items})`);
  // A chevron at the edge while there is more to scroll to, gone at the strip's end.
  const nav = page.locator(selector).locator('xpath=..');
  const chevron = () => nav.evaluate((el) => ({ content: getComputedStyle(el, '::after').content, opacity: Number(getComputedStyle(el, '::after').opacity) }));
  const start = await chevron();
  assert.ok(start.content.includes('›') && start.opacity > 0.9, `${label}: a chevron at the edge (${JSON.stringify(start)})`);
  await page.locator(selector).evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: 'instant' }));
  await until(async () => (await chevron()).opacity < 0.1, `${label}: the chevron gone at the strip's end`);
}

/** Polls until fn is true (a scroll-driven animation updates on the next frame). */
async function until(fn, what) {
  for (let i = 0; i < 20; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(what);
}

/** A seller's published offer and a buyer's interest in it (the interest opens their conversation). */
async function conversation(t) {
  const seller = await apiUser(t, 'Người bán trao đổi');
  const sellerOrg = await apiOrganization(t, seller.token, { name: `Viện Sinh học ${uniq('')}` });
  const title = `Máy sấy trao đổi ${uniq('')}`;
  const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer(title));
  const buyer = await apiUser(t, 'Người mua trao đổi');
  const buyerOrg = await apiOrganization(t, buyer.token, { name: `Hợp tác xã Trái cây ${uniq('')}` });
  const { expressInterest } = await t.gql(
    `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Máy sấy được mít không?") { id } }`,
    { l: listing.id, o: buyerOrg.id },
    buyer.token,
  );
  return { seller, buyer, buyerOrg, title, expressInterest };
}

export default function (h) {
  h.test('phone pages: a listing reads title, summary, key facts and description first, then the call to action, the organisation and the fields; two columns on a desktop', async (t) => {
    const seller = await apiUser(t, 'Người bán sấy');
    const org = await apiOrganization(t, seller.token, { name: `Viện Cơ điện Nông nghiệp và Công nghệ Sau thu hoạch ${uniq('')}` });
    const listing = await apiPublishedListing(t, seller.token, org.id, offer(`Máy sấy lạnh nông sản dùng bơm nhiệt tiết kiệm điện cho hợp tác xã ${uniq('')}`));
    const phone = await t.newPage('vi', { phone: true });
    await t.visit(phone, `/listings/${listing.slug}`);
    await t.screenshot(phone, 'phone-listing-order');
    const order = [
      ['h1', 'the title'],
      ['main .lead', 'the summary'],
      ['#facts', 'the key facts'],
      ['#desc', 'the description'],
      ['#interest', 'the call to action'],
      ['#org', 'the organisation'],
      ['#fields-title', 'the fields'],
    ];
    const tops = [];
    for (const [selector] of order) tops.push((await box(phone, selector)).top);
    for (let i = 1; i < order.length; i++) {
      assert.ok(tops[i - 1] < tops[i], `${order[i - 1][1]} (${Math.round(tops[i - 1])} px) comes before ${order[i][1]} (${Math.round(tops[i])} px)`);
    }
    assert.ok(tops[1] < 740, `the summary on the first screen (${tops[1]} px)`);
    assert.ok(tops[2] < 740, `the key facts on the first screen (${tops[2]} px)`);
    assert.equal(await t.text(phone, 'main .lead'), offer('').summary);

    // A desktop: the text on the left; the key facts, the call to action, the organisation and the
    // fields in the right column, one under the other without a gap between them.
    const desk = await t.newPage('vi');
    await t.visit(desk, `/listings/${listing.slug}`);
    await t.screenshot(desk, 'desktop-listing-order');
    const desc = await box(desk, '#desc');
    const side = [];
    for (const selector of ['.key-facts', 'section:has(> #interest)', 'section:has(> #org)', 'section:has(> #fields-title)']) side.push(await box(desk, selector));
    for (const [i, b] of side.entries()) {
      assert.ok(b.left >= desc.right, `right column item ${i} (${b.left} px) beside the description (ends ${desc.right} px)`);
      if (i > 0) assert.ok(b.top - side[i - 1].bottom < 100, `right column item ${i} follows item ${i - 1} without a gap (${side[i - 1].bottom} → ${b.top})`);
    }
    assert.ok(side[0].top < 900 && desc.top < 900, `the key facts and the description on the first screen (${side[0].top}, ${desc.top})`);
    assert.ok(Math.abs(side[0].top - desc.top) < 60, `the key facts at the top of the right column, level with the description (${side[0].top}, ${desc.top})`);
  });

  h.test('phone pages: the header’s and the dashboard’s section strips show there is more to scroll to (a fade, items snapping whole)', async (t) => {
    const visitor = await t.newPage('vi', { phone: true });
    await t.visit(visitor, '/');
    await t.screenshot(visitor, 'phone-header-strip');
    await assertStripCue(visitor, 'header .main-nav ul', 'the header');
    const user = await apiUser(t, 'Người dùng dải');
    const member = await t.newPage('vi', { phone: true });
    await login(t, member, user.email);
    await t.visit(member, '/dashboard');
    await t.screenshot(member, 'phone-dashboard-strip');
    await assertStripCue(member, '.dash-nav ul', 'the dashboard');
  });

  h.test('phone pages: an empty search with a filter names the filter in its "notify me" box; once saved, the box confirms instead of offering the form again', async (t) => {
    const user = await apiUser(t, 'Người tìm thử');
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, user.email);
    const words = uniq('maysaykhongco');
    await t.visit(page, `/search?q=${words}&province=can-tho`);
    const panel = page.locator('details#save-search');
    assert.equal(await panel.evaluate((d) => d.open), true, 'the notify box is open when nothing matches');
    const intro = await t.text(page, 'details#save-search');
    assert.ok(intro.includes(words), `the words in the box: ${intro}`);
    assert.ok(intro.includes('Cần Thơ'), `the province filter in the box: ${intro}`);
    await t.screenshot(page, 'phone-search-notify');
    await t.submit(page, 'form[action$="/save"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'done_searchSaved')), 'saved');
    assert.equal(await panel.locator('form[action$="/save"]').count(), 0, 'no save form after saving');
    assert.equal(await page.locator('a.save-link').count(), 0, 'nor the shortcut offering to save it');
    const saved = await t.text(page, 'details#save-search');
    assert.ok(saved.includes('Cần Thơ') && saved.includes(words), `the saved search described: ${saved}`);
    assert.equal(await panel.locator('a[href="/dashboard/searches"]').count(), 1, 'a link to the saved searches');
    assert.ok(await panel.locator('a[href="/dashboard/searches"]').isVisible(), 'the link shows');
    await t.screenshot(page, 'phone-search-saved');
  });

  h.test('phone pages: the dashboard overview lists the latest conversations, with the other organisation, the listing, the last message and an unread mark', async (t) => {
    const { seller, buyerOrg, title, expressInterest } = await conversation(t);
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, seller.email);
    await t.visit(page, '/dashboard');
    await t.screenshot(page, 'phone-dashboard-conversations');
    const section = page.locator('section:has(> .spread > #conversations)');
    assert.equal(await section.count(), 1, 'a conversations section on the overview');
    const item = section.locator(`li:has(a[href="/dashboard/interests/${expressInterest.id}"])`);
    assert.equal(await item.count(), 1, 'the conversation links to its thread');
    const text = await t.text(page, `section:has(> .spread > #conversations) li:has(a[href="/dashboard/interests/${expressInterest.id}"])`);
    assert.ok(text.includes(title), `the listing: ${text}`);
    assert.ok(text.includes(buyerOrg.name), `the other organisation: ${text}`);
    assert.equal(await item.locator('time[datetime]').count(), 1, 'when the last message was written');
    assert.equal(await item.locator('.unread-mark').count(), 1, `unread: ${text}`);
    assert.equal(await section.locator('a[href="/dashboard/interests"]').count(), 1, 'a link to all conversations');
    // Read once opened.
    await t.visit(page, `/dashboard/interests/${expressInterest.id}`);
    await t.visit(page, '/dashboard');
    assert.equal(await item.locator('.unread-mark').count(), 0, 'read once opened');
  });
  h.test('phone pages: a message just sent is on the screen the thread comes back to, with the box to answer under it', async (t) => {
    const { seller, buyer, expressInterest } = await conversation(t);
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true, message: "Được ạ, chị cần bao nhiêu kg mỗi mẻ?") { id } }`, { id: expressInterest.id }, seller.token);
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, buyer.email);
    await t.visit(page, `/dashboard/interests/${expressInterest.id}`);
    const sent = `Khoảng 500 kg mỗi mẻ ${uniq('')}`;
    await page.fill('textarea[name=body]', sent);
    await t.submit(page, 'form[action="?/message"] button[type=submit]');
    assert.equal(new URL(page.url()).hash, '#messages-end');
    await page.waitForFunction(() => window.scrollY > 0);
    const mine = page.locator('ol.thread > li', { hasText: sent });
    const { top, bottom, vh } = await mine.evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), vh: window.innerHeight }));
    assert.ok(top >= 0 && bottom <= vh, `the message sent is on the screen (${Math.round(top)}–${Math.round(bottom)} px of ${vh})`);
    const box = await page.locator('textarea[name=body]').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(box > bottom && box < vh, `the box to answer under it, on the screen (${Math.round(box)} px)`);
  });
  h.test('phone pages: an organisation’s website is a 44 px tap target on its listing and on its page', async (t) => {
    const seller = await apiUser(t, 'Người bán có trang web');
    const website = `https://${uniq('vien')}.example.vn`;
    const { createOrganization: org } = await t.gql(
      `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id slug } }`,
      { i: { name: `Viện Sấy ${uniq('')}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho', website } },
      seller.token,
    );
    const listing = await apiPublishedListing(t, seller.token, org.id, offer(`Máy sấy có trang web ${uniq('')}`));
    const page = await t.newPage('vi', { phone: true });
    for (const path of [`/listings/${listing.slug}`, `/organizations/${org.slug}`]) {
      await t.visit(page, path);
      const link = page.locator(`main a[href^="${website}"]`).first();
      const { width, height } = await link.evaluate((el) => el.getBoundingClientRect().toJSON());
      assert.ok(height >= 44 && width >= 44, `${path}: the website link is ${Math.round(width)} × ${Math.round(height)} px`);
    }
  });
}
