// The rest of the member lifecycle, each set up through the API and done through the page a
// member would use: adding a member to an organisation, archiving a published listing,
// withdrawing an interest, completing a signed deal and cancelling one, archiving an expert
// profile. The outcome is checked at
// the API, which decides.
import assert from 'node:assert/strict';
import { PASSWORD, assertFitsScreen, label, msg, uniq } from './support/harness.mjs';
import { login } from './support/flows.mjs';
import { adminToken, apiAddMember, apiOrganization, apiPublishedListing, apiUser } from './support/api.mjs';

const offer = (title) => ({
  kind: 'OFFER',
  title: `${title} ${uniq('')}`,
  summary: 'Máy sấy bơm nhiệt cho hợp tác xã, sấy lạnh trái cây và rau củ, giữ màu, tiết kiệm điện năng rõ rệt.',
  description: 'Buồng sấy bơm nhiệt công suất 500 kg mẻ, điều khiển nhiệt độ và độ ẩm tự động, đã chuyển giao cho nhiều hợp tác xã trái cây ở Đồng bằng sông Cửu Long.',
  fieldCodes: ['407'],
  keywords: ['sấy lạnh', 'bơm nhiệt'],
  trl: 7,
  transferModes: ['LICENSING'],
  priceMin: 300000000,
  priceMax: 500000000,
  provinceCode: 'can-tho',
});

/** A supplier with a published offer, and a buyer whose organisation has expressed interest in it. */
async function interestSetUp(t) {
  const seller = await apiUser(t, 'Người bán thử');
  const sellerOrg = await apiOrganization(t, seller.token, { kind: 'RESEARCH_INSTITUTE', provinceCode: 'can-tho' });
  const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer('Máy sấy bơm nhiệt'));
  const buyer = await apiUser(t, 'Người mua thử');
  const buyerOrg = await apiOrganization(t, buyer.token, { kind: 'ENTERPRISE', provinceCode: 'ha-noi' });
  const { expressInterest } = await t.gql(
    `mutation($l: ID!, $o: ID!) { expressInterest(listingId: $l, organizationId: $o, message: "Chúng tôi cần sấy 2 tấn xoài mỗi ngày.") { id } }`,
    { l: listing.id, o: buyerOrg.id },
    buyer.token,
  );
  return { seller, buyer, sellerOrg, buyerOrg, listing, interestId: expressInterest.id };
}

