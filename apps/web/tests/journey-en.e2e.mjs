// The same journey in English: English pages, English errors beside the fields, English amounts
// ("₫1,200,000,000"), plus the notification a new interest sends and saved searches.
import assert from 'node:assert/strict';
import { REVIEW_TARGET_DAYS, label, msg, uniq } from './support/harness.mjs';
import { createOrganization, enrolSecondFactor, fillListing, login, makeModerator, moderate, postListing, publicPathOf, register } from './support/flows.mjs';

const tag = uniq('');

const OFFER = {
  title: `Solar-powered desalination unit for households ${tag}`,
  summary: 'A reverse-osmosis unit that turns brackish water into drinking water, 200 litres per hour, powered by solar panels.',
  description:
    'Low-pressure reverse-osmosis membranes and an energy-recovery pump make brackish and saline water drinkable at 200 litres per hour. ' +
    'The unit runs on 1.5 kW of solar panels with a small battery, needs no chemicals and is serviced by a local technician twice a year. ' +
    'Forty units have run for two years in coastal communes of the Mekong Delta.',
  specification: '200 L/h; input salinity up to 5 g/L; 1.5 kW solar; stainless frame.',
  advantages: 'No grid power needed; low membrane fouling; simple maintenance.',
  fieldCodes: ['207'],
  keywords: ['desalination', 'brackish water', 'solar'],
  trl: 8,
  transferModes: ['LICENSING', 'EQUIPMENT_SUPPLY'],
  ipStatus: 'PATENT_GRANTED',
  priceMin: '150,000,000',
  priceMax: '250,000,000',
  province: 'vinh-long',
};

const DEMAND = {
  title: `Looking for a small desalination unit for brackish well water ${tag}`,
  summary: 'Our aquaculture farm needs drinking water for 60 workers from a brackish well; solar power preferred.',
  description:
    'We run a shrimp farm in a coastal commune where the well water turned brackish after the 2024 drought. ' +
    'We need a compact unit producing about 1,500 litres of drinking water a day, ideally running on solar power, ' +
    'with installation, training of our staff and a maintenance contract. Budget up to 300 million dong.',
  fieldCodes: ['207'],
  keywords: ['desalination', 'drinking water', 'brackish'],
  trl: 7,
  transferModes: ['EQUIPMENT_SUPPLY', 'LICENSING'],
  priceMax: '300,000,000',
  province: 'ca-mau',
};

