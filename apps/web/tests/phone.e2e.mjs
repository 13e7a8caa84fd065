// Phone first (issue #18), at a phone profile (360 × 740, isMobile, hasTouch), by position and
// overflow rather than screenshots: the first search result and a listing's key facts are on the
// first screen, the search filters fold behind a "Filters (n)" disclosure (open on a desktop),
// no main page scrolls sideways, deals, interests, notifications and the moderation queue are
// cards, and tap targets (navigation, buttons, links in lists and cards) are at least 44 px.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { assertFitsScreen, label, msg, trlLabel, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

const offer = (title) => ({
  kind: 'OFFER',
  title,
  summary: 'Hệ thống tưới nhỏ giọt tự động theo độ ẩm đất cho vườn cây ăn trái, điều khiển qua điện thoại, tiết kiệm 40% lượng nước so với tưới tràn.',
  description: 'Bộ điều khiển đọc cảm biến độ ẩm đất và thời tiết, mở van theo từng khu vườn. Đã lắp đặt cho 60 hộ trồng sầu riêng và bưởi ở Tiền Giang, Bến Tre. '.repeat(8),
  fieldCodes: ['407'],
  keywords: ['tưới nhỏ giọt', 'cảm biến độ ẩm'],
  trl: 7,
  transferModes: ['LICENSING', 'TURNKEY'],
  priceMin: 80000000,
  priceMax: 120000000,
  provinceCode: 'ha-noi',
});

/**
 * The records of a list page are cards at a phone's width: each item a block as wide as the
 * content column (no squashed table columns), nothing inside wider than its card.
 */
async function assertCards(page, selector, label) {
  const items = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return { display: style.display, width: r.width, overflow: el.scrollWidth > el.clientWidth + 1, inTable: !!el.closest('table') };
    }),
  );
  assert.ok(items.length > 0, `${label}: no items (${selector})`);
  const main = await page.locator('main').evaluate((el) => el.getBoundingClientRect().width);
  for (const [i, it] of items.entries()) {
    assert.ok(['block', 'list-item', 'flex', 'grid'].includes(it.display), `${label}: item ${i} is ${it.display}, not a block`);
    assert.equal(it.inTable, false, `${label}: item ${i} is in a table`);
    assert.ok(it.width >= Math.min(300, main - 40), `${label}: item ${i} is ${it.width}px wide (main ${main}px): squashed`);
    assert.equal(it.overflow, false, `${label}: item ${i} overflows its card`);
  }
  assert.equal(await page.locator('main table:not(.card-table):not(.cards-sm)').count(), 0, `${label}: a table that stays a table on a phone`);
}

/** Every current tab (section navigation, filter tabs) is whole on the screen, not half past its right edge. */
async function assertCurrentTabsShown(page, label) {
  const tabs = await page.locator('.dash-nav a[aria-current=page], .tabs a[aria-current=page]').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent.trim(), left: r.left, right: r.right, width: window.innerWidth };
    }),
  );
  for (const tab of tabs) assert.ok(tab.left >= 0 && tab.right <= tab.width, `${label}: the current tab "${tab.text}" is at ${tab.left}–${tab.right} px of ${tab.width}`);
  // …and a section menu or a row of filters is one strip, not rows of links above the page's content.
  for (const height of await page.locator('.dash-nav ul, ul.tabs').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
    assert.ok(height < 60, `${label}: the section menu is one row (${height} px high)`);
  }
  return tabs.length;
}

/** The document is no wider than the window: nothing scrolls sideways. */
/**
 * Visible navigation links, buttons, and the content links of lists and cards (a result's title,
 * an interest, a notification, a queue item, a dashboard entry) are at least 44 × 44 px.
 */
async function assertTapTargets(page, label) {
  const small = await page.evaluate(() => {
    const targets = [
      ...document.querySelectorAll('header a, header button, main button, main .button, .site-footer a, .dash-nav a, .tabs a, .pagination a, summary, main li a, main .card a'),
      // links that stand alone: a section's "all …" beside its heading, a heading's link, a link beside a button
      ...document.querySelectorAll('main .spread > a, main h2 > a, main h3 > a, main .button ~ a'),
    ];
    return targets
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden') && !el.classList.contains('skip-link');
      })
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 40), w: Math.round(el.getBoundingClientRect().width), h: Math.round(el.getBoundingClientRect().height) }))
      .filter((r) => r.h < 44 || r.w < 44);
  });
  assert.deepEqual(small, [], `${label}: tap targets under 44 px`);
}

