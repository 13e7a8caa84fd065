// Charts people read (issue #18): server-rendered SVG whose labels never overlap at a phone's
// 360 px or at 1280 px, every month present (zeros too), the period selector (GET, no script), the
// department's dashboard and its printable monthly report.
import assert from 'node:assert/strict';
import { msg, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

/**
 * Every text of every visible chart, by bounding box: no two texts of one chart overlap, and none
 * runs out of its chart (or out of the page sideways). Returns a summary for more assertions.
 */
async function checkCharts(page, label) {
  const report = await page.evaluate(() => {
    const out = { charts: 0, texts: 0, ticks: 0, overlaps: [], outside: [], pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth };
    for (const svg of document.querySelectorAll('svg[data-chart]')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // the other width's drawing
      out.charts++;
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '');
      const rects = texts.map((t) => ({ text: t.textContent, r: t.getBoundingClientRect(), tick: t.hasAttribute('data-tick') }));
      out.texts += rects.length;
      out.ticks += rects.filter((x) => x.tick).length;
      for (const a of rects) {
        if (a.r.left < box.left - 1 || a.r.right > box.right + 1 || a.r.top < box.top - 1 || a.r.bottom > box.bottom + 1) out.outside.push(`${svg.closest('figure')?.id}: "${a.text}"`);
      }
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i].r;
          const b = rects[j].r;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          if (overlap) out.overlaps.push(`${svg.closest('figure')?.id}: "${rects[i].text}" × "${rects[j].text}"`);
        }
      }
      // A value drawn inside its bar stays inside it.
      for (const v of svg.querySelectorAll('text.inside')) {
        const bar = v.previousElementSibling?.getBoundingClientRect();
        const r = v.getBoundingClientRect();
        if (bar && (r.left < bar.left - 0.5 || r.right > bar.right + 0.5)) out.outside.push(`inside value "${v.textContent}" leaves its bar`);
      }
    }
    return out;
  });
  assert.ok(report.charts > 0, `${label}: charts shown`);
  assert.deepEqual(report.overlaps, [], `${label}: chart labels overlap`);
  assert.deepEqual(report.outside, [], `${label}: chart labels run out of their chart`);
  assert.ok(report.pageWidth <= report.viewport + 1, `${label}: the page scrolls sideways (${report.pageWidth} > ${report.viewport})`);
  return report;
}

/** The month rows of a chart's number table (behind its disclosure). */
async function tableMonths(page, figureId) {
  return page.locator(`#${figureId} details tbody tr`).count();
}

