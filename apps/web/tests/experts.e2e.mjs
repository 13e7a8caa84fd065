// Experts: a consultant writes a profile, the department publishes it, a business finds it by
// search and writes to the expert, who answers.
import assert from 'node:assert/strict';
import { REVIEW_TARGET_DAYS, label, msg, uniq } from './support/harness.mjs';
import { createOrganization, login, register } from './support/flows.mjs';

const tag = uniq('');

export default function (h) {
  h.journey(
    'Experts: profile → review → search → contact → reply',
    [
      [
        'a consultant writes a profile (errors beside fields) and submits it',
        async (t, s) => {
          s.expert = await t.newPage('vi');
          await register(t, s.expert, { name: `TS. Hoàng Định Giá ${tag}` });
          await t.visit(s.expert, '/dashboard/expert');
          await s.expert.fill('[name=headline]', 'Ngắn');
          await t.submit(s.expert, 'main form button[formaction="?/submit"]');
          assert.ok((await s.expert.locator('#f-headline-error').count()) === 1, `an error beside the headline: ${await t.text(s.expert)}`);
          await s.expert.fill('[name=fullName]', `TS. Hoàng Định Giá ${tag}`);
          await s.expert.fill('[name=headline]', 'Tiến sĩ kinh tế, chuyên gia định giá công nghệ và sở hữu trí tuệ');
          await s.expert.fill('[name=bio]', 'Hai mươi năm tư vấn định giá tài sản trí tuệ và đàm phán hợp đồng chuyển giao công nghệ cho viện, trường và doanh nghiệp.');
          const box = s.expert.locator('input[name=fieldCodes][value="501"]');
          await s.expert.locator('details', { has: box }).locator('summary').click();
          await box.check();
          await s.expert.fill('[name=services]', 'Định giá công nghệ\nTư vấn hợp đồng chuyển giao công nghệ');
          await s.expert.fill('[name=pastTransfers]', 'Định giá sáng chế máy sấy nông sản cho một viện nghiên cứu (2023)');
          await s.expert.selectOption('[name=provinceCode]', 'ho-chi-minh');
          await t.submit(s.expert, 'main form button[formaction="?/submit"]');
          const text = await t.text(s.expert);
          assert.ok(text.includes(msg('vi', 'done_expertSubmitted', { days: REVIEW_TARGET_DAYS })), text);
          assert.ok(text.includes(label('vi', 'ListingStatus', 'PENDING_REVIEW')));
        },
      ],
      [
        'the department publishes it from its review queue',
        async (t, s) => {
          const mod = await t.newPage('vi');
          await login(t, mod, t.admin.email, t.admin.password, '/moderation/experts');
          await mod.click(`main a:has-text("Hoàng Định Giá ${tag}")`);
          // The reasons a moderator may give are an expert's: "not a technology" is a listing's.
          const reasons = await mod.locator('select[name=reason] option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
          assert.ok(reasons.includes('INCOMPLETE') && !reasons.includes('NOT_A_TECHNOLOGY'), reasons.join());
          await mod.check('input[name=decision][value=APPROVE]');
          await t.submit(mod, 'form[action="?/moderate"] button[type=submit]');
          assert.equal(new URL(mod.url()).pathname, '/moderation/experts');
          // The notice speaks of the expert's profile, not of a listing.
          assert.ok((await t.text(mod)).includes(msg('vi', 'done_expertApproved')), 'the approval notice names the profile');
          await t.visit(s.expert, '/dashboard/expert');
          assert.ok((await t.text(s.expert)).includes(label('vi', 'ListingStatus', 'PUBLISHED')));
          s.profilePath = await s.expert.locator('a[href^="/experts/"]').first().getAttribute('href');
        },
      ],
      [
        'a business finds the expert by a search without diacritics and writes',
        async (t, s) => {
          s.business = await t.newPage('vi');
          await register(t, s.business, { name: 'Chủ doanh nghiệp' });
          await createOrganization(t, s.business, { name: `Công ty Cơ khí ${tag}` });
          // Its dashboard's expert conversations, empty, say where they begin.
          await t.visit(s.business, '/dashboard/expert-contacts');
          assert.ok((await t.text(s.business)).includes(msg('vi', 'expertContacts_none')), await t.text(s.business));
          assert.equal(await s.business.locator('main a[href="/experts"]').innerText(), msg('vi', 'expertContacts_find'));
          await t.eventually(
            async () => {
              await t.visit(s.business, `/experts?q=${encodeURIComponent(`dinh gia ${tag}`)}`);
              return (await s.business.locator(`a[href="${s.profilePath}"]`).count()) > 0;
            },
            { what: 'the expert in search results' },
          );
          // A word nobody has: no close match, said so, and the expert among those with some of the words.
          await t.visit(s.business, `/experts?q=${encodeURIComponent(`Hoàng Định Giá ${tag} zqxwv`)}`);
          assert.ok((await t.text(s.business)).includes(msg('vi', 'experts_noCloseMatch', { q: `Hoàng Định Giá ${tag} zqxwv` })), await t.text(s.business));
          assert.equal(await s.business.locator(`.related a[href="${s.profilePath}"]`).count(), 1, 'the expert among the related');
          // Nobody at all: no empty "Filters" box above the answer; with results, the filters are there.
          await t.visit(s.business, `/experts?q=${encodeURIComponent('zqxwvjk')}`);
          assert.equal(await s.business.locator('.filters-disclosure').count(), 0, 'no filters to offer, no filters box');
          await t.visit(s.business, `/experts?q=${encodeURIComponent(`dinh gia ${tag}`)}`);
          assert.equal(await s.business.locator('.filters-disclosure').count(), 1, 'the filters beside results');
          // the sitemap lists the published profile (it is kept a minute: wait past that at most)
          await t.eventually(async () => (await (await fetch(`${t.webUrl}/sitemap.xml`)).text()).includes(`${t.webUrl}${s.profilePath}</loc>`), {
            timeout: 75_000,
            interval: 2_000,
            what: 'the profile in the sitemap',
          });
          // An English reader: the Vietnamese profile's text is marked Vietnamese (screen readers, hyphenation), on its card and its page.
          const reader = await t.newPage('en');
          await t.visit(reader, `/experts?q=${encodeURIComponent(`dinh gia ${tag}`)}`);
          assert.equal(await reader.locator('article.card', { has: reader.locator(`a[href="${s.profilePath}"]`) }).locator('.card-summary').getAttribute('lang'), 'vi');
          await t.visit(reader, s.profilePath);
          assert.equal(await reader.locator('main .lead').getAttribute('lang'), 'vi');
          assert.equal(await reader.locator('main .prose').first().getAttribute('lang'), 'vi');
          // Not signed in: told an account is needed, and offered to log in or create one (a
          // newcomer has none), both coming back to the contact panel.
          const contact = `${s.profilePath}#contact`;
          assert.ok((await t.text(reader, 'aside')).includes(msg('en', 'experts_loginFirst')), `why sign in: ${await t.text(reader, 'aside')}`);
          assert.equal(await reader.locator(`aside a[href="/login?next=${encodeURIComponent(contact)}"]`).count(), 1, 'log in, back to the contact panel');
          assert.equal(await reader.locator(`aside a[href="/register?next=${encodeURIComponent(contact)}"]`).count(), 1, 'create an account, back to the contact panel');
          await reader.context().close();
          await s.business.click(`a[href="${s.profilePath}"]`);
          assert.ok((await t.text(s.business, 'h1')).includes(`Hoàng Định Giá ${tag}`));
          // In Vietnamese, the same text is in the page's own language: no mark.
          assert.equal(await s.business.locator('main .prose').first().getAttribute('lang'), null);
          await t.screenshot(s.business, 'expert-vi');
          await t.axe(s.business, 'expert profile (vi)');
          await s.business.fill('[name=message]', 'Chào chuyên gia, chúng tôi cần định giá một sáng chế máy ép.');
          await t.submit(s.business, 'form[action="?/contact"] button[type=submit]');
          s.contactPath = new URL(s.business.url()).pathname;
          assert.match(s.contactPath, /^\/dashboard\/expert-contacts\/[\w-]+$/);
          // The page says the message went, and where the answer will come…
          assert.ok((await t.text(s.business)).includes(msg('vi', 'done_expertContacted')), `told the message was sent: ${await t.text(s.business)}`);
          // …and the dashboard's menu leads back to the expert conversations (its tab is the current one here).
          assert.equal(await s.business.locator('.dash-nav a[href="/dashboard/expert-contacts"][aria-current=page]').count(), 1, 'the expert conversations in the dashboard menu');
          // Back on the profile, the conversation is offered, not a second "first message" from the
          // same organisation (the business has one: no form left).
          await t.visit(s.business, s.profilePath);
          assert.equal(await s.business.locator(`aside a[href="${s.contactPath}"]`).count(), 1, 'a link to the conversation');
          assert.equal(await s.business.locator('form[action="?/contact"]').count(), 0, 'no "first message" form for an organisation already in a conversation');
        },
      ],
      [
        'the expert reads it and answers',
        async (t, s) => {
          await t.visit(s.expert, '/dashboard/expert-contacts');
          await s.expert.click(`a[href="${s.contactPath}"]`);
          assert.ok((await t.text(s.expert)).includes('định giá một sáng chế máy ép'));
          // The link to the profile is the expert's own, and says so.
          assert.equal(await s.expert.locator(`main a[href="${s.profilePath}"]`).innerText(), msg('vi', 'expertContacts_ownProfile'));
          await s.expert.fill('[name=body]', 'Chào anh chị, tôi có thể hẹn gặp vào thứ Ba tới.');
          await t.submit(s.expert, 'form[action="?/message"] button[type=submit]');
          await t.visit(s.business, s.contactPath);
          assert.ok((await t.text(s.business)).includes('hẹn gặp vào thứ Ba'));
        },
      ],
      [
        'the expert changes the published profile: saved, then submitted, and told which',
        async (t, s) => {
          await t.visit(s.expert, '/dashboard/expert');
          await s.expert.fill('[name=services]', 'Định giá công nghệ\nTư vấn hợp đồng chuyển giao công nghệ\nThẩm định giá trị tài sản trí tuệ');
          await t.submit(s.expert, 'form[action="?/save"] button[type=submit]:not([formaction])');
          assert.ok((await t.text(s.expert)).includes(msg('vi', 'manage_revisionDraft')), 'a saved change is not yet submitted');
          await t.submit(s.expert, 'main form button[formaction="?/submit"]');
          const text = await t.text(s.expert);
          assert.ok(text.includes(msg('vi', 'done_expertSubmitted', { days: REVIEW_TARGET_DAYS })), text);
          assert.ok(!text.includes(msg('vi', 'manage_revisionDraft')), `a submitted change is not called unsubmitted: ${text}`);
          const pending = msg('vi', 'manage_revisionPending', { date: '' }).split('{')[0].slice(0, 20);
          assert.ok(text.includes(pending), `the change awaits review: ${text}`);
        },
      ],
    ],
  );
}
