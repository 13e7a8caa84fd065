// What an owner sees of the department's review of their listings: a rejected update, its notice.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { assertFitsScreen, msg, squash, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiOrganization, apiPublishedListing, apiUpload, apiUser } from './support/api.mjs';

/** A published listing whose update the department rejected: { owner, listing, note }. */
async function rejectedUpdate(t) {
  const owner = await apiUser(t, 'Chủ tin bị từ chối bản cập nhật');
  const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
  const tag = uniq('');
  const listing = await apiPublishedListing(t, owner.token, org.id, {
    kind: 'OFFER',
    title: `Chế phẩm vi sinh xử lý rơm rạ ${tag}`,
    summary: 'Phân hủy rơm rạ ngay trên ruộng trong ba tuần, giảm đốt đồng và bổ sung hữu cơ cho đất.',
    description:
      'Chế phẩm gồm các chủng nấm Trichoderma và vi khuẩn phân giải xenlulo, phun trực tiếp lên rơm rạ sau thu hoạch. ' +
      'Sau ba tuần rơm rạ mục, đất tơi xốp hơn; đã thử nghiệm trên 200 ha lúa tại Cần Thơ và Hậu Giang trong hai vụ liên tiếp.',
    keywords: ['vi sinh', 'rơm rạ'],
    fieldCodes: ['4'],
    trl: 7,
    transferModes: ['LICENSING'],
    provinceCode: 'can-tho',
  });
  const { listing: current } = await t.gql(`query($id: ID!) { listing(id: $id) { version } }`, { id: listing.id }, owner.token);
  await t.gql(`mutation($id: ID!, $i: ListingUpdateInput!) { updateListing(id: $id, input: $i) { id } }`, { id: listing.id, i: { version: current.version, trl: 9 } }, owner.token);
  // A photo that comes with the update: not public until the update is approved.
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6b8e23' } }).jpeg().toBuffer();
  await apiUpload(t, owner.token, 'LISTING', listing.id, 'ruong-lua.jpg', photo);
  await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);
  const note = `Chưa có minh chứng thương mại hoá cho mức TRL 9 ${tag}.`;
  await t.gql(`mutation($id: ID!, $n: String) { moderateListing(id: $id, decision: REJECT, reason: INCOMPLETE, note: $n) { id } }`, { id: listing.id, n: note }, await adminToken(t));
  return { owner, listing: { ...listing, title: `Chế phẩm vi sinh xử lý rơm rạ ${tag}` }, note };
}

