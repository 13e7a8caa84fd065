// The exchange's main journey in Vietnamese, through the pages only: a business registers,
// creates its organisation and posts a demand; a moderator rejects it with a reason code, then
// approves the corrected version; it is found by a search typed without diacritics; its matches
// show their reasons; the business expresses interest in an institute's offer; the two sides
// talk, propose and accept a deal; the department approves it; both sign.
import assert from 'node:assert/strict';
import { REVIEW_TARGET_DAYS, label, msg, squash, trlLabel, uniq } from './support/harness.mjs';
import { createOrganization, enrolSecondFactor, fillListing, login, makeModerator, moderate, postListing, publicPathOf, register } from './support/flows.mjs';

const tag = uniq('');

const OFFER = {
  title: `Công nghệ sấy lạnh bảo quản nông sản ${tag}`,
  summary: 'Hệ thống sấy lạnh (sấy bơm nhiệt) giữ màu, mùi và vitamin của trái cây, rau củ; tiết kiệm 40% điện năng so với sấy nóng.',
  description:
    'Công nghệ sấy lạnh dùng bơm nhiệt hạ ẩm ở 35–45 °C, phù hợp xoài, thanh long, mít, chuối và rau gia vị. ' +
    'Sản phẩm sau sấy giữ được màu tự nhiên, hương vị và hàm lượng vitamin C cao hơn sấy nóng truyền thống. ' +
    'Hệ thống gồm buồng sấy inox, bơm nhiệt, bộ điều khiển tự động theo độ ẩm; công suất 500 kg tươi mỗi mẻ. ' +
    'Đã chuyển giao cho ba hợp tác xã ở Đồng Tháp và Tiền Giang, vận hành ổn định hơn hai năm.',
  specification: 'Công suất 500 kg/mẻ; nhiệt độ sấy 35–45 °C; điện năng 18 kW; vật liệu inox 304.',
  advantages: 'Tiết kiệm 40% điện; giữ màu và vitamin; điều khiển tự động.',
  fieldCodes: ['407', '211'],
  keywords: ['sấy lạnh', 'bảo quản nông sản', 'bơm nhiệt'],
  transferModes: ['LICENSING', 'TECHNICAL_SERVICE', 'EQUIPMENT_SUPPLY'],
  ipStatus: 'UTILITY_SOLUTION',
  priceMin: '1.200.000.000',
  priceMax: '1.500.000.000',
  province: 'ha-noi',
};

const DEMAND = {
  title: `Cần công nghệ sấy lạnh cho xoài và thanh long ${tag}`,
  summary: 'Doanh nghiệp chế biến trái cây cần dây chuyền sấy lạnh công suất khoảng 500 kg mỗi mẻ, giữ màu sản phẩm.',
  description:
    'Chúng tôi là doanh nghiệp chế biến trái cây xuất khẩu ở Tây Ninh, đang sấy nóng nên sản phẩm bị sẫm màu và mất mùi. ' +
    'Cần công nghệ sấy lạnh hoặc sấy bơm nhiệt cho xoài, thanh long và chuối, công suất khoảng 500 kg nguyên liệu tươi mỗi mẻ, ' +
    'tiết kiệm điện, có chuyển giao quy trình và đào tạo vận hành. Ưu tiên đơn vị đã triển khai thực tế tại miền Nam.',
  fieldCodes: ['407'],
  keywords: ['sấy lạnh', 'trái cây', 'xoài'],
  trl: 6,
  transferModes: ['LICENSING', 'TECHNICAL_SERVICE'],
  priceMax: '1.600.000.000',
  province: 'tay-ninh',
};

