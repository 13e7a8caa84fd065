// Techmart events (issue #17): the public list and an event's page in both languages, an
// organisation registering as exhibitor through the form (errors beside the fields first), the
// organiser approving it with a booth, the exhibitor then shown with its offer, and an approved
// visitor asking the exhibitor for a B2B meeting that the exhibitor accepts.
import assert from 'node:assert/strict';
import { label, msg, squash, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiEnrolSecondFactor, apiOrganization, apiPublishedListing, apiRelogin, apiUser } from './support/api.mjs';

const tag = uniq('');
const DAY = 24 * 3600 * 1000;
const day = (offset) => new Date(Date.now() + offset * DAY + 7 * 3600 * 1000).toISOString().slice(0, 10);

export default function (h) {
  reviewTest(h);
  schedulerTest(h);
  fullTest(h);
  endedScheduleTest(h);
  formErrorsTest(h);
  dayTest(h);
  marketplaceTest(h);
  meetingsPageTest(h);
  myEventsTest(h);
  withdrawTest(h);
  changeListingsTest(h);
  h.journey(
    'Techmart: event list → event page → registration form → organiser approves → exhibitor shown → meeting request accepted',
    [
      [
        'a visitor finds the department’s event in the list and opens its page with the programme',
        async (t, s) => {
          // Set-up through the API: an organiser, an exhibiting institute with a published offer,
          // and the event, created by the department (the admin) for the organiser: published at once.
          s.organiser = await apiUser(t, 'Ban tổ chức');
          s.organiserOrg = await apiOrganization(t, s.organiser.token, { name: `Trung tâm Xúc tiến ${tag}`, provinceCode: 'da-nang' });
          s.exhibitor = await apiUser(t, 'Viện trưng bày');
          s.exhibitorOrg = await apiOrganization(t, s.exhibitor.token, { name: `Viện Cơ điện ${tag}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'da-nang' });
          s.offerTitle = `Máy sấy bơm nhiệt cho nông sản ${tag}`;
          await apiPublishedListing(t, s.exhibitor.token, s.exhibitorOrg.id, {
            kind: 'OFFER',
            title: s.offerTitle,
            summary: 'Máy sấy bơm nhiệt giữ màu và vitamin của trái cây, tiết kiệm 40% điện năng.',
            description: 'Buồng sấy inox, bơm nhiệt hai cấp, điều khiển độ ẩm tự động; đã chuyển giao cho ba hợp tác xã.',
            fieldCodes: ['407'],
            keywords: ['sấy lạnh'],
            trl: 7,
            transferModes: ['LICENSING'],
            provinceCode: 'da-nang',
          });
          const { createEvent } = await t.gql(
            `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug status } }`,
            {
              o: s.organiserOrg.id,
              i: {
                nameVi: `Chợ công nghệ miền Trung ${tag}`,
                nameEn: `Central Vietnam Techmart ${tag}`,
                kind: 'LOCAL_TECHMART',
                startsOn: day(30),
                endsOn: day(31),
                provinceCode: 'da-nang',
                online: false,
                venue: 'Cung Hội nghị Quốc tế Ariyana, Đà Nẵng',
                description: 'Chợ công nghệ kết nối viện, trường và doanh nghiệp miền Trung, với các phiên gặp gỡ B2B đã hẹn trước.',
                fieldCodes: ['407'],
                registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
                registrationClosesAt: new Date(Date.now() + 20 * DAY).toISOString(),
                meetingDays: [day(31)],
                meetingTables: 30,
                questions: [{ labelVi: 'Số người tham dự', labelEn: 'Number of attendees', required: true }],
              },
            },
            await adminToken(t),
          );
          assert.equal(createEvent.status, 'PUBLISHED');
          s.path = `/events/${createEvent.slug}`;
          await t.gql(
            `mutation($e: ID!, $i: ProgrammeSessionInput!) { addProgrammeSession(eventId: $e, input: $i) { id } }`,
            { e: createEvent.id, i: { kind: 'DEMONSTRATION', title: `Trình diễn máy sấy ${tag}`, room: 'Sảnh B', startsAt: `${day(30)}T09:00:00+07:00`, endsAt: `${day(30)}T10:00:00+07:00` } },
            s.organiser.token,
          );

          const visitor = await t.newPage('vi');
          await t.visit(visitor, `/events?q=${encodeURIComponent(`cho cong nghe mien trung ${tag}`)}`);
          await visitor.click(`main a[href="${s.path}"]`);
          const text = await t.text(visitor);
          assert.ok((await t.text(visitor, 'h1')).includes(`Chợ công nghệ miền Trung ${tag}`));
          for (const part of [s.organiserOrg.name, `Trình diễn máy sấy ${tag}`, 'Sảnh B', msg('vi', 'sessionKind_DEMONSTRATION'), msg('vi', 'events_noExhibitors')]) {
            assert.ok(text.includes(part), `the page shows "${part}": ${text}`);
          }
          await t.axe(visitor, 'event page (vi)');
          // Its two days as one range, what they share said once ("6 – 7 Jan 2027", not "6 Jan 2027 – 7 Jan 2027").
          const en = await t.newPage('en', { js: false });
          await t.visit(en, s.path);
          const kicker = squash(await en.locator('main .card-kicker').first().innerText());
          const [from, to] = [day(30), day(31)].map((d) => new Date(`${d}T12:00:00+07:00`));
          if (from.getUTCFullYear() === to.getUTCFullYear()) assert.equal(kicker.split(String(to.getUTCFullYear())).length - 1, 1, kicker);
          if (from.getUTCMonth() === to.getUTCMonth()) assert.ok(kicker.includes(`${from.getUTCDate()} – ${to.getUTCDate()} `), kicker);
        },
      ],
      [
        'an institute registers as exhibitor: the errors come beside the fields, then the registration is sent',
        async (t, s) => {
          // An offer written in English too: on this Vietnamese page its title is marked English (a screen reader reads it with an English voice).
          const english = await apiPublishedListing(t, s.exhibitor.token, s.exhibitorOrg.id, {
            kind: 'OFFER',
            title: `Heat pump dryer for tropical fruit ${tag}`,
            summary: 'A heat pump dryer that keeps the colour and vitamins of mango and jackfruit while using 40% less power.',
            description: 'Stainless steel chamber, two-stage heat pump and automatic humidity control; transferred to three cooperatives so far.',
            fieldCodes: ['407'],
            keywords: ['heat pump'],
            trl: 7,
            transferModes: ['LICENSING'],
            provinceCode: 'da-nang',
          });
          s.page = await t.newPage('vi');
          await login(t, s.page, s.exhibitor.email, s.exhibitor.password, s.path);
          assert.equal(await s.page.locator(`form[action="?/register"] label:has(input[value="${english.id}"]) span[lang=en]`).count(), 1, 'the English title is marked English');
          assert.equal(new URL(s.page.url()).pathname, s.path);
          // Sent with nothing chosen: the role, the offers and the required question are all named at once.
          await t.submit(s.page, 'form[action="?/register"] button[type=submit]');
          for (const field of ['role', 'offerIds', 'answer_q1']) {
            assert.equal(await s.page.locator(`#f-${field}-error`).count(), 1, `an error beside ${field} of the empty registration: ${await t.text(s.page, 'aside')}`);
          }
          // A screen reader hears each group's error with it (the radios and the offers' checkboxes have no
          // Field to tie it), is told a role is required, and the summary (which has the focus) links each problem.
          const form = s.page.locator('form[action="?/register"]');
          assert.match((await form.locator('fieldset:has(input[name=role])').getAttribute('aria-describedby')) ?? '', /\bf-role-error\b/);
          assert.match((await form.locator('fieldset:has(input[name=offerIds])').getAttribute('aria-describedby')) ?? '', /\bf-offerIds-error\b/);
          assert.equal(await form.locator('input[name=role][required]').count(), 2, 'both roles say one is required');
          const summary = form.locator('[data-error-summary]');
          assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary has the focus');
          for (const field of ['role', 'offerIds', 'answer_q1']) {
            assert.equal(await summary.locator(`a[href="#f-${field}"]`).count(), 1, `the summary links ${field}`);
            assert.equal(await form.locator(`#f-${field}`).count(), 1, `#f-${field} exists`);
          }
          await t.axe(s.page, 'event registration with errors (vi)');
          // On a 320 px phone: each fact's value under its label (not squeezed beside it), and the role
          // choices are 44 px tap targets.
          const phone = await t.newPage('vi', { phone: true });
          await phone.setViewportSize({ width: 320, height: 740 });
          await login(t, phone, s.exhibitor.email, s.exhibitor.password, s.path);
          const [dt, dd] = await Promise.all(['dt', 'dd'].map((tag) => phone.locator(`main .facts ${tag}`).first().boundingBox()));
          assert.ok(dd.y >= dt.y + dt.height - 1 && Math.abs(dd.x - dt.x) < 2, `the value under its label: ${JSON.stringify({ dt, dd })}`);
          for (const choice of await phone.locator('form[action="?/register"] fieldset label:has(input[name=role])').all()) {
            const box = await choice.boundingBox();
            assert.ok(box.height >= 44, `a role's label is ${box.height} px tall`);
          }
          assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scroll');
          await s.page.check('input[name=role][value=EXHIBITOR]');
          await t.submit(s.page, 'form[action="?/register"] button[type=submit]');
          assert.equal(await s.page.locator('#f-offerIds-error').count(), 1, `an error beside the offers: ${await t.text(s.page, 'aside')}`);
          assert.equal(await s.page.locator('#f-answer_q1-error').count(), 1, 'an error beside the required question');
          assert.equal(await s.page.locator('#f-role-error').count(), 0, 'the role is chosen now');
          assert.ok(await s.page.locator('input[name=role][value=EXHIBITOR]').isChecked(), 'the choice is kept');

          await s.page.locator('label', { hasText: s.offerTitle }).locator('input[name=offerIds]').check();
          await s.page.fill('[name=answer_q1]', '3');
          await t.submit(s.page, 'form[action="?/register"] button[type=submit]');
          const aside = await t.text(s.page, 'aside');
          assert.ok(aside.includes(msg('vi', 'events_registered')), aside);
          assert.ok(aside.includes(msg('vi', 'registrationStatus_PENDING')), aside);
        },
      ],
      [
        'the organiser approves it with a booth; the event page then shows the exhibitor and its offer',
        async (t, s) => {
          const page = await t.newPage('vi');
          await login(t, page, s.organiser.email, s.organiser.password, `${s.path}/registrations`);
          const card = page.locator(`article[data-registration="${s.exhibitorOrg.name}"]`);
          assert.ok((await card.innerText()).includes('3'), 'the answer is shown to the organiser');
          // No cap set: said in words, not "0/∞".
          const caps = await page.locator('[data-caps]').innerText();
          assert.ok(!caps.includes('∞') && caps.includes(msg('vi', 'events_noCap')), caps);
          // Declining needs a note: said beside it.
          await t.submit(page, `article[data-registration="${s.exhibitorOrg.name}"] button[value=decline]`);
          assert.ok((await page.locator('.field-error').count()) >= 1, await t.text(page));
          await page.locator(`article[data-registration="${s.exhibitorOrg.name}"] input[name=booth]`).fill('A12');
          await t.submit(page, `article[data-registration="${s.exhibitorOrg.name}"] button[value=approve]`);
          assert.ok((await t.text(page)).includes(msg('vi', 'events_approved')));

          // Someone else cannot open the organiser's page.
          await t.visit(s.page, `${s.path}/registrations`, 404);

          const visitor = await t.newPage('vi');
          await t.visit(visitor, s.path);
          const exhibitors = await t.text(visitor, 'main');
          for (const part of [s.exhibitorOrg.name, s.offerTitle, 'A12']) assert.ok(exhibitors.includes(part), `shows "${part}": ${exhibitors}`);
        },
      ],
      [
        'an approved visitor asks the exhibitor for a meeting (errors beside the fields first); the exhibitor accepts one of the slots',
        async (t, s) => {
          // Set-up through the API: a buyer registered as visitor and approved by the organiser.
          const buyer = await apiUser(t, 'Doanh nghiệp mua');
          const buyerOrg = await apiOrganization(t, buyer.token, { name: `Công ty Chế biến ${tag}`, provinceCode: 'da-nang' });
          const { event } = await t.gql(`query($s: String!) { event(slug: $s) { id } }`, { s: s.path.slice('/events/'.length) });
          const { registerForEvent } = await t.gql(
            `mutation($i: EventRegistrationInput!) { registerForEvent(input: $i) { id } }`,
            { i: { eventId: event.id, organizationId: buyerOrg.id, role: 'VISITOR', listingIds: [], answers: [{ questionId: 'q1', answer: '2' }] } },
            buyer.token,
          );
          await t.gql(`mutation($id: ID!) { decideEventRegistration(id: $id, approve: true) { id } }`, { id: registerForEvent.id }, s.organiser.token);

          const page = await t.newPage('vi');
          await login(t, page, buyer.email, buyer.password, s.path);
          await page.click(`main a[href="${s.path}/meetings"]`);
          // Sent with nothing chosen or written: whom to meet, why and the slots are all named at once.
          await t.submit(page, 'form[action="?/request"] button[type=submit]');
          for (const field of ['toRegistrationId', 'reason', 'proposedSlots']) {
            assert.equal(await page.locator(`#f-${field}-error`).count(), 1, `an error beside ${field} of the empty request: ${await t.text(page)}`);
          }
          const to = await page.locator('select[name=toRegistrationId] option', { hasText: s.exhibitorOrg.name }).getAttribute('value');
          await page.selectOption('select[name=toRegistrationId]', to);
          await t.submit(page, 'form[action="?/request"] button[type=submit]');
          assert.equal(await page.locator('#f-proposedSlots-error').count(), 1, `an error beside the slots: ${await t.text(page)}`);
          assert.equal(await page.locator('#f-reason-error').count(), 1, 'an error beside the reason');
          await page.fill('[name=reason]', 'Chúng tôi cần máy sấy cho dây chuyền chế biến xoài, muốn trao đổi về công suất và giá.');
          await page.locator('input[name=proposedSlots]').nth(1).check();
          await t.submit(page, 'form[action="?/request"] button[type=submit]');
          assert.ok((await t.text(page)).includes(msg('vi', 'meetings_requested')), await t.text(page));

          await t.visit(s.page, `${s.path}/meetings`);
          const card = `article[data-meeting="${buyerOrg.name}"]`;
          assert.ok((await s.page.locator(card).innerText()).includes('xoài'), 'the exhibitor reads the reason');
          await s.page.locator(`${card} input[name=slot]`).first().check();
          await t.submit(s.page, `${card} button[value=accept]`);
          assert.ok((await t.text(s.page)).includes(msg('vi', 'meetings_accepted')));
          assert.ok((await s.page.locator(card).innerText()).includes(msg('vi', 'meetingStatus_ACCEPTED')));
          await t.axe(s.page, 'meetings page (vi)');

          // The visitor calls the accepted meeting off: told it is cancelled and that the other side
          // knows; the exhibitor finds the notice.
          await t.visit(page, `${s.path}/meetings`);
          await t.submit(page, 'form[action="?/cancel"]:has(input[name=accepted]) button[type=submit]');
          assert.ok((await t.text(page)).includes(msg('vi', 'meetings_meetingCancelled')), await t.text(page));
          await t.visit(s.page, '/dashboard/notifications');
          assert.ok((await t.text(s.page)).includes(buyerOrg.name), 'the exhibitor is told who cancelled');
        },
      ],
      [
        'in English, the list and the page speak English',
        async (t, s) => {
          const page = await t.newPage('en');
          await t.visit(page, `/events?q=${encodeURIComponent(tag)}`);
          const list = await t.text(page);
          assert.ok(list.includes(`Central Vietnam Techmart ${tag}`), list);
          assert.ok(list.includes(msg('en', 'eventKind_LOCAL_TECHMART')), list);
          await t.visit(page, s.path);
          const text = await t.text(page);
          for (const key of ['events_programme', 'events_exhibitors', 'events_organizer']) assert.ok(text.includes(msg('en', key)), `${key}: ${text}`);
          await t.axe(page, 'event page (en)');
        },
      ],
    ],
  );
}

