// Pictures and documents on a listing, through the storefront's forms (without JavaScript, and
// with it: a progress bar while the file is sent): the owner
// uploads a photo and a PDF sheet on the edit page, the listing is approved, the public page shows
// the gallery (srcset, width/height) and the sheet, and a word only the PDF contains finds it.
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { msg, squash, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiDraftListing, apiOrganization, apiUpload, apiUser } from './support/api.mjs';
import { makePdf } from './support/files.mjs';

export default function (h) {
  h.test('media: an owner uploads a photo and a PDF through the form; the public page shows the gallery and search finds the PDF\'s words', async (t) => {
    const owner = await apiUser(t, 'Chủ tin có ảnh');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE' });
    const title = `Máy sấy lạnh có ảnh ${uniq('')}`;
    const { createListing: listing } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`,
      {
        i: {
          organizationId: org.id,
          kind: 'OFFER',
          title,
          summary: 'Máy sấy lạnh bơm nhiệt cho trái cây, giữ màu và vi chất, tiết kiệm điện.',
          description: 'Buồng sấy bơm nhiệt công suất 500 kg mẻ, điều khiển nhiệt độ và độ ẩm tự động, đã chuyển giao cho nhiều hợp tác xã.',
          fieldCodes: ['407'],
          keywords: ['sấy lạnh'],
          transferModes: ['LICENSING'],
          provinceCode: 'can-tho',
        },
      },
      owner.token,
    );
    const word = `xeolit${uniq('')}`;
    const photo = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#2b7a5a' } }).jpeg().toBuffer();

    // A browser that runs no scripts: the form is an ordinary multipart POST.
    const page = await t.newPage('vi', { js: false });
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    // The limits are stated before anything is sent.
    assert.match(await t.text(page, '#media-file-hint'), /Ảnh JPEG.*tối đa [\d,]+ MB.*tài liệu PDF tối đa [\d,]+ MB và \d+ trang/);
    // A photo with a caption, then the specification sheet.
    await page.fill('form[action="?/upload"] [name=captionVi]', 'Buồng sấy tại hợp tác xã');
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'buong-say.jpg', mimeType: 'image/jpeg', buffer: photo });
    await t.submit(page, 'form[action="?/upload"] button[type=submit]');
    assert.equal(await t.text(page, '#media-done'), msg('vi', 'done_mediaUploaded'));
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'Thông số kỹ thuật.pdf', mimeType: 'application/pdf', buffer: makePdf(['Thong so ky thuat', `Vat lieu hap phu ${word}`]) });
    await t.submit(page, 'form[action="?/upload"] button[type=submit]');
    assert.equal(await t.text(page, '#media-done'), msg('vi', 'done_mediaUploaded'));
    const items = await t.text(page, '#media .media-list');
    // (a Vietnamese name arrives whole: busboy reads it as UTF-8)
    assert.ok(items.includes('buong-say.jpg') && items.includes('Thông số kỹ thuật.pdf'), `both files listed: ${items}`);
    assert.equal(await page.locator('#media .media-item[data-cover][data-kind=IMAGE]').count(), 1, 'the first picture is the cover');
    // Each item's caption fields have ids of their own, and each label names the field of its own form.
    const captionInputs = page.locator('#media input[name=captionVi], #media input[name=captionEn]');
    const captionFields = [];
    for (let i = 0; i < (await captionInputs.count()); i++) {
      const id = await captionInputs.nth(i).getAttribute('id');
      const sel = `[id="${id}"]`;
      const labelled = (await page.locator(sel).count()) === 1 && (await page.locator(`label[for="${id}"]`).count()) === 1 && (await page.locator(`form:has(label[for="${id}"]):has(${sel})`).count()) === 1;
      captionFields.push({ id, labelled });
    }
    assert.equal(captionFields.length, 6, 'the upload form and two items, two caption fields each');
    assert.equal(new Set(captionFields.map((f) => f.id)).size, 6, `unique ids: ${captionFields.map((f) => f.id).join(', ')}`);
    assert.ok(captionFields.every((f) => f.labelled), `every caption field has its own label: ${JSON.stringify(captionFields)}`);
    // On a phone each item is one column: a document's caption fields take the width (they were squeezed into 10 rem).
    const phone = await t.newPage('vi', { phone: true });
    await login(t, phone, owner.email);
    await t.visit(phone, `/dashboard/listings/${listing.id}`);
    const caption = phone.locator('#media .media-item:has-text("Thông số kỹ thuật.pdf") input[name=captionVi]');
    const box = await caption.boundingBox();
    assert.ok(box && box.width > 250, `the document's caption field takes the width on a phone (${box?.width} px)`);
    // On a tablet (820 px) and a desktop (1280 px) too: a document has no thumbnail, so its caption
    // area is not put in the thumbnail column; it is as wide as a picture's, "Save captions" on one line.
    for (const width of [820, 1280]) {
      await page.setViewportSize({ width, height: 1180 });
      const doc = page.locator('#media .media-item[data-kind=DOCUMENT]');
      const pic = page.locator('#media .media-item[data-kind=IMAGE]');
      const docField = await doc.locator('input[name=captionEn]').boundingBox();
      const picField = await pic.locator('input[name=captionEn]').boundingBox();
      const item = await doc.boundingBox();
      assert.ok(docField && picField && docField.width >= picField.width - 1, `at ${width} px the document's caption field is as wide as a picture's (${docField?.width} vs ${picField?.width} px)`);
      assert.ok(docField.x + docField.width <= item.x + item.width + 1, `at ${width} px the document's caption field is not cut off`);
      const save = await doc.locator('.media-caption button').boundingBox();
      assert.ok(save && save.height < 50, `at ${width} px "Save captions" is on one line (${save?.height} px high)`);
    }
    await t.screenshot(page, 'media-document-tablet');

    // A file that is not what its name says: refused beside the field, in Vietnamese, naming it.
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<?php echo 1; ?>') });
    await t.submit(page, 'form[action="?/upload"] button[type=submit]');
    assert.match(await t.text(page, '#media-file-error'), /^anh\.jpg: không nhận ra loại tệp/);

    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);
    // The department reviews the pictures and the sheet with the text: both listed, marked as not public yet.
    const reviewer = await t.newPage('vi');
    await login(t, reviewer, t.admin.email, t.admin.password, `/moderation/listings/${listing.id}`);
    await reviewMediaShows(t, reviewer, ['buong-say.jpg', 'Thông số kỹ thuật.pdf']);
    await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id: listing.id }, await adminToken(t));

    // The public page: the picture with its responsive sizes (made by the worker), the sheet as a download.
    const visitor = await t.newPage('vi');
    await t.eventually(
      async () => {
        await t.visit(visitor, `/listings/${listing.slug}`);
        return (await visitor.locator('.gallery img[srcset]').count()) === 1;
      },
      { what: 'the gallery with its WebP sizes' },
    );
    const img = visitor.locator('.gallery img').first();
    assert.equal(await img.getAttribute('width'), '1400');
    assert.equal(await img.getAttribute('height'), '1000');
    assert.match((await img.getAttribute('srcset')) ?? '', /\/media\/[0-9a-f-]+\/w320 320w, .*\/w640 640w, .*\/w1280 1280w/);
    assert.equal(await img.getAttribute('alt'), 'Buồng sấy tại hợp tác xã');
    const loaded = await img.evaluate((el) => el.complete && el.naturalWidth > 0);
    assert.ok(loaded, 'the picture loads from the storefront origin');
    const sheet = visitor.locator('a[download="Thông số kỹ thuật.pdf"]');
    assert.equal(await sheet.count(), 1, 'the sheet is linked');
    const res = await visitor.request.get(await sheet.getAttribute('href'));
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.match(res.headers()['content-disposition'] ?? '', /^attachment;/);
    assert.ok((res.headers()['content-disposition'] ?? '').includes(`filename*=UTF-8''${encodeURIComponent('Thông số kỹ thuật.pdf')}`), res.headers()['content-disposition']);
    assert.equal(res.headers()['x-content-type-options'], 'nosniff');

    // Search: a word only the PDF contains finds the listing, whose card shows the cover.
    await t.eventually(
      async () => {
        await t.visit(visitor, `/search?q=${encodeURIComponent(word)}`);
        // Found as a close match (not a related result while the index settles), with its note.
        return (await t.text(visitor)).includes(title) && (await visitor.locator('.listing-card .card-found').count()) === 1;
      },
      { what: 'the listing found by a word of its PDF, its card naming the PDF' },
    );
    // (the close matches' list: related results like it may follow, with covers of their own)
    assert.equal(await visitor.locator('section[aria-labelledby=results-title] > ol.cards .listing-card img.card-cover').count(), 1, 'the card shows the cover');
    // …and says where the word was found.
    assert.equal(await t.text(visitor, '.listing-card .card-found'), msg('vi', 'search_foundInDocument', { name: 'Thông số kỹ thuật.pdf' }));
    await t.axe(visitor, 'search with a cover image');
  });

  h.test('media: an owner adds a YouTube video by the link as copied (without https://); a link to another site is refused beside the field', async (t) => {
    const owner = await apiUser(t, 'Chủ tin có video');
    const org = await apiOrganization(t, owner.token, { kind: 'ENTERPRISE' });
    const listing = await apiDraftListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title: `Máy bóc vỏ hạt điều có video ${uniq('')}`,
      summary: 'Máy bóc vỏ hạt điều bán tự động, tỷ lệ nhân nguyên trên 85%, vận hành một người.',
      description: 'Dao bóc điều chỉnh theo cỡ hạt, năng suất 200 kg mỗi giờ, đã lắp cho các cơ sở chế biến ở Bình Phước và Đồng Nai.',
      fieldCodes: ['407'],
      keywords: ['bóc vỏ điều'],
      transferModes: ['EQUIPMENT_SUPPLY'],
      provinceCode: 'dong-nai',
    });
    const page = await t.newPage('vi', { js: false });
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    // Another site: the reason is beside the link field, and what was typed stays.
    await page.fill('form[action="?/videoLink"] [name=videoUrl]', 'example.vn/video-chay-thu.mp4');
    await t.submit(page, 'form[action="?/videoLink"] button[type=submit]');
    assert.match(await t.text(page, '#media-videoUrl-error'), /YouTube hoặc Vimeo/);
    assert.equal(await page.inputValue('form[action="?/videoLink"] [name=videoUrl]'), 'example.vn/video-chay-thu.mp4');
    assert.equal(await page.locator('#media .media-item').count(), 0, 'nothing attached');
    // The link as a phone's share button copies it, without its scheme.
    await page.fill('form[action="?/videoLink"] [name=videoUrl]', 'youtube.com/watch?v=dQw4w9WgXcQ');
    await t.submit(page, 'form[action="?/videoLink"] button[type=submit]');
    assert.equal(await t.text(page, '#media-done'), msg('vi', 'done_mediaVideoLinked'));
    const item = page.locator('#media .media-item[data-kind=VIDEO_LINK]');
    assert.equal(await item.count(), 1, 'the video is listed with the other media');
    await t.screenshot(page, 'media-video-link');
    const { attachments } = await t.gql(`query($id: ID!) { attachments(ownerKind: LISTING, ownerId: $id) { kind videoUrl } }`, { id: listing.id }, owner.token);
    assert.deepEqual(attachments, [{ kind: 'VIDEO_LINK', videoUrl: 'https://youtube.com/watch?v=dQw4w9WgXcQ' }]);
  });

  h.test('media: a picture removed from a published listing (asked first, without scripts) is on the review page as removed when approved; the approval takes it off the public page', async (t) => {
    const owner = await apiUser(t, 'Chủ tin gỡ ảnh');
    const org = await apiOrganization(t, owner.token, { provinceCode: 'can-tho' });
    const { createListing: listing } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`,
      {
        i: {
          organizationId: org.id,
          kind: 'OFFER',
          title: `Máy bóc vỏ hạt điều ${uniq('')}`,
          summary: 'Máy bóc vỏ hạt điều bán tự động, tỉ lệ nhân nguyên trên 90%, năng suất 200 kg/giờ.',
          description: 'Máy bóc vỏ hạt điều dùng dao định hình và cảm biến kích cỡ, điều chỉnh theo từng cỡ hạt; đã vận hành tại hai cơ sở chế biến ở Bình Phước.',
          fieldCodes: ['407'],
          keywords: ['hạt điều'],
          transferModes: ['LICENSING'],
          provinceCode: 'can-tho',
        },
      },
      owner.token,
    );
    const picture = (colour) => sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg().toBuffer();
    const kept = await apiUpload(t, owner.token, 'LISTING', listing.id, 'giu-lai.jpg', await picture('#3a6b8c'));
    const removed = await apiUpload(t, owner.token, 'LISTING', listing.id, 'go-bo.jpg', await picture('#8c3a4f'));
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);
    await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id: listing.id }, await adminToken(t));
    const visitor = await t.newPage('vi', { js: false });
    const galleryLinks = async () => {
      await t.visit(visitor, `/listings/${listing.slug}`);
      return visitor.locator('.gallery a[href^="/media/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    };
    assert.equal((await galleryLinks()).length, 2, 'both pictures are public');

    // The owner removes one on the edit page: it leaves their list, but stays public until the
    // department approves the revision the removal travels with.
    const page = await t.newPage('vi', { js: false });
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    // "Remove" asks first (a page state, no script): the confirmation names the file, and nothing is removed yet.
    const item = page.locator('#media .media-item:has-text("go-bo.jpg")');
    assert.equal(await item.locator('form[action="?/remove"]').count(), 0, 'no removal in one click');
    await Promise.all([page.waitForNavigation(), item.locator('a[data-remove]').click()]);
    const asked = new URL(page.url());
    assert.deepEqual([asked.searchParams.get('confirm'), asked.searchParams.get('id')], ['remove', removed.id]);
    const confirmation = page.locator('#media form[data-confirm-remove]');
    assert.equal(await confirmation.count(), 1, 'one confirmation, for the file asked about');
    assert.ok(squash(await confirmation.innerText()).includes(msg('vi', 'media_removeConfirmTitle', { name: 'go-bo.jpg' })), await confirmation.innerText());
    assert.equal(await page.locator('#media .media-item:has-text("go-bo.jpg") form[data-confirm-remove]').count(), 1, 'under the file it names');
    // Kept: back to the list, the file still there.
    await Promise.all([page.waitForNavigation(), confirmation.locator(`a:has-text("${msg('vi', 'media_removeKeep')}")`).click()]);
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await page.locator('#media form[data-confirm-remove]').count(), 0);
    assert.ok((await t.text(page, '#media .media-list')).includes('go-bo.jpg'), 'still there');
    // A removal posted without the confirmation (a page open from before) is asked about first, not done.
    const unasked = await page.context().request.post(`/dashboard/listings/${listing.id}?/remove`, { form: { attachmentId: removed.id }, headers: { origin: t.webUrl, accept: 'text/html' }, maxRedirects: 0 });
    assert.equal(unasked.status(), 303);
    assert.equal(unasked.headers().location, `/dashboard/listings/${listing.id}?confirm=remove&id=${removed.id}#media-${removed.id}`);
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    assert.ok((await t.text(page, '#media .media-list')).includes('go-bo.jpg'), 'still there');
    // In English too.
    const en = await t.newPage('en', { js: false });
    await en.context().addCookies([{ name: 'session', value: owner.token, url: t.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await t.visit(en, `/dashboard/listings/${listing.id}?confirm=remove&id=${removed.id}`);
    assert.ok(squash(await en.locator('#media form[data-confirm-remove]').innerText()).includes(msg('en', 'media_removeConfirmTitle', { name: 'go-bo.jpg' })));
    // Asked again, and confirmed.
    await Promise.all([page.waitForNavigation(), item.locator('a[data-remove]').click()]);
    await t.submit(page, '#media form[data-confirm-remove] button[type=submit]');
    assert.ok((await t.text(page, '#media')).includes(msg('vi', 'done_mediaRemoved')), await t.text(page, '#media'));
    assert.ok(!(await t.text(page, '#media .media-list')).includes('go-bo.jpg'), 'gone from the owner\'s list');
    // …and said apart: removed, still public until the department approves the update
    const removedNote = await t.text(page, '#media .media-removals');
    assert.ok(removedNote.startsWith(msg('vi', 'media_removalsTitle', { count: 1 })) && removedNote.includes('go-bo.jpg'), removedNote);
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);
    assert.ok((await galleryLinks()).some((href) => href.includes(removed.id)), 'still public while the revision waits');

    // The review page lists it apart, marked; the picture kept is listed without a mark.
    const reviewer = await t.newPage('vi');
    await login(t, reviewer, t.admin.email, t.admin.password, `/moderation/listings/${listing.id}`);
    const panel = reviewer.locator('section.review-media');
    const gone = panel.locator('.media-item[data-removal]');
    assert.equal(await gone.count(), 1, await t.text(reviewer, 'section.review-media'));
    const goneText = (await gone.textContent()) ?? '';
    assert.ok(goneText.includes('go-bo.jpg') && goneText.includes(msg('vi', 'media_pendingRemoval')), goneText);
    assert.equal(await gone.locator('img').count(), 1, 'with its thumbnail');
    const stays = panel.locator('.media-item:not([data-removal])');
    assert.equal(await stays.count(), 1);
    assert.ok(((await stays.textContent()) ?? '').includes('giu-lai.jpg'));
    assert.ok(!((await stays.textContent()) ?? '').includes(msg('vi', 'media_pendingReview')), 'the kept picture is not marked');
    assert.ok((await t.text(reviewer, 'section.review-media')).includes(msg('vi', 'mod_mediaRemovals', { count: 1 })));
    // …and counted among the update's changes, as a file removed
    const changes = reviewer.locator('section.revision-changes');
    assert.deepEqual((await changes.locator('dt').allTextContents()).map((x) => x.trim()), [msg('vi', 'mod_filesRemoved')]);
    assert.ok(((await changes.locator('del').textContent()) ?? '').includes('go-bo.jpg'));
    await t.axe(reviewer, 'review page with a removal');

    await t.gql(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id: listing.id }, await adminToken(t));
    const after = await galleryLinks();
    assert.equal(after.length, 1, 'one picture left');
    assert.ok(after[0].includes(kept.id) && !after.some((href) => href.includes(removed.id)), after.join(' '));

    // A caption is not reviewed (the API publishes caption, order and cover changes at once): edited
    // on the published listing, visitors see it straight away, and the media section says so.
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    const help = await t.text(page, '#media > p.hint');
    assert.equal(help, msg('vi', 'media_help'));
    assert.match(help, /chú thích.*thay đổi ngay/, 'the help says captions change at once');
    await page.fill(`[id="media-${kept.id}-captionVi"]`, 'Máy đang chạy thử tại xưởng');
    await t.submit(page, `#media .media-item:has-text("giu-lai.jpg") form[action="?/caption"] button[type=submit]`);
    await t.visit(visitor, `/listings/${listing.slug}`);
    assert.ok((await t.text(visitor, '.gallery')).includes('Máy đang chạy thử tại xưởng'), 'the new caption is public at once');

    // A picture added to the published listing: its owner sees it on the public page, marked as
    // part of an update not sent yet, then as waiting once sent (only they and the department see
    // it); visitors do not see it yet.
    const added = await apiUpload(t, owner.token, 'LISTING', listing.id, 'moi-them.jpg', await picture('#6b8c3a'));
    await t.visit(page, `/listings/${listing.slug}`);
    const mine = page.locator(`.gallery li:has(a[href*="${added.id}"])`);
    assert.equal(await mine.count(), 1, 'the owner sees the new picture');
    assert.equal(squash(await mine.locator('.pending-mark').textContent()), msg('vi', 'media_pendingDraftOwner'), 'marked as part of an update not sent');
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listing.id }, owner.token);
    await t.visit(page, `/listings/${listing.slug}`);
    assert.equal(squash(await mine.locator('.pending-mark').textContent()), msg('vi', 'media_pendingReviewOwner'), 'marked as waiting for review');
    assert.equal(await page.locator(`.gallery li:has(a[href*="${kept.id}"]) .pending-mark`).count(), 0, 'the public picture is not marked');
    assert.ok(!(await galleryLinks()).some((href) => href.includes(added.id)), 'not public yet');
  });

  h.test('media: an organisation uploads its logo and a private verification document; the public page shows only the logo', async (t) => {
    const owner = await apiUser(t, 'Chủ tổ chức có biểu trưng');
    const org = await apiOrganization(t, owner.token, { kind: 'ENTERPRISE' });
    const logo = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#1f6f8b' } }).png().toBuffer();
    const page = await t.newPage('en');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/organizations/${org.id}`);
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await t.submit(page, 'form[action="?/upload"] button[type=submit]');
    assert.equal(await t.text(page, '#media-done'), msg('en', 'done_mediaUploaded'));
    await page.check('form[action="?/upload"] [name=private]');
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'business-licence.pdf', mimeType: 'application/pdf', buffer: makePdf(['Business registration certificate']) });
    await t.submit(page, 'form[action="?/upload"] button[type=submit]');
    const items = await t.text(page, '#media .media-list');
    assert.ok(items.includes('business-licence.pdf') && items.includes(msg('en', 'media_privateShort')), `the document is listed as private: ${items}`);

    const visitor = await t.newPage('en');
    await t.visit(visitor, `/organizations/${org.slug}`);
    assert.equal(await visitor.locator('h1 img.org-logo').count(), 1, 'the logo is shown');
    assert.ok(await visitor.locator('h1 img.org-logo').evaluate((el) => el.complete && el.naturalWidth > 0), 'the logo loads');
    assert.ok(!(await t.text(visitor)).includes('business-licence.pdf'), 'the private document is not on the public page');
  });

  h.test('media: an expert adds a portrait on their profile page; it is public once the profile is approved', async (t) => {
    const person = await apiUser(t, 'Chuyên gia có ảnh');
    const fullName = `Phạm Chân Dung ${uniq('')}`;
    const { upsertMyExpertProfile: p } = await t.gql(
      `mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id slug } }`,
      {
        input: {
          fullName,
          headline: 'Chuyên gia tự động hoá dây chuyền chế biến thuỷ sản',
          bio: 'Mười hai năm thiết kế và cải tạo dây chuyền chế biến thuỷ sản đông lạnh cho doanh nghiệp ở Cà Mau và Sóc Trăng, từ khảo sát đến vận hành.',
          fieldCodes: ['407'],
          services: ['Tư vấn tự động hoá'],
          pastTransfers: [],
          provinceCode: 'can-tho',
          organizationId: null,
        },
      },
      person.token,
    );
    const portrait = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#8a5a3c' } }).jpeg().toBuffer();
    const page = await t.newPage('en');
    await login(t, page, person.email);
    await t.visit(page, '/dashboard/expert');
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: portrait });
    await t.submit(page, 'form[action="?/upload"] button[type=submit]');
    assert.equal(await t.text(page, '#media-done'), msg('en', 'done_mediaUploaded'));
    assert.equal(await page.locator('#media .media-item[data-cover][data-kind=IMAGE]').count(), 1, 'the portrait is the cover');

    await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id }, person.token);
    const reviewer = await t.newPage('vi');
    await login(t, reviewer, t.admin.email, t.admin.password, `/moderation/experts/${p.id}`);
    await reviewMediaShows(t, reviewer, ['portrait.jpg']);
    await t.gql(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id } }`, { id: p.id }, await adminToken(t));
    const visitor = await t.newPage('en');
    await t.visit(visitor, `/experts/${p.slug}`);
    const img = visitor.locator('img.expert-portrait');
    assert.equal(await img.getAttribute('alt'), msg('en', 'experts_portraitAlt', { name: fullName }));
    assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the portrait loads');
    // The directory's card shows it too, small and round, beside the name (once indexed and sized by the worker).
    const card = visitor.locator('ul.cards article.card', { hasText: fullName });
    await t.eventually(
      async () => {
        await t.visit(visitor, `/experts?q=${encodeURIComponent(fullName)}`);
        return (await card.locator('img.expert-thumb').count()) === 1;
      },
      { what: 'the expert in the directory with a portrait' },
    );
    const thumb = card.locator('img.expert-thumb');
    assert.ok(await thumb.evaluate((el) => el.complete && el.naturalWidth > 0), 'the card portrait loads');
    const [thumbBox, nameBox] = await Promise.all([thumb.boundingBox(), card.locator('.card-title').boundingBox()]);
    assert.ok(thumbBox && nameBox && thumbBox.x + thumbBox.width <= nameBox.x, 'the portrait is beside the name');
    await t.screenshot(visitor, 'experts-directory-portrait-en');
  });

  h.test('media with scripts on: the upload shows its progress, then the page says it is done; a refusal still shows beside the field', async (t) => {
    const owner = await apiUser(t, 'Chủ tin tải tệp lớn');
    const org = await apiOrganization(t, owner.token, { kind: 'ENTERPRISE' });
    const { createListing: listing } = await t.gql(
      `mutation($i: ListingInput!) { createListing(input: $i) { id } }`,
      {
        i: {
          organizationId: org.id,
          kind: 'OFFER',
          title: `Dây chuyền ép viên nén mùn cưa ${uniq('')}`,
          summary: 'Dây chuyền ép viên nén nhiên liệu từ mùn cưa và vỏ trấu, công suất 2 tấn mỗi giờ.',
          description: 'Máy ép khuôn vành, sấy thùng quay và làm nguội, điều khiển tập trung; đã lắp đặt cho các xưởng gỗ.',
          fieldCodes: ['407'],
          keywords: ['viên nén'],
          transferModes: ['LICENSING'],
          provinceCode: 'can-tho',
        },
      },
      owner.token,
    );
    // A photo of a few megabytes (noise does not compress), sent over an upload slowed to 1 MB/s.
    const data = Buffer.alloc(1200 * 900 * 3);
    for (let i = 0; i < data.length; i++) data[i] = Math.imul(i, 2654435761) >>> 24;
    const photo = await sharp(data, { raw: { width: 1200, height: 900, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    assert.ok(photo.length > 1_000_000, `a large photo (${photo.length} bytes)`);

    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/listings/${listing.id}`);
    assert.equal(await page.locator('[data-upload-progress]').isHidden(), true, 'no progress before an upload');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'day-chuyen.jpg', mimeType: 'image/jpeg', buffer: photo });
    const navigation = page.waitForURL(/done=media-uploaded/, { timeout: 60_000 });
    await page.locator('form[action="?/upload"] button[type=submit]').click();
    // Part-way: the bar shows a share between 0 and 100, and says so in words.
    const midway = await t.eventually(
      async () => {
        const value = Number(await page.locator('[data-upload-progress] progress').getAttribute('value'));
        return value > 0 && value < 100 ? value : null;
      },
      { timeout: 20_000, interval: 50, what: 'the progress bar part-way' },
    );
    assert.match(await page.locator('[data-upload-progress-text]').innerText(), new RegExp(`^Đang tải lên: \\d+%$`));
    assert.ok(midway > 0 && midway < 100);
    await navigation;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // back at the media section's notice, not the top of the long page, for the next file
    assert.equal(new URL(page.url()).hash, '#media-done');
    assert.equal(await t.text(page, '#media-done'), msg('vi', 'done_mediaUploaded'));
    assert.ok((await t.text(page, '#media .media-list')).includes('day-chuyen.jpg'), 'the photo is listed');

    // A refused file with scripts on: the action's page, with the error beside the field, replaces this one.
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<?php echo 1; ?>') });
    await page.locator('form[action="?/upload"] button[type=submit]').click();
    await page.locator('#media-file-error').waitFor();
    assert.match(await t.text(page, '#media-file-error'), /^anh\.jpg: không nhận ra loại tệp/);
    assert.doesNotMatch(page.url(), /done=media-uploaded/, 'the address is the form action\'s, as without scripts');
    // The replaced page's form is enhanced again: the next upload also shows progress and lands.
    await page.setInputFiles('form[action="?/upload"] [name=file]', { name: 'lan-hai.jpg', mimeType: 'image/jpeg', buffer: photo });
    const second = page.waitForURL(/done=media-uploaded/, { timeout: 60_000 });
    await page.locator('form[action="?/upload"] button[type=submit]').click();
    await page.locator('[data-upload-progress]:not([hidden])').waitFor();
    await second;
    assert.ok((await t.text(page, '#media .media-list')).includes('lan-hai.jpg'), 'the second photo is listed');
  });
}

/** The review page's media panel of a first submission lists these files, each marked as waiting for the decision. */
async function reviewMediaShows(t, page, fileNames) {
  const panel = page.locator('section.review-media');
  assert.equal(await panel.count(), 1, `a media panel on ${page.url()}`);
  const items = panel.locator('.media-item');
  assert.equal(await items.count(), fileNames.length, await t.text(page, 'section.review-media'));
  for (const name of fileNames) {
    const item = panel.locator('.media-item', { hasText: name });
    assert.equal(await item.count(), 1, `${name} is listed`);
    assert.ok(((await item.textContent()) ?? '').includes(msg('vi', 'media_pendingReview')), `${name} is marked as waiting for review`);
  }
  // Never approved before: no "since the last approval", every file simply waits for review.
  assert.equal(await t.text(page, 'section.review-media [data-testid=media-pending]'), msg('vi', 'mod_mediaPendingFirst', { count: fileNames.length }));
}
