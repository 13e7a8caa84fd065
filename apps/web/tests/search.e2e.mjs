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
        return (await page.locator('section.related').count()) === 1;
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

    // English, the same honesty.
    const en = await t.newPage('en');
    await t.visit(en, `/search?q=${encodeURIComponent(absent)}`);
    assert.equal(squash(await en.locator('.no-close-match').textContent()), msg('en', 'search_noCloseMatch', { q: absent }));
  });
}
