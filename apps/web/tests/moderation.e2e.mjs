// The department's and the admin's other pages: organisation verification, disabling an account.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { msg, squash, uniq } from './support/harness.mjs';
import { createOrganization, login, register } from './support/flows.mjs';
import { adminToken, apiEnrolSecondFactor, apiOrganization, apiPublishedListing, apiRelogin, apiUser } from './support/api.mjs';
import { startStorefront } from './support/storefront.mjs';

export default function (h) {
  h.test('moderation: a listing its owner withdrew while the review page was open is said to be no longer waiting, not "not found"', async (t) => {
    const owner = await apiUser(t, 'Chủ tin rút lại');
    const org = await apiOrganization(t, owner.token, { kind: 'UNIVERSITY' });
    const { createListing: listing } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id } }`,
      {
        i: {
          organizationId: org.id,
          kind: 'OFFER',
          title: `Quy trình ủ phân hữu cơ từ bã mía ${uniq('')}`,
          summary: 'Ủ bã mía và phân chuồng thành phân hữu cơ vi sinh trong 45 ngày, không mùi.',
          description: 'Quy trình ủ hiếu khí bã mía với chế phẩm vi sinh, đảo trộn theo nhiệt độ đống ủ; đã chuyển giao cho ba hợp tác xã trồng mía ở Sóc Trăng.',
          keywords: ['phân hữu cơ', 'bã mía'],
          transferModes: ['LICENSING'],
          fieldCodes: ['407'],
          provinceCode: 'can-tho',
          currency: 'VND',
          negotiable: true,
        },
      },
      owner.token,
    );
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);
    const page = await t.newPage('vi');
    await login(t, page, t.admin.email, t.admin.password, `/moderation/listings/${listing.id}`);
    await t.gql(`mutation($id: ID!) { withdrawListing(id: $id) { status } }`, { id: listing.id }, owner.token);
    await page.check('input[name=decision][value=APPROVE]');
    await t.submit(page, 'form[action="?/moderate"] button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/moderation/listings', 'back to the queue');
    assert.equal(await t.text(page, '[role=status]'), msg('vi', 'mod_noLongerInReview'));
    const { listing: after } = await t.gql(`query($id: ID!) { listing(id: $id) { status } }`, { id: listing.id }, owner.token);
    assert.equal(after.status, 'DRAFT', 'nothing was decided');
  });

  h.test('moderation queues: when the API fails on a queue, the page says the list could not be loaded, not that nothing waits', async (t) => {
    // A storefront whose API answers every call but the queues' with an internal error.
    const QUEUES = new Set(['ModerationQueue', 'ExpertModerationQueue', 'EventModerationQueue', 'Deals']);
    const proxy = createServer(async (req, res) => {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const body = Buffer.concat(chunks);
      let operation = null;
      try {
        operation = JSON.parse(body.toString()).operationName;
      } catch {
        // not a GraphQL call
      }
      if (QUEUES.has(operation)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(k)));
      const upstream = await fetch(`${t.apiUrl}${req.url}`, { method: req.method, headers, body: chunks.length ? body : undefined });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    const storefront = await startStorefront({ ...t, apiUrl: `http://127.0.0.1:${proxy.address().port}` });
    try {
      const token = await adminToken(t);
      for (const lang of ['vi', 'en']) {
        const page = await t.newPage(lang);
        await page.context().addCookies([{ name: 'session', value: token, url: storefront.url, httpOnly: true, sameSite: 'Lax' }, { name: 'lang', value: lang, url: storefront.url }]);
        for (const path of ['/moderation/listings', '/moderation/experts', '/moderation/events', '/moderation/deals']) {
          const res = await page.goto(`${storefront.url}${path}`);
          assert.equal(res?.status(), 200, `${path}: the page itself is there`);
          const text = await t.text(page);
          assert.equal(await t.text(page, '[data-queue-failed]'), msg(lang, 'mod_queueFailed'), `${path} (${lang}): ${text}`);
          assert.ok(!text.includes(msg(lang, 'mod_queueEmpty')), `${path} (${lang}) does not say that nothing waits: ${text}`);
        }
      }
    } finally {
      await storefront.stop();
      await new Promise((r) => proxy.close(r));
    }
  });

  h.test('review queue: a listing and an expert profile of the moderator’s province in one list, filtered by kind; in English each item is named in the singular and the figures agree with their numbers; the moderator’s dashboard leads to it', async (t) => {
    const province = 'tuyen-quang';
    const moderator = await apiUser(t, 'Cán bộ Sở Tuyên Quang');
    await t.gql(
      `mutation($id: ID!, $codes: [String!]) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: $codes) { id } }`,
      { id: moderator.id, codes: [province] },
      await adminToken(t),
    );
    await apiRelogin(t, moderator); // a role change ends the account's sessions
    await apiEnrolSecondFactor(t, moderator); // staff act only with a second factor

    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: province });
    const title = `Quy trình chế biến chè shan tuyết ${uniq('')}`;
    const { createListing } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id } }`,
      {
        i: {
          kind: 'OFFER',
          organizationId: org.id,
          title,
          summary: 'Quy trình chế biến chè shan tuyết giữ hương, đạt tiêu chuẩn xuất khẩu, đã áp dụng tại hai hợp tác xã vùng cao.',
          description: 'Quy trình gồm héo, vò, lên men có kiểm soát và sấy, với thiết bị nhỏ phù hợp hợp tác xã; chuyển giao gồm hướng dẫn, đào tạo và hỗ trợ năm đầu.',
          fieldCodes: ['4'],
          keywords: ['chè shan tuyết'],
          trl: 7,
          transferModes: ['LICENSING'],
          ipStatus: 'KNOW_HOW',
          provinceCode: province,
          currency: 'VND',
          negotiable: true,
        },
      },
      owner.token,
    );
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id }, owner.token);
    const expertUser = await apiUser(t, 'Chuyên gia');
    const fullName = `Hoàng Văn Sơn ${uniq('')}`;
    const { upsertMyExpertProfile } = await t.gql(
      `mutation($i: ExpertProfileInput!) { upsertMyExpertProfile(input: $i) { id } }`,
      {
        i: {
          fullName,
          headline: 'Chuyên gia chế biến chè vùng cao',
          bio: 'Hai mươi năm nghiên cứu chế biến chè, chủ nhiệm nhiều đề tài cấp tỉnh, đã hướng dẫn nhiều hợp tác xã đổi mới công nghệ chế biến.',
          fieldCodes: ['4'],
          services: ['Tư vấn chế biến chè'],
          pastTransfers: [],
          provinceCode: province,
          organizationId: null,
        },
      },
      expertUser.token,
    );
    await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: upsertMyExpertProfile.id }, expertUser.token);

    const page = await t.newPage('vi');
    await page.context().addCookies([{ name: 'session', value: moderator.token, url: t.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await t.visit(page, '/moderation');
    const items = page.locator('[data-testid=review-queue] li');
    assert.equal(await items.count(), 2, 'both wait in the one queue');
    assert.equal(squash(await items.nth(0).locator('.kind-tag').textContent()), msg('vi', 'reviewQueue_item_LISTING'));
    assert.ok((await items.nth(0).innerText()).includes(title));
    // What it is and whose, before opening it: an offer, from the institute.
    assert.equal(squash(await items.nth(0).locator('[data-detail]').textContent()), 'Công nghệ chào bán');
    assert.equal(squash(await items.nth(0).locator('[data-organization]').textContent()), org.name);
    assert.ok(squash(await items.nth(0).innerText()).includes(`${org.name} · `), 'the organisation set apart from the province');
    assert.equal(await items.nth(1).locator('[data-detail], [data-organization]').count(), 0, 'an independent expert: no organisation');
    // submitted a moment ago: "less than a day", not "0 days"
    assert.ok(squash(await items.nth(0).innerText()).includes(msg('vi', 'reviewQueue_lessThanDay')), await items.nth(0).innerText());
    assert.equal(squash(await items.nth(1).locator('.kind-tag').textContent()), msg('vi', 'reviewQueue_item_EXPERT'));
    await t.screenshot(page, 'moderation-review-queue-vi');
    await t.axe(page, 'the review queue');

    const expertsFilter = page.locator('#queue nav a', { hasText: msg('vi', 'reviewQueue_kind_EXPERT') });
    assert.equal(await expertsFilter.count(), 1);
    await expertsFilter.click();
    await page.waitForURL(/kind=EXPERT/);
    assert.equal(new URL(page.url()).searchParams.get('kind'), 'EXPERT');
    assert.equal(await items.count(), 1, 'only the expert profile');
    await items.first().locator('a').click();
    assert.equal(new URL(page.url()).pathname, `/moderation/experts/${upsertMyExpertProfile.id}`);
    assert.ok((await t.text(page, 'h1')).includes(fullName));

    // In English: one listing is "Listing", not the filter's "Listings"; "1 organisation to verify", "0 deals to review".
    await t.visit(page, '/moderation?lang=en');
    assert.deepEqual(
      (await items.locator('.kind-tag').allTextContents()).map(squash),
      [msg('en', 'reviewQueue_item_LISTING'), msg('en', 'reviewQueue_item_EXPERT')],
    );
    const figures = await page.locator('ul.figures li').evaluateAll((lis) => lis.map((li) => [li.querySelector('strong').textContent, li.querySelector('a').textContent]));
    assert.equal(figures.length, 3);
    for (const [[number, text], key] of figures.map((f, i) => [f, ['reviewQueue_waiting', 'mod_orgsWaiting', 'mod_dealsWaiting'][i]])) {
      assert.equal(squash(text), msg('en', key, { count: Number(number.replace(/\D/g, '')) }), `${number} ${text}`);
    }
    assert.equal(figures[0][1].trim(), 'items waiting for review');
    assert.match(figures[1][1], /^organisations? to verify$/);
    assert.equal(squash(await t.text(page, '.dash-nav a[href="/moderation/listings"]')), 'Listings to review', 'the listings’ queue is not called the review queue of every kind');

    // Signed in, a moderator lands on their own dashboard: it says what waits in the queue, and leads there.
    await t.visit(page, '/dashboard?lang=vi');
    const todo = page.locator('[data-testid=todo-moderation]');
    assert.equal(squash(await todo.locator('a').textContent()), msg('vi', 'dash_todoModeration', { count: 2 }));
    await todo.locator('a').click();
    await page.waitForURL(/\/moderation(#queue)?$/);
    assert.equal(await items.count(), 2);
    // A member's dashboard has no such line.
    const ownerPage = await t.newPage('vi');
    await ownerPage.context().addCookies([{ name: 'session', value: owner.token, url: t.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await t.visit(ownerPage, '/dashboard');
    assert.equal(await ownerPage.locator('[data-testid=todo-moderation]').count(), 0);
  });

  h.test('reviewing an update: the moderator sees what it changes, words struck and added, an amount replaced whole, lists by item, the rest left out; on a phone a link near the top leads to the decision', async (t) => {
    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'lao-cai' });
    const tag = uniq('');
    // A long description: the unchanged stretch around one edited word is shortened.
    const before = (word) =>
      `Quy trình nhân giống cây dược liệu bằng nuôi cấy mô tế bào thực vật, tạo cây con sạch bệnh đồng đều, phù hợp vùng núi cao. ` +
      `Giai đoạn vào mẫu dùng môi trường MS cải tiến, nhân chồi trong ${word} tuần, ra rễ và huấn luyện cây con trong nhà lưới trước khi trồng. ` +
      `Chuyển giao gồm hướng dẫn kỹ thuật tại chỗ, đào tạo cán bộ của hợp tác xã, hỗ trợ vận hành phòng nuôi cấy trong năm đầu và cung cấp mẫu giống gốc đã kiểm định.`;
    const listing = await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title: `Nhân giống sâm Lai Châu ${tag} bằng nuôi cấy mô`,
      summary: 'Cây con sạch bệnh, đồng đều, tỷ lệ sống cao khi trồng dưới tán rừng vùng núi cao.',
      description: before('sáu'),
      keywords: ['nuôi cấy mô', 'sâm Lai Châu'],
      fieldCodes: ['4'],
      trl: 7,
      transferModes: ['LICENSING'],
      provinceCode: 'lao-cai',
      priceMin: 225000000,
      priceMax: 525000000,
    });
    const { listing: current } = await t.gql(`query($id: ID!) { listing(id: $id) { version } }`, { id: listing.id }, owner.token);
    await t.gql(
      `mutation($id: ID!, $i: ListingUpdateInput!) { updateListing(id: $id, input: $i) { id } }`,
      { id: listing.id, i: { version: current.version, title: `Nhân giống sâm Ngọc Linh ${tag} bằng nuôi cấy mô`, description: before('tám'), keywords: ['nuôi cấy mô', 'sâm Ngọc Linh'], priceMin: 225000000, priceMax: 480000000 } },
      owner.token,
    );
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);

    const page = await t.newPage('vi');
    await login(t, page, t.admin.email, t.admin.password, `/moderation/listings/${listing.id}`);
    const panel = page.locator('section.revision-changes');
    // Only the four fields it changes, in the form's order: the summary, TRL and the rest are left out.
    assert.deepEqual(
      (await panel.locator('dt').allTextContents()).map(squash),
      [msg('vi', 'listingForm_titleOffer'), msg('vi', 'listing_description'), msg('vi', 'listing_price'), msg('vi', 'listing_keywords')],
    );
    assert.equal(squash(await panel.locator('h2').textContent()), msg('vi', 'mod_changesTitle', { count: 4 }));
    const [title, description, price, keywords] = [0, 1, 2, 3].map((i) => panel.locator('dd').nth(i));
    // An amount is replaced whole: the old one struck, the new one written out (not "~~525~~ 480.000.000 ₫").
    assert.deepEqual((await price.locator('del').allTextContents()).map(squash), [`${msg('vi', 'mod_changeRemoved')} 525.000.000 ₫`]);
    assert.deepEqual((await price.locator('ins').allTextContents()).map(squash), [`${msg('vi', 'mod_changeAdded')} 480.000.000 ₫`]);
    assert.ok(squash(await price.textContent()).startsWith('225.000.000 ₫ – '), 'the amount unchanged stays');
    assert.deepEqual((await title.locator('del').allTextContents()).map(squash), [`${msg('vi', 'mod_changeRemoved')} Lai Châu`]);
    assert.deepEqual((await title.locator('ins').allTextContents()).map(squash), [`${msg('vi', 'mod_changeAdded')} Ngọc Linh`]);
    assert.ok(squash(await title.textContent()).includes(`${tag} bằng nuôi cấy mô`), 'the words around the change stay');
    assert.deepEqual((await description.locator('del').allTextContents()).map(squash), [`${msg('vi', 'mod_changeRemoved')} sáu`]);
    assert.deepEqual((await description.locator('ins').allTextContents()).map(squash), [`${msg('vi', 'mod_changeAdded')} tám`]);
    assert.equal(await description.locator('.gap').count(), 2, 'the long unchanged text before and after is shortened');
    assert.ok(!squash(await description.textContent()).includes('Quy trình nhân giống'), 'far from the change, the text is left out');
    assert.deepEqual((await keywords.locator('li').allTextContents()).map(squash), ['nuôi cấy mô', `${msg('vi', 'mod_changeAdded')} sâm Ngọc Linh`, `${msg('vi', 'mod_changeRemoved')} sâm Lai Châu`]);
    // the whole update is still there to read, folded
    assert.ok((await t.text(page, 'details')).includes(msg('vi', 'mod_revisionProposed')));
    await t.screenshot(page, 'moderation-revision-changes-vi');
    await t.axe(page, 'review of an update, with its changes');
    // The published description and the facts under it are set apart.
    const facts = page.locator('dl.facts');
    const space = await facts.evaluate((dl) => dl.getBoundingClientRect().top - /** @type {Element} */ (dl.previousElementSibling).getBoundingClientRect().bottom);
    assert.ok(space >= 16, `space between the description and the facts: ${space}px`);
    // Beside the decision (two columns), no link to it.
    assert.equal(await page.locator('.jump a[href="#decision"]').count(), 1);
    assert.equal(await page.locator('.jump a[href="#decision"]').isVisible(), false, 'hidden beside the side column');
    // On a phone the decision is far down, after the changes and the whole listing: a link near the top leads to it.
    const phone = await t.newPage('vi', { phone: true });
    await login(t, phone, t.admin.email, t.admin.password, `/moderation/listings/${listing.id}`);
    const jump = phone.locator('.jump a[href="#decision"]');
    assert.equal(squash(await jump.textContent()), msg('vi', 'mod_jumpToDecision'));
    const top = async (selector) => phone.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok((await top('.jump a')) < 740, `the link is on the first screen: ${await top('.jump a')}px`);
    assert.ok((await top('#decision')) > 1480, `the decision is far down: ${await top('#decision')}px`);
    await jump.click();
    // scrolled to it: the decision at the top of the screen (or as near as the page's end lets it come)
    await phone.waitForFunction(() => {
      const at = document.getElementById('decision')?.getBoundingClientRect().top ?? 1e6;
      return at > -2 && at < window.innerHeight / 2;
    });
    assert.ok(await phone.locator('#decision input[name=decision][value=APPROVE]').isVisible());
    // Nothing is chosen beforehand: recording without a choice is refused, said beside the choice.
    assert.equal(await page.locator('input[name=decision]:checked').count(), 0, 'no decision preselected');
    await t.submit(page, 'form[action="?/moderate"] button[type=submit]');
    assert.equal(await t.text(page, '#f-decision-error'), msg('vi', 'mod_decisionRequired'));
    assert.equal(await page.locator('fieldset[aria-invalid=true][aria-describedby="f-decision-error"]').count(), 1, 'the choice is marked as the one to make');
    assert.equal(await page.locator('input[name=decision]:checked').count(), 0, 'still nothing chosen');
    // Approved from the page: the queue's notice speaks of the update, not of a first publication.
    await page.check('input[name=decision][value=APPROVE]');
    await t.submit(page, 'form[action="?/moderate"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'done_updateApproved')), await t.text(page));

    // An expert profile's update: the services list by item, in English.
    const person = await apiUser(t, 'Chuyên gia');
    const profile = {
      fullName: `Đỗ Thị Hạnh ${tag}`,
      headline: 'Chuyên gia nuôi cấy mô cây dược liệu',
      bio: 'Mười lăm năm nghiên cứu nuôi cấy mô cây dược liệu vùng núi, chủ nhiệm ba đề tài cấp tỉnh về nhân giống sâm và tam thất.',
      fieldCodes: ['4'],
      services: ['Tư vấn thiết kế phòng nuôi cấy mô', 'Đào tạo kỹ thuật viên'],
      pastTransfers: [],
      provinceCode: 'lao-cai',
      organizationId: null,
    };
    const { upsertMyExpertProfile: p } = await t.gql(`mutation($i: ExpertProfileInput!) { upsertMyExpertProfile(input: $i) { id version } }`, { i: profile }, person.token);
    await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id }, person.token);
    await t.gql(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id } }`, { id: p.id }, await adminToken(t));
    await t.gql(
      `mutation($i: ExpertProfileInput!) { upsertMyExpertProfile(input: $i) { id } }`,
      { i: { ...profile, services: ['Tư vấn thiết kế phòng nuôi cấy mô', 'Thẩm định giá công nghệ'] } },
      person.token,
    );
    await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id }, person.token);
    const en = await t.newPage('en');
    await login(t, en, t.admin.email, t.admin.password, `/moderation/experts/${p.id}`);
    const expertPanel = en.locator('section.revision-changes');
    assert.deepEqual((await expertPanel.locator('dt').allTextContents()).map(squash), [msg('en', 'experts_services')]);
    assert.equal(squash(await expertPanel.locator('h2').textContent()), msg('en', 'mod_changesTitle', { count: 1 }));
    assert.deepEqual(
      (await expertPanel.locator('li').allTextContents()).map(squash),
      ['Tư vấn thiết kế phòng nuôi cấy mô', `${msg('en', 'mod_changeAdded')} Thẩm định giá công nghệ`, `${msg('en', 'mod_changeRemoved')} Đào tạo kỹ thuật viên`],
    );
    // In English too, nothing preselected, and the error in English.
    assert.equal(await en.locator('input[name=decision]:checked').count(), 0, 'no decision preselected');
    await t.submit(en, 'form[action="?/moderate"] button[type=submit]');
    assert.equal(await t.text(en, '#f-decision-error'), msg('en', 'mod_decisionRequired'));
  });

  h.test('a deal’s review on a phone: a link near the top leads to the decision; the deal’s history says each step once, in either language', async (t) => {
    const seller = await apiUser(t, 'Người bán');
    const sellerOrg = await apiOrganization(t, seller.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, {
      kind: 'OFFER',
      title: `Máy sấy bơm nhiệt ${uniq('')}`,
      summary: 'Máy sấy bơm nhiệt cho hợp tác xã, sấy lạnh trái cây và rau củ, giữ màu, tiết kiệm điện năng rõ rệt.',
      description: 'Buồng sấy bơm nhiệt công suất 500 kg mẻ, điều khiển nhiệt độ và độ ẩm tự động, đã chuyển giao cho nhiều hợp tác xã trái cây ở Đồng bằng sông Cửu Long.',
      fieldCodes: ['407'],
      keywords: ['sấy lạnh'],
      trl: 7,
      transferModes: ['LICENSING'],
      provinceCode: 'can-tho',
    });
    const buyer = await apiUser(t, 'Người mua');
    const buyerOrg = await apiOrganization(t, buyer.token, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Chúng tôi cần sấy 2 tấn xoài mỗi ngày.") { id } }`,
      { l: listing.id, o: buyerOrg.id },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }`, { id: expressInterest.id }, seller.token);
    const { proposeDeal: deal } = await t.gql(
      `mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`,
      { i: { interestId: expressInterest.id, value: 420000000, transferMode: 'LICENSING', terms: 'Li-xăng 3 năm, lắp đặt và đào tạo vận hành.' } },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToDeal(id: $id, accept: true) { id } }`, { id: deal.id }, seller.token);

    // Each line of the history is the step, said once: not "Accepted the proposal → Accepted".
    const historyLines = async (page) => {
      const lines = await page.locator('#deal-history + .timeline > li').evaluateAll((lis) => lis.map((li) => ({ step: li.querySelector('strong')?.textContent ?? '', line: li.innerText.split('\n')[0] })));
      for (const { step, line } of lines) assert.equal(squash(line), squash(step), `the line says the step alone: ${line}`);
      assert.ok(!(await t.text(page, '#deal-history + .timeline')).includes('→'), await t.text(page, '#deal-history + .timeline'));
      return lines.map((l) => squash(l.step));
    };

    const phone = await t.newPage('vi', { phone: true });
    await login(t, phone, t.admin.email, t.admin.password, `/moderation/deals/${deal.id}`);
    const jump = phone.locator('.jump a[href="#deal-actions"]');
    assert.equal(squash(await jump.textContent()), msg('vi', 'mod_jumpToDecision'));
    const top = async (selector) => phone.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok((await top('.jump a')) < 740, `the link is on the first screen: ${await top('.jump a')}px`);
    assert.ok((await top('#deal-actions')) > 740, `the decision is below the first screen: ${await top('#deal-actions')}px`);
    await jump.click();
    await phone.waitForFunction(() => {
      const at = document.getElementById('deal-actions')?.getBoundingClientRect().top ?? 1e6;
      return at > -2 && at < window.innerHeight / 2;
    });
    assert.ok(await phone.locator('button[formaction="?/approve"]').isVisible());
    assert.deepEqual(await historyLines(phone), ['PROPOSE', 'ACCEPT', 'SUBMIT'].map((a) => msg('vi', `dealEvent_${a}`)));
    // On a wide screen the decision is beside the facts: no link.
    const desk = await t.newPage('vi');
    await login(t, desk, t.admin.email, t.admin.password, `/moderation/deals/${deal.id}`);
    assert.equal(await desk.locator('.jump a[href="#deal-actions"]').isVisible(), false);

    // Approved and signed by both: the second signature says that the deal is now signed; the parties read it in English.
    await t.gql(`mutation($id: ID!) { reviewDeal(id: $id, decision: APPROVE) { id } }`, { id: deal.id }, await adminToken(t));
    await t.gql(`mutation($id: ID!) { markDealSigned(id: $id) { id } }`, { id: deal.id }, seller.token);
    await t.gql(`mutation($id: ID!) { markDealSigned(id: $id) { id } }`, { id: deal.id }, buyer.token);
    const party = await t.newPage('en');
    await party.context().addCookies([{ name: 'session', value: buyer.token, url: t.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await t.visit(party, `/dashboard/deals/${deal.id}`);
    assert.deepEqual(await historyLines(party), ['PROPOSE', 'ACCEPT', 'SUBMIT', 'APPROVE', 'SIGN', 'SIGN_BOTH'].map((a) => msg('en', `dealEvent_${a}`)));
    assert.equal(await party.locator('.jump').count(), 0, 'no link to a decision the parties do not take');
  });

  h.test('reviewing an update made in the form: only what the owner changed is listed, though the form sends its lines with \\r\\n', async (t) => {
    const owner = await apiUser(t, 'Chủ tin');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'son-la' });
    const tag = uniq('');
    // Texts of several lines, published through the API with "\n"; the form's textareas send them back with "\r\n".
    const listing = await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title: `Máy sấy cà phê bằng năng lượng mặt trời ${tag}`,
      summary: 'Sấy cà phê thóc bằng nhà kính năng lượng mặt trời, giữ hương, giảm nấm mốc so với phơi sân.',
      description: 'Nhà sấy dạng vòm phủ tấm polycarbonate, quạt hút chạy pin mặt trời.\nĐã dùng tại ba hợp tác xã ở Sơn La, mỗi mẻ 2 tấn cà phê thóc.\n\nChuyển giao gồm thiết kế, hướng dẫn dựng nhà sấy và vận hành.',
      specification: 'Công suất 2 tấn/mẻ;\nnhiệt độ sấy 40–55 °C;\nquạt 12 V chạy pin mặt trời.',
      advantages: 'Không tốn điện lưới;\ngiảm nấm mốc;\ndựng trong một tuần.',
      keywords: ['sấy cà phê', 'năng lượng mặt trời'],
      fieldCodes: ['4'],
      trl: 8,
      transferModes: ['LICENSING'],
      provinceCode: 'son-la',
    });
    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    const newTitle = `Nhà sấy cà phê bằng năng lượng mặt trời ${tag}`;
    await page.fill('#listing-form [name=title]', newTitle);
    await t.submit(page, '#listing-form button[formaction="?/submit"]');
    assert.equal(new URL(page.url()).searchParams.get('done'), 'listing-submitted', await t.text(page));

    const mod = await t.newPage('vi');
    await login(t, mod, t.admin.email, t.admin.password, `/moderation/listings/${listing.id}`);
    const panel = mod.locator('section.revision-changes');
    assert.deepEqual((await panel.locator('dt').allTextContents()).map(squash), [msg('vi', 'listingForm_titleOffer')], 'the title only, not the untouched texts of several lines');
    assert.equal(squash(await panel.locator('h2').textContent()), msg('vi', 'mod_changesTitle', { count: 1 }));
  });

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
    await t.submit(mod, `tr:has-text("${name}") form[action$="/verify"] button`);
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

  h.test('a moderator declines to verify an organisation with a reason; its members read it and edit the profile to be considered again', async (t) => {
    const member = await t.newPage('vi');
    await register(t, member);
    const name = await createOrganization(t, member, { name: `Công ty Thiếu hồ sơ ${uniq('')}`, kind: 'ENTERPRISE', province: 'can-tho', taxCode: '1809876543' });

    const mod = await t.newPage('vi');
    await login(t, mod, t.admin.email, t.admin.password, '/moderation/organizations');
    const row = mod.locator('tr', { hasText: name });
    let listPage = 1;
    for (; listPage <= 30 && (await row.count()) === 0; ) await t.visit(mod, `/moderation/organizations?page=${++listPage}`);
    assert.equal(await row.count(), 1, 'listed among the organisations to verify');
    // Too short a reason: the same row's form comes back open, with the error and what was typed.
    await row.locator('summary').click();
    await row.locator('textarea[name=note]').fill('Thiếu');
    await t.submit(mod, `tr:has-text("${name}") form[action$="/decline"] button`);
    assert.equal(new URL(mod.url()).searchParams.get('page') ?? '1', String(listPage), 'the same page of the list');
    const refused = mod.locator('tr', { hasText: name });
    assert.ok(await refused.locator('details').evaluate((d) => d.open), 'the form is open again');
    assert.equal(await refused.locator('textarea[name=note]').inputValue(), 'Thiếu');
    assert.equal(await refused.locator('textarea[name=note][aria-invalid=true]').count(), 1, 'the reason is marked as the field to fix');
    // The page now stands at the refused action's address: the other rows' buttons still do what they say.
    const actions = await mod.locator('main form[method=POST]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
    for (const action of actions) assert.equal((decodeURIComponent(action).match(/\/(verify|decline)/g) ?? []).length, 1, `one action each: ${action}`);
    const reason = 'Mã số thuế không khớp với tên trên cổng đăng ký doanh nghiệp';
    await refused.locator('textarea[name=note]').fill(reason);
    await t.submit(mod, `tr:has-text("${name}") form[action$="/decline"] button`);
    assert.ok((await t.text(mod)).includes(msg('vi', 'done_orgDeclined')));
    await t.visit(mod, `/moderation/organizations?page=${listPage}`);
    let declined = mod.locator('tr', { hasText: name });
    for (let p = listPage + 1; p <= 30 && (await declined.count()) === 0; p++) await t.visit(mod, `/moderation/organizations?page=${p}`);
    assert.ok((await declined.innerText()).includes(msg('vi', 'mod_verificationDeclined')), 'marked as declined');
    assert.ok((await declined.innerText()).includes(reason));
    // said once: the badge, then the reason (not "Declined" and "Declined on …: …")
    assert.equal((await declined.innerText()).split(msg('vi', 'mod_verificationDeclined')).length - 1, 1, await declined.innerText());

    // The member reads why on the organisation's page, edits the profile, and it waits for review again.
    await t.visit(member, '/dashboard');
    // the dashboard says it was declined, not merely "not verified yet"
    assert.ok((await t.text(member)).includes(msg('vi', 'org_declinedShort')), await t.text(member));
    await member.click(`a:has-text("${name}")`);
    await member.click('main a[href^="/dashboard/organizations/"]');
    const orgPath = new URL(member.url()).pathname;
    assert.ok((await t.text(member)).includes(reason), `the reason is shown: ${await t.text(member)}`);
    await member.fill('form[action="?/profile"] [name=description]', 'Đã bổ sung giấy chứng nhận đăng ký doanh nghiệp và mã số thuế đúng.');
    // the tax code the reason may name is corrected on the profile (an error beside it first)
    await member.fill('form[action="?/profile"] [name=taxCode]', '12345');
    await t.submit(member, 'form[action="?/profile"] button[type=submit]');
    assert.equal(await member.locator('#f-taxCode-error').count(), 1, await t.text(member));
    await member.fill('form[action="?/profile"] [name=taxCode]', '1809876544');
    await t.submit(member, 'form[action="?/profile"] button[type=submit]');
    await t.visit(member, orgPath);
    assert.equal(await member.locator('form[action="?/profile"] [name=taxCode]').inputValue(), '1809876544');
    const after = await t.text(member);
    assert.ok(after.includes(msg('vi', 'org_verificationResubmitted', { note: reason })), `waiting again: ${after}`);
    const notices = await t.visit(member, '/dashboard/notifications').then(() => t.text(member));
    assert.ok(notices.includes(name) && notices.includes(reason), 'a notice told the members');
  });

  h.test('the admin disables an account: its session ends at the next page; enabling it again lets it in', async (t) => {
    const member = await t.newPage('en');
    const user = await register(t, member, { name: 'Soon Disabled' });
    const admin = await t.newPage('en');
    await login(t, admin, t.admin.email, t.admin.password, '/admin/users');
    await t.visit(admin, `/admin/users?q=${encodeURIComponent(user.email)}`);
    // Asked once more, with what it does; afterwards the same search, the row and what was done.
    const row = `li[data-email="${user.email}"]`;
    await admin.click(`${row} details.decline summary`);
    assert.ok((await t.text(admin, row)).includes(msg('en', 'admin_disableConfirmHelp', { name: 'Soon Disabled' })));
    await t.submit(admin, `${row} form[action$="/disable"] button`);
    assert.equal(new URL(admin.url()).searchParams.get('q'), user.email, 'the search is kept');
    assert.ok((await t.text(admin)).includes(msg('en', 'done_accountDisabled', { who: user.email })));
    assert.ok((await t.text(admin, row)).includes(msg('en', 'admin_disabled')));
    // The member's next request: the API no longer accepts the token, the session is gone.
    await member.goto('/dashboard');
    assert.equal(new URL(member.url()).pathname, '/login');
    assert.equal((await member.context().cookies()).some((c) => c.name === 'session'), false, 'the cookie is cleared');
    await member.fill('[name=email]', user.email);
    await member.fill('[name=password]', user.password);
    await t.submit(member, 'main form button[type=submit]');
    assert.equal(new URL(member.url()).pathname, '/login', 'a disabled account cannot log in');
    assert.ok((await t.text(member, '.alert-error')).length > 3);
    await t.submit(admin, `${row} form[action$="/disable"] button`);
    assert.ok((await t.text(admin)).includes(msg('en', 'done_accountEnabled', { who: user.email })));
    await login(t, member, user.email);
    assert.equal(new URL(member.url()).pathname, '/dashboard');
  });
}