export default function (h) {
  h.test('charts: every month shown, labels never overlap at 360 px and 1280 px, the period selector works without script', async (t) => {
    // Some activity this month, so that columns, values and bars are drawn (the rollup refreshes every 2 s here).
    const seller = await apiUser(t);
    const org = await apiOrganization(t, seller.token, { provinceCode: 'hue', kind: 'UNIVERSITY' });
    for (let i = 0; i < 3; i++) {
      await apiPublishedListing(t, seller.token, org.id, {
        kind: i === 2 ? 'DEMAND' : 'OFFER',
        title: `Công nghệ biểu đồ thử ${uniq('')}`,
        summary: 'Tin dùng để kiểm tra các biểu đồ số liệu thị trường theo tháng.',
        description: 'Mô tả đủ dài để vượt qua kiểm tra độ dài tối thiểu của trường mô tả cho tin công nghệ.',
        fieldCodes: ['407'],
        keywords: ['biểu đồ'],
        trl: 6,
        transferModes: ['CONSULTING'],
        provinceCode: 'hue',
      });
    }
    const page = await t.newPage('vi');
    // The rollup refreshes every few seconds: wait until it has this month's listings (the
    // province ranking is drawn only once it has rows).
    await t.eventually(
      async () => {
        await t.visit(page, '/stats');
        return (await page.locator('#market-province svg.chart-wide').count()) === 1;
      },
      { what: 'the rollup with this month' },
    );
    // How current the figures are: the rollup's last refresh and how often it runs.
    const asOf = await t.text(page, '.as-of');
    assert.ok(asOf.startsWith('Số liệu tính đến ') && /\d{1,2}:\d{2}/.test(asOf), asOf);
    // Desktop: the default period, the last 12 months, every one of them in the tables.
    assert.equal(await tableMonths(page, 'market-listings'), 12, '12 months, zeros included');
    // the month under way is said to run to today (its short bar is not a fall)
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
    assert.ok((await t.text(page)).includes(msg('vi', 'fig_monthSoFar', { month: `Tháng ${Number(month)}/${year}` })), 'the month under way is named');
    const desktop = await checkCharts(page, '1280 px');
    await t.screenshot(page, 'charts-stats-1280');
    assert.ok(desktop.ticks >= 12, 'at 1280 px every month of 12 is labelled');
    const svg = page.locator('#market-listings svg.chart-wide');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match((await page.locator('#market-listings svg.chart-wide desc').textContent()) ?? '', /\d/);
    assert.ok((await t.text(page, '#market-listings details')).length > 0);
    assert.ok((await page.locator('#market-province svg.chart-wide').count()) === 1, 'the province ranking is drawn');

    // A phone: same page, narrow drawings, ticks thinned but never overlapping.
    await page.setViewportSize({ width: 360, height: 800 });
    await t.visit(page, '/stats');
    const phone = await checkCharts(page, '360 px');
    await t.screenshot(page, 'charts-stats-360');
    assert.ok(phone.ticks > 0);
    // Every figure on one line (a deal value digit for digit broke in two), and month fields a finger can use.
    for (const value of await page.locator('.kpis .kpi-value').all()) {
      const { height, lineHeight, text } = await value.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight), text: el.textContent }));
      assert.ok(height < lineHeight * 1.5, `"${text}" on one line at 360 px (${height} px for lines of ${lineHeight} px)`);
    }
    const monthField = await page.locator('#period-at').boundingBox();
    assert.ok(monthField && monthField.height >= 44, `the month field is 44 px tall or more: ${JSON.stringify(monthField)}`);

    // Ten years on a phone: 120 months in the table, ticks thinned.
    await t.visit(page, '/stats?period=custom&from=2017-01&to=2026-12');
    assert.equal(await tableMonths(page, 'market-listings'), 120);
    const long = await checkCharts(page, '360 px, 120 months');
    assert.ok(long.ticks < 120 * 6, 'ticks are thinned');

    // The period selector: a GET form. A year…
    await page.setViewportSize({ width: 1280, height: 900 });
    await t.visit(page, '/stats');
    await page.selectOption('#period-kind', 'year');
    await page.fill('#period-at', '2025-06');
    await t.submit(page, '.period-form button[type=submit]');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('period'), 'year');
    assert.equal(await tableMonths(page, 'market-listings'), 12);
    assert.match((await page.locator('#market-listings details tbody tr').first().textContent()) ?? '', /1\/2025|January 2025/);
    assert.equal(await page.locator('#period-kind').inputValue(), 'year', 'the form keeps the choice');
    assert.match(await t.text(page, '.kpis'), /kỳ trước|Bằng/, 'compared with the previous period');
    // …a quarter…
    await t.visit(page, '/stats?period=quarter&at=2026-05');
    assert.equal(await tableMonths(page, 'market-listings'), 3);
    // …and a bad month names its field.
    await t.visit(page, '/stats?period=custom&from=2026-13&to=2026-03');
    assert.ok(await page.locator('#period-from-error').isVisible());
    assert.equal(await page.locator('#period-from').getAttribute('aria-invalid'), 'true');
    await t.axe(page, '/stats');
  });

  h.test('charts: the department dashboard and its printable monthly report', async (t) => {
    const page = await t.newPage('en');
    await login(t, page, t.admin.email, t.admin.password, '/moderation/dashboard');
    assert.equal(new URL(page.url()).pathname, '/moderation/dashboard');
    const text = await t.text(page);
    assert.match(text, /Review queue/);
    assert.match(text, /within 3 days/, 'the review-time target is shown');
    assert.match(text, /Organisations awaiting verification/);
    // The queue and the decisions by moderated kind: listings, expert profiles, events.
    assert.deepEqual(await page.locator('table.by-kind tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.kind)), ['LISTING', 'EXPERT', 'EVENT']);
    assert.match(await t.text(page, 'table.by-kind'), /Expert profiles/);
    await checkCharts(page, 'dashboard 1280 px');
    await page.setViewportSize({ width: 360, height: 800 });
    await t.visit(page, '/moderation/dashboard');
    await checkCharts(page, 'dashboard 360 px');
    await t.screenshot(page, 'charts-dashboard-360');
    await t.axe(page, '/moderation/dashboard');

    await page.setViewportSize({ width: 1280, height: 900 });
    await t.visit(page, '/moderation/report?month=2026-01');
    assert.match(await t.text(page, 'h1'), /January 2026|Jan 2026/);
    assert.equal(await page.locator('#report-listings details[open] tbody tr').count(), 1, 'one month, its table open for print');
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')).display,
      nav: getComputedStyle(document.querySelector('.dash-nav')).display,
      breaks: [...document.querySelectorAll('.report-section')].map((s) => getComputedStyle(s).breakBefore),
    }));
    assert.equal(print.header, 'none', 'no site header in print');
    assert.equal(print.nav, 'none', 'no navigation in print');
    assert.ok(print.breaks.length >= 4 && print.breaks.every((b) => b === 'page'), `page breaks between sections: ${print.breaks}`);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000, 'prints to PDF');
  });

  h.test('charts: the dashboard is for the department only', async (t) => {
    const page = await t.newPage('vi');
    const res = await page.goto('/moderation/dashboard');
    assert.equal(new URL(page.url()).pathname, '/login', `anonymous visitors log in first (${res?.status()})`);
  });
}