export default function (h) {
  for (const lang of ['vi', 'en']) {
    h.test(`owner review (${lang}): a rejected update is said rejected on the listings page, found under "rejected", with its reason, and is on the to-do list`, async (t) => {
      const { owner, listing, note } = await rejectedUpdate(t);
      const page = await t.newPage(lang);
      await login(t, page, owner.email, owner.password, '/dashboard/listings');
      const card = page.locator('main ul.list > li', { hasText: listing.title });
      const text = squash(await card.innerText());
      assert.ok(text.includes(msg(lang, 'manage_updateDeclinedBadge')), `the card says the update was rejected: ${text}`);
      assert.ok(!text.includes(msg(lang, 'manage_updatePendingBadge')), 'not that it waits for review');
      assert.ok(text.includes(note), 'the note is there');
      assert.ok(text.includes(lang === 'vi' ? 'Thông tin chưa đầy đủ' : 'Incomplete information'), `the reason is there: ${text}`);
      // The "rejected" filter finds it.
      await t.visit(page, '/dashboard/listings?status=REJECTED');
      assert.equal(await page.locator('main ul.list > li', { hasText: listing.title }).count(), 1, 'under the rejected filter');
      await t.screenshot(page, `owner-rejected-update-${lang}`);
      // The to-do list of the dashboard leads to the listing's page, where the reason and the form are.
      await t.visit(page, '/dashboard');
      const todo = page.locator('section.todo li', { hasText: listing.title });
      assert.equal(squash(await todo.locator('a').innerText()), msg(lang, 'dash_todoUpdateRejected'));
      await Promise.all([page.waitForNavigation(), todo.locator('a').click()]);
      assert.equal(new URL(page.url()).pathname, `/dashboard/listings/${listing.id}`);
      const main = await t.text(page);
      assert.ok(main.includes(msg(lang, 'manage_revisionDeclined')), 'the listing page says the update was rejected');
      assert.ok(main.includes(note));
      // On the public page the owner sees the update's photo labelled as what it is: part of the rejected update.
      await t.visit(page, `/listings/${listing.slug}`);
      const marks = (await page.locator('.gallery .pending-mark').allTextContents()).map(squash);
      assert.deepEqual(marks, [msg(lang, 'media_pendingDeclinedOwner')]);
      // The notice links here too.
      const { notifications } = await t.gql(`{ notifications { kind url } }`, {}, owner.token);
      assert.deepEqual(notifications.filter((n) => n.kind === 'LISTING_REVISION_REJECTED').map((n) => n.url), [`/dashboard/listings/${listing.id}`]);
    });
  }

  for (const lang of ['vi', 'en']) {
    h.test(`owner review (${lang}): the listings page and the listing's own page say, in words, how many viewed it and expressed interest`, async (t) => {
      const owner = await apiUser(t, 'Chủ tin xem số liệu');
      const org = await apiOrganization(t, owner.token, { kind: 'UNIVERSITY', provinceCode: 'can-tho' });
      const title = `Máy bóc vỏ hạt điều bán tự động ${uniq('')}`;
      const listing = await apiPublishedListing(t, owner.token, org.id, {
        kind: 'OFFER',
        title,
        summary: 'Máy bóc vỏ hạt điều bán tự động, năng suất 80 kg mỗi giờ, tỉ lệ nhân nguyên trên 90%.',
        description:
          'Máy dùng dao cắt định hình theo kích cỡ hạt, phân loại hạt trước khi bóc để giữ nhân nguyên. ' +
          'Đã chạy thử tại hai cơ sở chế biến ở Bình Phước trong một vụ, giảm một nửa nhân công so với bóc tay.',
        keywords: ['hạt điều', 'bóc vỏ'],
        fieldCodes: ['2'],
        trl: 7,
        transferModes: ['LICENSING'],
        provinceCode: 'can-tho',
      });
      // A buyer expresses interest; a visitor (a person's browser, not the headless shell) opens the public page.
      const buyer = await apiUser(t, 'Doanh nghiệp quan tâm');
      const buyerOrg = await apiOrganization(t, buyer.token, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
      await t.gql(`mutation($l: ID!, $o: ID!, $m: String!) { expressInterest(listingId: $l, organizationId: $o, message: $m) { id } }`, { l: listing.id, o: buyerOrg.id, m: 'Chúng tôi muốn xem máy chạy thử.' }, buyer.token);
      const visitor = await t.newPage(lang, { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' });
      await t.visit(visitor, `/listings/${listing.slug}`);
      assert.equal(await visitor.locator('.listing-stats').count(), 0, 'a visitor does not see the stats');
      // The page counts the view beside its answer, not before it: wait for it.
      const stats = async () => (await t.gql(`query($id: ID!) { listing(id: $id) { stats { viewsLast30Days } } }`, { id: listing.id }, owner.token)).listing.stats;
      for (let i = 0; i < 50 && (await stats()).viewsLast30Days < 1; i++) await new Promise((r) => setTimeout(r, 100));
      // The buyer's interest is not answered yet: the owner is told it waits.
      const expected = `${msg(lang, 'listing_statsViews', { count: 1 })} · ${msg(lang, 'listing_statsInterests', { count: 1 })} · ${msg(lang, 'manage_interestsAwaiting', { count: 1 })}`;
      const page = await t.newPage(lang, { phone: true });
      await login(t, page, owner.email, owner.password, '/dashboard/listings');
      const card = page.locator('main ul.list > li', { hasText: title });
      assert.equal(squash(await card.locator('.listing-stats').innerText()), expected);
      // Readable on a phone: nothing wider than the screen.
      await assertFitsScreen(page, `${lang}: the owner's listings`);
      await t.screenshot(page, `owner-listing-stats-${lang}`);
      // The listing's own page says the same to its owner.
      await t.visit(page, `/listings/${listing.slug}`);
      assert.equal(squash(await page.locator('section[aria-labelledby=received] .listing-stats').innerText()), expected);
    });
  }

  h.test('owner review: deleting a draft asks once more (it cannot be undone), without JavaScript', async (t) => {
    const owner = await apiUser(t, 'Chủ bản nháp');
    const org = await apiOrganization(t, owner.token, { kind: 'UNIVERSITY', provinceCode: 'can-tho' });
    const title = `Bản nháp cần xoá ${uniq('')}`;
    const { createListing: draft } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id } }`,
      {
        i: {
          organizationId: org.id,
          kind: 'DEMAND',
          title,
          summary: 'Cần công nghệ xử lý nước thải làng nghề chế biến nông sản, công suất 50 m³ mỗi ngày.',
          description: 'Làng nghề chế biến bánh tráng cần hệ thống xử lý nước thải giàu tinh bột, đạt quy chuẩn xả thải loại B, chi phí vận hành thấp và dễ vận hành cho hộ gia đình.',
          fieldCodes: ['4'],
          keywords: ['nước thải'],
          transferModes: ['TECHNICAL_SERVICE'],
          provinceCode: 'can-tho',
          currency: 'VND',
          negotiable: true,
        },
      },
      owner.token,
    );
    const exists = async () => (await t.gql(`query($id: ID!) { listing(id: $id) { id } }`, { id: draft.id }, owner.token)).listing !== null;
    const page = await t.newPage('vi', { js: false });
    await login(t, page, owner.email, owner.password, `/dashboard/listings/${draft.id}`);
    const confirm = page.locator('#delete-draft button[name=confirm]');
    assert.equal(await confirm.isVisible(), false, 'the deleting button is not there before asking');
    await page.locator('#delete-draft summary').click();
    assert.ok(await exists(), 'one click deletes nothing');
    assert.equal(await confirm.isVisible(), true);
    assert.equal(squash(await page.locator('#delete-draft').innerText()).includes(msg('vi', 'manage_deleteDraftHelp')), true, 'says it cannot be undone');
    await t.screenshot(page, 'owner-delete-draft-confirm-vi');
    await t.submit(page, '#delete-draft button[name=confirm]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/listings');
    assert.equal(await exists(), false, 'deleted once confirmed');
  });
}
