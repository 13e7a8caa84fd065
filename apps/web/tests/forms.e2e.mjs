// Issue #13, "Forms and validation", through the pages: every error of a listing form at once,
// beside its field, with what was typed kept; required fields marked as the API requires them;
// the draft's quality and possible duplicates after each save; a rejected listing's edits are
// what goes back to review.
import assert from 'node:assert/strict';
import { msg, uniq } from './support/harness.mjs';
import { fillListing, login } from './support/flows.mjs';
import { adminToken, apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

const offer = (title) => ({
  kind: 'OFFER',
  title: `${title} ${uniq('')}`,
  summary: 'Dây chuyền ép viên nén mùn cưa làm chất đốt cho lò hơi, công suất 1–2 tấn mỗi giờ.',
  description: 'Máy ép viên nén khuôn vòng, sấy thùng quay và làm nguội ngược dòng; đã lắp đặt cho 6 xưởng gỗ ở Bình Dương, viên đạt độ ẩm dưới 10%.',
  fieldCodes: ['407'],
  keywords: ['viên nén', 'mùn cưa'],
  trl: 7,
  transferModes: ['TURNKEY'],
  priceMin: 300000000,
  priceMax: 500000000,
  provinceCode: 'ho-chi-minh',
});

async function ownerOnPage(t, lang = 'vi') {
  const user = await apiUser(t, 'Chủ tin biểu mẫu');
  const org = await apiOrganization(t, user.token, { provinceCode: 'ho-chi-minh' });
  const page = await t.newPage(lang);
  await login(t, page, user.email);
  return { ...user, org, page };
}

const errorOf = (page, name) => page.locator(`#f-${name}-error`);

export default function (h) {
  h.test('forms: a listing with several problems shows every error at once, beside its field, keeping what was typed', async (t) => {
    const o = await ownerOnPage(t, 'en');
    const page = o.page;
    await t.visit(page, '/dashboard/listings/new?kind=DEMAND');
    // In English, former provinces are written without Vietnamese diacritics, in the options and the hint.
    assert.equal(await t.text(page, '[name=provinceCode] option[value="ho-chi-minh"]'), 'Ho Chi Minh City (incl. former Binh Duong, Ba Ria - Vung Tau)');
    assert.equal(await t.text(page, '[name=provinceCode] option[value="can-tho"]'), 'Can Tho (incl. former Soc Trang, Hau Giang)');
    const provinceTexts = [await t.text(page, '#f-provinceCode-hint'), ...(await page.locator('[name=provinceCode] option').allTextContents())].join(' ');
    assert.doesNotMatch(provinceTexts, /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i, provinceTexts);
    // Required as the API requires them: marked in the form, and refused together when left out.
    for (const name of ['title', 'summary', 'description', 'provinceCode']) {
      assert.equal(await page.locator(`form#listing-form [name=${name}][required]`).count(), 1, `${name} is marked required`);
    }
    // A short title, a TRL outside 1–9 (only a tampered form can send one), prices the wrong way
    // round, and no technology field.
    await fillListing(page, { ...offer('Nhu cầu'), kind: 'DEMAND', title: 'Short', fieldCodes: [], priceMin: '900,000,000', priceMax: '100,000,000' });
    await page.$eval('[name=trl]', (select) => {
      const option = document.createElement('option');
      option.value = '12';
      select.append(option);
      select.value = '12';
    });
    await t.submit(page, 'main form button.secondary[type=submit]:not([formaction])');
    assert.match(new URL(page.url()).pathname, /\/dashboard\/listings\/new$/, 'nothing was created');
    for (const name of ['title', 'trl', 'priceMax', 'fieldCodes']) {
      assert.equal(await errorOf(page, name).count(), 1, `an error beside ${name}: ${await t.text(page)}`);
    }
    // In the words of this (demand) form: its budget, not a price.
    assert.equal(await t.text(page, '#f-priceMax-error'), 'The maximum budget must not be below the minimum budget.');
    assert.equal(await t.text(page, '.alert-error > p'), msg('en', 'error_checkFields'));
    // The summary (which has the focus) names each problem as a link to its field, in the form's
    // order: the fields of technology are far down a long form.
    const summary = page.locator('[data-error-summary]');
    assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary has the focus');
    assert.deepEqual(await summary.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['#f-title', '#f-fieldCodes', '#f-trl', '#f-priceMax']);
    for (const href of ['#f-title', '#f-fieldCodes', '#f-trl', '#f-priceMax']) assert.equal(await page.locator(`form#listing-form ${href}`).count(), 1, `${href} is in the form`);
    assert.equal(await t.text(page, 'a[href="#f-priceMax"]'), `${msg('en', 'listingForm_budgetMax')}: The maximum budget must not be below the minimum budget.`);
    assert.equal(await page.inputValue('[name=title]'), 'Short', 'the title typed is kept');
    assert.equal(await page.inputValue('[name=priceMin]'), '900,000,000', 'the amount typed is kept');
    assert.equal(await page.inputValue('[name=summary]'), offer('').summary, 'the rest is kept');

    // An amount the storefront cannot read is named together with the API's problems.
    await page.fill('[name=priceMin]', 'a lot');
    await t.submit(page, 'main form button.secondary[type=submit]:not([formaction])');
    assert.equal(await t.text(page, '#f-priceMin-error'), 'The minimum budget must be an amount in dong, e.g. 500000000, 500,000,000, 500m or 1.5bn.');
    assert.equal(await errorOf(page, 'title').count(), 1, 'the title error is still shown with it');
    assert.equal(await errorOf(page, 'fieldCodes').count(), 1, 'and the missing field');
    const { myListings } = await t.gql(`{ myListings { totalItems } }`, {}, o.token);
    assert.equal(myListings.totalItems, 0, 'nothing was saved');
  });

  h.test('forms: amounts are read as people type them ("500 trieu", "1,5 tỷ", "1.5bn"), named by their field when unreadable, and their order told in the form\'s words; the province select names the provinces merged in 2025', async (t) => {
    const o = await ownerOnPage(t);
    const page = o.page;
    const save = 'main form button.secondary[type=submit]:not([formaction])';
    await t.visit(page, '/dashboard/listings/new?kind=DEMAND');
    // The province: the 34 of the 2025 map, said beside the select, each with the provinces merged into it.
    assert.equal(await t.text(page, '#f-provinceCode-hint'), msg('vi', 'province_selectHint'));
    assert.equal(await t.text(page, '[name=provinceCode] option[value="can-tho"]'), 'Cần Thơ (gồm cả Sóc Trăng, Hậu Giang cũ)');
    assert.equal(await t.text(page, '[name=provinceCode] option[value="ha-noi"]'), 'Hà Nội');
    await fillListing(page, { ...offer('Cần dây chuyền ép viên nén'), kind: 'DEMAND', priceMin: '500 trieu', priceMax: '1,5 tỷ' });
    await t.submit(page, save);
    assert.match(page.url(), /done=listing-created/, await t.text(page));
    assert.equal(await page.inputValue('[name=priceMin]'), '500.000.000');
    assert.equal(await page.inputValue('[name=priceMax]'), '1.500.000.000');
    // The tester's case: a minimum budget of 900 million and a maximum of 5 million.
    await page.fill('[name=priceMin]', '900000000');
    await page.fill('[name=priceMax]', '5000000');
    await t.submit(page, save);
    assert.equal(await t.text(page, '#f-priceMax-error'), 'Ngân sách tối đa không được nhỏ hơn ngân sách tối thiểu.');
    await page.fill('[name=priceMin]', 'khoảng 1 tỷ');
    await page.fill('[name=priceMax]', '1.5bn');
    await t.submit(page, save);
    assert.equal(await t.text(page, '#f-priceMin-error'), 'Ngân sách tối thiểu phải là một số tiền bằng đồng, ví dụ 500000000, 500.000.000, 500 triệu hoặc 1,5 tỷ.');
    assert.equal(await errorOf(page, 'priceMax').count(), 0, '"1.5bn" is read');
    assert.equal(await page.inputValue('[name=priceMin]'), 'khoảng 1 tỷ', 'what was typed is kept');

    // An offer's form speaks of its price "from" and "to".
    await t.visit(page, '/dashboard/listings/new?kind=OFFER');
    await fillListing(page, { ...offer('Máy ép viên nén'), priceMin: '2 tỷ', priceMax: '500 triệu' });
    await t.submit(page, save);
    assert.equal(await t.text(page, '#f-priceMax-error'), 'Giá “đến” không được nhỏ hơn giá “từ”.');
  });

  h.test('forms: the draft shows its quality score and possible duplicates after each save', async (t) => {
    const other = await apiUser(t, 'Đơn vị khác');
    const otherOrg = await apiOrganization(t, other.token, { provinceCode: 'ho-chi-minh' });
    const stem = `Dây chuyền ép viên nén mùn cưa ${uniq('')}`;
    const theirs = await apiPublishedListing(t, other.token, otherOrg.id, { ...offer(''), title: `${stem} 2 tấn/giờ` });
    const o = await ownerOnPage(t);
    const page = o.page;
    await t.visit(page, '/dashboard/listings/new?kind=OFFER');
    // The new form says how to see the score before submitting.
    assert.equal(await t.text(page, 'form#listing-form .draft-first'), msg('vi', 'listingForm_draftFirst'));
    await fillListing(page, { ...offer('Máy băm gỗ'), keywords: [], trl: null });
    await t.submit(page, 'main form button.secondary[type=submit]:not([formaction])');
    assert.match(page.url(), /done=listing-created/, await t.text(page));
    // Beside the form's buttons too, where the owner decides to submit: the score, leading to its tips.
    const link = page.locator('form#listing-form .draft-quality-link a[href="#draft-quality-title"]');
    assert.equal(await link.count(), 1, 'the score beside the buttons');
    // The saved amounts come back grouped, as people write them.
    assert.equal(await page.inputValue('[name=priceMin]'), '300.000.000');
    assert.equal(await page.inputValue('[name=priceMax]'), '500.000.000');
    const noTrl = 'Cho biết mức độ sẵn sàng của công nghệ (TRL 1–9).';
    let quality = await t.text(page, '.draft-quality');
    assert.ok(quality.includes(noTrl), `the draft's hints: ${quality}`);
    const before = Number(/(\d+)\/100/.exec(quality)[1]);
    assert.equal(await t.text(page, 'form#listing-form .draft-quality-link'), msg('vi', 'listingForm_draftQualityLink', { score: before }));
    assert.equal(await page.locator('.duplicates').count(), 0, 'no duplicates yet');

    // Saved again with a title like the published offer's, keywords and a TRL: the page follows.
    await page.fill('[name=title]', `${stem} 1 tấn/giờ`);
    await page.fill('[name=keywords]', 'viên nén, mùn cưa, chất đốt');
    await page.selectOption('[name=trl]', '6');
    await t.submit(page, 'main form button.secondary[type=submit]:not([formaction])');
    assert.match(page.url(), /done=listing-saved/, await t.text(page));
    quality = await t.text(page, '.draft-quality');
    assert.ok(!quality.includes(noTrl), `the TRL hint is gone: ${quality}`);
    assert.ok(Number(/(\d+)\/100/.exec(quality)[1]) > before, `the score went up: ${quality}`);
    const duplicates = page.locator('.duplicates');
    assert.ok((await t.text(page, '.duplicates')).includes(msg('vi', 'manage_duplicates')));
    assert.equal(await duplicates.locator(`a[href="/listings/${theirs.slug}"]`).count(), 1, `links the similar offer: ${await t.text(page, '.duplicates')}`);
    await t.axe(page, 'listing draft with hints');
  });

  h.test('forms: a rejected listing edited and submitted again goes to review as edited', async (t) => {
    const o = await ownerOnPage(t);
    const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id } }`, { i: { ...offer('Lò đốt viên nén'), organizationId: o.org.id } }, o.token);
    const id = createListing.id;
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id }, o.token);
    const admin = await adminToken(t);
    await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: REJECT, reason: INCOMPLETE, note: "Bổ sung số liệu đo khí thải.") { id } }`, { id }, admin);

    const page = o.page;
    await t.visit(page, `/dashboard/listings/${id}`);
    const newTitle = `Lò đốt viên nén có số liệu khí thải ${uniq('')}`;
    await page.fill('[name=title]', newTitle);
    // The status panel's submit button (above the form) sends the form as edited.
    await t.submit(page, 'section[aria-labelledby="status-title"] button[form="listing-form"]');
    assert.match(page.url(), /done=listing-submitted/, await t.text(page));
    const { listing } = await t.gql(`query($id: ID!) { listing(id: $id) { title status } }`, { id }, o.token);
    assert.deepEqual(listing, { title: newTitle, status: 'PENDING_REVIEW' });
    // The last review's words stay, said as the previous review (not as the outcome of this one).
    const note = await t.text(page, '.alert:has-text("Bổ sung số liệu")');
    assert.ok(note.startsWith(msg('vi', 'manage_previousReview')), note);

    const moderator = await t.newPage('vi');
    await login(t, moderator, t.admin.email, t.admin.password);
    await t.visit(moderator, '/moderation/listings');
    assert.ok((await t.text(moderator)).includes(newTitle), 'the review queue shows the edited title');
  });

  h.test('forms: a reply to an interest, or a message, that is refused says why beside it and keeps what was typed', async (t) => {
    const seller = await ownerOnPage(t);
    const listing = await apiPublishedListing(t, seller.token, seller.org.id, offer('Chế phẩm vi sinh'));
    const buyer = await apiUser(t, 'Người mua');
    const buyerOrg = await apiOrganization(t, buyer.token, { provinceCode: 'ho-chi-minh' });
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Chúng tôi cần chế phẩm cho 20 ha lúa.") { id } }`,
      { l: listing.id, o: buyerOrg.id },
      buyer.token,
    );
    const page = seller.page;
    await t.visit(page, `/dashboard/interests/${expressInterest.id}`);
    const long = `Cảm ơn quý hợp tác xã. ${'x'.repeat(5000)}`;
    await page.fill('form[action="?/respond"] [name=message]', long);
    await t.submit(page, 'form[action="?/respond"] button[value=true]');
    assert.equal(await t.text(page, '#f-message-error'), 'Tin nhắn phải dài từ 1 đến 5.000 ký tự.', await t.text(page, 'main'));
    assert.equal(await page.inputValue('form[action="?/respond"] [name=message]'), long, 'the reply typed is kept');
    const { interest } = await t.gql(`query($id: ID!) { interest(id: $id) { status } }`, { id: expressInterest.id }, seller.token);
    assert.equal(interest.status, 'OPEN', 'nothing was answered');
    await page.fill('form[action="?/message"] [name=body]', long);
    await t.submit(page, 'form[action="?/message"] button[type=submit]');
    assert.equal(await t.text(page, '#f-body-error'), 'Tin nhắn phải dài từ 1 đến 5.000 ký tự.');
    assert.equal(await page.inputValue('form[action="?/message"] [name=body]'), long, 'the message typed is kept');
  });

  h.test('forms: a proposal, a withdrawal or a message refused because the other side acted meanwhile says why where its form was', async (t) => {
    const seller = await ownerOnPage(t);
    const listing = await apiPublishedListing(t, seller.token, seller.org.id, offer('Lò sấy viên nén'));
    const buyer = await ownerOnPage(t);
    const { expressInterest: interest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Chúng tôi cần lò sấy cho xưởng 2 tấn/ngày.") { id } }`,
      { l: listing.id, o: buyer.org.id },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }`, { id: interest.id }, seller.token);
    const PROPOSE = `mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`;
    const sellerProposes = () => t.gql(PROPOSE, { i: { interestId: interest.id, value: 450_000_000, transferMode: 'TURNKEY', terms: 'Lắp đặt trọn gói, bảo hành 12 tháng.' } }, seller.token);
    const cancel = (id) => t.gql(`mutation($id: ID!) { cancelDeal(id: $id, note: "Đổi điều kiện") { id } }`, { id }, seller.token);
    const page = buyer.page;
    const path = `/dashboard/interests/${interest.id}`;

    // The buyer's page still offers the proposal form; the seller proposes first.
    await t.visit(page, path);
    const first = (await sellerProposes()).proposeDeal;
    await page.fill('form[action="?/propose"] [name=value]', '400 triệu');
    await page.selectOption('form[action="?/propose"] [name=transferMode]', 'TURNKEY');
    await page.fill('form[action="?/propose"] [name=terms]', 'Lắp đặt trọn gói, bảo hành 24 tháng, đào tạo 1 tuần.');
    await t.submit(page, 'form[action="?/propose"] button[type=submit]');
    const liveDeal = 'Mối quan tâm này đã có một giao dịch chưa kết thúc.';
    assert.equal(await t.text(page, 'section[aria-labelledby=deal-title] .alert-error'), msg('vi', 'thread_proposalNotSent', { reason: liveDeal }), await t.text(page));
    const { deals } = await t.gql(`{ deals { items { id } } }`, {}, buyer.token);
    assert.deepEqual(deals.items.map((d) => d.id), [first.id], "only the seller's proposal exists");

    // The withdrawal button, on a page loaded before the seller's next proposal.
    await cancel(first.id);
    await t.visit(page, path);
    const second = (await sellerProposes()).proposeDeal;
    await t.submit(page, 'form[action="?/withdraw"] button');
    assert.equal(await t.text(page, '.alert-error'), 'Đang có một giao dịch chưa kết thúc trên mối quan tâm này; hãy hủy giao dịch trước.', await t.text(page));

    // The seller writes in a conversation the buyer closed meanwhile.
    await cancel(second.id);
    await t.visit(seller.page, path);
    await t.gql(`mutation($id: ID!) { withdrawInterest(id: $id) { id } }`, { id: interest.id }, buyer.token);
    await seller.page.fill('form[action="?/message"] [name=body]', 'Bên em gửi thêm báo giá.');
    await t.submit(seller.page, 'form[action="?/message"] button[type=submit]');
    assert.equal(await t.text(seller.page, 'section[aria-labelledby=messages-title] .alert-error'), msg('vi', 'thread_messageNotSent', { reason: 'Cuộc trao đổi này đã kết thúc.' }));
  });

  h.test('forms: a deal proposal with no transfer mode, an unreadable value and short terms names all three at once', async (t) => {
    const seller = await apiUser(t, 'Người bán');
    const sellerOrg = await apiOrganization(t, seller.token, { provinceCode: 'ho-chi-minh' });
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer('Máy ép viên'));
    const buyer = await ownerOnPage(t);
    const { expressInterest } = await t.gql(
      `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Chúng tôi cần 2 tấn viên nén mỗi ngày.") { id } }`,
      { l: listing.id, o: buyer.org.id },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }`, { id: expressInterest.id }, seller.token);
    const page = buyer.page;
    await t.visit(page, `/dashboard/interests/${expressInterest.id}`);
    await page.fill('form[action="?/propose"] [name=value]', 'khoảng 1 tỷ');
    await page.fill('form[action="?/propose"] [name=terms]', 'Ngắn');
    await t.submit(page, 'form[action="?/propose"] button[type=submit]');
    for (const name of ['value', 'transferMode', 'terms']) {
      assert.equal(await errorOf(page, name).count(), 1, `an error beside ${name}: ${await t.text(page)}`);
    }
    assert.equal(await t.text(page, '#f-value-error'), msg('vi', 'listingForm_amountUnread', { field: msg('vi', 'deal_valueName') }));
    assert.ok((await t.text(page, 'form[action="?/propose"]')).includes(msg('vi', 'deal_valueHint')), 'the value field says how to write an amount');
    assert.equal(await page.inputValue('form[action="?/propose"] [name=terms]'), 'Ngắn', 'the terms typed are kept');
    // The page comes back with the reader at the error, not at its top (the form is far down the conversation).
    // (once the page's script has run: it moves the focus)
    await page.waitForFunction(() => document.activeElement?.classList.contains('alert-error'), null, { timeout: 10_000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('alert-error')), true, `the error summary has the focus, not ${await page.evaluate(() => document.activeElement?.tagName)}`);
    const box = await page.locator('form[action="?/propose"] .alert-error').boundingBox();
    const height = page.viewportSize().height;
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `the error summary is on screen (${JSON.stringify(box)}, ${height}px)`);
    const { deals } = await t.gql(`{ deals { totalItems } }`, {}, buyer.token);
    assert.equal(deals.totalItems, 0, 'no deal was proposed');
    // A value beyond any deal is named with the other problems, not only once they are fixed.
    await page.fill('form[action="?/propose"] [name=value]', '999999999999999999999');
    await t.submit(page, 'form[action="?/propose"] button[type=submit]');
    assert.equal(await t.text(page, '#f-value-error'), msg('vi', 'deal_valueTooLarge'));
    assert.equal(await errorOf(page, 'transferMode').count(), 1, 'the transfer mode is still named');
    // The value is read like the listing's price: "120 triệu" is 120,000,000 ₫.
    await page.fill('form[action="?/propose"] [name=value]', '120 triệu');
    await page.selectOption('form[action="?/propose"] [name=transferMode]', { index: 1 });
    await page.fill('form[action="?/propose"] [name=terms]', 'Chuyển giao trọn gói dây chuyền, đào tạo vận hành 2 tuần, bảo hành 12 tháng.');
    await t.submit(page, 'form[action="?/propose"] button[type=submit]');
    assert.match(new URL(page.url()).pathname, /^\/dashboard\/deals\//, `the deal is proposed: ${await t.text(page, 'main')}`);
    const after = await t.gql(`{ deals { items { value } } }`, {}, buyer.token);
    assert.deepEqual(after.deals.items.map((d) => d.value), [120_000_000]);
  });
}
