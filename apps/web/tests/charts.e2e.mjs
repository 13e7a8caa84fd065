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
    // By field: the top-level fields only in the bars (4.07 is under "4"), the sub-fields in their own
    // table grouped under their top-level field, never ranked among them.
    const topRows = (await page.locator('#market-field > details tbody th').allTextContents()).map((x) => x.trim()); // in a closed <details>: no innerText
    assert.ok(topRows.includes('Khoa học nông nghiệp'), topRows.join(' | '));
    const subGroup = page.locator('[data-field-breakdown=market-field] tbody[data-top-field="4"]');
    assert.equal(await subGroup.count(), 1, 'the sub-fields of field 4, in a group of their own');
    assert.equal(await subGroup.locator('tr[data-sub-field="407"]').count(), 1);
    const subName = ((await subGroup.locator('tr[data-sub-field="407"] th').textContent()) ?? '').trim();
    assert.ok(subName && !topRows.includes(subName), `a sub-field (${subName}) is not among the top-level bars`);

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
    // One column: the field breakdown's sub-fields disclosure is set apart from the next chart's title.
    const subFields = await page.locator('[data-field-breakdown=market-field] details.sub-fields > summary').boundingBox();
    const nextChart = await page.locator('#market-province').boundingBox();
    assert.ok(subFields && nextChart && nextChart.y - (subFields.y + subFields.height) >= 16, `a gap after the sub-fields: ${JSON.stringify({ subFields, nextChart })}`);
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
    // …a range running into the months to come: measured to this month, no empty months drawn after it.
    const vnMonth = (by) => {
      const d = new Date(Date.now() + 7 * 3600_000);
      const i = d.getUTCFullYear() * 12 + d.getUTCMonth() + by;
      return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    };
    await t.visit(page, `/stats?period=custom&from=${vnMonth(-2)}&to=${vnMonth(6)}`);
    assert.equal(await tableMonths(page, 'market-listings'), 3, 'two months before this one, and this one');
    assert.equal(await page.locator('#period-to').inputValue(), vnMonth(6), 'the form keeps what was asked');
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
    assert.match(text, /Current state, at /, 'the queue is headed as the current state');
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

  h.test('charts: a bad or future period keeps what was typed and shows no figures; a period under way is not compared', async (t) => {
    const page = await t.newPage('vi');
    // A range the wrong way round: the fields keep it, the error is beside "Đến tháng", no figures.
    await t.visit(page, '/stats?period=custom&from=2026-09&to=2026-07');
    assert.equal(await page.locator('#period-from').inputValue(), '2026-09');
    assert.equal(await page.locator('#period-to').inputValue(), '2026-07');
    assert.ok(await page.locator('#period-to-error').isVisible(), 'the error is beside the field');
    assert.equal(await page.locator('.kpis, #market-listings').count(), 0, 'no figures for a bad period');
    // A month that does not exist: kept as typed, no figures.
    await t.visit(page, '/stats?period=month&at=2026-13');
    assert.equal(await page.locator('#period-at').getAttribute('value'), '2026-13');
    assert.ok(await page.locator('#period-at-error').isVisible());
    assert.equal(await page.locator('.kpis, #market-listings').count(), 0);
    // A period that has not started: said so, no zeros as if measured.
    const next = `${new Date().getUTCFullYear() + 1}-03`;
    await t.visit(page, `/stats?period=month&at=${next}`);
    assert.equal(await t.text(page, '#period-not-started'), msg('vi', 'period_notStarted'));
    assert.equal(await page.locator('.kpis, #market-listings').count(), 0);
    assert.doesNotMatch(await t.text(page, 'main'), /Không đổi so với kỳ trước/);
    const en = await t.newPage('en');
    await t.visit(en, `/stats?period=month&at=${next}`);
    assert.match(await t.text(en, '#period-not-started'), /This period has not started/);

    // The default period runs to today: no rises or falls against the whole previous period, the note says why.
    await t.visit(page, '/stats');
    const kpis = await t.text(page, '.kpis');
    assert.doesNotMatch(kpis, /[▲▼]/, 'no delta for a period under way');
    assert.ok(kpis.includes(msg('vi', 'fig_noDeltaUnfinished')));
    assert.match(await t.text(page, '.comparison-note'), /đang diễn ra/);
    // …and its month is drawn as partial, with a legend, and marked in the table.
    assert.equal(await page.locator('#market-listings svg.chart-wide rect.partial').count(), 1, 'the month under way is hatched');
    assert.match(await t.text(page, '#market-listings [data-partial-legend]'), /đang diễn ra/);
    assert.match((await page.locator('#market-listings tbody tr:last-child th').textContent()) ?? '', /đang diễn ra/, 'the table marks it too');
    // A whole past period keeps its comparison and no partial bar.
    await t.visit(page, '/stats?period=year&at=2025-06');
    assert.match(await t.text(page, '.kpis'), /kỳ trước/);
    assert.equal(await page.locator('rect.partial').count(), 0);

    // What the figures count: offers and demands; listings only for the review time; the measure in the tables.
    assert.ok(kpis.includes('Tin được đăng (cung và cầu)'), kpis);
    assert.match(kpis, /quyết định về tin đăng/);
    assert.match(await t.text(page, 'main'), /kể cả tin nay đã hết hạn/);
    assert.equal(((await page.locator('#market-field thead th:last-child').textContent()) ?? '').trim(), 'Số tin đăng');
    assert.equal(((await page.locator('#market-listings thead th:last-child').textContent()) ?? '').trim(), 'Số tin đăng');
    assert.equal(((await page.locator('#market-value thead th:last-child').textContent()) ?? '').trim(), 'Giá trị (₫)');
    assert.equal(((await page.locator('#market-stage-value thead th:last-child').textContent()) ?? '').trim(), 'Giá trị (₫)');
    await t.visit(en, '/stats?period=year&at=2025-06');
    assert.match(await t.text(en, '.kpis'), /Listings published \(offers and demands\)/);
    assert.equal(((await en.locator('#market-field thead th:last-child').textContent()) ?? '').trim(), 'Listings');
  });

  h.test('charts: the report of a past period sets the current state apart, in the formal style, by month, quarter or year', async (t) => {
    const page = await t.newPage('en');
    await login(t, page, t.admin.email, t.admin.password, '/moderation/report?month=2026-10');
    assert.equal(await t.text(page, 'h1'), 'Technology market report, October 2026');
    const at = await t.text(page, '.report-at');
    assert.match(at, /^Figures as of \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}\.$/, at);
    assert.equal(await page.locator('.as-of').count(), 0, 'one time for the report, not two');
    // The queue is today's, headed as such with the report's one time, apart from October's decisions.
    const now = await t.text(page, '#desk-now');
    assert.ok(now.startsWith(`Current state, at ${at.slice('Figures as of '.length, -1)}`), now);
    assert.match(await t.text(page, 'section.desk-now'), /waiting for review/);
    assert.match(await t.text(page, 'section.desk-now'), /Waiting for the department/);
    const decided = await t.text(page, 'section[aria-labelledby=desk-decisions]');
    assert.match(decided, /^Moderation in the period, Oct 2026/);
    assert.doesNotMatch(decided, /waiting for review|Waiting for the department/);
    assert.match(decided, /Decisions \(listings, experts, events\)/);
    // A quarter and a year.
    await t.visit(page, '/moderation/report?quarter=2026-Q3');
    assert.equal(await t.text(page, 'h1'), 'Technology market report, Q3 2026');
    assert.equal(await page.locator('#report-listings tbody tr').count(), 3);
    assert.equal(await page.locator('#report-quarter').inputValue(), '2026-Q3');
    await t.visit(page, '/moderation/report?year=2025');
    assert.equal(await page.locator('#report-listings tbody tr').count(), 12);
    await t.visit(page, '/moderation/report?quarter=2026-Q7');
    assert.ok(await page.locator('#report-quarter-error').isVisible());
    assert.equal(await page.locator('#report-quarter').inputValue(), '2026-Q7');
    assert.equal(await page.locator('.kpis').count(), 0);
    // Vietnamese: the formal style.
    await page.context().addCookies([{ name: 'lang', value: 'vi', url: t.webUrl }]);
    await t.visit(page, '/moderation/report?month=2026-10');
    assert.equal(await t.text(page, 'h1'), 'Báo cáo thị trường công nghệ tháng 10/2026');
    assert.match(await t.text(page, '.report-at'), /^Số liệu tính đến ngày \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\.$/);
    assert.match(await t.text(page, '#desk-now'), /^Tình trạng hiện tại, tại ngày \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
    await t.visit(page, '/moderation/report?quarter=2026-Q3');
    assert.equal(await t.text(page, 'h1'), 'Báo cáo thị trường công nghệ Quý III/2026');
    // The dashboard: a past quarter's queue is today's, headed apart; a bad period shows no figures.
    await t.visit(page, '/moderation/dashboard?period=quarter&at=2026-07');
    assert.match(await t.text(page, '#desk-now'), /^Tình trạng hiện tại, tại /);
    assert.match(await t.text(page, 'section.desk-now'), /đang chờ kiểm duyệt/);
    assert.doesNotMatch(await t.text(page, 'section[aria-labelledby=desk-decisions]'), /đang chờ kiểm duyệt/);
    await t.visit(page, '/moderation/dashboard?period=custom&from=2026-09&to=2026-07');
    assert.equal(await page.locator('#period-from').inputValue(), '2026-09');
    assert.ok(await page.locator('#period-to-error').isVisible());
    assert.equal(await page.locator('.kpis').count(), 0);
    await page.context().addCookies([{ name: 'lang', value: 'en', url: t.webUrl }]);
  });

  h.test('charts: the dashboard is for the department only', async (t) => {
    const page = await t.newPage('vi');
    const res = await page.goto('/moderation/dashboard');
    assert.equal(new URL(page.url()).pathname, '/login', `anonymous visitors log in first (${res?.status()})`);
  });
}