/** A GET with exactly the Accept-Encoding given (fetch would add and undo its own): status, headers, raw body. */
function rawGet(url, acceptEncoding, headers = {}) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Where two versions of a page part, with a little of each around it. */
function firstDifference(before, after) {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return `at ${i}: …${before.slice(Math.max(0, i - 80), i + 80)}… became …${after.slice(Math.max(0, i - 80), i + 80)}…`;
}

const top = (page, selector) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top);

export default function (h) {
  h.test('phone: search results, listing facts, cards, no sideways scroll, 44 px tap targets', async (t) => {
    // A seller with published offers, a buyer with an interest and a deal on one of them.
    const seller = await apiUser(t, 'Người bán thử');
    const sellerOrg = await apiOrganization(t, seller.token, { name: `Công ty Thiết bị Tưới Tiêu Nông nghiệp Công nghệ Cao ${uniq('')}` });
    const listings = [];
    // The first offer has a picture (its cover); the others have none.
    const picture = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#2b7a5a' } }).jpeg().toBuffer();
    for (let i = 0; i < 3; i++) {
      const title = `Hệ thống tưới nhỏ giọt tự động theo độ ẩm đất dành cho vườn cây ăn trái quy mô hộ gia đình ${uniq('')}`;
      listings.push(await apiPublishedListing(t, seller.token, sellerOrg.id, offer(title), i === 0 ? { picture } : {}));
    }
    const buyer = await apiUser(t, 'Người mua thử');
    const buyerOrg = await apiOrganization(t, buyer.token, { name: `Hợp tác xã Nông nghiệp ${uniq('')}` });
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Vườn 5 ha có lắp được không?") { id } }`,
      { l: listings[0].id, o: buyerOrg.id },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true, message: "Được ạ.") { id } }`, { id: expressInterest.id }, seller.token);
    await t.gql(`mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`, { i: { interestId: expressInterest.id, value: 95000000, transferMode: 'LICENSING', terms: 'Li-xăng 2 năm, lắp đặt và đào tạo.' } }, buyer.token);
    // One waiting for review, for the moderation queue.
    const { createListing: pending } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id } }`, { i: { organizationId: sellerOrg.id, currency: 'VND', negotiable: true, ...offer(`Máy sấy chờ duyệt ${uniq('')}`) } }, seller.token);
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: pending.id }, seller.token);

    const visitor = await t.newPage('vi', { phone: true });
    const vh = 740;
    // These offers indexed (browsing with no words lists the newest first).
    await t.eventually(
      async () => {
        await t.visit(visitor, '/search?kind=OFFER&province=ha-noi&mode=LICENSING&trlMin=5');
        return (await visitor.locator(`a[href="/listings/${listings[2].slug}"]`).count()) > 0;
      },
      { what: 'the offers indexed' },
    );

    // Search: the filters fold away, sort and count on top, the first result on the first screen.
    await t.visit(visitor, '/search?kind=OFFER');
    assert.equal(await visitor.locator('details.filters-disclosure').getAttribute('open'), null, 'filters closed on a phone');
    assert.ok(await visitor.locator('summary.filters-summary').isVisible(), 'a Filters disclosure');
    assert.equal(await visitor.locator('aside.filters fieldset').first().isVisible(), false, 'filters hidden behind it');
    assert.ok(await visitor.locator('#sort').isVisible(), 'sort on top');
    assert.ok((await top(visitor, '#results-title')) < (await top(visitor, '.cards > li')), 'count above the results');
    const firstResult = await top(visitor, '.cards > li');
    assert.ok(firstResult < vh, `first result at ${firstResult}px, beyond the first screen`);
    await t.screenshot(visitor, 'phone-search');
    await assertFitsScreen(visitor, 'search');
    await assertTapTargets(visitor, 'search');
    // Ticking an offer for comparison brings the compare button to the bottom of the screen (it
    // is after the last result), with how many are ticked; unticked, it goes back to its place.
    const compareBar = visitor.locator('.compare-bar');
    const onScreen = async () => {
      const box = await compareBar.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= vh + 1;
    };
    await visitor.evaluate(() => window.scrollTo(0, 0));
    if ((await visitor.locator('.cards > li').count()) > 2) assert.equal(await onScreen(), false, 'the compare button starts after the results');
    const pick = visitor.locator('input[form="compare-form"]').first();
    await pick.check();
    assert.ok(await onScreen(), 'the compare button is on screen once an offer is ticked');
    assert.match(await compareBar.locator('button').evaluate((b) => getComputedStyle(b, '::after').content), /counter\(compare-picked\)/);
    await pick.uncheck();
    // The experts' page folds its filters the same way.
    await t.visit(visitor, '/experts');
    assert.equal(await visitor.locator('details.filters-disclosure').getAttribute('open'), null, 'expert filters closed on a phone');
    assert.ok(await visitor.locator('summary.filters-summary').isVisible(), 'a Filters disclosure on /experts');
    assert.ok((await top(visitor, '#experts-results')) < vh, 'the experts count on the first screen');
    await assertFitsScreen(visitor, 'experts');
    await t.visit(visitor, '/search?kind=OFFER');
    // With filters on, the disclosure says how many; the results still start on the first screen.
    await t.visit(visitor, '/search?kind=OFFER&province=ha-noi&mode=LICENSING&trlMin=5');
    assert.match(await t.text(visitor, 'summary.filters-summary'), new RegExp(`${msg('vi', 'search_filters')}\\s*4`));
    assert.ok((await top(visitor, '.cards > li')) < vh, 'first filtered result on the first screen');
    await visitor.locator('summary.filters-summary').click();
    assert.ok(await visitor.locator('aside.filters fieldset').first().isVisible(), 'the disclosure opens the filters');
    await assertFitsScreen(visitor, 'search with filters open');

    // Listing: title, cover, organisation, summary, key facts on the first screen, then the description, then the call to action.
    // The cover's WebP sizes come from the worker: wait for them.
    await t.eventually(
      async () => {
        await t.visit(visitor, `/listings/${listings[0].slug}`);
        return (await visitor.locator('img.listing-cover[srcset]').count()) === 1;
      },
      { what: 'the listing cover with its WebP sizes' },
    );
    const cover = visitor.locator('img.listing-cover');
    assert.equal(await cover.getAttribute('loading'), null, 'the cover is above the fold: not lazy');
    assert.equal(await cover.getAttribute('width'), '1400');
    assert.equal(await cover.getAttribute('height'), '1000');
    const coverSizes = [...((await cover.getAttribute('srcset')) ?? '').matchAll(/ (\d+)w/g)].map((m) => Number(m[1]));
    assert.ok(coverSizes.length > 0 && coverSizes.every((w) => w <= 640), `cover sizes up to 640 px: ${coverSizes}`);
    const coverBox = await cover.boundingBox();
    assert.ok(coverBox && coverBox.y + coverBox.height < vh && coverBox.height > 100, `cover within the first screen: ${JSON.stringify(coverBox)}`);
    assert.ok((await top(visitor, 'h1')) < coverBox.y, 'cover under the title');
    assert.ok(coverBox.y + coverBox.height <= (await top(visitor, '.listing-org')), 'cover above the organisation');
    assert.ok(coverBox.y + coverBox.height <= (await top(visitor, '#facts')), 'cover above the key facts');
    assert.equal(await cover.evaluate((el) => el.complete && el.naturalWidth > 0), true, 'the cover loads');
    const facts = await top(visitor, '#facts');
    assert.ok(facts < vh, `key facts at ${facts}px, beyond the first screen`);
    const factsText = await t.text(visitor, '.key-facts');
    for (const part of [trlLabel('vi', 7), '80.000.000 ₫', label('vi', 'TransferMode', 'LICENSING')]) assert.ok(t.squash(factsText).includes(t.squash(part)), `${part} in ${factsText}`);
    assert.ok((await top(visitor, 'h1')) < (await top(visitor, '.listing-org')), 'organisation under the title');
    assert.ok((await top(visitor, '#desc')) < (await top(visitor, '#interest')), 'the description before the call to action');
    await t.screenshot(visitor, 'phone-listing');
    await assertFitsScreen(visitor, 'listing');
    await assertTapTargets(visitor, 'listing');
    // A listing without a picture has no cover at all (no empty box).
    await t.visit(visitor, `/listings/${listings[1].slug}`);
    assert.equal(await visitor.locator('.listing-cover').count(), 0, 'no cover without a picture');

    for (const path of ['/', '/stats', '/open-data']) {
      await t.visit(visitor, path);
      await assertFitsScreen(visitor, path);
      await assertTapTargets(visitor, path);
    }

    // A member's pages: deals are cards (one per deal, no squashed table), nothing scrolls sideways.
    const member = await t.newPage('vi', { phone: true });
    await login(t, member, buyer.email);
    // A saved search, for its list's "Rename" and "Delete".
    await t.gql(`mutation($i: SavedSearchInput!) { saveSearch(input: $i) { id } }`, { i: { name: 'Máy tưới', notify: true, search: { query: 'máy tưới', provinceCodes: ['can-tho'] } } }, buyer.token);
    for (const path of ['/dashboard', '/dashboard/deals', '/dashboard/interests', '/dashboard/notifications', '/dashboard/security', '/dashboard/searches']) {
      await t.visit(member, path);
      await assertFitsScreen(member, path);
      await assertTapTargets(member, path);
      assert.ok((await assertCurrentTabsShown(member, path)) >= 1, `${path}: a current tab`);
    }
    await t.visit(member, '/dashboard/deals');
    await t.screenshot(member, 'phone-deals');
    const card = member.locator('table.card-table tbody tr').first();
    assert.equal(await card.evaluate((el) => getComputedStyle(el).display), 'block', 'a deal is a card on a phone');
    assert.equal(await member.locator('table.card-table thead').evaluate((el) => el.getBoundingClientRect().height <= 1), true, 'no column headings');
    const box = await card.boundingBox();
    assert.ok(box && box.width > 300, `the card takes the width (${box?.width}px)`);
    // Interests and notifications: lists of cards too.
    await t.visit(member, '/dashboard/interests');
    await assertCards(member, 'main ul.list > li', 'interests');
    await t.visit(member, '/dashboard/notifications');
    await assertCards(member, 'main ul.list > li', 'notifications');

    // The department's pages.
    const staff = await t.newPage('vi', { phone: true });
    await login(t, staff, t.admin.email, t.admin.password);
    for (const path of ['/moderation', '/moderation/dashboard', '/moderation/listings', '/moderation/deals', '/moderation/deals?status=all', '/moderation/organizations', '/moderation/stats']) {
      await t.visit(staff, path);
      await assertFitsScreen(staff, path);
      await assertTapTargets(staff, path);
      // the section's tab and the filter's (the last ones were half off the screen's right edge)
      assert.ok((await assertCurrentTabsShown(staff, path)) >= 1, `${path}: a current tab`);
    }
    await t.visit(staff, '/admin/audit');
    assert.equal(await assertCurrentTabsShown(staff, '/admin/audit'), 1);
    // The moderation queue: one card per item waiting.
    await t.visit(staff, '/moderation');
    await assertCards(staff, '[data-testid=review-queue] > li', 'moderation queue');
    assert.ok(await adminToken(t));
  });

  h.test('phone with large text (150 %): result cards, the filters, the listing form’s fields of technology and a deal’s facts stay within the screen', async (t) => {
    // A reader who enlarges the text (rem grows, the screen does not): a grid whose least column is
    // 17rem would be wider than a 360 px screen and scroll the whole page sideways.
    const seller = await apiUser(t, 'Người bán chữ lớn');
    const sellerOrg = await apiOrganization(t, seller.token, { name: `Công ty Thiết bị Chữ Lớn ${uniq('')}` });
    const tag = uniq('chulon');
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer(`Máy tưới nhỏ giọt ${tag}`));
    const buyer = await apiUser(t, 'Người mua chữ lớn');
    const buyerOrg = await apiOrganization(t, buyer.token, { name: `Hợp tác xã Chữ Lớn ${uniq('')}` });
    const { expressInterest } = await t.gql(`mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Vườn 5 ha có lắp được không?") { id } }`, { l: listing.id, o: buyerOrg.id }, buyer.token);
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true, message: "Được ạ.") { id } }`, { id: expressInterest.id }, seller.token);
    const { proposeDeal } = await t.gql(`mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`, { i: { interestId: expressInterest.id, value: 95000000, transferMode: 'LICENSING', terms: 'Li-xăng 2 năm, lắp đặt và đào tạo.' } }, buyer.token);
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, buyer.email);
    const within = (label) => assertFitsScreen(page, label);
    const large = async (path) => {
      await t.visit(page, path);
      // (Through the CSSOM: the content security policy refuses an inline style, not this.)
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '150%'));
      await within(`${path} with large text`);
    };
    await t.eventually(
      async () => {
        await t.visit(page, `/search?q=${encodeURIComponent(tag)}`);
        return (await page.locator(`a[href="/listings/${listing.slug}"]`).count()) > 0;
      },
      { what: 'the offer indexed' },
    );
    await large(`/search?q=${encodeURIComponent(tag)}`);
    await page.locator('summary.filters-summary').click();
    await within('search with its filters open, with large text');
    await large('/');
    await large('/dashboard/listings/new?kind=OFFER');
    await page.locator('form#listing-form details').first().locator('summary').click();
    await within('listing form with a field of technology open, with large text');
    await large(`/dashboard/deals/${proposeDeal.id}`);
  });

  h.test('phone: pages and data sent gzipped, pictures as they are; result cards past the eighth are drawn when scrolled to', async (t) => {
    // Ten offers sharing a made-up word, the first with a picture: one page of ten results.
    const seller = await apiUser(t, 'Người bán nén');
    const org = await apiOrganization(t, seller.token, { name: `Viện Cơ điện ${uniq('')}` });
    const word = uniq('nenthu');
    const picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a2b5a' } }).jpeg().toBuffer();
    const listings = [];
    for (let i = 0; i < 10; i++) {
      listings.push(await apiPublishedListing(t, seller.token, org.id, { ...offer(`Máy gieo hạt ${word} thế hệ ${i + 1}`), keywords: [word] }, i === 0 ? { picture } : {}));
    }
    const path = `/search?q=${word}`;
    const visitor = await t.newPage('vi', { phone: true });
    const cards = visitor.locator('.cards > li');
    await t.eventually(
      async () => {
        await t.visit(visitor, path);
        return (await cards.count()) === 10;
      },
      { what: 'the ten offers found' },
    );

    // A page: gzipped for a client that takes gzip, with Vary so caches keep both forms apart.
    const zipped = await rawGet(`${t.webUrl}${path}`, 'gzip, deflate, br');
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip', 'the search page is compressed');
    assert.match(zipped.headers.vary ?? '', /Accept-Encoding/i);
    assert.match(zipped.headers.vary ?? '', /Cookie/i, 'the page still varies by the session cookie');
    const html = gunzipSync(zipped.body).toString();
    assert.match(html, /<\/html>\s*$/, 'the whole page, decompressed');
    assert.ok(zipped.body.length * 3 < Buffer.byteLength(html), `compressed ${zipped.body.length} B of ${Buffer.byteLength(html)} B`);
    // Revalidation still answers 304 (the compressed copy has a strong tag of its own).
    assert.match(zipped.headers.etag ?? '', /^"[^"]+-gz"$/, `a strong ETag of the compressed copy: ${zipped.headers.etag}`);
    // The page may change between two requests while the rest of the suite writes listings (its
    // related results and facet counts are the whole catalogue's): a 200 must then carry a new
    // tag, and the request is tried again with it. An unchanged page answers 304.
    let tag = zipped.headers.etag;
    let sent = html;
    const changes = [];
    let again;
    for (let attempt = 0; attempt < 4; attempt++) {
      again = await rawGet(`${t.webUrl}${path}`, 'gzip', { 'if-none-match': tag });
      if (again.status !== 200) break;
      const body = gunzipSync(again.body).toString();
      assert.notEqual(again.headers.etag, tag, 'a page sent again in full has changed, so its tag has too');
      changes.push(firstDifference(sent, body));
      [tag, sent] = [again.headers.etag, body];
    }
    assert.equal(again.status, 304, `If-None-Match with the compressed copy's tag; what changed each time: ${changes.join(' | ')}`);
    assert.equal(again.body.length, 0, 'a 304 has no body');
    // Any coding (`*`) includes gzip; plain for a client that does not take it, or refuses gzip with
    // q=0 (even beside `*`).
    assert.equal((await rawGet(`${t.webUrl}${path}`, '*')).headers['content-encoding'], 'gzip');
    for (const accept of [null, 'gzip;q=0, identity', 'gzip;q=0, *']) {
      const plain = await rawGet(`${t.webUrl}${path}`, accept);
      assert.equal(plain.headers['content-encoding'], undefined, `Accept-Encoding ${accept}: not compressed`);
      assert.match(plain.body.toString(), /<\/html>\s*$/);
    }
    // A CSV export (streamed) too; a picture is sent as it is (already compressed).
    const csv = await rawGet(`${t.webUrl}/open-data/figures/listings-published.csv?year=2026`, 'gzip');
    assert.equal(csv.status, 200);
    assert.equal(csv.headers['content-encoding'], 'gzip', 'the open-data CSV is compressed');
    assert.match(gunzipSync(csv.body).toString(), /^\uFEFF?[^\n,]+,[^\n]+\r?\n/, 'a CSV header line');
    const cover = html.match(/class="card-cover"[^>]*?src="([^"]+)"|src="([^"]+)"[^>]*?class="card-cover"/);
    assert.ok(cover, 'the first offer has a cover on its card');
    const image = await rawGet(`${t.webUrl}${(cover[1] ?? cover[2]).replaceAll('&amp;', '&')}`, 'gzip');
    assert.equal(image.status, 200);
    assert.match(image.headers['content-type'] ?? '', /^image\//);
    assert.equal(image.headers['content-encoding'], undefined, 'a picture is not gzipped');

    // Cards past the eighth skip layout until scrolled near (content-visibility: auto), and are
    // there, drawn and readable, once the visitor scrolls to them.
    await t.visit(visitor, path);
    // (Once in CI a revisit showed 5 of the 10: the heading and the related block say what the API answered.)
    const answered = async () => `${await visitor.locator('#results-title').innerText().catch(() => '?')} | related: ${await visitor.locator('.related').count()}`;
    assert.equal(await cards.count(), 10, `ten cards on a revisit; the page said: ${await answered()}`);
    // The first eight are drawn at once, and read as text (innerText) like any page.
    for (const i of [0, 7]) {
      assert.equal(await cards.nth(i).evaluate((el) => getComputedStyle(el).contentVisibility), 'visible', `card ${i + 1} drawn at once`);
      assert.match(await cards.nth(i).locator('.card-title').innerText(), new RegExp(word), `card ${i + 1} read as text`);
    }
    const last = cards.nth(9);
    assert.equal(await last.evaluate((el) => getComputedStyle(el).contentVisibility), 'auto');
    await last.scrollIntoViewIfNeeded();
    await t.eventually(async () => last.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true })), { what: 'the tenth card drawn once scrolled to' });
    const box = await last.locator('.card-title a').boundingBox();
    assert.ok(box && box.height > 10 && box.width > 100, `the tenth card's title laid out: ${JSON.stringify(box)}`);
    // Its words are in the page for find-in-page and screen readers whether drawn or not.
    assert.match(await last.locator('.card-title').textContent(), new RegExp(word));
    await assertFitsScreen(visitor, 'search, scrolled');
  });

  h.test('phone: the header is two rows, the brand with the account links (signed in, folded into a menu) and the sections in one strip that scrolls within itself', async (t) => {
    const headerRows = async (page) => {
      const box = await page.locator('header.site-header').boundingBox();
      const brand = await page.locator('header .brand').boundingBox();
      const account = await page.locator('header .account').boundingBox();
      const nav = await page.locator('header .main-nav').boundingBox();
      return { height: box.height, brand, account, nav };
    };
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang, { phone: true });
      await t.visit(page, '/');
      const { height, brand, account, nav } = await headerRows(page);
      // Before: brand, two rows of sections and a row of account links, 185 px of a 740 px screen.
      assert.ok(height <= 110, `${lang}: the header is ${height}px tall`);
      assert.ok(Math.abs(brand.y - account.y) < 12 && account.height < 60, `${lang}: the account links sit beside the brand, in one row (${JSON.stringify({ brand, account })})`);
      assert.ok(nav.y >= account.y + account.height - 1, `${lang}: the sections below them`);
      // Every section is one tap away: the strip scrolls, the page does not.
      const strip = page.locator('header .main-nav ul');
      assert.ok(await strip.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto'), `${lang}: the strip scrolls within itself`);
      await assertFitsScreen(page, `header ${lang}`);
      await page.locator('header .main-nav a[href="/stats"]').click();
      await page.waitForURL(/\/stats/);
      assert.equal(await page.locator('header .main-nav a[href="/stats"]').getAttribute('aria-current'), 'page');
      // The brand link keeps its name where only the logo shows.
      assert.equal(await page.getByRole('link', { name: msg(lang, 'brand_home') }).count(), 1);
    }
    // Signed in, the account's links fold into one menu, so the row beside the logo still holds them, in either language.
    const user = await apiUser(t, 'Người dùng thử');
    for (const lang of ['vi', 'en']) {
      const member = await t.newPage(lang, { phone: true });
      await login(t, member, user.email);
      await t.visit(member, '/');
      const signedIn = await headerRows(member);
      assert.ok(signedIn.height <= 110, `${lang} signed in: the header is ${signedIn.height}px tall`);
      assert.ok(Math.abs(signedIn.brand.y - signedIn.account.y) < 12 && signedIn.account.height < 60, `${lang} signed in: the account links in one row beside the brand (${JSON.stringify(signedIn)})`);
      assert.equal(await member.getByRole('link', { name: new RegExp(msg(lang, 'nav_notifications')) }).count(), 1, `${lang}: the bell is named`);
      const dashboard = member.locator('header .account a[href="/dashboard"]');
      assert.equal(await dashboard.isVisible(), false, `${lang}: the dashboard link waits in the menu`);
      await member.locator('header .account-menu-toggle').click();
      assert.ok(await dashboard.isVisible(), `${lang}: the menu shows the dashboard link`);
      assert.ok(await member.locator('header .account-menu button[type=submit]').isVisible(), `${lang}: and "${msg(lang, 'nav_logout')}"`);
      await assertFitsScreen(member, `header signed in, menu open (${lang})`);
      await dashboard.click();
      await member.waitForURL(/\/dashboard$/);
      assert.equal(await dashboard.isVisible(), false, `${lang}: the menu closes once its link is followed`);
      await member.locator('header .account-menu-toggle').click();
      await t.submit(member, 'header .account-menu button[type=submit]');
      assert.equal(new URL(member.url()).pathname, '/', `${lang}: logged out from the menu`);
      assert.equal(await member.locator('header a[href^="/login"]').count(), 1, `${lang}: signed out`);
    }
  });

  h.test('phone-first layout on a desktop: the search filters stay in view without opening anything', async (t) => {
    const page = await t.newPage('en');
    await t.visit(page, '/search');
    assert.equal(await page.locator('summary.filters-summary').isVisible(), false, 'no disclosure on a desktop');
    assert.ok(await page.locator('aside.filters fieldset').first().isVisible(), 'filters visible');
    const aside = await page.locator('aside.filters').boundingBox();
    const results = await page.locator('#results-title').boundingBox();
    assert.ok(aside && results && aside.x + aside.width <= results.x, 'filters in their own column, left of the results');
  });
}
