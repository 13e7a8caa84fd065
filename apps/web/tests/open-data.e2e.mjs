// The open-data page and files through the storefront (issue #18): the page lists each dataset
// with its links, data dictionary and licence, in both languages; /stats links to it; the files
// keep the API's ETag / Last-Modified and answer 304 to a harvester whose copy is current.
import assert from 'node:assert/strict';
import { msg } from './support/harness.mjs';

export default function (h) {
  h.test('open data: the page (vi, en), the link from /stats, files with ETag and 304 through the storefront', async (t) => {
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await t.visit(page, '/stats');
      await page.locator('main a[href="/open-data"]').first().click();
      await page.waitForURL('**/open-data');
      assert.equal(await page.locator('h1').innerText(), msg(lang, 'openData_title'));
      assert.equal(await page.locator('a[rel=license]').getAttribute('href'), 'https://creativecommons.org/licenses/by/4.0/');
      assert.ok(await page.locator('a[href="/open-data/figures/listings-published.csv"]').count());
      assert.ok(await page.locator('a[href="/open-data/listings.json"]').count());
      // The market page's other figures are listed from the catalogue, each with a from–to month form.
      for (const id of ['demands-posted', 'interests-per-month', 'deals-by-stage', 'listings-by-organization-kind', 'listings-by-trl', 'key-figures']) {
        assert.ok(await page.locator(`a[href="/open-data/figures/${id}.csv"]`).count(), id);
      }
      const range = page.locator('form[action="/open-data/figures/key-figures.csv"]');
      assert.deepEqual(await range.locator('input[type=month]').evaluateAll((els) => els.map((e) => e.name)), ['from', 'to']);
      const dictionary = page.locator('section.dataset details').first();
      await dictionary.locator('summary').click();
      const text = await dictionary.innerText();
      assert.ok(text.includes(lang === 'en' ? 'Month (YYYY-MM, Vietnam time).' : 'Tháng (YYYY-MM, giờ Việt Nam).'), text);
      await t.axe(page, `open data (${lang})`);
      assert.equal(await page.locator('script').count(), 0, 'ships no JavaScript');
    }

    const url = `${t.webUrl}/open-data/figures/listings-published.csv?year=2026`;
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type') ?? '', /^text\/csv/);
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag');
    assert.ok(first.headers.get('last-modified') || true);
    assert.match(await first.text(), /^\uFEFF?month,offers,demands\r\n2026-01,/);
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);

    // A quarter and a range of months, through the storefront.
    const quarter = await fetch(`${t.webUrl}/open-data/figures/demands-posted.json?quarter=2026-Q1`);
    assert.deepEqual((await quarter.json()).rows.map((r) => r.month), ['2026-01', '2026-02', '2026-03']);
    const keyFigures = await fetch(`${t.webUrl}/open-data/figures/key-figures.csv?from=2026-01&to=2026-06`);
    assert.match(await keyFigures.text(), /^\uFEFF?from,to,listings_with_interest,.*\r\n2026-01,2026-06,/);

    const listings = await fetch(`${t.webUrl}/open-data/listings.json?limit=1`);
    assert.equal(listings.status, 200);
    assert.match(listings.headers.get('link') ?? '', /rel="first"/);
    const bad = await fetch(`${t.webUrl}/open-data/figures/listings-published.json?period=2026-13`, { headers: { 'accept-language': 'en' } });
    assert.equal(bad.status, 400);
    assert.ok((await bad.json()).fields.period);
  });

  h.test('open data: a range the API refuses brings the person back to the form, the reason beside the month, on a phone', async (t) => {
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang, { phone: true });
      await t.visit(page, '/open-data');
      const form = page.locator('form[action="/open-data/figures/interests-per-month.csv"]');
      await form.locator('input[name=from]').fill('2026-10');
      await form.locator('input[name=to]').fill('2026-03');
      await Promise.all([page.waitForURL(/\/open-data\?refused=/), form.locator('button[type=submit]').first().click()]);
      // the form again, not the API's JSON: the months kept, the reason beside "to", in the page's language
      const again = page.locator('form[action="/open-data/figures/interests-per-month.csv"]');
      assert.equal(await again.locator('input[name=from]').inputValue(), '2026-10');
      assert.equal(await again.locator('input[name=to]').inputValue(), '2026-03');
      assert.equal(await again.locator('input[name=to]').getAttribute('aria-invalid'), 'true');
      const reason = (await again.locator('#to-interests-per-month-error').innerText()).trim();
      assert.equal(reason, lang === 'en' ? 'The last month cannot come before the first.' : 'Tháng cuối không được trước tháng đầu.');
      assert.equal(await page.locator('.field-error').count(), 1, 'only this form says it');
      await t.axe(page, `open data, a refused range (${lang})`);
      // corrected, the file comes
      await again.locator('input[name=to]').fill('2026-11');
      const [download] = await Promise.all([page.waitForEvent('download'), again.locator('button[type=submit]').first().click()]);
      assert.match(download.suggestedFilename(), /\.csv$/);
    }
    // a script still gets the API's JSON error
    const res = await fetch(`${t.webUrl}/open-data/figures/interests-per-month.csv?from=2026-10&to=2026-03`);
    assert.equal(res.status, 400);
    assert.ok((await res.json()).fields.to);
  });
}