export function reviewTest(h) {
  h.test('Techmart: a moderator creating the department’s own event through the form is told it is published, with a link to it; the card says Published', async (t) => {
    // A moderator of Huế whose office (a verified government body) organises the event: published at once.
    const mod = await apiUser(t, 'Cán bộ Sở Huế');
    const office = await apiOrganization(t, mod.token, { name: `Trung tâm Ứng dụng KH&CN Huế ${uniq('')}`, kind: 'GOVERNMENT', provinceCode: 'hue' });
    const admin = await adminToken(t);
    await t.gql(`mutation($id: ID!) { verifyOrganization(id: $id) { id } }`, { id: office.id }, admin);
    await t.gql(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MODERATOR], moderatedProvinceCodes: ["hue"]) { id } }`, { id: mod.id }, admin);
    await apiEnrolSecondFactor(t, await apiRelogin(t, mod)); // a role change ends the sessions; staff act with a second factor
    const name = `Chợ công nghệ của Sở Huế ${uniq('')}`;

    const page = await t.newPage('vi');
    await login(t, page, mod.email, mod.password, '/dashboard/events/new', mod.secret);
    // The form says beforehand that the office's events are published on saving, and the button too.
    assert.ok((await t.text(page)).includes(msg('vi', 'dashEvents_leadAtOnce')), await t.text(page));
    assert.equal(await t.text(page, 'main form button[type=submit]'), msg('vi', 'dashEvents_savePublish'));
    await page.selectOption('[name=kind]', 'LOCAL_TECHMART');
    await page.fill('[name=nameVi]', name);
    await page.fill('[name=nameEn]', `Hue department techmart ${uniq('')}`);
    await page.fill('[name=startsOn]', day(25));
    await page.fill('[name=endsOn]', day(25));
    await page.selectOption('[name=provinceCode]', 'hue');
    await page.fill('[name=venue]', 'Trung tâm Hội nghị tỉnh, Huế');
    await page.fill('[name=description]', 'Chợ công nghệ do Sở tổ chức, kết nối viện, trường và doanh nghiệp chế biến nông sản của Huế.');
    await page.locator('input[name=fieldCodes]').first().check();
    await page.fill('[name=registrationOpensAt]', `${day(0)}T00:00`);
    await page.fill('[name=registrationClosesAt]', `${day(20)}T17:00`);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/events', `saved: ${await t.text(page)}`);
    const notice = page.locator('[data-published]');
    assert.equal((await notice.count()), 1, `the notice says published: ${await t.text(page)}`);
    assert.ok(!(await t.text(page)).includes(msg('vi', 'dashEvents_created')), 'not "saved as a draft"');
    const card = `article[data-event="${name}"]`;
    assert.ok((await page.locator(card).innerText()).includes(label('vi', 'ListingStatus', 'PUBLISHED')));
    const link = await notice.locator('a').getAttribute('href');
    assert.equal(link, await page.locator(`${card} a[href^="/events/"]`).first().getAttribute('href'));
    const visitor = await t.newPage('vi');
    await t.visit(visitor, link);
    assert.ok((await t.text(visitor, 'h1')).includes(name), 'public at once');
  });

  h.test('Techmart: an organiser creates an event through the form and submits it; the department publishes it from its queue; the organiser’s edit then waits as a revision', async (t) => {
    const organiser = await apiUser(t, 'Ban tổ chức');
    const org = await apiOrganization(t, organiser.token, { name: `Trung tâm Xúc tiến Huế ${uniq('')}`, provinceCode: 'hue' });
    const name = `Ngày kết nối cung cầu công nghệ Huế ${uniq('')}`;

    const page = await t.newPage('vi');
    await login(t, page, organiser.email, organiser.password, '/dashboard/events/new');
    // Sent empty: every required field is named at once, the kind among them, as empty.
    await t.submit(page, 'main form button[type=submit]');
    for (const field of ['kind', 'nameVi', 'startsOn', 'registrationOpensAt', 'fieldCodes', 'venue']) {
      assert.equal(await page.locator(`#f-${field}-error`).count(), 1, `an error beside ${field} of the empty form: ${await t.text(page)}`);
    }
    // A first try with mistakes: each is named beside its field.
    await page.selectOption('[name=kind]', 'BROKERAGE_DAY');
    await page.fill('[name=nameVi]', 'Ngắn');
    await page.fill('[name=startsOn]', day(20));
    await page.fill('[name=endsOn]', day(19));
    // A lunch break ending before it starts: said under "until", about the break, not the day.
    await page.fill('[name=breakStartsAt]', '13:30');
    await page.fill('[name=breakEndsAt]', '12:00');
    await t.submit(page, 'main form button[type=submit]');
    for (const field of ['nameVi', 'endsOn', 'nameEn', 'description']) {
      assert.equal(await page.locator(`#f-${field}-error`).count(), 1, `an error beside ${field}: ${await t.text(page)}`);
    }
    assert.equal(await page.locator('#f-breakEndsAt-error').innerText(), 'Giờ nghỉ kết thúc phải sau giờ nghỉ bắt đầu.');
    assert.equal(await page.locator('#f-breakStartsAt-error').count(), 0, 'nothing under "Lunch break from"');
    // Meeting tables start at a number that lets meeting days be saved (0 failed the first save).
    assert.equal(await page.locator('[name=meetingTables]').inputValue(), '10');
    await page.fill('[name=breakStartsAt]', '12:00');
    await page.fill('[name=breakEndsAt]', '13:30');
    assert.equal(await page.locator('#f-fieldCodes-error').count(), 1, 'an error beside the fields of technology');
    // A first day already past (a year typed wrong) is refused beside it, and nothing is saved.
    await page.fill('[name=startsOn]', day(-365));
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(squash(await page.locator('#f-startsOn-error').innerText()), msg('vi', 'dashEvents_startsInPast'), `an error beside the first day: ${await t.text(page)}`);
    assert.equal(new URL(page.url()).pathname, '/dashboard/events/new');
    await page.fill('[name=startsOn]', day(20));

    await page.fill('[name=nameVi]', name);
    await page.fill('[name=nameEn]', `Hue brokerage day ${uniq('')}`);
    await page.fill('[name=endsOn]', day(20));
    await page.selectOption('[name=provinceCode]', 'hue');
    await page.fill('[name=venue]', 'Trung tâm Hội nghị tỉnh, Huế');
    await page.fill('[name=description]', 'Một ngày gặp gỡ giữa các viện nghiên cứu và doanh nghiệp chế biến nông sản, thủy sản của Huế.');
    await page.fill('[name=descriptionEn]', 'A day of meetings between research institutes and the farm and seafood processors of Hue.');
    await page.locator('input[name=fieldCodes]').first().check();
    await page.fill('[name=registrationOpensAt]', `${day(0)}T00:00`);
    await page.fill('[name=registrationClosesAt]', `${day(15)}T17:00`);
    await page.locator('input[name=meetingDays]').first().fill(day(20));
    await page.fill('[name=meetingTables]', '20');
    await page.fill('[name=questions]', '*Số người tham dự | Number of attendees');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/events', `saved: ${await t.text(page)}`);
    const card = `article[data-event="${name}"]`;
    assert.ok((await page.locator(card).innerText()).includes(label('vi', 'ListingStatus', 'DRAFT')));
    await t.submit(page, `${card} button[type=submit]`);
    assert.ok((await t.text(page)).includes(msg('vi', 'dashEvents_submitted')));
    assert.ok((await page.locator(card).innerText()).includes(label('vi', 'ListingStatus', 'PENDING_REVIEW')));
    // Taken back from review (to fix something), it is a draft again, then sent again.
    await t.submit(page, `${card} form[action="?/withdraw"] button`);
    assert.ok((await t.text(page)).includes(msg('vi', 'dashEvents_withdrawn')));
    assert.ok((await page.locator(card).innerText()).includes(label('vi', 'ListingStatus', 'DRAFT')));
    assert.equal(await page.locator(`${card} a[href$="/edit"]`).count(), 1, 'editable again');
    await t.submit(page, `${card} form[action="?/submit"] button`);
    assert.ok((await page.locator(card).innerText()).includes(label('vi', 'ListingStatus', 'PENDING_REVIEW')));
    const path = await page.locator(`${card} a[href^="/events/"]`).first().getAttribute('href');

    // Not public while in review.
    const visitor = await t.newPage('vi');
    await t.visit(visitor, path, 404);

    const mod = await t.newPage('vi');
    await login(t, mod, t.admin.email, t.admin.password, '/moderation/events');
    await mod.click(`main a:has-text("${name}")`);
    assert.ok((await t.text(mod)).includes('Trung tâm Hội nghị tỉnh, Huế'));
    // …with the registration questions the organiser will ask, which the department approves too
    assert.ok((await t.text(mod)).includes('Số người tham dự / Number of attendees *'), 'the questions on the review page');
    // …and the meeting days with their lunch break, as the public page will show them
    assert.ok((await t.text(mod)).includes('12:00–13:30'), `the lunch break on the review page: ${await t.text(mod)}`);
    await t.axe(mod, 'event review (vi)');
    await mod.check('input[name=decision][value=APPROVE]');
    await t.submit(mod, 'form[action="?/moderate"] button[type=submit]');
    assert.equal(new URL(mod.url()).pathname, '/moderation/events');
    await t.visit(visitor, path);
    assert.ok((await t.text(visitor, 'h1')).includes(name));
    const english = await t.newPage('en');
    await t.visit(english, path);
    assert.ok((await t.text(english)).includes('A day of meetings between research institutes and the farm and seafood processors of Hue.'), 'the English page shows the English description');
    await english.close();
    // Registration opened today: a visitor is told an account is needed and offered to sign in or
    // create one (a newcomer has none), both coming back to the registration panel.
    assert.ok((await t.text(visitor, 'aside')).includes(msg('vi', 'events_loginFirst')), `why sign in: ${await t.text(visitor, 'aside')}`);
    assert.equal(await visitor.locator(`aside a[href="/login?next=${encodeURIComponent(`${path}#registration`)}"]`).count(), 1);
    assert.equal(await visitor.locator(`aside a[href="/register?next=${encodeURIComponent(`${path}#registration`)}"]`).count(), 1, 'a newcomer can create an account from here');
    // On a phone, where the side column comes last, "Register" is a tap near the top that leads to it.
    const phone = await t.newPage('vi', { phone: true });
    await t.visit(phone, path);
    const jump = phone.locator('main a.button[href="#registration"]');
    assert.ok(await jump.isVisible(), 'the way to register near the top, on a phone');
    const [jumpTop, panelTop] = [await jump.evaluate((el) => el.getBoundingClientRect().top), await phone.locator('#registration').evaluate((el) => el.getBoundingClientRect().top)];
    assert.ok(jumpTop < 900 && panelTop > jumpTop, `near the top (${jumpTop} px), the panel further down (${panelTop} px)`);
    await phone.close();
    // On a desktop the panel is beside the text: no such link.
    assert.equal(await visitor.locator('main a.button[href="#registration"]').isVisible(), false);

    // The organiser edits the published event: the form starts from it, errors come beside the
    // fields, and the saved edit waits for review as a revision while the public still sees the old venue.
    await t.visit(page, '/dashboard/events');
    // The published event's card leads to the event day's desk and to the report (not only from the public page).
    assert.equal(await page.locator(`${card} a[href="${path}/check-in"]`).innerText(), msg('vi', 'checkIn_link'));
    assert.equal(await page.locator(`${card} a[href="${path}/report"]`).innerText(), msg('vi', 'evReport_link'));
    // Before any meeting its value charts are empty, and say so without speaking of a period.
    await t.visit(page, `${path}/report`);
    assert.equal(await t.text(page, '#report-province .chart-empty'), msg('vi', 'evReport_noValues'));
    assert.equal(await t.text(page, '#report-field .chart-empty'), msg('vi', 'evReport_noValues'));
    await t.visit(page, '/dashboard/events');
    await page.click(`${card} a[href$="/edit"]`);
    assert.equal(await page.locator('[name=nameVi]').inputValue(), name);
    assert.equal(await page.locator('[name=meetingTables]').inputValue(), '20');
    assert.equal(await page.locator('[name=questions]').inputValue(), '* Số người tham dự | Number of attendees');
    assert.ok((await t.text(page)).includes(msg('vi', 'dashEvents_editPublished')));
    await page.fill('[name=description]', 'Quá ngắn.');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(await page.locator('#f-description-error').count(), 1, `an error beside the description: ${await t.text(page)}`);
    await page.fill('[name=description]', 'Một ngày gặp gỡ giữa các viện nghiên cứu và doanh nghiệp chế biến nông sản, thủy sản của Huế, nay ở địa điểm mới.');
    await page.fill('[name=venue]', 'Khách sạn Xanh, Huế');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/dashboard/events', `saved: ${await t.text(page)}`);
    assert.ok((await t.text(page)).includes(msg('vi', 'dashEvents_revisionSaved')));
    assert.ok((await page.locator(card).innerText()).includes(msg('vi', 'dashEvents_revisionDraft')));
    await t.visit(visitor, path);
    const shown = await t.text(visitor);
    assert.ok(shown.includes('Trung tâm Hội nghị tỉnh, Huế') && !shown.includes('Khách sạn Xanh'), shown);

    // The organiser builds the programme: an end before the start is refused beside it, so is an
    // English title too short; a session added is on the public page at once, in Vietnam time,
    // under its English title on the English page; removing it takes it off.
    await t.visit(page, '/dashboard/events');
    await page.click(`${card} a[href$="/programme"]`);
    assert.ok((await t.text(page)).includes(msg('vi', 'programme_empty')));
    assert.ok((await t.text(page)).includes(msg('vi', 'programme_sessionTitleEnHint')), 'the English title says it is optional');
    // Nothing filled in: the empty title is named beside it at once, with the times (not only once the times are right).
    await t.submit(page, 'form[action="?/add"] button[type=submit]');
    assert.equal(squash(await page.locator('#f-title-error').innerText()), 'Vui lòng điền trường này.', `an error beside the title: ${await t.text(page)}`);
    assert.equal(await page.locator('#f-startTime-error').count(), 1, `an error beside the start: ${await t.text(page)}`);
    assert.ok((await t.text(page)).includes(msg('vi', 'programme_empty')), 'nothing was added');
    await page.selectOption('[name=kind]', 'TALK');
    await page.fill('[name=title]', 'Công nghệ sấy bơm nhiệt cho nông sản Huế');
    await page.fill('[name=titleEn]', 'HP');
    await page.fill('[name=speaker]', 'TS. Trần Minh');
    await page.fill('[name=startTime]', '09:30');
    await page.fill('[name=endTime]', '09:00');
    await t.submit(page, 'form[action="?/add"] button[type=submit]');
    assert.equal(await page.locator('#f-endTime-error').count(), 1, `an error beside the end: ${await t.text(page)}`);
    assert.equal(await page.locator('[name=title]').inputValue(), 'Công nghệ sấy bơm nhiệt cho nông sản Huế', 'what was typed is kept');
    assert.equal(await page.locator('[name=titleEn]').inputValue(), 'HP', 'the English title typed is kept');
    await page.fill('[name=endTime]', '10:15');
    await t.submit(page, 'form[action="?/add"] button[type=submit]');
    assert.equal(squash(await page.locator('#f-titleEn-error').innerText()), 'Phải dài từ 3 đến 200 ký tự.', `an error beside the English title, in Vietnamese: ${await t.text(page)}`);
    await page.fill('[name=titleEn]', 'Heat-pump drying for Hue’s farm produce');
    await t.submit(page, 'form[action="?/add"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'done_sessionAdded')), await t.text(page));
    await t.visit(visitor, path);
    const programme = await t.text(visitor);
    assert.ok(programme.includes('Công nghệ sấy bơm nhiệt cho nông sản Huế — TS. Trần Minh') && programme.includes('09:30'), programme);
    assert.ok(!programme.includes('Heat-pump drying'), 'the Vietnamese page keeps the Vietnamese title');
    assert.ok(!programme.includes(msg('vi', 'events_noProgramme')));
    const englishProgramme = await t.newPage('en');
    await t.visit(englishProgramme, path);
    const inEnglish = squash(await englishProgramme.locator('main').innerText());
    assert.ok(inEnglish.includes('Heat-pump drying for Hue’s farm produce — TS. Trần Minh') && !inEnglish.includes('Công nghệ sấy bơm nhiệt'), `the English page shows the English title: ${inEnglish}`);
    await englishProgramme.close();
    // Editing the session starts from both titles as written; the English one changed shows on the English page.
    await page.click('ol.programme a[href^="?edit="]');
    assert.equal(await page.locator('[name=title]').inputValue(), 'Công nghệ sấy bơm nhiệt cho nông sản Huế');
    assert.equal(await page.locator('[name=titleEn]').inputValue(), 'Heat-pump drying for Hue’s farm produce');
    assert.equal(await page.locator('[name=startTime]').inputValue(), '09:30');
    await t.axe(page, 'programme, editing a session (vi)');
    await t.screenshot(page, 'programme-edit-vi');
    await page.fill('[name=titleEn]', 'Heat-pump dryers for Hue’s farm produce');
    await t.submit(page, 'form[action*="/update"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'done_sessionUpdated')), await t.text(page));
    const english2 = await t.newPage('en');
    await t.visit(english2, path);
    assert.ok((await t.text(english2)).includes('Heat-pump dryers for Hue’s farm produce — TS. Trần Minh'), await t.text(english2));
    await english2.close();
    await t.submit(page, 'form[action="?/remove"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'done_sessionRemoved')));
    await t.visit(visitor, path);
    assert.ok((await t.text(visitor)).includes(msg('vi', 'events_noProgramme')));
    // No meeting accepted yet: the schedule page says so instead of offering a run that places nothing.
    await t.visit(page, `${path}/schedule`);
    assert.equal(await page.locator('[data-schedule-nothing]').count(), 1, await t.text(page));
    assert.equal(await page.locator('form[action="?/run"]').count(), 0);

    // The organiser submits the edit; the department's review shows what it changes, province
    // and fields included, the rest left out.
    await t.visit(page, '/dashboard/events');
    await t.submit(page, `${card} button[type=submit]`);
    // While it is in review, "Sửa sự kiện" says so up front and how to take it back, not a form whose saving is refused.
    await page.click(`${card} a[href$="/edit"]`);
    assert.equal(squash(await page.locator('[data-in-review]').innerText()), `${msg('vi', 'dashEvents_inReviewEdit')} ${msg('vi', 'dashEvents_title')}`);
    assert.equal(await page.locator('main form').count(), 0, 'no form to fill in for nothing');
    await t.visit(mod, `/moderation/events`);
    await mod.click(`main a:has-text("${name}")`);
    const changed = (await mod.locator('section.revision-changes dt').allTextContents()).map((x) => x.trim());
    assert.deepEqual(changed, [msg('vi', 'events_venue'), msg('vi', 'dashEvents_description')], changed.join(' | '));
    assert.ok((await t.text(mod, 'section.revision-changes')).includes('Khách sạn Xanh'));
  });
}

export function schedulerTest(h) {
  h.test('Techmart: the organiser runs the meeting scheduler on its schedule page; the participant then sees the meeting’s time and table', async (t) => {
    // Set-up through the API: an event published by the department for the organiser, an exhibitor
    // and a visitor approved, a meeting requested by the visitor and accepted by the exhibitor.
    const k = uniq('');
    const organiser = await apiUser(t, 'Ban tổ chức');
    const organiserOrg = await apiOrganization(t, organiser.token, { name: `Sở KH&CN Quảng Nam ${k}`, provinceCode: 'da-nang' });
    const { createEvent: ev } = await t.gql(
      `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug status } }`,
      {
        o: organiserOrg.id,
        i: {
          nameVi: `Ngày gặp gỡ B2B công nghệ ${k}`,
          nameEn: `Technology brokerage day ${k}`,
          kind: 'BROKERAGE_DAY',
          startsOn: day(30),
          endsOn: day(30),
          provinceCode: 'da-nang',
          online: false,
          venue: 'Trung tâm Hội nghị Đà Nẵng',
          description: 'Một ngày gặp gỡ B2B đã hẹn trước giữa viện nghiên cứu và doanh nghiệp chế biến nông sản miền Trung.',
          fieldCodes: ['407'],
          registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 20 * DAY).toISOString(),
          meetingDays: [day(30)],
          meetingTables: 5,
        },
      },
      await adminToken(t),
    );
    const party = (name, role) =>
      approvedParty(t, { ev, organiser, name: `${name} ${k}`, role, offer: ['Dây chuyền sấy xoài', 'Dây chuyền sấy xoài bằng bơm nhiệt, giữ màu và hương vị, công suất 500 kg mỗi mẻ.', 'Buồng sấy inox, bơm nhiệt hai cấp, điều khiển độ ẩm tự động; đã chuyển giao cho hai doanh nghiệp.', 'sấy xoài'] });
    const seller = await party('Viện Cơ điện', 'EXHIBITOR');
    const buyer = await party('Công ty Chế biến', 'VISITOR');
    const { requestMeeting } = await t.gql(
      `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`,
      { i: { fromRegistrationId: buyer.reg.id, toRegistrationId: seller.reg.id, reason: 'Chúng tôi muốn trao đổi về công suất và giá của dây chuyền sấy xoài.', proposedSlots: [`${day(30)}T09:10:00+07:00`] } },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }`, { id: requestMeeting.id }, seller.token);
    const path = `/events/${ev.slug}`;

    // The organiser runs the scheduler from its schedule page; the worker places the meeting.
    const page = await t.newPage('vi');
    await login(t, page, organiser.email, organiser.password, path);
    await page.click(`main a[href="${path}/schedule"]`);
    assert.equal(await page.locator('[data-run-status=NONE]').count(), 1, await t.text(page));
    assert.ok((await t.text(page)).includes(msg('vi', 'schedule_unplaced')));
    await t.submit(page, 'form[action="?/run"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'schedule_started')), await t.text(page));
    await t.eventually(
      async () => {
        await t.visit(page, `${path}/schedule`);
        return (await page.locator('[data-run-status=DONE]').count()) === 1;
      },
      { what: 'the scheduler run to be done' },
    );
    const row = page.locator(`tr[data-meeting-row="${requestMeeting.id}"]`);
    assert.equal(await row.locator('[data-table]').innerText(), '1');
    assert.ok((await row.innerText()).includes(buyer.org.name) && (await row.innerText()).includes(seller.org.name));
    await t.axe(page, 'meeting schedule (vi)');
    await t.screenshot(page, 'schedule-desktop-vi');

    // On a phone each meeting is a card as wide as the page (the card-table pattern), its buttons
    // whole words on one line (four columns broke them into "Hu/ỷ cu/ộc gặ/p" at 412 px).
    const phone = await t.newPage('vi', { phone: true });
    await login(t, phone, organiser.email, organiser.password, `${path}/schedule`);
    const cards = await phone.locator('tr[data-meeting-row]').evaluateAll((els) =>
      els.map((el) => ({ display: getComputedStyle(el).display, width: el.getBoundingClientRect().width, overflow: el.scrollWidth > el.clientWidth + 1 })),
    );
    const phoneMain = await phone.locator('main').evaluate((el) => el.getBoundingClientRect().width);
    assert.equal(cards.length, 1, 'the scheduled meeting');
    for (const c of cards) {
      assert.equal(c.display, 'block', 'a meeting is a card on a phone');
      assert.ok(c.width >= phoneMain - 40 && !c.overflow, `a card as wide as the page (${c.width} px of ${phoneMain}): ${JSON.stringify(c)}`);
    }
    const lines = await phone.locator('tr[data-meeting-row] button, tr[data-meeting-row] summary').evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return { text: el.textContent.trim(), lines: new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size };
      }),
    );
    assert.ok(lines.length >= 3, JSON.stringify(lines));
    for (const b of lines) assert.equal(b.lines, 1, `"${b.text}" on one line: ${JSON.stringify(lines)}`);
    const place = phone.locator('tr[data-meeting-row] td[data-place]');
    assert.equal(await place.evaluate((el) => getComputedStyle(el, '::before').content), `"${msg('vi', 'schedule_place')}: "`);
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    await t.screenshot(phone, 'schedule-phone-vi');

    // Once the meeting has taken place it stays as recorded: no move, pin or cancel on its row.
    await t.sql(`INSERT INTO techmart_meeting_record (meeting_id, attendance, attendance_at) VALUES ($1, 'HELD', now())`, [requestMeeting.id]);
    await t.visit(phone, `${path}/schedule`);
    const heldRow = phone.locator(`tr[data-meeting-row="${requestMeeting.id}"]`);
    assert.equal(await heldRow.locator('[data-settled]').innerText(), msg('vi', 'schedule_held'));
    assert.equal(await heldRow.locator('form, details').count(), 0, 'no move, pin or cancel forms');
    await phone.close();

    // A participant cannot open the schedule page; the buyer sees the time and table on its meetings page.
    const buyerPage = await t.newPage('vi');
    await login(t, buyerPage, buyer.email, buyer.password, `${path}/meetings`);
    const scheduled = await buyerPage.locator(`article[data-meeting="${seller.org.name}"] [data-scheduled]`).innerText();
    assert.ok(scheduled.includes('1'), scheduled);
    await t.visit(buyerPage, `${path}/schedule`, 404);
  });
}

export function dayTest(h) {
  h.test('Techmart day: participant sees the agenda and downloads the .ics; staff check in by code; the report counts it', async (t) => {
    const tag2 = uniq('');
    const organiser = await apiUser(t, 'Ban tổ chức');
    const organiserOrg = await apiOrganization(t, organiser.token, { name: `Trung tâm Xúc tiến Đà Nẵng ${tag2}`, provinceCode: 'da-nang' });
    const exhibitor = await apiUser(t, 'Viện trưng bày');
    const exhibitorOrg = await apiOrganization(t, exhibitor.token, { name: `Viện Cơ điện ${tag2}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'da-nang' });
    const offer = await apiPublishedListing(t, exhibitor.token, exhibitorOrg.id, {
      kind: 'OFFER',
      title: `Máy sấy bơm nhiệt ${tag2}`,
      summary: 'Máy sấy bơm nhiệt giữ màu và vitamin của trái cây, tiết kiệm 40% điện năng.',
      description: 'Buồng sấy inox, bơm nhiệt hai cấp, điều khiển độ ẩm tự động; đã chuyển giao cho ba hợp tác xã.',
      fieldCodes: ['407'],
      keywords: ['sấy lạnh'],
      trl: 7,
      transferModes: ['LICENSING'],
      provinceCode: 'da-nang',
    });
    const visitor = await apiUser(t, 'Doanh nghiệp mua');
    const visitorOrg = await apiOrganization(t, visitor.token, { name: `Công ty Chế biến ${tag2}`, provinceCode: 'da-nang' });
    const { createEvent: event } = await t.gql(
      `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug } }`,
      {
        o: organiserOrg.id,
        i: {
          nameVi: `Chợ công nghệ Đà Nẵng ${tag2}`,
          nameEn: `Da Nang Techmart ${tag2}`,
          kind: 'LOCAL_TECHMART',
          startsOn: day(10),
          endsOn: day(10),
          provinceCode: 'da-nang',
          online: false,
          venue: 'Cung Hội nghị Quốc tế Ariyana, Đà Nẵng',
          description: 'Chợ công nghệ kết nối viện, trường và doanh nghiệp miền Trung, với các phiên gặp gỡ B2B đã hẹn trước.',
          fieldCodes: ['407'],
          registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 5 * DAY).toISOString(),
          meetingDays: [day(10)],
          meetingTables: 10,
          questions: [],
        },
      },
      await adminToken(t),
    );
    const register = (token, orgId, role, listingIds) =>
      t.gql(`mutation($i: EventRegistrationInput!) { registerForEvent(input: $i) { id } }`, { i: { eventId: event.id, organizationId: orgId, role, listingIds, answers: [] } }, token).then((r) => r.registerForEvent);
    const ex = await register(exhibitor.token, exhibitorOrg.id, 'EXHIBITOR', [offer.id]);
    const vi = await register(visitor.token, visitorOrg.id, 'VISITOR', []);
    for (const r of [ex, vi]) await t.gql(`mutation($id: ID!, $b: String) { decideEventRegistration(id: $id, approve: true, booth: $b) { id } }`, { id: r.id, b: r === ex ? 'A12' : null }, organiser.token);
    const slot = `${day(10)}T09:10:00+07:00`;
    const { requestMeeting } = await t.gql(
      `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`,
      { i: { fromRegistrationId: vi.id, toRegistrationId: ex.id, reason: `Cần máy sấy cho dây chuyền chế biến xoài ${tag2}`, proposedSlots: [slot] } },
      visitor.token,
    );
    await t.gql(`mutation($id: ID!, $s: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $s) { id } }`, { id: requestMeeting.id, s: slot }, exhibitor.token);
    const path = `/events/${event.slug}`;

    // The participant: the agenda from the event page, with the meeting, the QR code and the code.
    const page = await t.newPage('vi');
    await login(t, page, visitor.email, visitor.password, path);
    await page.click(`main a[href="${path}/agenda"]`);
    const agenda = await t.text(page, 'main');
    for (const part of [exhibitorOrg.name, `xoài ${tag2}`, '09:10', msg('vi', 'agenda_code')]) assert.ok(agenda.includes(part), `the agenda shows "${part}": ${agenda}`);
    assert.equal(await page.locator('.qr svg').count(), 1, 'the QR code is drawn inline');
    const code = (await page.locator('[data-check-in-code]').innerText()).trim();
    await t.axe(page, 'agenda (vi)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href^="${path}/agenda.ics"]`)]);
    const ics = await new Promise((resolve, reject) => download.createReadStream().then((s) => { let b = ''; s.on('data', (c) => (b += c)); s.on('end', () => resolve(b)); s.on('error', reject); }, reject));
    assert.ok(ics.includes(`DTSTART;TZID=Asia/Ho_Chi_Minh:${day(10).replace(/-/g, '')}T091000`), ics);
    assert.ok(ics.includes(`Gặp: ${exhibitorOrg.name}`), ics);

    // On a phone the agenda is cards, one a row: the time, then "What: …" and "Where: …" lines,
    // the booth whole (the three columns were clipped at 412 px, words broken mid-word).
    const phone = await t.newPage('vi', { phone: true });
    await login(t, phone, visitor.email, visitor.password, `${path}/agenda`);
    const rows = await phone.locator('table.timeline tbody tr').evaluateAll((els) =>
      els.map((el) => ({ display: getComputedStyle(el).display, width: el.getBoundingClientRect().width, overflow: el.scrollWidth > el.clientWidth + 1 })),
    );
    const main = await phone.locator('main').evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(rows.length > 0, 'agenda rows');
    for (const r of rows) {
      assert.equal(r.display, 'block', 'a row is a card on a phone');
      assert.ok(r.width >= main - 40 && !r.overflow, `a card as wide as the page (${r.width} px of ${main}), nothing cut: ${JSON.stringify(r)}`);
    }
    const where = phone.locator('tr[data-agenda-item=meeting] td[data-where]');
    assert.equal((await where.innerText()).trim(), `${msg('vi', 'events_booth')} A12`);
    assert.equal(await where.evaluate((el) => getComputedStyle(el, '::before').content), `"${msg('vi', 'agenda_where')}: "`);
    const scroll = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(scroll <= 0, `no sideways scroll on the agenda (${scroll} px)`);
    await phone.close();

    // Ten days before the fair staff can look a participant up but not check them in (it would count
    // as attendance): both check-in pages say when it opens, and the participant's has no button.
    const staff = await t.newPage('vi', { phone: true });
    await login(t, staff, organiser.email, organiser.password, `${path}/check-in`);
    const closed = await staff.locator('[data-check-in-closed]').innerText();
    assert.ok(closed.startsWith(msg('vi', 'checkIn_notYet').split('{at}')[0]) && closed.includes('06:00'), closed);
    await t.visit(staff, `${path}/check-in/${code.replace(/-/g, '')}`);
    assert.ok((await staff.locator(`article[data-participant="${visitorOrg.name}"] [data-check-in-closed]`).innerText()).includes('06:00'));
    assert.equal(await staff.locator('main form[method=POST] button[type=submit]').count(), 0, 'no check-in button before the fair');
    await t.screenshot(staff, 'check-in-not-yet-vi');

    // The fair has begun (time passing: the database, its first day yesterday). Staff at the venue,
    // on a phone: the typed code (lower case, with dashes) finds the participant; checked in once.
    await t.sql(`UPDATE techmart_event SET starts_on = $2 WHERE id = $1`, [event.id, day(-1)]);
    await t.visit(staff, `${path}/check-in`);
    assert.equal(await staff.locator('[data-check-in-closed]').count(), 0, await t.text(staff));
    await staff.fill('[name=code]', code.toLowerCase());
    await t.submit(staff, 'main form button[type=submit]');
    const card = staff.locator(`article[data-participant="${visitorOrg.name}"]`);
    assert.equal(await card.count(), 1, await t.text(staff));
    await t.submit(staff, `article[data-participant="${visitorOrg.name}"] button[type=submit]`);
    assert.ok((await card.innerText()).includes(msg('vi', 'checkIn_done')), await card.innerText());
    await t.axe(staff, 'check-in (vi)');
    // The participant may not check anyone in.
    await t.visit(page, `${path}/check-in`, 403);

    // The meeting, an hour ago (time passing: the database), is held and made a contract.
    await t.sql(`UPDATE techmart_meeting_request SET accepted_slot = now() - interval '1 hour' WHERE id = $1`, [requestMeeting.id]);
    await t.gql(`mutation($id: ID!) { markMeetingAttendance(id: $id, attendance: HELD) { id } }`, { id: requestMeeting.id }, exhibitor.token);
    await t.gql(
      `mutation($id: ID!, $i: MeetingOutcomeInput!) { recordMeetingOutcome(id: $id, input: $i) { id } }`,
      { id: requestMeeting.id, i: { kind: 'CONTRACT', value: 1_500_000_000, note: 'Hợp đồng cung cấp hai máy sấy bơm nhiệt.' } },
      visitor.token,
    );

    // The organiser's report: participants checked in and the meeting.
    await t.visit(staff, `${path}/report`);
    const report = await t.text(staff, 'main');
    assert.ok(report.includes(msg('vi', 'evReport_checkedIn')), report);
    // The contract is what the participants recorded, and the register's word is beside it: not signed yet.
    assert.ok(report.includes(msg('vi', 'evReport_recordedContracts')), report);
    const signedLines = await staff.locator('[data-testid=signed-in-register]').allInnerTexts();
    assert.equal(signedLines.length, 2, 'MoUs and contracts each say how many the register shows signed');
    assert.ok(signedLines.every((l) => l.startsWith(msg('vi', 'evReport_signedInRegister').split('{count}')[0] + '0 ')), signedLines.join(' | '));
    assert.ok(report.includes(msg('vi', 'evReport_registerStatus').split('{status}')[0]), 'each outcome shows its deal status in the register');
    // On a phone the meeting results are cards, one a meeting, each cell a "label: value" line
    // (five columns squeezed "Thời gian" into "Th/ời/gia/n" and the amounts at 412 px).
    const outcomes = await staff.locator('tr[data-outcome]').evaluateAll((els) =>
      els.map((el) => ({ display: getComputedStyle(el).display, width: el.getBoundingClientRect().width, overflow: el.scrollWidth > el.clientWidth + 1 })),
    );
    const reportMain = await staff.locator('main').evaluate((el) => el.getBoundingClientRect().width);
    assert.equal(outcomes.length, 1, 'the contract made at the meeting');
    for (const r of outcomes) {
      assert.equal(r.display, 'block', 'a meeting is a card on a phone');
      assert.ok(r.width >= reportMain - 40 && !r.overflow, `a card as wide as the page (${r.width} px of ${reportMain}): ${JSON.stringify(r)}`);
    }
    const value = staff.locator('tr[data-outcome] td.num');
    assert.equal(await value.evaluate((el) => getComputedStyle(el, '::before').content), `"${msg('vi', 'evReport_value')}: "`);
    assert.ok(t.squash(await value.innerText()).includes('1.500.000.000'), await value.innerText());
    await t.screenshot(staff, 'event-report-phone-vi');
    // In English the counts are plural only when they should be ("0 exhibitors, 1 visitor", not "1 visitors").
    const enReport = await t.newPage('en');
    await login(t, enReport, organiser.email, organiser.password, `${path}/report`);
    const enText = await t.text(enReport, 'main');
    assert.ok(enText.includes('0 exhibitors, 1 visitor') && !/\b1 visitors\b/.test(enText), enText);
    assert.ok(enText.includes('Recorded outcome: contract') && enText.includes('In the deal register: 0 signed or completed'), enText);
    await enReport.close();
    assert.equal(await staff.locator('svg[data-chart="bars"]').count() > 0, true, 'the charts are drawn');
    await t.visit(page, `${path}/report`, 403);
  });
}

export function marketplaceTest(h) {
  h.test('Techmart marketplace: a visitor finds whom to meet, requests a meeting with a message from the suggestion; the exhibitor replies in the conversation', async (t) => {
    const tag3 = uniq('');
    const organiser = await apiUser(t, 'Ban tổ chức');
    const organiserOrg = await apiOrganization(t, organiser.token, { name: `Trung tâm Xúc tiến Cần Thơ ${tag3}`, provinceCode: 'can-tho' });
    const exhibitor = await apiUser(t, 'Viện trưng bày');
    const exhibitorOrg = await apiOrganization(t, exhibitor.token, { name: `Viện Cơ điện Nông nghiệp ${tag3}`, kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
    const offer = await apiPublishedListing(t, exhibitor.token, exhibitorOrg.id, {
      kind: 'OFFER',
      title: `Máy sấy lạnh bơm nhiệt cho xoài ${tag3}`,
      summary: 'Máy sấy lạnh bơm nhiệt giữ màu và vitamin của xoài, thanh long; tiết kiệm 40% điện năng.',
      description: 'Buồng sấy inox, bơm nhiệt hai cấp, điều khiển độ ẩm tự động, công suất 500 kg/mẻ; đã chuyển giao cho ba hợp tác xã chế biến xoài sấy dẻo.',
      fieldCodes: ['407'],
      keywords: ['sấy lạnh', 'bơm nhiệt', 'xoài sấy'],
      trl: 7,
      transferModes: ['LICENSING'],
      provinceCode: 'can-tho',
    });
    const visitor = await apiUser(t, 'Doanh nghiệp mua');
    const visitorOrg = await apiOrganization(t, visitor.token, { name: `Công ty Xoài Sấy ${tag3}`, provinceCode: 'dong-thap' });
    const demand = await apiPublishedListing(t, visitor.token, visitorOrg.id, {
      kind: 'DEMAND',
      title: `Cần công nghệ sấy lạnh xoài bằng bơm nhiệt ${tag3}`,
      summary: 'Doanh nghiệp chế biến xoài sấy dẻo cần máy sấy lạnh bơm nhiệt giữ màu, công suất 500 kg/mẻ.',
      description: 'Nhà máy chế biến xoài sấy dẻo xuất khẩu cần công nghệ sấy lạnh bằng bơm nhiệt, giữ màu và hương vị, tiết kiệm điện, có chuyển giao và đào tạo vận hành.',
      fieldCodes: ['407'],
      keywords: ['sấy lạnh', 'bơm nhiệt', 'xoài'],
      trl: 5,
      transferModes: ['LICENSING'],
      provinceCode: 'dong-thap',
    });
    const { createEvent: event } = await t.gql(
      `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug } }`,
      {
        o: organiserOrg.id,
        i: {
          nameVi: `Chợ công nghệ Cần Thơ ${tag3}`,
          nameEn: `Can Tho Techmart ${tag3}`,
          kind: 'LOCAL_TECHMART',
          startsOn: day(12),
          endsOn: day(12),
          provinceCode: 'can-tho',
          online: false,
          venue: 'Trung tâm Hội nghị thành phố Cần Thơ',
          description: 'Chợ công nghệ chế biến nông sản đồng bằng sông Cửu Long, với các phiên gặp gỡ B2B đã hẹn trước.',
          fieldCodes: ['407'],
          registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 5 * DAY).toISOString(),
          meetingDays: [day(12)],
          meetingTables: 10,
          questions: [],
        },
      },
      await adminToken(t),
    );
    const register = (token, orgId, role, listingIds) =>
      t.gql(`mutation($i: EventRegistrationInput!) { registerForEvent(input: $i) { id } }`, { i: { eventId: event.id, organizationId: orgId, role, listingIds, answers: [] } }, token).then((r) => r.registerForEvent);
    const ex = await register(exhibitor.token, exhibitorOrg.id, 'EXHIBITOR', [offer.id]);
    const vi = await register(visitor.token, visitorOrg.id, 'VISITOR', [demand.id]);
    await t.gql(`mutation($id: ID!) { decideEventRegistration(id: $id, approve: true, booth: "B7") { id } }`, { id: ex.id }, organiser.token);
    await t.gql(`mutation($id: ID!) { decideEventRegistration(id: $id, approve: true) { id } }`, { id: vi.id }, organiser.token);
    const path = `/events/${event.slug}`;

    // The public sees the exhibitors only, and is told why.
    const anonymous = await t.newPage('vi');
    await t.visit(anonymous, `${path}/marketplace`);
    const publicText = await t.text(anonymous);
    assert.ok(publicText.includes(exhibitorOrg.name) && publicText.includes(msg('vi', 'market_publicNote')), publicText);
    assert.ok(!publicText.includes(visitorOrg.name), 'visitors are not public');

    // The visitor: the marketplace from the event page, searched without diacritics; the engine's suggestion with its reasons.
    const page = await t.newPage('vi');
    await login(t, page, visitor.email, visitor.password, path);
    await page.click(`main a[href="${path}/marketplace"]`);
    await page.fill('#mq', `may say lanh ${tag3}`);
    await page.selectOption('#mrole', 'EXHIBITOR');
    await t.submit(page, 'form[role=search] button[type=submit]');
    const cards = page.locator('article[data-participant]');
    assert.equal(await cards.count(), 1, await t.text(page));
    assert.ok((await cards.first().innerText()).includes('B7'));
    const suggestion = page.locator(`[data-suggestion="${exhibitorOrg.name}"]`);
    assert.equal(await suggestion.count(), 1, await t.text(page));
    const suggestionText = await suggestion.innerText();
    assert.ok(suggestionText.includes(`Máy sấy lạnh bơm nhiệt cho xoài ${tag3}`), suggestionText);
    assert.ok(/Từ khóa chung|Cùng lĩnh vực|Cùng chủ đề/.test(suggestionText), `the reasons are shown: ${suggestionText}`);
    await t.axe(page, 'event marketplace (vi)');

    // "Request a meeting": the meetings page's form comes prefilled; a slot and a first message, and it is sent.
    await suggestion.locator('a.button').click();
    assert.equal(new URL(page.url()).pathname, `${path}/meetings`);
    assert.equal(await page.locator('select[name=toRegistrationId]').inputValue(), ex.id);
    assert.ok((await page.locator('textarea[name=reason]').inputValue()).includes(`Máy sấy lạnh bơm nhiệt cho xoài ${tag3}`));
    await page.locator('form[action="?/request"] input[name=proposedSlots]').first().check();
    const opening = `Chúng tôi mang mẫu xoài đến bàn gặp ${tag3}`;
    await page.fill('form[action="?/request"] textarea[name=message]', opening);
    await t.submit(page, 'form[action="?/request"] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'meetings_requested')), await t.text(page));
    assert.ok((await page.locator(`article[data-meeting="${exhibitorOrg.name}"] [data-message]`).innerText()).includes(opening));

    // The exhibitor reads it on its meetings page (pending is enough) and replies; the thread grows.
    const other = await t.newPage('vi');
    await login(t, other, exhibitor.email, exhibitor.password, `${path}/meetings`);
    const card = other.locator(`article[data-meeting="${visitorOrg.name}"]`);
    assert.ok((await card.innerText()).includes(opening), await card.innerText());
    // An empty reply: the error beside the field.
    await t.submit(other, `article[data-meeting="${visitorOrg.name}"] form[action="?/message"] button[type=submit]`);
    assert.equal(await other.locator(`article[data-meeting="${visitorOrg.name}"] .field-error`).count(), 1, await card.innerText());
    const reply = `Rất hân hạnh, mời quý công ty ghé gian B7 ${tag3}`;
    await other.fill(`article[data-meeting="${visitorOrg.name}"] textarea[name=body]`, reply);
    await t.submit(other, `article[data-meeting="${visitorOrg.name}"] form[action="?/message"] button[type=submit]`);
    assert.ok((await t.text(other)).includes(msg('vi', 'meetings_messageSent')));
    assert.equal(await card.locator('[data-message]').count(), 2);

    // The visitor sees the reply in the same conversation.
    await t.visit(page, `${path}/meetings`);
    const thread = await page.locator(`article[data-meeting="${exhibitorOrg.name}"]`).innerText();
    assert.ok(thread.includes(opening) && thread.includes(reply), thread);
  });
}

/**
 * An organisation registered for an event and approved by its organiser: a new user and organisation
 * in Đà Nẵng; an exhibitor shows one published offer, `offer` = [title (the org's name is appended to
 * it), summary, description, keyword].
 */
async function approvedParty(t, { ev, organiser, name, role, offer: [title, summary, description, keyword] }) {
  const u = await apiUser(t, name);
  const org = await apiOrganization(t, u.token, { name, provinceCode: 'da-nang' });
  const listingIds = [];
  if (role === 'EXHIBITOR') {
    const l = await apiPublishedListing(t, u.token, org.id, {
      kind: 'OFFER',
      title: `${title} ${name}`,
      summary,
      description,
      fieldCodes: ['407'],
      keywords: [keyword],
      trl: 7,
      transferModes: ['LICENSING'],
      provinceCode: 'da-nang',
    });
    listingIds.push(l.id);
  }
  const { registerForEvent } = await t.gql(`mutation($i: EventRegistrationInput!) { registerForEvent(input: $i) { id } }`, { i: { eventId: ev.id, organizationId: org.id, role, listingIds, answers: [] } }, u.token);
  await t.gql(`mutation($id: ID!) { decideEventRegistration(id: $id, approve: true) { id } }`, { id: registerForEvent.id }, organiser.token);
  return { ...u, org, reg: registerForEvent };
}

/** An event (published by the department) whose caps are one exhibitor and one visitor. */
async function cappedEvent(t, k, overrides = {}) {
  const organiser = await apiUser(t, 'Ban tổ chức');
  const organiserOrg = await apiOrganization(t, organiser.token, { name: `Trung tâm Xúc tiến ${k}`, provinceCode: 'da-nang' });
  const { createEvent: ev } = await t.gql(
    `mutation($o: ID!, $i: EventInput!) { createEvent(organizerId: $o, input: $i) { id slug status } }`,
    {
      o: organiserOrg.id,
      i: {
        nameVi: `Chợ công nghệ giới hạn chỗ ${k}`,
        nameEn: `Capped Techmart ${k}`,
        kind: 'LOCAL_TECHMART',
        startsOn: day(30),
        endsOn: day(30),
        provinceCode: 'da-nang',
        online: false,
        venue: 'Trung tâm Hội nghị Đà Nẵng',
        description: 'Chợ công nghệ nhỏ với số gian hàng và khách tham quan giới hạn, kết nối viện nghiên cứu và doanh nghiệp.',
        fieldCodes: ['407'],
        registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 20 * DAY).toISOString(),
        maxExhibitors: 1,
        maxVisitors: 1,
        ...overrides,
      },
    },
    await adminToken(t),
  );
  const party = (name, role) =>
    approvedParty(t, { ev, organiser, name: `${name} ${k}`, role, offer: ['Thiết bị lọc nước nhiễm mặn', 'Thiết bị lọc nước nhiễm mặn bằng màng thẩm thấu ngược, công suất 2 m³ mỗi giờ, cho hộ gia đình và trường học.', 'Màng lọc RO, bơm cao áp, tủ điều khiển tự động; đã lắp đặt cho năm trường học ven biển.', 'lọc nước'] });
  return { ev, organiser, party, path: `/events/${ev.slug}` };
}

export function fullTest(h) {
  h.test('Techmart: an event whose places are all taken says it is full on its card and its page, not "registration open"; a role full is not offered', async (t) => {
    const k = uniq('');
    const { party, path } = await cappedEvent(t, k);
    const page = await t.newPage('vi');
    const card = async () => {
      await t.visit(page, `/events?q=${encodeURIComponent(k)}`);
      return t.text(page, `main article:has(a[href="${path}"])`);
    };
    assert.ok((await card()).includes(msg('vi', 'events_registrationOpen')), await card());

    // The exhibitor's place taken: open to visitors only, said so; the exhibitor role is not offered.
    await party('Viện Công nghệ Môi trường', 'EXHIBITOR');
    assert.ok((await card()).includes(msg('vi', 'events_registrationOpenVisitors')), await card());
    const member = await apiUser(t, 'Doanh nghiệp khác');
    await apiOrganization(t, member.token, { name: `Công ty Nước sạch ${k}`, provinceCode: 'da-nang' });
    await login(t, page, member.email, member.password, path);
    assert.ok(await page.locator('input[name=role][value=EXHIBITOR]').isDisabled(), 'no exhibitor place is offered');
    assert.ok(!(await page.locator('input[name=role][value=VISITOR]').isDisabled()), 'visitors may still register');

    // Every place taken: the card and the page say the event is full, in Vietnamese and English.
    await party('Công ty Chế biến Thủy sản', 'VISITOR');
    const full = await card();
    assert.ok(full.includes(msg('vi', 'events_registrationFull')) && !full.includes(msg('vi', 'events_registrationOpen')), full);
    await t.visit(page, path);
    assert.equal(squash(await page.locator('[data-registration-closed]').innerText()), msg('vi', 'events_registrationFullDetail'));
    assert.equal(await page.locator('form[action="?/register"]').count(), 0, 'no registration form');
    assert.equal(squash(await page.locator('dl.facts [data-registration-note]').innerText()), msg('vi', 'events_registrationFull'));
    const en = await t.newPage('en');
    await t.visit(en, `/events?q=${encodeURIComponent(k)}`);
    const enCard = await t.text(en, `main article:has(a[href="${path}"])`);
    assert.ok(enCard.includes(msg('en', 'events_registrationFull')) && !enCard.includes(msg('en', 'events_registrationOpen')), enCard);
  });
}

export function endedScheduleTest(h) {
  h.test('Techmart: the schedule page of an ended fair whose meetings had agreed times never says the scheduler "has not run yet"', async (t) => {
    const k = uniq('');
    const slot = `${day(30)}T09:10:00+07:00`;
    const { ev, organiser, party, path } = await cappedEvent(t, k, { meetingDays: [day(30)], meetingTables: 3 });
    const seller = await party('Viện Công nghệ Sinh học', 'EXHIBITOR');
    const buyer = await party('Công ty Thực phẩm', 'VISITOR');
    const { requestMeeting } = await t.gql(
      `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`,
      { i: { fromRegistrationId: buyer.reg.id, toRegistrationId: seller.reg.id, reason: 'Chúng tôi muốn trao đổi về quy trình lên men và chi phí chuyển giao.', proposedSlots: [slot] } },
      buyer.token,
    );
    // Accepted at the slot both sides agreed: the meeting has its time without any scheduler run.
    await t.gql(`mutation($id: ID!, $slot: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $slot) { id } }`, { id: requestMeeting.id, slot }, seller.token);

    const page = await t.newPage('vi');
    await login(t, page, organiser.email, organiser.password, `${path}/schedule`);
    // Before the fair: true, and the times shown are said to be the agreed ones.
    assert.equal(squash(await page.locator('[data-run-status=NONE]').innerText()), msg('vi', 'schedule_neverPlaced'));

    // The fair is over (its days moved a month back, the meeting's time with them).
    await t.sql(`UPDATE techmart_event SET starts_on = $2::date, ends_on = $2::date, meeting_days = $3 WHERE id = $1`, [ev.id, day(-30), [day(-30)]]);
    await t.sql(`UPDATE techmart_meeting_request SET accepted_slot = accepted_slot - interval '60 days', proposed_slots = ARRAY[accepted_slot - interval '60 days'] WHERE id = $1`, [requestMeeting.id]);
    await t.visit(page, `${path}/schedule`);
    const status = squash(await page.locator('[data-run-status=NONE]').innerText());
    assert.equal(status, msg('vi', 'schedule_neverEndedPlaced'));
    assert.ok(!status.includes(msg('vi', 'schedule_never')), status);
    assert.equal(await page.locator('[data-schedule-ended]').count(), 1, 'the fair is said to be over');
    const en = await t.newPage('en');
    await login(t, en, organiser.email, organiser.password, `${path}/schedule`);
    assert.equal(squash(await en.locator('[data-run-status=NONE]').innerText()), msg('en', 'schedule_neverEndedPlaced'));

    // The buyer's own meetings page no longer promises a table the organiser "will assign".
    const mine = await t.newPage('vi');
    await login(t, mine, buyer.email, buyer.password, `${path}/meetings`);
    const scheduled = squash(await mine.locator('[data-scheduled]').first().innerText());
    const [, tail] = msg('vi', 'meetings_endedNoPlace', { time: '\u0000' }).split('\u0000');
    assert.ok(scheduled.endsWith(squash(tail)), scheduled);
    assert.ok(!scheduled.includes(squash(msg('vi', 'meetings_scheduledNoPlace', { time: '\u0000' }).split('\u0000')[1])), scheduled);
  });
}

export function formErrorsTest(h) {
  h.test('Techmart: the new-event form with several mistakes (no kind, a number that is not one, a meeting day outside the dates, no venue) names them all at once, beside their fields, in the page’s language', async (t) => {
    const organiser = await apiUser(t, 'Ban tổ chức');
    await apiOrganization(t, organiser.token, { name: `Trung tâm Xúc tiến Cần Thơ ${uniq('')}`, provinceCode: 'can-tho' });
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await login(t, page, organiser.email, organiser.password, '/dashboard/events/new');
      await page.fill('[name=nameVi]', 'Ngày kết nối công nghệ Cần Thơ');
      await page.fill('[name=nameEn]', 'Can Tho technology day');
      await page.fill('[name=startsOn]', day(20));
      await page.fill('[name=endsOn]', day(20));
      await page.fill('[name=description]', 'Một ngày gặp gỡ giữa các viện nghiên cứu và doanh nghiệp chế biến nông sản của Cần Thơ.');
      await page.locator('input[name=fieldCodes]').first().check();
      await page.fill('[name=registrationOpensAt]', `${day(0)}T00:00`);
      await page.fill('[name=registrationClosesAt]', `${day(15)}T17:00`);
      // The mistakes: no kind, "hai mươi" minutes, a meeting day after the event, no venue.
      await page.fill('[name=slotMinutes]', 'hai mươi');
      await page.locator('input[name=meetingDays]').first().fill(day(25));
      await page.fill('[name=venue]', '');
      await t.submit(page, 'main form button[type=submit]');
      const errors = {};
      for (const field of ['kind', 'slotMinutes', 'meetingDays', 'venue']) {
        const error = page.locator(`#f-${field}-error`);
        assert.equal(await error.count(), 1, `${lang}: an error beside ${field}, with the others: ${await t.text(page)}`);
        errors[field] = squash(await error.innerText());
      }
      assert.equal(errors.slotMinutes, msg(lang, 'dashEvents_wholeNumber'));
      assert.equal(errors.meetingDays, lang === 'vi' ? 'Ngày gặp gỡ phải nằm trong thời gian diễn ra sự kiện.' : "Meeting days must fall within the event's dates.");
      assert.equal(errors.venue, lang === 'vi' ? 'Hãy nhập địa điểm tổ chức (hoặc chọn sự kiện trực tuyến).' : 'Enter the venue (or mark the event as online).');
      assert.equal(new URL(page.url()).pathname, '/dashboard/events/new', 'nothing was saved');
      assert.equal(await page.locator('[name=slotMinutes]').inputValue(), 'hai mươi', 'what was typed is kept');
    }
    const { organizedEvents } = await t.gql('{ organizedEvents { id } }', {}, organiser.token);
    assert.equal(organizedEvents.length, 0, 'nothing was created');
  });
}

/** A line count of an element's text as laid out (1: not wrapped). */
const lineCount = (locator) =>
  locator.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    }),
  );