export default function (h) {
  h.journey(
    'Main journey in English: demand → review → search → matches → interest → deal → signatures',
    [
      [
        'a moderator is appointed; an institute posts an offer that the moderator approves',
        async (t, s) => {
          s.moderator = await t.newPage('en');
          const mod = await register(t, s.moderator, { name: 'Department Officer' });
          await makeModerator(t, mod.email, ['vinh-long', 'ca-mau']);
          // A role change ends the account's sessions: the officer signs in again, now as a moderator.
          await login(t, s.moderator, mod.email);
          // Staff act only with two-step verification: the new moderator turns it on first.
          await enrolSecondFactor(t, s.moderator);
          s.supplier = await t.newPage('en');
          await register(t, s.supplier, { name: 'Dr. Tran Water' });
          s.supplierOrg = await createOrganization(t, s.supplier, { name: `Coastal Water Institute ${tag}`, kind: 'RESEARCH_INSTITUTE', province: 'vinh-long' });
          s.offerId = await postListing(t, s.supplier, 'OFFER', OFFER);
          assert.ok((await t.text(s.supplier)).includes(msg('en', 'done_listingSubmitted', { days: REVIEW_TARGET_DAYS })));
          await t.visit(s.moderator, '/moderation');
          assert.ok((await t.text(s.moderator)).includes(msg('en', 'mod_jurisdiction', { provinces: '' }).trim()), 'the jurisdiction is shown');
          await moderate(t, s.moderator, OFFER.title, { decision: 'APPROVE' });
          s.offerPath = await publicPathOf(t, s.supplier, s.offerId);
        },
      ],
      [
        'a business registers and posts a demand; English errors appear beside the fields',
        async (t, s) => {
          s.buyer = await t.newPage('en');
          await register(t, s.buyer, { name: 'Le Shrimp Farmer' });
          s.buyerOrg = await createOrganization(t, s.buyer, { name: `Ca Mau Shrimp Co ${tag}`, kind: 'ENTERPRISE', province: 'ca-mau' });
          await t.visit(s.buyer, '/dashboard/listings/new?kind=DEMAND');
          await fillListing(s.buyer, { ...DEMAND, summary: 'Too short' });
          await t.submit(s.buyer, 'main form button[formaction="?/submit"]');
          const error = await t.text(s.buyer, '#f-summary-error');
          assert.ok(error.length > 5, 'an error beside the summary');
          assert.doesNotMatch(error, /[àáảãạăâđèéêìíòóôơùúưý]/i, `in English: ${error}`);
          assert.equal(await t.text(s.buyer, '.alert-error > p'), msg('en', 'error_checkFields'));
          // …and the summary links the summary field's problem (its list of links, after the message line).
          assert.equal(await s.buyer.locator('.alert-error a[href="#f-summary"]').count(), 1, 'the summary links to the field');
          await s.buyer.fill('[name=summary]', DEMAND.summary);
          await t.submit(s.buyer, 'main form button[formaction="?/submit"]');
          const match = /^\/dashboard\/listings\/([\w-]+)$/.exec(new URL(s.buyer.url()).pathname);
          assert.ok(match, await t.text(s.buyer));
          s.demandId = match[1];
          await moderate(t, s.moderator, DEMAND.title, { decision: 'APPROVE' });
          s.demandPath = await publicPathOf(t, s.buyer, s.demandId);
          await t.visit(s.buyer, s.demandPath);
          assert.equal(await s.buyer.getAttribute('html', 'lang'), 'en');
          assert.ok((await t.text(s.buyer, 'aside')).includes(msg('en', 'price_upTo', { amount: '₫300,000,000' })), await t.text(s.buyer, 'aside'));
          await t.screenshot(s.buyer, 'listing-demand-en');
        },
      ],
      [
        'an English search finds the demand; the result page is shareable',
        async (t, s) => {
          const visitor = await t.newPage('en');
          const path = `/search?q=${encodeURIComponent(`desalination brackish ${tag}`)}&kind=DEMAND`;
          await t.eventually(
            async () => {
              await t.visit(visitor, path);
              return (await visitor.locator(`a[href="${s.demandPath}"]`).count()) > 0;
            },
            { what: 'the demand in English search results' },
          );
          assert.equal(await visitor.getAttribute('html', 'lang'), 'en');
          assert.match(await t.text(visitor, '#results-title'), /^\d[\d,]* results?$/);
          // Shared with ?lang=en, the same page opens in English for someone whose choice is Vietnamese.
          const friend = await t.newPage('vi');
          await t.visit(friend, `${path}&lang=en`);
          assert.equal(await friend.getAttribute('html', 'lang'), 'en');
          assert.ok((await friend.locator(`a[href="${s.demandPath}"]`).count()) > 0);
          await t.screenshot(visitor, 'search-results-en');
        },
      ],
      [
        'the demand’s matches list the offer with reasons in English',
        async (t, s) => {
          await t.eventually(
            async () => {
              await t.visit(s.buyer, s.demandPath);
              return (await s.buyer.locator(`.matches a[href="${s.offerPath}"]`).count()) > 0;
            },
            { what: 'the offer among the matches' },
          );
          const reasons = await t.text(s.buyer, '.matches > li .reasons');
          assert.doesNotMatch(reasons, /[àáảãạăâđèéêìíòóôơùúưý]/i, `English reasons: ${reasons}`);
        },
      ],
      [
        'the business expresses interest; the institute is notified',
        async (t, s) => {
          await t.visit(s.buyer, s.offerPath);
          await s.buyer.fill('[name=message]', 'Hello, we would like a quotation for one unit for our farm in Ca Mau.');
          await t.submit(s.buyer, 'form[action="?/interest"] button[type=submit]');
          s.interestPath = new URL(s.buyer.url()).pathname;
          assert.match(s.interestPath, /^\/dashboard\/interests\/[\w-]+$/);
          await t.eventually(
            async () => {
              await t.visit(s.supplier, '/dashboard/notifications');
              return (await s.supplier.locator('.list li.unread', { hasText: s.buyerOrg }).count()) > 0;
            },
            { what: 'the interest notice for the institute' },
          );
          assert.ok((await s.supplier.locator('header .notif .count').count()) === 1, 'the header shows the unread count');
          await t.screenshot(s.supplier, 'notifications-unread-en');
          // Mark all read; a match alert the outbox writes meanwhile is unread again, so mark until none is.
          await t.eventually(
            async () => {
              await t.submit(s.supplier, 'form[action="?/readAll"] button');
              return (await s.supplier.locator('.list li.unread').count()) === 0;
            },
            { what: 'every notice read' },
          );
          assert.equal(await s.supplier.locator('header .notif .count').count(), 0);
        },
      ],
      [
        'they talk, the buyer proposes, the institute accepts, the department approves, both sign',
        async (t, s) => {
          await t.visit(s.supplier, s.interestPath);
          await t.submit(s.supplier, 'form[action="?/respond"] button[value=true]');
          await s.supplier.fill('[name=body]', 'Thank you. One unit with installation and training is 220 million dong.');
          await t.submit(s.supplier, 'form[action="?/message"] button[type=submit]');
          await t.visit(s.buyer, s.interestPath);
          assert.ok((await t.text(s.buyer)).includes('220 million dong'));
          // English amount typing: "220,000,000".
          await s.buyer.fill('[name=value]', '220,000,000');
          await s.buyer.selectOption('[name=transferMode]', 'EQUIPMENT_SUPPLY');
          await s.buyer.fill('[name=terms]', 'One 200 L/h unit, installation, two days of training, one-year maintenance.');
          await t.submit(s.buyer, 'form[action="?/propose"] button[type=submit]');
          s.dealPath = new URL(s.buyer.url()).pathname;
          assert.ok((await t.text(s.buyer)).includes('₫220,000,000'));
          await t.visit(s.supplier, s.dealPath);
          await t.submit(s.supplier, 'button[formaction="?/accept"]');
          assert.ok((await t.text(s.supplier)).includes(label('en', 'DealStatus', 'UNDER_REVIEW')));
          const dealId = s.dealPath.split('/').pop();
          await t.visit(s.moderator, `/moderation/deals/${dealId}`);
          // Rejecting needs a note: the error is beside the field, in English.
          await t.submit(s.moderator, 'button[formaction="?/reject"]');
          assert.equal(await t.text(s.moderator, '#f-note-error'), msg('en', 'deal_noteRequired'));
          await t.submit(s.moderator, 'button[formaction="?/approve"]');
          assert.ok((await t.text(s.moderator)).includes(label('en', 'DealStatus', 'APPROVED')));
          for (const page of [s.supplier, s.buyer]) {
            await t.visit(page, s.dealPath);
            await t.submit(page, 'button[formaction="?/sign"]');
          }
          const text = await t.text(s.buyer);
          assert.ok(text.includes(label('en', 'DealStatus', 'SIGNED')), text);
          // The history says what each side did, in the past ("Approved by the department"), not the buttons' words.
          const history = await t.text(s.buyer, '#deal-history + .timeline');
          for (const done of ['PROPOSE', 'SUBMIT', 'APPROVE', 'SIGN']) assert.ok(history.includes(msg('en', `dealEvent_${done}`)), `${done} in: ${history}`);
          assert.ok(!history.includes(msg('en', 'dealAction_SIGN')), history);
          await t.screenshot(s.buyer, 'deal-signed-en');
          await t.axe(s.buyer, 'signed deal (en)');
        },
      ],
    ],
  );

  h.test('saved searches: save from the results page, listed in the dashboard, deleted', async (t) => {
    const page = await t.newPage('en');
    await register(t, page);
    await t.visit(page, `/search?q=${encodeURIComponent('freeze drying')}&kind=OFFER`);
    // The panel opens by itself when nothing matches closely (the "notify me" offer); else open it.
    if (!(await page.locator('details.panel').evaluate((d) => d.open))) await page.click('details.panel summary');
    await page.fill('[name=name]', 'Freeze dryers');
    await t.submit(page, 'form[action$="/save"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('en', 'done_searchSaved')));
    assert.equal(new URL(page.url()).searchParams.get('q'), 'freeze drying', 'back on the same results');
    await t.visit(page, '/dashboard/searches');
    const item = page.locator('.list li', { hasText: 'Freeze dryers' });
    assert.equal(await item.count(), 1);
    assert.match(await item.locator('a').first().getAttribute('href'), /q=freeze\+drying|q=freeze%20drying/);
    // No province filter means every province, and the list says so.
    assert.ok((await t.text(page, '.list li:has-text("Freeze dryers")')).includes(msg('en', 'province_all')), 'a search without provinces says "All provinces"');
    // One limited to two provinces names them instead.
    // On a phone, from the top of the results: the shortcut opens the save form, far down the page.
    const phone = await t.newPage('en', { phone: true });
    await phone.context().addCookies(await page.context().cookies());
    await t.visit(phone, `/search?q=${encodeURIComponent('freeze drying')}&kind=OFFER&province=ha-noi&province=can-tho`);
    const shortcut = phone.locator('.results-head a.save-link');
    assert.ok((await shortcut.evaluate((el) => el.getBoundingClientRect().top)) < 900, 'the way to save on the first screen');
    await shortcut.click();
    await phone.waitForURL(/save=1#save-search$/);
    assert.equal(await phone.locator('details#save-search').evaluate((d) => d.open), true);
    await phone.fill('[name=name]', 'Dryers in two provinces');
    await t.submit(phone, 'form[action$="/save"] button[type=submit]');
    assert.ok((await t.text(phone)).includes(msg('en', 'done_searchSaved')), await t.text(phone));
    await phone.close();
    await t.visit(page, '/dashboard/searches');
    const two = await t.text(page, '.list li:has-text("Dryers in two provinces")');
    assert.ok(/Hanoi/.test(two) && /Can Tho/.test(two) && !two.includes(msg('en', 'province_all')), `the two provinces named: ${two}`);
    await t.submit(page, '.list li:has-text("Freeze dryers") form[action="?/delete"] button');
    assert.equal(await page.locator('.list li', { hasText: 'Freeze dryers' }).count(), 0);

    // Every filter is kept, also when the first try is refused (no name): the page stays on the search.
    const filtered = `/search?q=${encodeURIComponent('freeze drying')}&kind=OFFER&mode=LICENSING&orgKind=RESEARCH_INSTITUTE&trlMin=5&trlMax=8&priceMax=900000000&sort=NEWEST`;
    await t.visit(page, filtered);
    const heading = await t.text(page, '#results-title');
    if (!(await page.locator('details.panel').evaluate((d) => d.open))) await page.click('details.panel summary');
    await page.fill('[name=name]', '');
    await t.submit(page, 'form[action$="/save"] button[type=submit]');
    assert.ok(await page.locator('#name-error, .field-error').first().isVisible(), 'the missing name is said');
    const after = new URL(page.url()).searchParams;
    assert.equal(after.get('q'), 'freeze drying', `still the same search: ${page.url()}`);
    assert.equal(after.get('trlMin'), '5');
    assert.equal(await t.text(page, '#results-title'), heading, 'the same results');
    await page.fill('[name=name]', 'Licensed dryers');
    await t.submit(page, 'form[action$="/save"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('en', 'done_searchSaved')));
    await t.visit(page, '/dashboard/searches');
    const saved = new URL(await page.locator('.list li:has-text("Licensed dryers") a').first().getAttribute('href'), 'http://x');
    for (const [k, v] of [['q', 'freeze drying'], ['kind', 'OFFER'], ['mode', 'LICENSING'], ['orgKind', 'RESEARCH_INSTITUTE'], ['trlMin', '5'], ['trlMax', '8'], ['priceMax', '900000000'], ['sort', 'NEWEST']]) {
      assert.equal(saved.searchParams.get(k), v, `${k} kept in ${saved}`);
    }
    const described = await t.text(page, '.list li:has-text("Licensed dryers")');
    assert.ok(described.includes('TRL 5–8') && described.includes('₫900,000,000'), `the filters described: ${described}`);
    // Its alerts turned off (the search stays), and a new name (an empty one is refused beside the field).
    const row = '.list li:has-text("Licensed dryers")';
    await t.submit(page, `${row} form[action="?/notify"] button`);
    assert.ok((await t.text(page)).includes(msg('en', 'done_searchAlertsOff')));
    assert.ok((await t.text(page, row)).includes(msg('en', 'searches_notifyOff')));
    await page.click(`${row} details.rename summary`);
    await page.fill(`${row} form[action="?/rename"] [name=name]`, ' ');
    await t.submit(page, `${row} form[action="?/rename"] button`);
    assert.ok(await page.locator(`${row} .field-error`).isVisible(), 'an empty name is said beside the field');
    await page.fill(`${row} form[action="?/rename"] [name=name]`, 'Licensed freeze dryers');
    await t.submit(page, `${row} form[action="?/rename"] button`);
    assert.ok((await t.text(page)).includes(msg('en', 'done_searchRenamed')));
    assert.equal(await page.locator('.list li:has-text("Licensed freeze dryers")').count(), 1);
  });
}