/** An interest accepted and a deal proposed by the buyer, accepted by the seller and approved by the department. */
async function approvedDeal(t) {
  const s = await interestSetUp(t);
  await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }`, { id: s.interestId }, s.seller.token);
  const { proposeDeal } = await t.gql(
    `mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`,
    { i: { interestId: s.interestId, value: 420000000, transferMode: 'LICENSING', terms: 'Li-xăng 3 năm, lắp đặt và đào tạo vận hành.' } },
    s.buyer.token,
  );
  await t.gql(`mutation($id: ID!) { respondToDeal(id: $id, accept: true) { id } }`, { id: proposeDeal.id }, s.seller.token);
  await t.gql(`mutation($id: ID!) { reviewDeal(id: $id, decision: APPROVE) { id } }`, { id: proposeDeal.id }, await adminToken(t));
  return { ...s, dealId: proposeDeal.id };
}

const dealStatus = async (t, token, id) => (await t.gql(`query($id: ID!) { deal(id: $id) { status } }`, { id }, token)).deal.status;

/** An expert profile of `expert`'s, submitted for review: its id and slug. */
async function submittedExpertProfile(t, expert, fullName) {
  const { upsertMyExpertProfile: profile } = await t.gql(
    `mutation($i: ExpertProfileInput!) { upsertMyExpertProfile(input: $i) { id slug } }`,
    {
      i: {
        fullName,
        headline: 'Chuyên gia công nghệ sau thu hoạch và sấy nông sản',
        bio: 'Mười lăm năm nghiên cứu và chuyển giao công nghệ sấy, bảo quản trái cây cho hợp tác xã và doanh nghiệp chế biến.',
        fieldCodes: ['407'],
        services: ['Tư vấn thiết kế lò sấy'],
        provinceCode: 'can-tho',
      },
    },
    expert.token,
  );
  await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: profile.id }, expert.token);
  return profile;
}

export default function (h) {
  h.test('lifecycle: an owner invites a member by e-mail; once they accept, they see the organisation', async (t) => {
    const owner = await apiUser(t, 'Chủ tổ chức');
    const org = await apiOrganization(t, owner.token);
    const colleague = await apiUser(t, 'Đồng nghiệp');
    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/organizations/${org.id}`);
    // Not an e-mail address: an error beside the field.
    await page.fill('form[action="?/addMember"] [name=email]', 'khong-phai-email');
    await t.submit(page, 'form[action="?/addMember"] button[type=submit]');
    assert.equal(await page.locator('#f-email-error').count(), 1, `an error beside the e-mail: ${await t.text(page, 'main')}`);
    await page.fill('form[action="?/addMember"] [name=email]', colleague.email);
    await t.submit(page, 'form[action="?/addMember"] button[type=submit]');
    // The notice is with the invitation form (layout.e2e.mjs), not at the top of the page.
    assert.equal(await t.text(page, '#add-member [role=status]'), msg('vi', 'done_memberInvited'));
    assert.equal(await page.locator(`li[data-email="${colleague.email}"]`).count(), 1, 'the invitation is listed as pending');
    assert.ok(!(await t.text(page, 'table')).includes('Đồng nghiệp'), 'not a member before accepting');

    // The colleague opens the e-mailed link, logs in, and accepts.
    const link = await t.linkFromMail(colleague.email, '/invitations/');
    const theirs = await t.newPage('vi');
    await t.visit(theirs, link);
    assert.ok((await t.text(theirs)).includes(org.name), 'the invitation names the organisation');
    await theirs.click(`main a:has-text("${msg('vi', 'nav_login')}")`);
    await theirs.fill('[name=email]', colleague.email);
    await theirs.fill('[name=password]', colleague.password);
    await t.submit(theirs, 'main form button[type=submit]');
    assert.equal(new URL(theirs.url()).pathname, new URL(link, t.webUrl).pathname, 'back on the invitation after logging in');
    await t.submit(theirs, 'main form button[type=submit]');
    assert.equal(new URL(theirs.url()).pathname, `/dashboard/organizations/${org.id}`);
    assert.equal(await t.text(theirs, '[role=status]'), msg('vi', 'done_invitationAccepted'));
    const { me } = await t.gql(`{ me { organizations { id } } }`, {}, colleague.token);
    assert.ok(me.organizations.some((o) => o.id === org.id), 'the API counts them as a member');
    await t.visit(page, `/dashboard/organizations/${org.id}`);
    assert.ok((await t.text(page, 'table')).includes('Đồng nghiệp'), 'the new member is listed');
    assert.ok((await t.text(page, 'table')).includes(colleague.email), 'with the address they were invited at');
  });

  h.test('lifecycle: an owner cancels an invitation sent to a mistyped address; its link stops working, and members cannot cancel', async (t) => {
    const owner = await apiUser(t, 'Chủ tổ chức');
    const org = await apiOrganization(t, owner.token);
    const colleague = await apiUser(t, 'Đồng nghiệp');
    const invite = (email) => t.gql('mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { id } }', { o: org.id, e: email }, owner.token);
    await invite(colleague.email);
    const token = (link) => new URL(link, t.webUrl).pathname.split('/').pop();
    await t.gql('mutation($t: String!) { acceptOrganizationInvitation(token: $t) { role } }', { t: token(await t.linkFromMail(colleague.email, '/invitations/')) }, colleague.token);
    const mistyped = `${uniq('nham.dia.chi')}@example.vn`;
    const kept = `${uniq('dung.dia.chi')}@example.vn`;
    await invite(mistyped);
    await invite(kept);
    const link = await t.linkFromMail(mistyped, '/invitations/');

    // A member who is not an owner sees the pending invitations, without a way to cancel them.
    const theirs = await t.newPage('vi');
    await login(t, theirs, colleague.email);
    await t.visit(theirs, `/dashboard/organizations/${org.id}`);
    assert.equal(await theirs.locator(`li[data-email="${mistyped}"]`).count(), 1, 'members see the pending invitation');
    assert.equal(await theirs.locator('form[action="?/cancelInvitation"]').count(), 0, 'no cancel button for a member');

    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/organizations/${org.id}`);
    const cancel = page.locator(`li[data-email="${mistyped}"] form[action="?/cancelInvitation"] button`);
    assert.equal(await cancel.getAttribute('aria-label'), msg('vi', 'org_cancelInvitationLabel', { email: mistyped }), 'the button says whose invitation it cancels');
    await t.axe(page, 'organisation with pending invitations');
    await t.screenshot(page, 'organisation-pending-invitations');
    await t.submit(page, `li[data-email="${mistyped}"] form[action="?/cancelInvitation"] button`);
    // The confirmation, naming the address, is beside the list; the other invitation stays.
    assert.equal(await t.text(page, '#invitations [role=status]'), msg('vi', 'done_invitationCancelled', { who: mistyped }));
    assert.equal(await page.locator(`li[data-email="${mistyped}"]`).count(), 0, 'the cancelled invitation is gone');
    assert.equal(await page.locator(`li[data-email="${kept}"]`).count(), 1, 'the other invitation is still pending');

    // The e-mailed link now says the invitation is no longer valid.
    const guest = await t.newPage('vi');
    await t.visit(guest, link);
    assert.ok((await t.text(guest, 'main')).includes(msg('vi', 'invitation_invalid')), `the dead link says so: ${await t.text(guest, 'main')}`);

    // Cancelling the last one keeps the confirmation in view, in English too.
    const en = await t.newPage('en');
    await login(t, en, owner.email);
    await t.visit(en, `/dashboard/organizations/${org.id}`);
    await t.submit(en, `li[data-email="${kept}"] form[action="?/cancelInvitation"] button`);
    assert.equal(await t.text(en, '#invitations [role=status]'), msg('en', 'done_invitationCancelled', { who: kept }));
    assert.equal(await en.locator('ul.invitations').count(), 0, 'no pending invitation left');
  });

  h.test('lifecycle: a visitor who registers from a listing comes back to it, and an invited address to its invitation', async (t) => {
    const seller = await apiUser(t, 'Người bán thử');
    const sellerOrg = await apiOrganization(t, seller.token, { provinceCode: 'can-tho' });
    const listing = await apiPublishedListing(t, seller.token, sellerOrg.id, offer('Máy sấy lạnh'));
    const here = `/listings/${listing.slug}`;
    const page = await t.newPage('en');
    await t.visit(page, here);
    // The header's links lead back here; the listing's own back to its interest form, not the top
    // of a long page (on a phone the form is screens below).
    assert.equal(await page.locator(`header a[href="/login?next=${encodeURIComponent(here)}"]`).count(), 1, 'the header log-in link carries the page');
    const form = `${here}#interest`;
    assert.equal(await page.locator(`main a[href="/login?next=${encodeURIComponent(form)}"]`).count(), 1, "the listing's log-in link leads back to its interest form");
    await page.click(`main a[href="/register?next=${encodeURIComponent(form)}"]`);
    const email = `${uniq('back')}@example.vn`;
    await page.fill('[name=displayName]', 'Visitor Who Registers');
    await page.fill('[name=email]', email);
    await page.fill('[name=password]', PASSWORD);
    await page.fill('[name=passwordConfirm]', PASSWORD);
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).search, '?sent=1', `registered: ${await t.text(page, 'main')}`);
    // The link is opened in the same browser: after activating, the organisation step offers the way back…
    await t.visit(page, await t.linkFromMail(email, '/activate/'));
    await t.submit(page, 'main form button[type=submit]');
    const step = new URL(page.url());
    assert.equal(step.pathname, '/dashboard/organizations/new');
    assert.equal(step.searchParams.get('next'), form);
    assert.equal(await page.locator(`main a[href="${form}"]`).innerText(), msg('en', 'org_later'));
    // …and creating the organisation leads there, now signed in and able to act on it.
    await page.fill('[name=name]', `Buyer Co ${uniq('')}`);
    await page.selectOption('[name=kind]', 'ENTERPRISE');
    await page.selectOption('[name=provinceCode]', 'ha-noi');
    await t.submit(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, here, `after creating the organisation: ${page.url()}`);
    assert.equal(new URL(page.url()).hash, '#interest', `at the interest form: ${page.url()}`);
    assert.equal(await page.locator(`main a[href="/login?next=${encodeURIComponent(form)}"]`).count(), 0, 'signed in: no log-in prompt on the listing');
    assert.equal(await page.locator('section[aria-labelledby=interest] textarea[name=message]').count(), 1, 'the interest form, to write to the seller');

    // An address invited before it had an account registers from the invitation and lands on it.
    const invited = `${uniq('invited')}@example.vn`;
    await t.gql('mutation($o: ID!, $e: String!) { addOrganizationMember(organizationId: $o, email: $e) { __typename } }', { o: sellerOrg.id, e: invited }, seller.token);
    const link = new URL(await t.linkFromMail(invited, '/invitations/'), t.webUrl).pathname;
    const guest = await t.newPage('vi');
    await t.visit(guest, link);
    await guest.click(`main a[href="/register?next=${encodeURIComponent(link)}"]`);
    await guest.fill('[name=displayName]', 'Người được mời');
    await guest.fill('[name=email]', invited);
    await guest.fill('[name=password]', PASSWORD);
    await guest.fill('[name=passwordConfirm]', PASSWORD);
    await t.submit(guest, 'main form button[type=submit]');
    await t.visit(guest, await t.linkFromMail(invited, '/activate/'));
    await t.submit(guest, 'main form button[type=submit]');
    assert.equal(new URL(guest.url()).pathname, link, 'after activating: the invitation, to accept');
    await t.submit(guest, 'main form button[type=submit]');
    assert.equal(new URL(guest.url()).pathname, `/dashboard/organizations/${sellerOrg.id}`);
    assert.equal(await t.text(guest, '[role=status]'), msg('vi', 'done_invitationAccepted'));
  });

  h.test('lifecycle: an owner archives a published listing, saying why: it leaves the public pages, the why stays in its history', async (t) => {
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { provinceCode: 'can-tho' });
    const listing = await apiPublishedListing(t, owner.token, org.id, offer('Lò sấy trấu'));
    // In English first (the question only), then taken down in Vietnamese on a phone.
    for (const lang of ['en', 'vi']) {
      const page = await t.newPage(lang, { phone: lang === 'vi' });
      await login(t, page, owner.email);
      await t.visit(page, `/dashboard/listings/${listing.id}`);
      if (lang === 'en') {
        // Asked once more: the button is behind the question, which says it is final.
        assert.equal(await page.locator('form[action="?/archive"] button').isVisible(), false, 'not one click away');
        await page.locator('#archive-listing summary').click();
        assert.equal(await t.text(page, '#archive-help'), msg('en', 'manage_archiveHelp'));
        assert.equal(await t.text(page, '#archive-listing legend'), msg('en', 'manage_archiveReason'));
        continue;
      }
      await page.locator('#archive-listing summary').click();
      await assertFitsScreen(page, 'the archive question on a phone');
      await page.getByLabel(msg('vi', 'manage_archiveReasonTransferred')).check();
      await page.getByLabel(msg('vi', 'manage_archiveDetails')).fill('Chuyển giao cho Công ty Cơ khí Tây Đô');
      await t.submit(page, 'form[action="?/archive"] button');
      const { listing: after } = await t.gql(`query($id: ID!) { listing(id: $id) { status } }`, { id: listing.id }, owner.token);
      assert.equal(after.status, 'ARCHIVED');
      assert.equal(await page.locator('form[action="?/archive"]').count(), 0, 'no second archive button');
      const why = `${msg('vi', 'manage_archiveReasonTransferred')}: Chuyển giao cho Công ty Cơ khí Tây Đô`;
      assert.ok((await t.text(page, 'section[aria-labelledby=history-title] li:last-child')).includes(`“${why}”`), 'the why is in the history');
    }
    const visitor = await t.newPage('vi');
    const res = await visitor.goto(`${t.webUrl}/listings/${listing.slug}`);
    assert.equal(res.status(), 404, 'the public no longer finds it');
  });

  h.test('lifecycle: My listings marks a listing expiring within two weeks with the way to renew it; an archived listing is "listed until" no date', async (t) => {
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { provinceCode: 'can-tho' });
    const soon = await apiPublishedListing(t, owner.token, org.id, offer('Lò sấy trấu'));
    const later = await apiPublishedListing(t, owner.token, org.id, offer('Máy sấy bơm nhiệt'));
    await t.sql(`UPDATE listing SET expires_at = now() + interval '5 days' WHERE id = $1`, [soon.id]);
    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, '/dashboard/listings');
    const item = (id) => page.locator('main li', { has: page.locator(`h2 a[href="/dashboard/listings/${id}"]`) });
    const expiresSoon = msg('vi', 'manage_expiresSoon', { date: '' }).split('(')[0];
    assert.ok((await t.text(page, `main li:has(h2 a[href="/dashboard/listings/${soon.id}"]) [data-expires-soon]`)).startsWith(expiresSoon), 'the listing about to expire says so');
    assert.equal(await item(later.id).locator('[data-expires-soon]').count(), 0, 'a listing a year from its expiry does not');
    await item(soon.id).locator('a', { hasText: msg('vi', 'manage_renew') }).click();
    await page.waitForURL(`**/dashboard/listings/${soon.id}`);
    await t.submit(page, 'form[action="?/renew"] button');
    const { listing: renewed } = await t.gql(`query($id: ID!) { listing(id: $id) { expiresAt } }`, { id: soon.id }, owner.token);
    assert.ok(new Date(renewed.expiresAt).getTime() > Date.now() + 300 * 86_400_000, `renewed for a term: ${renewed.expiresAt}`);
    await t.visit(page, '/dashboard/listings');
    assert.equal(await item(soon.id).locator('[data-expires-soon]').count(), 0, 'renewed: no longer about to expire');

    await t.visit(page, `/dashboard/listings/${later.id}`);
    const listedUntil = msg('vi', 'listing_expiresOn', { date: '' }).trim();
    assert.ok((await t.text(page)).includes(listedUntil), 'published: listed until a date');
    await page.locator('#archive-listing summary').click();
    await t.submit(page, 'form[action="?/archive"] button');
    const text = await t.text(page);
    assert.ok(!text.includes(listedUntil), `archived: listed nowhere, so until no date: ${text.slice(0, 300)}`);
    assert.equal(await page.locator('form[action="?/renew"]').count(), 0, 'nothing to renew once archived');
  });

  h.test('lifecycle: My listings says which listings draw interest, and the count leads to their conversations', async (t) => {
    const s = await interestSetUp(t);
    const { listing: info } = await t.gql(`query($id: ID!) { listing(id: $id) { title organization { id } } }`, { id: s.listing.id }, s.seller.token);
    const quiet = await apiPublishedListing(t, s.seller.token, info.organization.id, offer('Lò hơi sinh khối'));
    const page = await t.newPage('vi');
    await login(t, page, s.seller.email);
    await t.visit(page, '/dashboard/listings');
    const counts = (id) => `main li:has(h2 a[href="/dashboard/listings/${id}"]) .listing-stats`;
    const views = msg('vi', 'listing_statsViews', { count: 0 });
    assert.equal(await t.text(page, counts(s.listing.id)), `${views} · ${msg('vi', 'listing_statsInterests', { count: 1 })} · ${msg('vi', 'manage_interestsAwaiting', { count: 1 })}`);
    assert.equal(await t.text(page, counts(quiet.id)), `${views} · ${msg('vi', 'listing_statsInterests', { count: 0 })}`);
    await page.locator(`${counts(s.listing.id)} a`).click();
    await page.waitForURL(`**/dashboard/interests?listing=${s.listing.id}`);
    assert.equal(await t.text(page, '[data-listing-filter]'), `${msg('vi', 'interests_forListing', { title: info.title })} ${msg('vi', 'interests_showAll')}`);
    assert.deepEqual(await page.locator('main a[href^="/dashboard/interests/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [`/dashboard/interests/${s.interestId}`]);
    // Answered: no longer waiting.
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }`, { id: s.interestId }, s.seller.token);
    await t.visit(page, '/dashboard/listings');
    assert.equal(await t.text(page, counts(s.listing.id)), `${views} · ${msg('vi', 'listing_statsInterests', { count: 1 })}`);
  });

  h.test('lifecycle: a business that has just sent its demand for review is led from its page to the offers that fit it', async (t) => {
    const owner = await apiUser(t, 'Chủ doanh nghiệp thủy sản');
    const org = await apiOrganization(t, owner.token, { provinceCode: 'ca-mau' });
    const demand = { ...offer('Cần hệ thống xử lý nước thải chế biến tôm'), kind: 'DEMAND', organizationId: org.id, currency: 'VND', negotiable: true };
    const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id slug } }`, { i: demand }, owner.token);
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id }, owner.token);
    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, '/dashboard/listings/new?kind=DEMAND');
    assert.ok((await t.text(page)).includes(msg('vi', 'listingForm_leadDemand')), 'the form says when the matches can be seen');
    await t.visit(page, `/dashboard/listings/${createListing.id}`);
    const link = page.locator('main a[data-matches]');
    assert.equal((await link.textContent()).trim(), msg('vi', 'manage_toMatchesDemand'));
    await link.click();
    await page.waitForURL(/#matches$/);
    assert.equal(new URL(page.url()).pathname, `/listings/${createListing.slug}`);
    assert.equal(await t.text(page, '#matches'), msg('vi', 'matches_titleForDemand'));
    assert.ok(!(await t.text(page, '.listing-matches')).includes(msg('vi', 'matches_afterPublication')), 'in review, the owner already sees the matching');
  });

  h.test('lifecycle: an owner withdraws a listing from review to fix a typo, then sends it again', async (t) => {
    const owner = await apiUser(t, 'Chủ tin đăng');
    const org = await apiOrganization(t, owner.token, { provinceCode: 'can-tho' });
    const { createListing } = await t.gql(`mutation($i: ListingInput!) { createListing(input: $i) { id } }`, { i: { organizationId: org.id, currency: 'VND', negotiable: true, ...offer('Máy sấy bơm nhiêt') } }, owner.token);
    const id = createListing.id;
    await t.gql(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id }, owner.token);
    const page = await t.newPage('vi');
    await login(t, page, owner.email);
    await t.visit(page, `/dashboard/listings/${id}`);
    // In review: no edit form, but the way back to it, saying what it does.
    assert.equal(await page.locator('#listing-form').count(), 0, 'no edit form while in review');
    const button = page.locator('form[action="?/withdraw"] button');
    assert.equal((await button.textContent()).trim(), msg('vi', 'manage_withdraw'));
    assert.equal(await t.text(page, '#withdraw-help'), msg('vi', 'manage_withdrawHelp'));
    await t.submit(page, 'form[action="?/withdraw"] button');
    assert.equal(await t.text(page, '[role=status]'), msg('vi', 'done_listingWithdrawn'));
    const status = async () => (await t.gql(`query($id: ID!) { listing(id: $id) { status title } }`, { id }, owner.token)).listing;
    assert.equal((await status()).status, 'DRAFT');
    assert.equal(await page.locator('form[action="?/withdraw"]').count(), 0, 'no second withdraw button');
    assert.ok((await t.text(page, '.timeline')).includes(msg('vi', 'listingAction_WITHDRAW')), 'the history names the step');

    // The form is back: the typo is fixed and the listing sent again.
    const title = (await page.inputValue('#listing-form [name=title]')).replace('nhiêt', 'nhiệt');
    await page.fill('#listing-form [name=title]', title);
    await t.submit(page, 'button[formaction="?/submit"]');
    assert.deepEqual(await status(), { status: 'PENDING_REVIEW', title });
  });

  h.test('lifecycle: a business withdraws its interest from the conversation page', async (t) => {
    const s = await interestSetUp(t);
    const page = await t.newPage('vi');
    await login(t, page, s.buyer.email);
    await t.visit(page, `/dashboard/interests/${s.interestId}`);
    await t.submit(page, 'form[action="?/withdraw"] button');
    const { interest } = await t.gql(`query($id: ID!) { interest(id: $id) { status } }`, { id: s.interestId }, s.buyer.token);
    assert.equal(interest.status, 'WITHDRAWN');
    assert.equal(await page.locator('form[action="?/withdraw"]').count(), 0, 'nothing left to withdraw');
  });

  h.test('lifecycle: the conversation page says which side proposed each deal, as the deal page does, "you" for the viewer’s own', async (t) => {
    const s = await interestSetUp(t);
    await t.gql(`mutation($id: ID!) { respondToInterest(id: $id, accept: true) { id } }`, { id: s.interestId }, s.seller.token);
    const propose = async (token, value) =>
      (await t.gql(`mutation($i: DealInput!) { proposeDeal(input: $i) { id } }`, { i: { interestId: s.interestId, value, transferMode: 'LICENSING', terms: 'Li-xăng 3 năm, lắp đặt và đào tạo vận hành.' } }, token)).proposeDeal.id;
    // The buyer's proposal, cancelled; then the seller's.
    const byBuyer = await propose(s.buyer.token, 420000000);
    await t.gql(`mutation($id: ID!) { cancelDeal(id: $id, note: "Cần đàm phán lại giá.") { id } }`, { id: byBuyer }, s.buyer.token);
    const bySeller = await propose(s.seller.token, 480000000);
    const proposerOf = (page, dealId) => t.text(page, `li:has(a[href="/dashboard/deals/${dealId}"]) [data-deal-proposer]`);

    const sellerPage = await t.newPage('vi');
    await login(t, sellerPage, s.seller.email);
    await t.visit(sellerPage, `/dashboard/interests/${s.interestId}`);
    assert.equal(await proposerOf(sellerPage, byBuyer), `${msg('vi', 'deal_proposer')}: ${s.buyerOrg.name}`);
    assert.equal(await proposerOf(sellerPage, bySeller), `${msg('vi', 'deal_proposer')}: ${s.sellerOrg.name} (${msg('vi', 'deal_you')})`);
    // The deal page names it the same way.
    await t.visit(sellerPage, `/dashboard/deals/${bySeller}`);
    assert.equal(await t.text(sellerPage, 'dd[data-deal-proposer]'), `${s.sellerOrg.name} (${msg('vi', 'deal_you')})`);

    const buyerPage = await t.newPage('en');
    await login(t, buyerPage, s.buyer.email);
    await t.visit(buyerPage, `/dashboard/interests/${s.interestId}`);
    assert.equal(await proposerOf(buyerPage, byBuyer), `${msg('en', 'deal_proposer')}: ${s.buyerOrg.name} (${msg('en', 'deal_you')})`);
    assert.equal(await proposerOf(buyerPage, bySeller), `${msg('en', 'deal_proposer')}: ${s.sellerOrg.name}`);
  });

  h.test('lifecycle: once the seller archives its listing, the buyer’s conversation and deal pages say so instead of linking to a page not found; the seller’s still link to it', async (t) => {
    const s = await approvedDeal(t);
    await t.gql(`mutation($id: ID!) { archiveListing(id: $id) { status } }`, { id: s.listing.id }, s.seller.token);
    const buyerPage = await t.newPage('vi', { phone: true });
    await login(t, buyerPage, s.buyer.email);
    for (const path of [`/dashboard/interests/${s.interestId}`, `/dashboard/deals/${s.dealId}`]) {
      await t.visit(buyerPage, path);
      assert.equal(await buyerPage.locator(`main a[href="/listings/${s.listing.slug}"]`).count(), 0, `no link to the archived listing on ${path}`);
      assert.equal(await t.text(buyerPage, '[data-listing-archived]'), msg('vi', 'thread_listingArchived'));
    }
    await t.visit(buyerPage, `/listings/${s.listing.slug}`, 404);
    // The deal goes on: the buyer still signs.
    await t.visit(buyerPage, `/dashboard/deals/${s.dealId}`);
    await t.submit(buyerPage, 'button[formaction="?/sign"]');
    assert.equal(await dealStatus(t, s.buyer.token, s.dealId), 'APPROVED');
    const sellerPage = await t.newPage('vi');
    await login(t, sellerPage, s.seller.email);
    await t.visit(sellerPage, `/dashboard/deals/${s.dealId}`);
    assert.equal(await sellerPage.locator(`main a[href="/listings/${s.listing.slug}"]`).count(), 1, 'the owner still opens its listing');
    assert.equal(await sellerPage.locator('[data-listing-archived]').count(), 0);
  });

  h.test('lifecycle: both parties sign an approved deal and one marks it completed; another deal is cancelled', async (t) => {
    const signed = await approvedDeal(t);
    const buyerPage = await t.newPage('vi');
    await login(t, buyerPage, signed.buyer.email);
    await t.visit(buyerPage, `/dashboard/deals/${signed.dealId}`);
    await t.submit(buyerPage, 'button[formaction="?/sign"]');
    await t.gql(`mutation($id: ID!) { markDealSigned(id: $id) { id } }`, { id: signed.dealId }, signed.seller.token);
    assert.equal(await dealStatus(t, signed.buyer.token, signed.dealId), 'SIGNED');
    await t.visit(buyerPage, `/dashboard/deals/${signed.dealId}`);
    await t.submit(buyerPage, 'button[formaction="?/complete"]');
    assert.equal(await dealStatus(t, signed.buyer.token, signed.dealId), 'COMPLETED');
    assert.equal(await buyerPage.locator('form[action="?/cancel"]').count(), 0, 'a completed deal cannot be cancelled');
    // it says it is completed, and when (not "nothing for you to do")
    const status = await t.text(buyerPage, 'section:has(#deal-actions) p[role=status]');
    assert.ok(status.startsWith(msg('vi', 'deal_completedOn', { date: '' }).split(' lúc')[0]) && /\d{4}/.test(status), status);

    const dropped = await approvedDeal(t);
    const sellerPage = await t.newPage('vi');
    await login(t, sellerPage, dropped.seller.email);
    await t.visit(sellerPage, `/dashboard/deals/${dropped.dealId}`);
    // Cancelling takes a second step and a reason: without one, nothing happens and the reason is asked for.
    await sellerPage.click('details.cancel-deal summary');
    await t.submit(sellerPage, 'form[action="?/cancel"] button[type=submit]');
    assert.equal(await dealStatus(t, dropped.seller.token, dropped.dealId), 'APPROVED');
    assert.equal(await sellerPage.locator('#cancel-note[aria-invalid=true]').count(), 1, `the reason is asked for: ${await t.text(sellerPage)}`);
    await sellerPage.fill('#cancel-note', 'Bên mua đổi kế hoạch đầu tư.');
    await t.submit(sellerPage, 'form[action="?/cancel"] button[type=submit]');
    assert.equal(await dealStatus(t, dropped.seller.token, dropped.dealId), 'CANCELLED');
    const after = await t.text(sellerPage);
    assert.ok(after.includes(msg('vi', 'done_dealCancelled')) && after.includes('Bên mua đổi kế hoạch đầu tư.'), after);
    // The progress shows the steps it reached, then how it ended: no "signed" or "completed" it never reached.
    const steps = await sellerPage.locator('.steps li').allInnerTexts();
    // The steps taken are marked, not only tinted (a reader who cannot tell the tints apart).
    const marks = await sellerPage.locator('.steps li.done').evaluateAll((lis) => lis.map((li) => getComputedStyle(li, '::before').content));
    assert.ok(marks.length > 0 && marks.every((c) => c.includes('✓')), `marks: ${marks.join(' | ')}`);
    assert.equal(steps.at(-1), label('vi', 'DealStatus', 'CANCELLED'));
    assert.ok(!steps.includes(label('vi', 'DealStatus', 'COMPLETED')) && !steps.includes(label('vi', 'DealStatus', 'SIGNED')), steps.join(' | '));
    // Not a dead end: the way back to the conversation's proposal form, for new terms.
    assert.equal(await t.text(sellerPage, 'section:has(#deal-actions) p[role=status]'), msg('vi', 'deal_endedProposeAgain'));
    await sellerPage.locator('a[href$="#propose"]').click();
    await sellerPage.waitForURL(/\/dashboard\/interests\/[\w-]+#propose$/);
    assert.equal(await sellerPage.locator('form#propose').count(), 1, await t.text(sellerPage));
  });

  h.test('lifecycle: an officer who comes to write her researchers\' expert profiles is told how, and led to the invitation form', async (t) => {
    const officer = await apiUser(t, 'Cán bộ chuyển giao');
    const org = await apiOrganization(t, officer.token, { kind: 'UNIVERSITY', provinceCode: 'hai-phong' });
    const page = await t.newPage('vi');
    await login(t, page, officer.email);
    await t.visit(page, '/dashboard/expert');
    assert.equal(await t.text(page, '[data-for-researchers] p'), msg('vi', 'expertForm_forResearchers'));
    const invite = page.locator('[data-for-researchers] a', { hasText: msg('vi', 'expertForm_inviteResearcher', { organization: org.name }) });
    assert.equal(await invite.getAttribute('href'), `/dashboard/organizations/${org.id}#add-member`);
    await invite.click();
    await page.waitForURL(`**/dashboard/organizations/${org.id}#add-member`);
    assert.equal(await page.locator('#add-member form[action="?/addMember"] [name=email]').count(), 1, 'the invitation form is there');
    // The researcher, once a member, finds the university already chosen as the affiliation of the profile they start.
    const researcher = await apiUser(t, 'Nhà nghiên cứu');
    await apiAddMember(t, officer.token, org.id, researcher);
    const theirs = await t.newPage('vi');
    await login(t, theirs, researcher.email);
    await t.visit(theirs, '/dashboard/expert');
    assert.equal(await theirs.locator('[name=organizationId]').inputValue(), org.id);
    // Someone with no organisation has no one to invite: no such panel.
    const loner = await apiUser(t, 'Chuyên gia độc lập');
    const other = await t.newPage('vi');
    await login(t, other, loner.email);
    await t.visit(other, '/dashboard/expert');
    assert.equal(await other.locator('[data-for-researchers]').count(), 0);
  });

  h.test('lifecycle: a university\'s public page lists its researchers\' published expert profiles, each a link to the profile', async (t) => {
    const officer = await apiUser(t, 'Cán bộ chuyển giao');
    const org = await apiOrganization(t, officer.token, { kind: 'UNIVERSITY', provinceCode: 'can-tho' });
    const researcher = await apiUser(t, 'Nhà nghiên cứu');
    await apiAddMember(t, officer.token, org.id, researcher);
    const name = `TS. Lê Văn Sấy ${uniq('')}`;
    const { upsertMyExpertProfile: p } = await t.gql(
      `mutation($i: ExpertProfileInput!) { upsertMyExpertProfile(input: $i) { id slug headline } }`,
      { i: { fullName: name, headline: 'Chuyên gia công nghệ sau thu hoạch và sấy nông sản', bio: 'Mười lăm năm nghiên cứu và chuyển giao công nghệ sấy, bảo quản trái cây cho hợp tác xã và doanh nghiệp chế biến.', fieldCodes: ['407'], services: ['Tư vấn thiết kế lò sấy'], provinceCode: 'can-tho', organizationId: org.id } },
      researcher.token,
    );
    const visitor = await t.newPage('vi');
    await t.visit(visitor, `/organizations/${org.slug}`);
    assert.equal(await visitor.locator('[data-org-experts]').count(), 0, 'a draft profile is not shown');
    await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id }, researcher.token);
    await t.gql(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id } }`, { id: p.id }, await adminToken(t));
    await t.visit(visitor, `/organizations/${org.slug}`);
    assert.equal(await t.text(visitor, '[data-org-experts] h2'), msg('vi', 'org_experts'));
    assert.equal(await t.text(visitor, '[data-org-experts] li'), `${name} · ${p.headline}`);
    await visitor.locator(`[data-org-experts] a[href="/experts/${p.slug}"]`).click();
    await visitor.waitForURL(`**/experts/${p.slug}`);
  });

  h.test('lifecycle: an expert withdraws a profile from review to edit it', async (t) => {
    const expert = await apiUser(t, 'Chuyên gia thử');
    await submittedExpertProfile(t, expert, `TS. Rút Lại ${uniq('')}`);
    const page = await t.newPage('vi');
    await login(t, page, expert.email);
    await t.visit(page, '/dashboard/expert');
    assert.equal(await t.text(page, '#withdraw-help'), msg('vi', 'expertForm_withdrawHelp'));
    await t.submit(page, 'form[action="?/withdraw"] button');
    assert.equal(await t.text(page, '[role=status]'), msg('vi', 'done_expertWithdrawn'));
    const { myExpertProfile } = await t.gql(`{ myExpertProfile { status } }`, {}, expert.token);
    assert.equal(myExpertProfile.status, 'DRAFT');
    assert.equal(await page.locator('form[action="?/withdraw"]').count(), 0, 'no second withdraw button');
  });

  h.test('lifecycle: an expert takes a published profile off the public list', async (t) => {
    const expert = await apiUser(t, 'Chuyên gia thử');
    const name = `TS. Lưu Trữ ${uniq('')}`;
    const profile = await submittedExpertProfile(t, expert, name);
    await t.gql(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id } }`, { id: profile.id }, await adminToken(t));
    const page = await t.newPage('vi');
    await login(t, page, expert.email);
    await t.visit(page, '/dashboard/expert');
    // In a profile's words, not a listing's ("gỡ tin"), on the button and in the notice after.
    assert.equal(await t.text(page, 'form[action="?/archive"] button'), msg('vi', 'expertForm_archive'));
    await t.submit(page, 'form[action="?/archive"] button');
    assert.equal(await t.text(page, '[role=status]'), msg('vi', 'done_expertArchived'));
    const { myExpertProfile } = await t.gql(`{ myExpertProfile { status } }`, {}, expert.token);
    assert.equal(myExpertProfile.status, 'ARCHIVED');
    const visitor = await t.newPage('vi');
    assert.equal((await visitor.goto(`${t.webUrl}/experts/${profile.slug}`)).status(), 404, 'the public no longer finds it');
    // The person still opens it, told it is not public (not a page that looks live).
    await t.visit(page, `/experts/${profile.slug}`);
    const state = await t.text(page, '[role=status]');
    assert.ok(state.includes(label('vi', 'ListingStatus', 'ARCHIVED')) && state.includes(msg('vi', 'experts_notPublicYet')), state);

    // Rejected: the reason is on it too, where the notice leads.
    const rejected = await apiUser(t, 'Chuyên gia bị từ chối');
    const { upsertMyExpertProfile: draft } = await t.gql(
      `mutation($i: ExpertProfileInput!) { upsertMyExpertProfile(input: $i) { id slug } }`,
      { i: { fullName: `TS. Từ Chối ${uniq('')}`, headline: 'Chuyên gia bảo quản nông sản', bio: 'Mười năm nghiên cứu bảo quản trái cây sau thu hoạch, tư vấn cho hợp tác xã và doanh nghiệp xuất khẩu.', fieldCodes: ['407'], services: ['Tư vấn bảo quản'], provinceCode: 'can-tho' } },
      rejected.token,
    );
    await t.gql(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: draft.id }, rejected.token);
    await t.gql(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: REJECT, reason: INCOMPLETE, note: "Bổ sung các dự án đã chuyển giao.") { id } }`, { id: draft.id }, await adminToken(t));
    const own = await t.newPage('vi');
    await login(t, own, rejected.email);
    await t.visit(own, `/experts/${draft.slug}`);
    const told = await t.text(own, '[role=status]');
    assert.ok(told.includes(label('vi', 'ListingStatus', 'REJECTED')) && told.includes('Bổ sung các dự án đã chuyển giao.'), told);
  });
}