export function meetingsPageTest(h) {
  h.test('Techmart meetings page: each side reads a counter-proposal from its own side; a slot the organisation already meets someone is marked and not offered; times grouped by day, labelled, one line each; the error summary links each field; an ended fair is read-only', async (t) => {
    const k = uniq('');
    const at = (hhmm) => `${day(30)}T${hhmm}:00+07:00`;
    const { ev, party, path } = await cappedEvent(t, k, { meetingDays: [day(30)], meetingTables: 5, maxExhibitors: 5, maxVisitors: 5 });
    const seller = await party('Viện Công nghệ Môi trường', 'EXHIBITOR');
    const buyer = await party('Công ty Nước sạch', 'VISITOR');
    const third = await party('Hợp tác xã Ven biển', 'VISITOR');
    const REQUEST = `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`;
    const reason = 'Chúng tôi muốn trao đổi về công suất và chi phí lắp đặt thiết bị lọc nước.';
    // The buyer meets the seller at 09:10 (accepted at that time); the third asks for 09:30 and the seller proposes 10:10 or 10:30 instead.
    const { requestMeeting: accepted } = await t.gql(REQUEST, { i: { fromRegistrationId: buyer.reg.id, toRegistrationId: seller.reg.id, reason, proposedSlots: [at('09:10')] } }, buyer.token);
    await t.gql(`mutation($id: ID!, $s: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $s) { id } }`, { id: accepted.id, s: at('09:10') }, seller.token);
    const { requestMeeting: countered } = await t.gql(REQUEST, { i: { fromRegistrationId: third.reg.id, toRegistrationId: seller.reg.id, reason, proposedSlots: [at('09:30'), at('14:10')] } }, third.token);
    await t.gql(`mutation($id: ID!, $s: [String!]!) { counterProposeMeeting(id: $id, slots: $s, note: "Buổi sáng chúng tôi bận.") { id } }`, { id: countered.id, s: [at('10:30'), at('10:10')] }, seller.token);
    // The third asks the buyer too: the buyer's card has the answer forms.
    await t.gql(REQUEST, { i: { fromRegistrationId: third.reg.id, toRegistrationId: buyer.reg.id, reason, proposedSlots: [at('15:10')] } }, third.token);
    const dayText = eventDatesText(day(30));

    // The seller, who proposed the other times, reads that it waits for the other side, and "the slots you proposed".
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await login(t, page, seller.email, seller.password, `${path}/meetings`);
      const card = page.locator(`article[data-meeting="${third.org.name}"]`);
      assert.equal(squash(await card.locator('[data-status]').innerText()), msg(lang, 'meetings_youCountered'));
      assert.equal(squash(await card.locator('[data-counter-slots]').innerText()), `${msg(lang, 'meetings_yourCounterSlots')}: ${dayText[lang]}: 10:10, 10:30`);
      assert.ok(!(await card.innerText()).includes(msg(lang, 'meetingStatus_COUNTER_PROPOSED')), await card.innerText());
      await page.close();
    }
    // The third, who asked, answers the counter-proposal: the note is worded for it, its own times are labelled and grouped by day.
    const asker = await t.newPage('vi');
    await login(t, asker, third.email, third.password, `${path}/meetings`);
    const askerCard = asker.locator(`article[data-meeting="${seller.org.name}"]`);
    assert.equal(squash(await askerCard.locator('[data-status]').innerText()), msg('vi', 'meetingStatus_COUNTER_PROPOSED'));
    assert.equal(squash(await askerCard.locator('[data-proposed]').innerText()), `${msg('vi', 'meetings_proposedSlots')}: ${dayText.vi}: 09:30, 14:10`);
    assert.equal(squash(await askerCard.locator(`#answer-note-${countered.id}-hint`).innerText()), msg('vi', 'meetings_counterNoteHint'));
    await t.submit(asker, `article[data-meeting="${seller.org.name}"] form[action="?/answerCounter"] button[value=decline]`);
    assert.equal(squash(await asker.locator(`#answer-note-${countered.id}-error`).innerText()), 'Hãy cho bên kia biết lý do từ chối các khung giờ họ đề xuất.');

    // The buyer: the accepted meeting's status is the status alone, the agreed time once, no unlabelled proposed times.
    const page = await t.newPage('vi', { phone: true });
    await login(t, page, buyer.email, buyer.password, `${path}/meetings`);
    const acceptedCard = page.locator(`article[data-meeting="${seller.org.name}"]`);
    assert.equal(squash(await acceptedCard.locator('[data-status]').innerText()), msg('vi', 'meetingStatus_ACCEPTED'));
    assert.equal(await acceptedCard.locator('[data-proposed]').count(), 0, 'the proposed times are not repeated once a time is agreed');
    assert.equal(await acceptedCard.locator('[data-scheduled]').count(), 1);
    // 09:10, when the buyer already meets the seller, is marked and cannot be ticked; the others can, each time on one line.
    const requestForm = page.locator('form[action="?/request"]');
    const busy = requestForm.locator(`label:has(input[value="${at('09:10')}"])`);
    assert.ok((await busy.innerText()).includes(msg('vi', 'meetings_slotBusy')), await busy.innerText());
    assert.ok(await busy.locator('input').isDisabled(), 'a slot already taken is not offered');
    assert.ok(!(await requestForm.locator(`input[value="${at('09:30')}"]`).isDisabled()));
    assert.equal(await requestForm.locator('[data-slot-busy]').count(), 1, 'only 09:10 is marked');
    const lines = await lineCount(requestForm.locator('.slot-time'));
    assert.ok(lines.length > 10 && lines.every((n) => n === 1), `every slot's time on one line: ${lines}`);
    await t.screenshot(page, 'meetings-request-slots-phone-vi');
    // Sent empty: the summary at the top names each problem, a link to its field.
    await t.submit(page, 'form[action="?/request"] button[type=submit]');
    const summary = page.locator('[data-error-summary]');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    assert.deepEqual(links.map((l) => l.href), ['#f-toRegistrationId', '#f-reason', '#f-proposedSlots'], JSON.stringify(links));
    assert.ok(links[2].text.startsWith(`${msg('vi', 'meetings_slots')}: `) && links[2].text.includes(squash(await page.locator('#f-proposedSlots-error').innerText())), JSON.stringify(links));
    for (const l of links) assert.equal(await page.locator(l.href).count(), 1, `${l.href} exists`);
    await t.axe(page, 'meetings request errors (vi)');
    // The counter-proposal sent with nothing ticked says so (not the hint again); 09:10 is not offered there either.
    const received = page.locator(`article[data-meeting="${third.org.name}"]`);
    assert.ok(await received.locator(`form[action="?/counter"] input[value="${at('09:10')}"]`).isDisabled());
    await received.locator('details:has(form[action="?/counter"]) > summary').click();
    await t.submit(page, `article[data-meeting="${third.org.name}"] form[action="?/counter"] button[type=submit]`);
    const counterError = squash(await page.locator(`article[data-meeting="${third.org.name}"] .field-error`).first().innerText());
    assert.equal(counterError, msg('vi', 'meetings_noSlotChosen'));
    assert.notEqual(counterError, msg('vi', 'meetings_counterHint'));

    // The fair is over: the meetings stay to read, with a sentence saying so; nothing is asked, answered or blocked any more.
    await t.sql(`UPDATE techmart_event SET starts_on = $2::date, ends_on = $2::date, meeting_days = $3 WHERE id = $1`, [ev.id, day(-30), [day(-30)]]);
    for (const lang of ['vi', 'en']) {
      const p = await t.newPage(lang);
      await login(t, p, buyer.email, buyer.password, `${path}/meetings`);
      assert.equal(squash(await p.locator('[data-meetings-ended]').innerText()), msg(lang, 'meetings_ended'));
      for (const action of ['request', 'block', 'respond', 'counter', 'answerCounter', 'cancel']) {
        assert.equal(await p.locator(`form[action="?/${action}"]`).count(), 0, `${lang}: no ${action} form on an ended fair`);
      }
      assert.equal(await p.locator(`article[data-meeting="${seller.org.name}"]`).count(), 1, 'the meetings are still shown');
      await p.close();
    }
  });
}

