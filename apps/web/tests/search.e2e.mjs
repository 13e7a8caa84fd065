// Search results that say what they found: close matches first; listings sharing only some of the
// words apart, under "related results"; and when nothing is close, an honest "no close match for …"
// with the offer to be told when one is listed.
import assert from 'node:assert/strict';
import { msg, squash, uniq } from './support/harness.mjs';
import { apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

export default function (h) {
  h.test('search: close matches, related results apart, and an honest "no close match"', async (t) => {
    // A made-up word only these listings carry, so nothing else in the database is close.
    const tag = uniq('tp');
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    // Quantum computation software that never says "máy" (machine): a search for a quantum
    // computer ("máy tính lượng tử") has no close match, and this is related to it.
    const title = `Phần mềm ${tag} tính toán lượng tử cho vật liệu mới`;
    await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title,
      summary: 'Mô phỏng cấu trúc điện tử của vật liệu trên cụm server, kèm đào tạo sử dụng cho nhóm nghiên cứu.',
      description: 'Bộ phần mềm tính toán lượng tử đã dùng trong ba dự án vật liệu; chuyển giao gồm cài đặt, đào tạo và hỗ trợ một năm.',
      keywords: ['tính toán lượng tử', 'mô phỏng vật liệu'],
      fieldCodes: ['2'],
      trl: 6,
      transferModes: ['LICENSING'],
      provinceCode: 'can-tho',
    });
    const page = await t.newPage('vi');

    // Nothing has every word: the page says so, and shows the related listing apart.
    const absent = `${tag} máy tính lượng tử`;
    await t.eventually(
      async () => {
        await t.visit(page, `/search?q=${encodeURIComponent(absent)}`);
        // this listing indexed: other tests' machines already make a related section without it
        const related = page.locator('section.related');
        return (await related.count()) === 1 && squash(await related.textContent()).includes(title);
      },
      { what: 'related results for an absent technology' },
    );
    const notice = squash(await page.locator('.no-close-match').textContent());
    assert.equal(notice, msg('vi', 'search_noCloseMatch', { q: absent }));
    assert.equal(squash(await page.locator('#results-title').textContent()), msg('vi', 'search_count', { count: '0' }));
    assert.ok(squash(await page.locator('section.related').textContent()).includes(title), await t.text(page));
    // no close-match list at all, only the related one
    assert.equal(await page.locator('section[aria-labelledby="results-title"] > ol.cards').count(), 0);
    // the saved-search offer is open, worded for what is missing
    const offer = page.locator('details.panel[open] summary');
    assert.equal(squash(await offer.textContent()), msg('vi', 'search_notifyWhenListed'));
    await t.screenshot(page, 'search-no-close-match-vi');
    await t.axe(page, 'search, no close match (vi)');

    // With a close match: it comes first, in the main list, and no "no close match" notice.
    const close = `${tag} tính toán lượng tử`;
    await t.visit(page, `/search?q=${encodeURIComponent(close)}`);
    assert.equal(await page.locator('.no-close-match').count(), 0);
    assert.equal(squash(await page.locator('#results-title').textContent()), msg('vi', 'search_count', { count: '1' }));
    const mainList = page.locator('section[aria-labelledby="results-title"] > ol.cards');
    assert.ok(squash(await mainList.textContent()).includes(title), await t.text(page));
    for (const text of await page.locator('section.related li').allTextContents()) assert.ok(!text.includes(tag), 'a close match is not repeated among related results');
    // The kind filter counts both kinds: one offer, and "(0)" demands (not a demand option without a number).
    assert.equal(squash(await page.locator('input[name=kind][value=OFFER]').locator('..').textContent()), 'Công nghệ chào bán(1)');
    assert.equal(squash(await page.locator('input[name=kind][value=DEMAND]').locator('..').textContent()), 'Nhu cầu công nghệ(0)');

    // English, the same honesty.
    const en = await t.newPage('en');
    await t.visit(en, `/search?q=${encodeURIComponent(absent)}`);
    assert.equal(squash(await en.locator('.no-close-match').textContent()), msg('en', 'search_noCloseMatch', { q: absent }));
  });

  h.test('search: a province named in the query is read as the place, the same words elsewhere follow', async (t) => {
    const tag = uniq('tp');
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const listing = (title, provinceCode) =>
      apiPublishedListing(t, owner.token, org.id, {
        kind: 'OFFER',
        title,
        summary: 'Sấy nông sản ở nhiệt độ thấp, giữ màu và hương, cho hợp tác xã và hộ sản xuất.',
        description: 'Thiết bị đã lắp tại ba hợp tác xã; chuyển giao gồm lắp đặt, đào tạo vận hành và bảo trì một năm.',
        keywords: [],
        fieldCodes: ['2'],
        trl: 7,
        transferModes: ['TURNKEY'],
        provinceCode,
      });
    const here = `Máy sấy ${tag} bơm nhiệt cho hợp tác xã`;
    const elsewhere = `Máy sấy ${tag} năng lượng mặt trời`;
    await listing(here, 'can-tho');
    await listing(elsewhere, 'ha-noi');
    const words = `máy sấy ${tag}`;
    const page = await t.newPage('vi');
    await t.eventually(
      async () => {
        await t.visit(page, `/search?q=${encodeURIComponent(`${words} cần thơ`)}`);
        // Both indexed: the one elsewhere is among the related results (other dryers of other
        // tests also are, so the section being there says nothing about it).
        const related = page.locator('section.related');
        const close = squash(await page.locator('#results-title').textContent());
        return close === msg('vi', 'search_count', { count: '1' }) && (await related.count()) === 1 && squash(await related.textContent()).includes(elsewhere);
      },
      { what: 'both listings indexed' },
    );
    // The place is said, the listing there is the answer, the other one follows apart.
    assert.equal(squash(await page.locator('.search-place').textContent()), `${msg('vi', 'search_place', { place: 'Cần Thơ', words })} ${msg('vi', 'search_placeEverywhere', { words })}`);
    assert.equal(squash(await page.locator('#results-title').textContent()), msg('vi', 'search_count', { count: '1' }));
    assert.ok(squash(await page.locator('section[aria-labelledby="results-title"] > ol.cards').textContent()).includes(here), await t.text(page));
    assert.ok(squash(await page.locator('section.related').textContent()).includes(elsewhere), await t.text(page));
    // the filters show the province ticked
    assert.equal(await page.locator('input[name="province"][value="can-tho"]').isChecked(), true);
    await t.screenshot(page, 'search-place-vi');
    await t.axe(page, 'search, a place in the query (vi)');
    // "everywhere": both are answers
    await page.locator('.search-place a').click();
    await page.waitForURL((u) => u.searchParams.get('q') === words);
    assert.equal(squash(await page.locator('#results-title').textContent()), msg('vi', 'search_count', { count: '2' }));

    // English, by the former province's name, without diacritics
    const en = await t.newPage('en');
    await t.visit(en, `/search?q=${encodeURIComponent(`may say ${tag} o hau giang`)}`);
    assert.equal(squash(await en.locator('.search-place').textContent()), `${msg('en', 'search_place', { place: 'Can Tho', words: `may say ${tag}` })} ${msg('en', 'search_placeEverywhere', { words: `may say ${tag}` })}`);
  });

  h.test('search: a listing written in the other language says so on its card, its text marked with its language', async (t) => {
    const tag = uniq('tp');
    const owner = await apiUser(t, 'Chủ tin tiếng Anh');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'hue' });
    await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      language: 'en',
      title: `Kiln controller ${tag} for drying timber`,
      summary: 'Controls temperature and humidity of a timber kiln stage by stage and logs every batch.',
      description: 'Installed in twelve acacia timber kilns; the transfer includes installation, operator training and one year of maintenance.',
      keywords: [],
      fieldCodes: ['2'],
      trl: 9,
      transferModes: ['TURNKEY'],
      provinceCode: 'hue',
    });
    // (Other tests' listings sharing a part of the tag may follow as related results: this one by its title.)
    const card = async (p, lang) => {
      const mine = p.locator('.listing-card', { hasText: `Kiln controller ${tag}` });
      await t.eventually(
        async () => {
          await t.visit(p, `/search?q=${tag}${lang === 'en' ? '&lang=en' : ''}`);
          return (await mine.count()) === 1;
        },
        { what: 'the listing indexed' },
      );
      return mine;
    };
    // On a Vietnamese page: "Tiếng Anh", and the title and summary carry lang="en".
    const vi = await card(await t.newPage('vi'), 'vi');
    assert.equal(squash(await vi.locator('.lang-tag').textContent()), msg('vi', 'listing_inEnglish'));
    assert.equal(await vi.locator('.card-title').getAttribute('lang'), 'en');
    assert.equal(await vi.locator('.card-summary').getAttribute('lang'), 'en');
    // On an English page it is in the page's own language: nothing to say.
    const en = await card(await t.newPage('en'), 'en');
    assert.equal(await en.locator('.lang-tag').count(), 0);
    assert.equal(await en.locator('.card-title').getAttribute('lang'), null);
  });

  h.test('search: nothing found with filters on: one tap clears them and keeps the words (phone, vi and en)', async (t) => {
    const tag = uniq('tp');
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'dong-thap' });
    const title = `Hệ thống ${tag} xử lý nước thải chế biến trái cây`;
    await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title,
      summary: 'Xử lý sinh học nước thải của cơ sở chế biến trái cây, đạt cột B, chi phí vận hành thấp.',
      description: 'Đã lắp cho bốn cơ sở sấy và đóng hộp trái cây; chuyển giao gồm thiết kế, lắp đặt và đào tạo vận hành.',
      keywords: [],
      fieldCodes: ['2'],
      trl: 8,
      transferModes: ['TURNKEY'],
      provinceCode: 'dong-thap',
    });
    const page = await t.newPage('vi', { phone: true });
    await t.eventually(
      async () => {
        await t.visit(page, `/search?q=${tag}`);
        return squash(await page.locator('#results-title').textContent()) === msg('vi', 'search_count', { count: '1' });
      },
      { what: 'the listing indexed' },
    );
    // In Cần Thơ there is none: the answer says so and offers to drop the filters, right there
    await t.visit(page, `/search?q=${tag}&province=can-tho`);
    assert.equal(squash(await page.locator('#results-title').textContent()), msg('vi', 'search_count', { count: '0' }));
    const clear = page.locator('section[aria-labelledby="results-title"] a.clear-filters');
    assert.equal(squash(await clear.textContent()), msg('vi', 'search_noneClear'));
    assert.ok(await clear.isVisible(), 'seen without opening the folded filters');
    await Promise.all([page.waitForURL((u) => !u.searchParams.has('province')), clear.click()]);
    assert.equal(new URL(page.url()).searchParams.get('q'), tag);
    assert.ok(squash(await page.locator('section[aria-labelledby="results-title"] > ol.cards').textContent()).includes(title));
    // English too; no filters, no link
    const en = await t.newPage('en');
    await t.visit(en, `/search?q=${tag}&province=can-tho&lang=en`);
    assert.equal(squash(await en.locator('a.clear-filters').textContent()), msg('en', 'search_noneClear'));
    await t.visit(page, `/search?q=${uniq('khongco')}`);
    assert.equal(await page.locator('a.clear-filters').count(), 0);
  });

  h.test('search: a filter that cannot apply is said beside its field, and a page past the end says where the results are', async (t) => {
    const tag = uniq('tp');
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'hue' });
    const title = `Bộ điều khiển ${tag} cho lò sấy gỗ`;
    await apiPublishedListing(t, owner.token, org.id, {
      kind: 'OFFER',
      title,
      summary: 'Điều khiển nhiệt độ và độ ẩm lò sấy gỗ theo từng giai đoạn, ghi nhật ký mẻ sấy.',
      description: 'Đã lắp cho mười hai lò sấy gỗ keo; chuyển giao gồm lắp đặt, đào tạo vận hành và bảo trì một năm.',
      keywords: [],
      fieldCodes: ['2'],
      trl: 9,
      transferModes: ['TURNKEY'],
      provinceCode: 'hue',
    });
    const page = await t.newPage('vi');
    const heading = async (p) => squash(await p.locator('#results-title').textContent());
    await t.eventually(
      async () => {
        await t.visit(page, `/search?q=${tag}`);
        return (await heading(page)) === msg('vi', 'search_count', { count: '1' });
      },
      { what: 'the listing indexed' },
    );
    // "from TRL 8 to TRL 6": said beside "to", and the results go without it
    await t.visit(page, `/search?q=${tag}&trlMin=8&trlMax=6`);
    assert.equal(squash(await page.locator('#trlMax-error').textContent()), msg('vi', 'search_trlOrder', { min: '8' }));
    assert.equal(await page.locator('#trlMax').getAttribute('aria-invalid'), 'true');
    assert.equal(await heading(page), msg('vi', 'search_count', { count: '1' }));
    // and above the results, where it is seen without opening the filters, linking to the field
    assert.equal(squash(await page.locator('section[aria-labelledby="results-title"] .alert-warn a[href="#trlMax"]').textContent()), msg('vi', 'search_trlOrder', { min: '8' }));
    // a price that is not an amount: kept in the box, said beside it
    await t.visit(page, `/search?q=${tag}&priceMax=abc`);
    assert.equal(squash(await page.locator('#priceMax-error').textContent()), msg('vi', 'search_priceInvalid'));
    assert.equal(await page.locator('#priceMax').inputValue(), 'abc');
    assert.equal(await heading(page), msg('vi', 'search_count', { count: '1' }));
    await t.axe(page, 'search, filters that cannot apply (vi)');
    // the same typed into the filter form (which also posts the province picker's boxes): said
    // beside the field, not dropped on the way back to the address
    await t.visit(page, `/search?q=${tag}`);
    await page.fill('#priceMax', 'abc');
    await t.submit(page, 'button[type=submit][form=search-form]');
    assert.equal(new URL(page.url()).searchParams.get('priceMax'), 'abc', page.url());
    assert.equal(squash(await page.locator('#priceMax-error').textContent()), msg('vi', 'search_priceInvalid'));
    assert.equal(await page.locator('#priceMax').inputValue(), 'abc');
    // the site's own ways of writing an amount are read: "1,5 tỷ", and "1.5bn" in English
    await page.fill('#priceMax', '1,5 tỷ');
    await t.submit(page, 'button[type=submit][form=search-form]');
    assert.equal(await page.locator('#priceMax-error').count(), 0, await t.text(page));
    assert.equal(await page.locator('#priceMax').inputValue(), '1500000000');
    assert.equal(await heading(page), msg('vi', 'search_count', { count: '1' }));
    // a page past the end: the true count, and the way back
    await t.visit(page, `/search?q=${tag}&page=5`);
    assert.equal(await heading(page), msg('vi', 'search_count', { count: '1' }));
    assert.ok((await t.text(page)).includes(msg('vi', 'search_pastEnd', { page: '5' })), await t.text(page));
    await page.getByRole('link', { name: msg('vi', 'search_pastEndLink', { page: '1' }) }).click();
    await page.waitForURL((u) => !u.searchParams.has('page') || u.searchParams.get('page') === '1');
    assert.ok(squash(await page.locator('section[aria-labelledby="results-title"] > ol.cards').textContent()).includes(title));
    // English counts one result as one
    const en = await t.newPage('en');
    await t.visit(en, `/search?q=${tag}`);
    assert.equal(await heading(en), '1 result');
    await en.fill('#priceMax', '1.5bn');
    await t.submit(en, 'button[type=submit][form=search-form]');
    assert.equal(await en.locator('#priceMax-error').count(), 0, await t.text(en));
    assert.equal(await en.locator('#priceMax').inputValue(), '1500000000');
  });
}