export default function (h) {
  h.journey('Hành trình chính (tiếng Việt): nhu cầu → duyệt → tìm kiếm → ghép nối → quan tâm → giao dịch → ký', [
    [
      'a moderator is appointed by the admin on the roles page',
      async (t, s) => {
        s.moderator = await t.newPage('vi');
        s.moderatorUser = await register(t, s.moderator, { name: 'Cán bộ Sở KH&CN' });
        await makeModerator(t, s.moderatorUser.email);
        // A role change ends the account's sessions: the officer signs in again, now as a moderator.
        await login(t, s.moderator, s.moderatorUser.email);
        // Staff act only with two-step verification: the new moderator turns it on first.
        s.moderatorUser.secondFactor = await enrolSecondFactor(t, s.moderator);
        await t.visit(s.moderator, '/moderation');
        assert.ok((await t.text(s.moderator, 'h1')).includes(msg('vi', 'nav_moderation')));
        assert.ok((await s.moderator.locator('header a[href="/moderation"]').count()) === 1);
      },
    ],
    [
      'an institute registers and posts an offer, using the TRL self-assessment',
      async (t, s) => {
        s.supplier = await t.newPage('vi');
        s.supplierUser = await register(t, s.supplier, { name: 'PGS. Lê Văn Nghiên' });
        s.supplierOrg = await createOrganization(t, s.supplier, { name: `Viện Cơ điện Nông nghiệp ${tag}`, kind: 'RESEARCH_INSTITUTE', province: 'ha-noi' });
        await t.visit(s.supplier, '/dashboard/listings/new?kind=OFFER');
        await fillListing(s.supplier, OFFER);
        // The self-assessment: levels 1–6 true, 7 not yet → TRL 6 suggested; nothing typed is lost.
        await s.supplier.click('.trl-guide summary');
        for (const q of ['1a', '1b', '2a', '2b', '3a', '3b', '4a', '4b', '5a', '5b', '6a', '6b', '7a']) await s.supplier.check(`input[name=trlq][value=q${q}]`);
        await t.submit(s.supplier, 'button[formaction="?/assessTrl"]');
        assert.ok((await t.text(s.supplier)).includes(msg('vi', 'trl_suggested', { level: trlLabel('vi', 6) })));
        assert.equal(await s.supplier.inputValue('[name=trl]'), '6');
        assert.equal(await s.supplier.inputValue('[name=title]'), OFFER.title);
        assert.equal(await s.supplier.inputValue('input[name=kind]'), 'OFFER', 'still an offer after the round trip');
        assert.equal(await s.supplier.locator('[name=ipStatus]').count(), 1);
        await t.screenshot(s.supplier, 'listing-form-offer-vi');
        await t.axe(s.supplier, 'offer form (vi)');
        await t.submit(s.supplier, 'main form button[formaction="?/submit"]');
        const match = /^\/dashboard\/listings\/([\w-]+)$/.exec(new URL(s.supplier.url()).pathname);
        assert.ok(match, `offer posted: ${s.supplier.url()} ${await t.text(s.supplier)}`);
        s.offerId = match[1];
        assert.ok((await t.text(s.supplier)).includes(msg('vi', 'done_listingSubmitted', { days: REVIEW_TARGET_DAYS })));
        assert.ok((await t.text(s.supplier)).includes(label('vi', 'ListingStatus', 'PENDING_REVIEW')));
      },
    ],
    [
      'the moderator approves the offer from the review queue',
      async (t, s) => {
        await moderate(t, s.moderator, OFFER.title, { decision: 'APPROVE', note: 'Thông tin đầy đủ.' });
        assert.ok((await t.text(s.moderator)).includes(msg('vi', 'done_listingApproved')));
        s.offerPath = await publicPathOf(t, s.supplier, s.offerId);
        assert.ok((await t.text(s.supplier)).includes(label('vi', 'ListingStatus', 'PUBLISHED')));
      },
    ],
    [
      'a business registers, creates its organisation and posts a demand (errors first, beside the fields)',
      async (t, s) => {
        s.buyer = await t.newPage('vi');
        s.buyerUser = await register(t, s.buyer, { name: 'Phạm Thị Doanh' });
        s.buyerOrg = await createOrganization(t, s.buyer, { name: `Công ty Chế biến Trái cây ${tag}`, kind: 'ENTERPRISE', province: 'tay-ninh' });
        // An amount that is not a number, and a title too short: errors beside those fields.
        await t.visit(s.buyer, '/dashboard/listings/new?kind=DEMAND');
        await fillListing(s.buyer, { ...DEMAND, title: 'Sấy', priceMax: 'một tỷ' });
        await t.submit(s.buyer, 'main form button[formaction="?/submit"]');
        assert.equal(await t.text(s.buyer, '#f-priceMax-error'), msg('vi', 'listingForm_amountUnread', { field: msg('vi', 'listingForm_budgetMaxName') }));
        await s.buyer.fill('[name=priceMax]', DEMAND.priceMax);
        await t.submit(s.buyer, 'main form button[formaction="?/submit"]');
        assert.ok((await s.buyer.locator('#f-title-error').count()) === 1, `an error beside the title: ${await t.text(s.buyer)}`);
        assert.match(await t.text(s.buyer, '#f-title-error'), /[àáảãạăâđèéêìíòóôơùúưý]/i);
        assert.equal(await s.buyer.inputValue('[name=description]'), DEMAND.description, 'what was typed is kept');
        await s.buyer.fill('[name=title]', DEMAND.title);
        await t.submit(s.buyer, 'main form button[formaction="?/submit"]');
        const match = /^\/dashboard\/listings\/([\w-]+)$/.exec(new URL(s.buyer.url()).pathname);
        assert.ok(match, `demand posted: ${s.buyer.url()} ${await t.text(s.buyer)}`);
        s.demandId = match[1];
        await t.screenshot(s.buyer, 'listing-manage-vi');
      },
    ],
    [
      'the moderator rejects it with a reason code; the audit trail and the owner show why',
      async (t, s) => {
        await t.visit(s.moderator, '/moderation/listings');
        await t.screenshot(s.moderator, 'moderation-queue-vi');
        await t.axe(s.moderator, 'moderation queue (vi)');
        // Rejecting needs a reason and a note.
        await s.moderator.click(`main a:has-text("${DEMAND.title}")`);
        await s.moderator.check('input[name=decision][value=REJECT]');
        await t.submit(s.moderator, 'form[action="?/moderate"] button[type=submit]');
        assert.equal(await t.text(s.moderator, '#f-reason-error'), msg('vi', 'error_choose'));
        assert.equal(await t.text(s.moderator, '#f-note-error'), msg('vi', 'mod_noteRequired'));
        await moderate(t, s.moderator, DEMAND.title, { decision: 'REJECT', reason: 'INCOMPLETE', note: 'Vui lòng nêu rõ sản lượng mỗi năm.' });
        await t.visit(s.buyer, `/dashboard/listings/${s.demandId}`);
        const page = await t.text(s.buyer);
        assert.ok(page.includes(label('vi', 'ListingStatus', 'REJECTED')), page);
        assert.ok(page.includes('Vui lòng nêu rõ sản lượng mỗi năm.'));
        assert.ok(page.includes(label('vi', 'RejectionReason', 'INCOMPLETE')), 'the reason code, in words');
      },
    ],
    [
      'the business corrects and resubmits; the moderator approves; the audit trail lists every step',
      async (t, s) => {
        await s.buyer.fill('[name=description]', `${DEMAND.description} Sản lượng khoảng 300 tấn trái cây tươi mỗi năm.`);
        await t.submit(s.buyer, 'main form button[formaction="?/submit"]');
        assert.equal(new URL(s.buyer.url()).searchParams.get('done'), 'listing-submitted', await t.text(s.buyer));
        await t.visit(s.moderator, '/moderation/listings');
        await s.moderator.click(`main a:has-text("${DEMAND.title}")`);
        const audit = await t.text(s.moderator, 'main');
        for (const key of ['listingAction_CREATE', 'listingAction_SUBMIT', 'listingAction_REJECT']) assert.ok(audit.includes(msg('vi', key)), `audit trail shows ${key}`);
        assert.ok(audit.includes('Vui lòng nêu rõ sản lượng mỗi năm.'));
        // The rejection's reason and note, each on its own line (they ran together: "Thiếu thông tinVui lòng…").
        const history = s.moderator.locator('section[aria-labelledby=audit] tbody tr');
        const action = (key) => s.moderator.locator('td:nth-child(3)', { hasText: new RegExp(`^${msg('vi', key)}$`) });
        const rejection = history.filter({ has: action('listingAction_REJECT') }).locator('td').last();
        assert.deepEqual(
          (await rejection.innerText()).split('\n').map((l) => l.trim()).filter(Boolean),
          [label('vi', 'RejectionReason', 'INCOMPLETE'), 'Vui lòng nêu rõ sản lượng mỗi năm.'],
        );
        await t.screenshot(s.moderator, 'moderation-review-vi');
        // On a phone an entry without a note shows no empty "Note (…):" line.
        await s.moderator.setViewportSize({ width: 412, height: 900 });
        const created = history.filter({ has: action('listingAction_CREATE') }).locator('td').last();
        assert.equal(await created.isVisible(), false, 'no note, no label');
        assert.equal(await rejection.isVisible(), true);
        await t.screenshot(s.moderator, 'moderation-review-phone-vi');
        await s.moderator.setViewportSize({ width: 1280, height: 900 });
        await t.axe(s.moderator, 'moderation review (vi)');
        await moderate(t, s.moderator, DEMAND.title, { decision: 'APPROVE' });
        s.demandPath = await publicPathOf(t, s.buyer, s.demandId);
      },
    ],
    [
      'the demand is public and found by a search typed without diacritics, with highlights',
      async (t, s) => {
        const visitor = await t.newPage('vi');
        await t.visit(visitor, s.demandPath);
        assert.equal(await t.text(visitor, 'h1'), DEMAND.title);
        assert.equal(await visitor.getAttribute('link[rel=canonical]', 'href'), `${t.webUrl}${s.demandPath}`);
        assert.equal(await visitor.locator('meta[name=robots]').count(), 0, 'indexable');
        assert.equal(await visitor.getAttribute('meta[property="og:title"]', 'content'), DEMAND.title);
        // "1.600.000.000 ₫": VND formatted for Vietnamese.
        assert.ok(squash(await t.text(visitor, 'aside')).includes('1.600.000.000 ₫'), await t.text(visitor, 'aside'));
        s.searchPath = `/search?q=${encodeURIComponent(`say lanh xoai ${tag}`)}`;
        await t.eventually(
          async () => {
            await t.visit(visitor, s.searchPath);
            return (await visitor.locator(`a[href="${s.demandPath}"]`).count()) > 0;
          },
          { what: 'the demand in search results' },
        );
        const card = visitor.locator('article', { has: visitor.locator(`a[href="${s.demandPath}"]`) });
        assert.ok((await card.locator('mark').count()) > 0, 'matched words are highlighted');
        assert.equal(new URL(visitor.url()).searchParams.get('q'), `say lanh xoai ${tag}`, 'the state is in the URL');
        await t.screenshot(visitor, 'search-vi');
        await t.axe(visitor, 'search (vi)');
        // Filters are in the URL too and reload the same results.
        await visitor.check('input[name=kind][value=DEMAND]');
        await t.submit(visitor, 'aside button[type=submit]');
        const url = new URL(visitor.url());
        assert.equal(url.searchParams.get('kind'), 'DEMAND');
        assert.ok((await visitor.locator(`a[href="${s.demandPath}"]`).count()) > 0);
        assert.equal(await visitor.locator(`a[href="${s.offerPath}"]`).count(), 0, 'offers filtered out');
      },
    ],
    [
      'the demand’s matches show the offer with its reasons',
      async (t, s) => {
        await t.eventually(
          async () => {
            await t.visit(s.buyer, s.demandPath);
            return (await s.buyer.locator(`.matches a[href="${s.offerPath}"]`).count()) > 0;
          },
          { what: 'the offer among the demand’s matches' },
        );
        const match = s.buyer.locator('.matches > li', { has: s.buyer.locator(`a[href="${s.offerPath}"]`) });
        const codes = await match.locator('.reasons li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
        assert.ok(codes.length >= 2, `reasons: ${codes}`);
        assert.ok(codes.includes('TRL') || codes.includes('BUDGET') || codes.includes('FIELD'), `reasons: ${codes}`);
        assert.ok((await t.text(s.buyer, '.matches')).length > 20);
        await t.screenshot(s.buyer, 'listing-demand-vi');
        // The owner's own page of the demand shows the best matches too, and leads to all of them.
        await t.visit(s.buyer, `/dashboard/listings/${s.demandId}`);
        const top = s.buyer.locator('.top-matches');
        assert.ok((await top.locator(`a[href="${s.offerPath}"]`).count()) === 1, await t.text(s.buyer, '.top-matches'));
        assert.equal(await top.locator(`a[href="${s.demandPath}#matches"]`).count(), 1);
      },
    ],
    [
      'the business expresses interest in the offer',
      async (t, s) => {
        await t.visit(s.buyer, s.offerPath);
        await t.screenshot(s.buyer, 'listing-offer-vi');
        await t.axe(s.buyer, 'listing page (vi)');
        await t.submit(s.buyer, 'form[action="?/interest"] button[type=submit]');
        assert.equal(await t.text(s.buyer, '#f-message-error'), msg('vi', 'error_required'));
        await s.buyer.fill('[name=message]', 'Chào Viện, công ty chúng tôi muốn tìm hiểu hệ thống sấy lạnh 500 kg/mẻ cho xoài.');
        await t.submit(s.buyer, 'form[action="?/interest"] button[type=submit]');
        const url = new URL(s.buyer.url());
        assert.match(url.pathname, /^\/dashboard\/interests\/[\w-]+$/, await t.text(s.buyer));
        s.interestPath = url.pathname;
        assert.ok((await t.text(s.buyer)).includes(msg('vi', 'done_interestSent')));
        // Back on the offer page: already interested, no second form.
        await t.visit(s.buyer, s.offerPath);
        assert.equal(await s.buyer.locator('form[action="?/interest"]').count(), 0);
      },
    ],
    [
      'the institute accepts the interest and both sides write',
      async (t, s) => {
        // The institute's dashboard says an interest waits for its answer, and leads to it.
        await t.visit(s.supplier, '/dashboard');
        const todo = s.supplier.locator('section:has(#todo)');
        assert.ok((await todo.locator(`a[href="${s.interestPath}"]`).innerText()).endsWith(msg('vi', 'dash_todoInterest', { org: '' }).trim()), await todo.innerText());
        await todo.locator(`a[href="${s.interestPath}"]`).click();
        await s.supplier.waitForURL(`**${s.interestPath}`);
        assert.ok((await t.text(s.supplier)).includes('500 kg/mẻ cho xoài'));
        await t.submit(s.supplier, 'form[action="?/respond"] button[value=true]');
        assert.ok((await t.text(s.supplier)).includes(label('vi', 'InterestStatus', 'ACCEPTED')));
        assert.ok((await t.text(s.supplier)).includes(msg('vi', 'done_interestAccepted')), 'the acceptance is confirmed');
        await s.supplier.fill('[name=body]', 'Chào anh chị, Viện gửi báo giá 1,2 tỷ đồng gồm thiết bị và chuyển giao quy trình.');
        await t.submit(s.supplier, 'form[action="?/message"] button[type=submit]');
        await t.visit(s.buyer, s.interestPath);
        assert.ok((await t.text(s.buyer)).includes('báo giá 1,2 tỷ đồng'));
        await s.buyer.fill('[name=body]', 'Cảm ơn Viện, chúng tôi đồng ý và sẽ gửi đề xuất giao dịch.');
        await t.submit(s.buyer, 'form[action="?/message"] button[type=submit]');
        assert.equal(await s.buyer.locator('.thread li').count(), 3);
        await t.screenshot(s.buyer, 'interest-thread-vi');
        await t.axe(s.buyer, 'interest thread (vi)');
      },
    ],
    [
      'the business proposes a deal; the institute accepts it; it goes to the department',
      async (t, s) => {
        await s.buyer.fill('[name=value]', '1.200.000.000');
        await s.buyer.selectOption('[name=transferMode]', 'TECHNICAL_SERVICE');
        await s.buyer.fill('[name=terms]', 'Cung cấp hệ thống sấy 500 kg/mẻ, chuyển giao quy trình, đào tạo 5 ngày, bảo hành 12 tháng.');
        await t.submit(s.buyer, 'form[action="?/propose"] button[type=submit]');
        const url = new URL(s.buyer.url());
        assert.match(url.pathname, /^\/dashboard\/deals\/[\w-]+$/, await t.text(s.buyer));
        s.dealId = url.pathname.split('/').pop();
        const proposed = await t.text(s.buyer);
        assert.ok(proposed.includes('1.200.000.000 ₫'), `the value in VND: ${proposed}`);
        assert.ok(proposed.includes(msg('vi', 'deal_waitAnswer')), `waiting for the other side: ${proposed}`);
        assert.equal(await s.buyer.locator('button[formaction="?/accept"]').count(), 0, 'the proposer cannot accept its own proposal');
        await t.visit(s.supplier, '/dashboard');
        assert.equal(await s.supplier.locator(`section:has(#todo) a[href="/dashboard/deals/${s.dealId}"]`).innerText(), msg('vi', 'dash_todoDealAnswer'), 'the proposal waits on the institute');
        assert.equal(await s.buyer.locator(`section:has(#todo) a[href="/dashboard/deals/${s.dealId}"]`).count(), 0, 'not on the proposer');
        // The deals page's "waiting for you" tab lists it for the institute, not for the company.
        await t.visit(s.supplier, '/dashboard/deals?awaiting=1');
        assert.equal(await s.supplier.locator(`a[href="/dashboard/deals/${s.dealId}"]`).count(), 1, 'waiting for the institute');
        await t.visit(s.buyer, '/dashboard/deals?awaiting=1');
        assert.equal(await s.buyer.locator(`main a[href="/dashboard/deals/${s.dealId}"]`).count(), 0, 'not waiting for the company');
        await t.visit(s.supplier, `/dashboard/deals/${s.dealId}`);
        assert.ok((await t.text(s.supplier)).includes(msg('vi', 'deal_youAnswer')));
        await t.submit(s.supplier, 'button[formaction="?/accept"]');
        assert.ok((await t.text(s.supplier)).includes(label('vi', 'DealStatus', 'UNDER_REVIEW')), await t.text(s.supplier));
        // Sent for review by the platform as the acceptance's follow-up, not by the institute's member.
        const sent = s.supplier.locator('.timeline li').last();
        assert.ok(squash(await sent.innerText()).endsWith(msg('vi', 'deal_automatic')), await sent.innerText());
        await t.screenshot(s.supplier, 'deal-vi');
        await t.axe(s.supplier, 'deal (vi)');
      },
    ],
    [
      'the moderator approves the deal from “deals to review”',
      async (t, s) => {
        await t.visit(s.moderator, '/moderation/deals');
        await s.moderator.click(`a[href="/moderation/deals/${s.dealId}"]`);
        await s.moderator.fill('[name=note]', 'Hồ sơ hợp lệ.');
        await t.submit(s.moderator, 'button[formaction="?/approve"]');
        assert.ok((await t.text(s.moderator)).includes(label('vi', 'DealStatus', 'APPROVED')), await t.text(s.moderator));
        await t.screenshot(s.moderator, 'moderation-deal-vi');
      },
    ],
    [
      'both sides sign: the deal is SIGNED',
      async (t, s) => {
        await t.visit(s.buyer, `/dashboard/deals/${s.dealId}`);
        await t.submit(s.buyer, 'button[formaction="?/sign"]');
        assert.ok((await t.text(s.buyer)).includes(msg('vi', 'deal_waitSignature')), await t.text(s.buyer));
        await t.visit(s.supplier, '/dashboard');
        assert.equal(await s.supplier.locator(`section:has(#todo) a[href="/dashboard/deals/${s.dealId}"]`).innerText(), msg('vi', 'dash_todoDealSign'));
        await t.visit(s.supplier, `/dashboard/deals/${s.dealId}`);
        // told that the company signed, and when
        const told = await t.text(s.supplier, 'section:has(#deal-actions) p[role=status]');
        assert.ok(told.startsWith(msg('vi', 'deal_otherSignedYouSign', { date: '' }).split(' lúc')[0]), told);
        await t.submit(s.supplier, 'button[formaction="?/sign"]');
        const text = await t.text(s.supplier);
        assert.ok(text.includes(label('vi', 'DealStatus', 'SIGNED')), text);
        assert.equal(await s.supplier.locator('.steps li[aria-current=step]').innerText(), label('vi', 'DealStatus', 'SIGNED'));
        // Each side's signature with its time: "Đã ký lúc 17:41 …", not "ngày" before a time.
        const signed = (await s.supplier.locator('[data-signed]').allInnerTexts()).map((x) => x.trim());
        assert.equal(signed.length, 2, 'both sides');
        for (const line of signed) assert.match(line, /^Đã ký lúc \d{1,2}:\d{2}/, line);
      },
    ],
    [
      'a member of another organisation cannot open their conversation, their deal or their listings’ management pages',
      async (t, s) => {
        const stranger = await t.newPage('vi');
        await register(t, stranger, { name: 'Người ngoài cuộc' });
        await createOrganization(t, stranger, { name: `Công ty Khác ${tag}` });
        await t.visit(stranger, s.interestPath, 404);
        await t.visit(stranger, `/dashboard/deals/${s.dealId}`, 404);
        await t.visit(stranger, `/dashboard/listings/${s.demandId}`, 404);
        await t.visit(stranger, `/moderation/deals/${s.dealId}`, 404);
        await t.visit(stranger, '/dashboard/interests');
        assert.equal(await stranger.locator(`a[href="${s.interestPath}"]`).count(), 0);
      },
    ],
    [
      'the moderator’s statistics and CSV export include the deal',
      async (t, s) => {
        await t.visit(s.moderator, '/moderation/stats');
        await t.screenshot(s.moderator, 'moderation-stats-vi');
        await t.axe(s.moderator, 'moderation statistics (vi)');
        const res = await s.moderator.context().request.get(`${t.webUrl}/moderation/stats/deals.csv`);
        assert.equal(res.status(), 200);
        assert.match(res.headers()['content-type'], /text\/csv/);
        const csv = await res.text();
        assert.ok(csv.includes(OFFER.title), 'the register lists the deal');
        assert.ok(csv.includes(s.buyerOrg) && csv.includes(s.supplierOrg));
        // A member may not download it.
        const member = await s.buyer.context().request.get(`${t.webUrl}/moderation/stats/deals.csv`);
        assert.equal(member.status(), 404);
      },
    ],
    [
      'the sitemap lists both published listings; the organisation page shows the offer',
      async (t, s) => {
        // The sitemap is kept a minute (another test may have asked for it just before): wait past that at most.
        let xml = '';
        await t.eventually(
          async () => {
            xml = await (await fetch(`${t.webUrl}/sitemap.xml`)).text();
            return xml.includes(`${t.webUrl}${s.demandPath}</loc>`) && xml.includes(`${t.webUrl}${s.offerPath}</loc>`);
          },
          { timeout: 75_000, interval: 2_000, what: 'both listings in the sitemap' },
        );
        assert.ok(xml.includes(`${t.webUrl}${s.demandPath}</loc>`), 'demand in sitemap');
        assert.ok(xml.includes(`${t.webUrl}${s.offerPath}</loc>`), 'offer in sitemap');
        const visitor = await t.newPage('vi');
        await t.visit(visitor, s.offerPath);
        await visitor.click('aside a[href^="/organizations/"]');
        assert.equal(await t.text(visitor, 'h1'), s.supplierOrg);
        assert.ok((await visitor.locator(`a[href="${s.offerPath}"]`).count()) > 0, 'the organisation lists its offer');
        await t.screenshot(visitor, 'organization-vi');
        await t.axe(visitor, 'organisation (vi)');
      },
    ],
  ]);
}