export function myEventsTest(h) {
  h.test('Techmart: a participant’s "my events" lists its registrations with the next meeting; after withdrawing, the agenda says so with a link to register; the organiser’s list shows the latest registration time, pending first, by status', async (t) => {
    const k = uniq('');
    const at = `${day(30)}T09:10:00+07:00`;
    const { ev, organiser, party, path } = await cappedEvent(t, k, { meetingDays: [day(30)], meetingTables: 5, maxExhibitors: 5, maxVisitors: 5 });
    const seller = await party('Viện Thủy lợi', 'EXHIBITOR');
    const buyer = await party('Công ty Cấp nước', 'VISITOR');
    await t.gql(`mutation($id: ID!, $b: String) { assignEventBooth(id: $id, booth: $b) { id } }`, { id: seller.reg.id, b: 'B7' }, organiser.token);
    const { requestMeeting } = await t.gql(
      `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`,
      { i: { fromRegistrationId: buyer.reg.id, toRegistrationId: seller.reg.id, reason: 'Chúng tôi muốn trao đổi về thiết bị lọc nước cho nhà máy.', proposedSlots: [at] } },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!, $s: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $s) { id } }`, { id: requestMeeting.id, s: at }, seller.token);

    // The seller's "my events": the event, its status, role, booth, next meeting and links.
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await login(t, page, seller.email, seller.password, '/dashboard/events');
      const card = page.locator(`article[data-my-event]:has(a[href="${path}"])`);
      const text = squash(await card.innerText());
      for (const part of [msg(lang, 'registrationStatus_APPROVED'), msg(lang, 'registrationRole_EXHIBITOR'), 'B7', buyer.org.name, seller.org.name]) assert.ok(text.includes(part), `${lang}: "${part}" in ${text}`);
      assert.ok((await card.locator('[data-next-meeting]').innerText()).includes(buyer.org.name));
      assert.equal(await card.locator(`a[href="${path}/agenda?registration=${seller.reg.id}"]`).count(), 1);
      assert.equal(await card.locator(`a[href="${path}/meetings"]`).count(), 1);
      await t.axe(page, `my events (${lang})`);
      await page.close();
    }

    // The seller's card on the event page (English, a tablet): the offers it registered, linked by
    // title; withdrawing is a secondary action, not a filled button like "My agenda".
    {
      const page = await t.newPage('en');
      await page.setViewportSize({ width: 820, height: 1180 });
      await login(t, page, seller.email, seller.password, path);
      const card = page.locator('.my-registration');
      assert.ok((await card.innerText()).includes(msg('en', 'events_myOffers')), await card.innerText());
      const offer = card.locator('.my-offers a[href^="/listings/"]');
      assert.equal(await offer.count(), 1);
      assert.ok(squash(await offer.innerText()).startsWith('Thiết bị lọc nước nhiễm mặn'), await offer.innerText());
      const background = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).backgroundColor);
      const primary = await background(`a.button[href="${path}/agenda"]`);
      assert.notEqual(await background('[data-withdraw]'), primary, 'withdraw is not a filled primary button');
      await t.screenshot(page, 'event-registration-card-en-tablet');
      await page.close();
    }

    // A visitor registers, withdraws: its agenda is a page (200) saying so, with the way to register.
    const late = await apiUser(t, 'Doanh nghiệp đến sau');
    const lateOrg = await apiOrganization(t, late.token, { name: `Công ty Thủy sản ${k}`, provinceCode: 'da-nang' });
    const REGISTER = `mutation($i: EventRegistrationInput!) { registerForEvent(input: $i) { id } }`;
    const input = { eventId: ev.id, organizationId: lateOrg.id, role: 'VISITOR', listingIds: [], answers: [] };
    const { registerForEvent: reg } = await t.gql(REGISTER, { i: input }, late.token);
    await t.gql(`mutation($id: ID!) { withdrawEventRegistration(id: $id) { id } }`, { id: reg.id }, late.token);
    for (const lang of ['vi', 'en']) {
      const page = await t.newPage(lang);
      await login(t, page, late.email, late.password, `${path}/agenda`);
      const none = page.locator('[data-agenda-none]');
      assert.ok((await none.innerText()).includes(msg(lang, 'agenda_none')));
      assert.equal(squash(await none.locator('[data-registration-status=WITHDRAWN]').innerText()), msg(lang, 'agenda_registrationStatus', { name: lateOrg.name, status: msg(lang, 'registrationStatus_WITHDRAWN') }));
      assert.equal(await none.locator(`a[href="${path}#registration"]`).count(), 1);
      await page.close();
    }
    const agendaPage = await t.newPage('vi');
    await login(t, agendaPage, late.email, late.password, '/');
    await t.visit(agendaPage, `${path}/agenda`, 200);

    // It registers again three days later (its first registration moved back): the organiser reads the new time, and it comes first, pending.
    await t.sql(`UPDATE techmart_registration SET created_at = created_at - interval '3 days', registered_at = registered_at - interval '3 days' WHERE id = $1`, [reg.id]);
    await t.gql(REGISTER, { i: input }, late.token);
    const org = await t.newPage('vi');
    await login(t, org, organiser.email, organiser.password, `${path}/registrations`);
    const groups = await org.locator('[data-status-group]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-group')));
    assert.deepEqual(groups, ['PENDING', 'APPROVED'], 'pending first, empty statuses left out');
    const registered = squash(await org.locator(`article[data-registration="${lateOrg.name}"] [data-registered-at]`).innerText());
    const medium = (at) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'medium' }).format(at);
    assert.ok(registered.startsWith(msg('vi', 'events_registeredAt', { at: '\u0000' }).split('\u0000')[0]), registered);
    assert.ok(registered.includes(medium(new Date())) && !registered.includes(medium(new Date(Date.now() - 3 * DAY))), `the new time, not the first: ${registered}`);
    const filter = squash(await org.locator('[data-status-filter]').innerText());
    assert.ok(filter.includes(msg('vi', 'events_registrationsOfStatus', { status: msg('vi', 'registrationStatus_PENDING'), count: 1 })) && filter.includes(msg('vi', 'events_registrationsAll', { count: 3 })), filter);
    await org.click('[data-status-link=PENDING]');
    assert.equal(new URL(org.url()).search, '?status=PENDING');
    assert.deepEqual(await org.locator('article[data-registration]').evaluateAll((els) => els.map((el) => el.getAttribute('data-registration'))), [lateOrg.name]);
    await t.axe(org, 'registrations by status (vi)');

    // Pending now, on its "my events".
    await t.visit(agendaPage, '/dashboard/events');
    assert.ok(squash(await agendaPage.locator(`article[data-my-event]:has(a[href="${path}"])`).innerText()).includes(msg('vi', 'registrationStatus_PENDING')));
    // Its agenda while pending: waiting for the organiser, a plain link to the registration, no "register" call.
    await t.visit(agendaPage, `${path}/agenda`);
    const none = agendaPage.locator('[data-agenda-none]');
    assert.ok(squash(await none.locator('[data-agenda-waiting]').innerText()).startsWith(msg('vi', 'agenda_waiting')));
    assert.ok(!(await none.innerText()).includes(msg('vi', 'agenda_toEvent')), 'not asked to register again');
    const back = none.locator(`a[href="${path}#registration"]`);
    assert.equal(await back.count(), 1);
    assert.doesNotMatch((await back.getAttribute('class')) ?? '', /\bbutton\b/, 'a plain link, not a button');
  });
}

/** An event day as the pages write it, in each language ("7 thg 1, 2027" / "7 Jan 2027"). */
function eventDatesText(d) {
  const at = new Date(`${d}T12:00:00+07:00`);
  const f = (locale) => new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'medium' }).format(at);
  return {
    vi: f('vi-VN'),
    en: f('en-GB'),
  };
}
export function withdrawTest(h) {
  h.test('Techmart: "Rút đăng ký" first says what goes with it (the booth, the meetings), then cancels them; the programme shows each session’s time range; a numeric answer is checked beside its field; a visitor with no demand is told so; an ended event offers neither withdrawal nor meeting requests', async (t) => {
    const k = uniq('');
    const slot = `${day(30)}T09:10:00+07:00`;
    const { ev, organiser, party, path } = await cappedEvent(t, k, {
      meetingDays: [day(30)],
      meetingTables: 3,
      maxExhibitors: null,
      maxVisitors: null,
      questions: [{ labelVi: 'Số người tham dự', labelEn: 'Number of attendees', required: false, numeric: true }],
    });
    await t.gql(
      `mutation($e: ID!, $i: ProgrammeSessionInput!) { addProgrammeSession(eventId: $e, input: $i) { id } }`,
      { e: ev.id, i: { kind: 'WORKSHOP', title: `Hội thảo lọc nước ${k}`, room: 'Phòng hội thảo 1', startsAt: `${day(30)}T09:00:00+07:00`, endsAt: `${day(30)}T10:00:00+07:00` } },
      organiser.token,
    );
    const seller = await party('Viện Cơ điện', 'EXHIBITOR');
    const other = await party('Viện Sinh học', 'EXHIBITOR');
    const buyer = await party('Công ty Thực phẩm', 'VISITOR');
    await t.gql(`mutation($id: ID!) { assignEventBooth(id: $id, booth: "A7") { id } }`, { id: seller.reg.id }, organiser.token);
    const { requestMeeting } = await t.gql(
      `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id } }`,
      { i: { fromRegistrationId: buyer.reg.id, toRegistrationId: seller.reg.id, reason: 'Chúng tôi muốn trao đổi về thiết bị lọc nước cho nhà máy.', proposedSlots: [slot] } },
      buyer.token,
    );
    await t.gql(`mutation($id: ID!, $slot: DateTime) { respondToMeetingRequest(id: $id, accept: true, slot: $slot) { id } }`, { id: requestMeeting.id, slot }, seller.token);

    // The programme: 09:00–10:00, as the schedule says, not the start alone.
    const page = await t.newPage('vi', { js: false });
    await login(t, page, seller.email, seller.password, path);
    const programme = squash(await page.locator('ol.programme').innerText());
    assert.ok(programme.includes('09:00–10:00'), programme);

    // One tap does not withdraw: it asks, naming the booth and the meeting.
    await page.click('[data-withdraw]');
    assert.ok(page.url().includes('confirm=withdraw'), page.url());
    const confirm = squash(await page.locator('[data-confirm-withdraw]').innerText());
    assert.ok(confirm.includes(msg('vi', 'events_withdrawConfirmTitle')), confirm);
    assert.ok(confirm.includes(msg('vi', 'events_withdrawConfirmBoothMeetings', { booth: 'A7', count: 1 })), confirm);
    const [{ status: still }] = await t.sql(`SELECT status FROM techmart_registration WHERE id = $1`, [seller.reg.id]);
    assert.equal(still, 'APPROVED', 'asking is not withdrawing');
    const en = await t.newPage('en', { js: false });
    await login(t, en, seller.email, seller.password, `${path}?confirm=withdraw&id=${seller.reg.id}`);
    assert.ok(squash(await en.locator('[data-confirm-withdraw]').innerText()).includes(msg('en', 'events_withdrawConfirmBoothMeetings', { booth: 'A7', count: 1 })));
    await t.screenshot(page, 'event-withdraw-confirm');

    // Confirmed, with a reason: withdrawn, the meeting cancelled with it.
    await page.fill('[name=reason]', 'Có việc đột xuất');
    await t.submit(page, '[data-confirm-withdraw] button[type=submit]');
    assert.ok((await t.text(page)).includes(msg('vi', 'events_withdrawn')));
    const [{ status: meeting, response_note: note }] = await t.sql(`SELECT status, response_note FROM techmart_meeting_request WHERE id = $1`, [requestMeeting.id]);
    assert.equal(meeting, 'CANCELLED');
    assert.equal(note, 'Có việc đột xuất');
    assert.equal(await page.locator('[data-withdraw], [data-confirm-withdraw]').count(), 0);

    // A visitor that brings no demand learns why it gets no suggestion, with a link to post one.
    const market = await t.newPage('vi', { js: false });
    await login(t, market, buyer.email, buyer.password, `${path}/marketplace`);
    assert.equal(squash(await market.locator('[data-suggestions-why=NO_LISTINGS]').innerText()), msg('vi', 'market_suggestionsNoListings_DEMAND', { org: buyer.org.name }));
    assert.equal(await market.locator('[data-suggestions] a[href="/dashboard/listings/new?kind=DEMAND"]').count(), 1);
    assert.ok(!(await t.text(market)).includes(msg('vi', 'market_suggestionsNone')));
    assert.equal(await market.locator(`[data-participant="${other.org.name}"] a[href*="/meetings?"]`).count(), 1, 'a meeting can be requested before the end');

    // A number of attendees that is not one (here: over 100) is refused beside its field.
    const newcomer = await apiUser(t, 'Doanh nghiệp mới');
    await apiOrganization(t, newcomer.token, { name: `Công ty Nước sạch ${k}`, provinceCode: 'da-nang' });
    const form = await t.newPage('vi', { js: false });
    await login(t, form, newcomer.email, newcomer.password, path);
    assert.equal(await form.getAttribute('[name=answer_q1]', 'type'), 'number');
    await form.check('input[name=role][value=VISITOR]');
    await form.fill('[name=answer_q1]', '150');
    await t.submit(form, 'form[action="?/register"] button[type=submit]');
    assert.equal(squash(await form.locator('#f-answer_q1-error').innerText()), 'Hãy nhập một số nguyên từ 1 đến 100.');

    // The fair is over: read-only. No withdrawal on the event page; no suggestions or requests on the marketplace.
    await t.sql(`UPDATE techmart_event SET starts_on = $2::date, ends_on = $2::date, meeting_days = $3 WHERE id = $1`, [ev.id, day(-2), [day(-2)]]);
    const ended = await t.newPage('vi', { js: false });
    await login(t, ended, other.email, other.password, path);
    assert.equal(await ended.locator('[data-withdraw]').count(), 0, 'no "Rút đăng ký" after the end');
    await t.visit(ended, `${path}?confirm=withdraw&id=${other.reg.id}`);
    assert.equal(await ended.locator('[data-confirm-withdraw]').count(), 0, 'no confirmation either');
    await t.visit(ended, `${path}/marketplace`);
    assert.equal(await ended.locator('[data-market-ended]').count(), 1);
    assert.equal(await ended.locator('[data-suggestions]').count(), 0);
    assert.equal(await ended.locator('a[href*="/meetings?"]').count(), 0);
    assert.ok(!(await t.text(ended)).includes(msg('vi', 'market_requestMeeting')));
    const endedEn = await t.newPage('en', { js: false });
    await login(t, endedEn, buyer.email, buyer.password, `${path}/marketplace`);
    assert.equal(squash(await endedEn.locator('[data-market-ended]').innerText()), msg('en', 'market_endedNote'));
    assert.equal(await endedEn.locator('a[href*="/meetings?"]').count(), 0);
  });
}

export function changeListingsTest(h) {
  h.test('Techmart: a visitor that posted its demand after being approved brings it from the marketplace’s link; the suggestions then name the exhibitor', async (t) => {
    const k = uniq('');
    const { party, path } = await cappedEvent(t, k);
    const seller = await party('Viện Công nghệ Nước', 'EXHIBITOR');
    const buyer = await party('Công ty Nước sạch', 'VISITOR');
    // Its demand, published after the approval (the registration brings none).
    const demandTitle = `Cần thiết bị lọc nước nhiễm mặn cho trường học ${k}`;
    const demand = await apiPublishedListing(t, buyer.token, buyer.org.id, {
      kind: 'DEMAND',
      title: demandTitle,
      summary: 'Trường học ven biển cần thiết bị lọc nước nhiễm mặn bằng màng thẩm thấu ngược, công suất khoảng 2 m³ mỗi giờ.',
      description: 'Nước giếng nhiễm mặn; cần thiết bị lọc RO có bơm cao áp, tủ điều khiển tự động, lắp đặt và bảo trì.',
      fieldCodes: ['407'],
      keywords: ['lọc nước'],
      trl: 5,
      transferModes: ['LICENSING'],
      provinceCode: 'da-nang',
    });

    const page = await t.newPage('vi', { js: false });
    await login(t, page, buyer.email, buyer.password, `${path}/marketplace`);
    assert.equal(await page.locator('[data-suggestions-why=NOT_BROUGHT]').count(), 1);
    await page.click(`a[href^="/events/"][href*="change=${buyer.reg.id}"]`);
    await page.waitForLoadState();
    const form = page.locator(`#change-${buyer.reg.id}`);
    assert.equal(await form.getAttribute('open'), '', 'the link opens the choice');
    await form.locator(`input[name=listingIds][value="${demand.id}"]`).check();
    await t.submit(page, `#change-${buyer.reg.id} button[type=submit]`);
    assert.ok((await t.text(page)).includes(msg('vi', 'events_listingsChanged')));
    assert.ok(squash(await page.locator('.my-registration').innerText()).includes(demandTitle));

    await t.visit(page, `${path}/marketplace`);
    assert.ok(squash(await page.locator('[data-suggestions]').innerText()).includes(seller.org.name), 'the exhibitor is suggested');

    // In English, the same choice reads in English.
    const en = await t.newPage('en', { js: false });
    await login(t, en, buyer.email, buyer.password, path);
    assert.ok((await t.text(en)).includes(msg('en', 'events_changeDemands')));
  });
}
