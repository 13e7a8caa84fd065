import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, addMember, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';

const LISTING = `id slug title description status version publishedAt expiresAt moderationNote rejectionReason rejectionReasonLabel
  qualityScore hasPendingRevision province { code }
  pendingRevision { title description submittedAt declined province { code } fields { code } price { min max } }
  history { action fromStatus toStatus note reason reasonLabel at actor { id } }`;
const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id slug version } }`;
const UPDATE = `mutation($id: ID!, $input: ListingUpdateInput!) { updateListing(id: $id, input: $input) { ${LISTING} } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { ${LISTING} } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String, $reason: RejectionReason) {
  moderateListing(id: $id, decision: $d, note: $note, reason: $reason) { ${LISTING} } }`;
const GET = `query($id: ID, $slug: String) { listing(id: $id, slug: $slug) { ${LISTING} } }`;
const QUEUE = `{ moderationQueue(page: {page: 1, pageSize: 100}) { totalItems items { id status province { code } } } }`;
const NOTIFICATIONS = `{ notifications { kind title body url } }`;
const MY_REJECTED = `{ myListings(status: REJECTED, withDeclinedUpdates: true) { items { id } } }`;

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(() => t.close());

const DESCRIPTION =
  'Quy trình nuôi tôm thẻ chân trắng tuần hoàn khép kín (RAS) trong nhà màng: lọc sinh học, ' +
  'tách chất thải rắn và khử trùng UV cho phép nuôi mật độ 300 con/m² mà không thay nước, ' +
  'tỷ lệ sống trên 85% và giảm 70% kháng sinh. Đã áp dụng thành công ở nhiều trại nuôi tại Cà Mau và Bạc Liêu; ' +
  'chuyển giao kèm đào tạo kỹ thuật viên và hỗ trợ vận hành vụ nuôi đầu tiên.';

function input(organizationId: string, provinceCode: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'OFFER',
    organizationId,
    title: `Nuôi tôm tuần hoàn trong nhà màng ${uniq('')}`,
    summary: 'Hệ thống nuôi tôm tuần hoàn khép kín, không thay nước, năng suất cao và an toàn sinh học.',
    description: DESCRIPTION,
    specification: 'Bể 500 m³; lọc trống 60 m³/h; mật độ 300 con/m²; FCR 1,1.',
    advantages: 'Giảm 70% kháng sinh, không xả thải ra môi trường.',
    mediaUrls: ['https://example.vn/ras.pdf'],
    fieldCodes: ['405'],
    keywords: ['nuôi tôm', 'RAS', 'tuần hoàn'],
    trl: 8,
    transferModes: ['TECHNICAL_SERVICE'],
    ipStatus: 'KNOW_HOW',
    priceMin: 1_200_000_000,
    priceMax: 2_500_000_000,
    provinceCode,
    ...overrides,
  };
}

async function owner(provinceCode: string) {
  const user = await registerUser(base, 'Chủ tin');
  const org = await createOrganization(user.client, { provinceCode });
  return { ...user, org };
}

async function draft(o: { client: Client; org: { id: string } }, provinceCode: string, overrides: Record<string, unknown> = {}) {
  return (await o.client.ok(CREATE, { input: input(o.org.id, provinceCode, overrides) })).createListing as { id: string; slug: string; version: number };
}

async function row(id: string): Promise<{ status: string; version: number; title: string; pending: boolean }> {
  const [r] = await t.app.get(DataSource).query(`SELECT status, version, title, pending_revision IS NOT NULL AS pending FROM listing WHERE id = $1`, [id]);
  return r;
}

async function changedEvents(listingId: string): Promise<number> {
  const [r] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'listing.changed' AND payload->>'listingId' = $1`, [listingId]);
  return r.n;
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('the review queue', () => {
  it('lists submitted listings oldest first, only in the moderator’s provinces', async () => {
    const north = await owner('lai-chau');
    const south = await owner('ca-mau');
    const first = await draft(north, 'lai-chau');
    const second = await draft(north, 'lai-chau');
    const elsewhere = await draft(south, 'ca-mau');
    const notSubmitted = await draft(north, 'lai-chau');
    await north.client.ok(SUBMIT, { id: first.id });
    await south.client.ok(SUBMIT, { id: elsewhere.id });
    await north.client.ok(SUBMIT, { id: second.id });

    const laiChau = await registerModerator(base, ['lai-chau']);
    const caMau = await registerModerator(base, ['ca-mau']);
    const all = await registerModerator(base, []);

    const q = (await laiChau.client.ok(QUEUE)).moderationQueue;
    expect(q.items.every((i: { province: { code: string } }) => i.province.code === 'lai-chau')).toBe(true);
    expect(q.items.every((i: { status: string }) => i.status === 'PENDING_REVIEW')).toBe(true);
    expect(ids(q)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(ids(q).indexOf(first.id)).toBeLessThan(ids(q).indexOf(second.id));
    // Each item says when it was sent for review (oldest first), as the cross-kind queue does; the public sees no such date.
    const QUEUED = `query($id: ID!) { listing(id: $id) { queuedForReviewAt updatedAt } }`;
    const [a, b] = [(await laiChau.client.ok(QUEUED, { id: first.id })).listing, (await laiChau.client.ok(QUEUED, { id: second.id })).listing];
    expect(Date.parse(a.queuedForReviewAt)).toBeLessThanOrEqual(Date.parse(b.queuedForReviewAt));
    expect(Math.abs(Date.parse(a.queuedForReviewAt) - Date.now())).toBeLessThan(120_000);
    expect((await laiChau.client.ok(QUEUED, { id: notSubmitted.id })).listing).toBeNull();
    expect((await north.client.ok(QUEUED, { id: notSubmitted.id })).listing.queuedForReviewAt).toBeNull();
    expect(ids(q)).not.toContain(elsewhere.id);
    expect(ids(q)).not.toContain(notSubmitted.id);
    expect(ids((await caMau.client.ok(QUEUE)).moderationQueue)).toContain(elsewhere.id);
    expect(ids((await caMau.client.ok(QUEUE)).moderationQueue)).not.toContain(first.id);
    expect(ids((await all.client.ok(QUEUE)).moderationQueue)).toEqual(expect.arrayContaining([first.id, second.id, elsewhere.id]));

    // Outside the jurisdiction the listing does not exist for this moderator.
    expect((await laiChau.client.ok(GET, { id: elsewhere.id })).listing).toBeNull();
    const before = await row(elsewhere.id);
    expect((await laiChau.client.error(MODERATE, { id: elsewhere.id, d: 'APPROVE' })).code).toBe('NOT_FOUND');
    expect((await laiChau.client.error(MODERATE, { id: elsewhere.id, d: 'REJECT', reason: 'OTHER', note: 'Ngoài địa bàn' })).code).toBe('NOT_FOUND');
    expect(await row(elsewhere.id)).toEqual(before);

    // Inside it, the moderator reads the listing and approves it; it leaves the queue.
    expect((await laiChau.client.ok(GET, { id: first.id })).listing.status).toBe('PENDING_REVIEW');
    await laiChau.client.ok(MODERATE, { id: first.id, d: 'APPROVE' });
    expect(ids((await laiChau.client.ok(QUEUE)).moderationQueue)).not.toContain(first.id);
  });

  it('is for moderators only', async () => {
    const member = await owner('hue');
    const l = await draft(member, 'hue');
    await member.client.ok(SUBMIT, { id: l.id });
    expect((await base.error(QUEUE)).code).toBe('UNAUTHENTICATED');
    expect((await member.client.error(QUEUE)).code).toBe('FORBIDDEN');
    expect((await member.client.error(MODERATE, { id: l.id, d: 'APPROVE' })).code).toBe('FORBIDDEN');
    expect((await row(l.id)).status).toBe('PENDING_REVIEW');
  });

  it("keeps moderators from reviewing their own organisation's listings", async () => {
    const mod = await registerModerator(base, []);
    const org = await createOrganization(mod.client, { provinceCode: 'hue' });
    const l = await draft({ client: mod.client, org }, 'hue');
    await mod.client.ok(SUBMIT, { id: l.id });
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).not.toContain(l.id);
    expect((await mod.client.error(MODERATE, { id: l.id, d: 'APPROVE' })).code).toBe('FORBIDDEN');
    expect((await row(l.id)).status).toBe('PENDING_REVIEW');
  });
});

describe('decisions', () => {
  it('needs a note to reject, shows the reason and the note to the owner, and publishes on approval after a fix', async () => {
    const o = await owner('dong-thap');
    const colleague = await registerUser(base);
    await addMember(o.client, o.org.id, colleague.email);
    const mod = await registerModerator(base, ['dong-thap']);
    const l = await draft(o, 'dong-thap');
    await o.client.ok(SUBMIT, { id: l.id });

    const missing = await mod.client.inLang('en').error(MODERATE, { id: l.id, d: 'REJECT' });
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.fields).toEqual({ note: 'Write a note telling the owner what to fix.' });
    const noNote = await mod.client.error(MODERATE, { id: l.id, d: 'REJECT', reason: 'INCOMPLETE', note: '   ' });
    expect(noNote.fields).toEqual({ note: 'Hãy ghi chú cho bên đăng tin biết cần sửa gì.' });
    const tooLong = await mod.client.inLang('en').error(MODERATE, { id: l.id, d: 'APPROVE', note: 'x'.repeat(2001) });
    expect(Object.keys(tooLong.fields ?? {})).toEqual(['note']);
    expect((await row(l.id)).status).toBe('PENDING_REVIEW');

    const note = 'Thiếu kết quả thử nghiệm thực tế; hãy bổ sung số liệu năng suất.';
    const rejected = (await mod.client.ok(MODERATE, { id: l.id, d: 'REJECT', reason: 'INCOMPLETE', note })).moderateListing;
    expect(rejected).toMatchObject({ status: 'REJECTED', moderationNote: note, rejectionReason: 'INCOMPLETE', rejectionReasonLabel: 'Thông tin chưa đầy đủ', publishedAt: null });
    expect((await base.ok(GET, { id: l.id })).listing).toBeNull();
    const seen = (await o.client.inLang('en').ok(GET, { id: l.id })).listing;
    expect(seen).toMatchObject({ moderationNote: note, rejectionReason: 'INCOMPLETE', rejectionReasonLabel: 'Incomplete information' });
    for (const member of [o.client, colleague.client]) {
      const notes = (await member.ok(NOTIFICATIONS)).notifications;
      expect(notes).toHaveLength(1);
      // Where the owner reads why and fixes it: the public page says nothing of a rejection.
      expect(notes[0]).toMatchObject({ kind: 'LISTING_REJECTED', url: `/dashboard/listings/${l.id}` });
      expect(notes[0].body).toContain(note);
      expect(notes[0].body).toContain('Thông tin chưa đầy đủ');
      expect(notes[0].body).toBe(`Lý do: Thông tin chưa đầy đủ. Ghi chú của Sở KH&CN: ${note} Hãy sửa tin rồi gửi duyệt lại.`);
    }

    // REJECTED → edit → submit → approve.
    const fixed = (await o.client.ok(UPDATE, { id: l.id, input: { version: rejected.version, description: `${DESCRIPTION} Năng suất thực tế 25 tấn/ha/vụ.` } })).updateListing;
    expect(fixed.status).toBe('REJECTED');
    expect((await o.client.ok(SUBMIT, { id: l.id })).submitListing.status).toBe('PENDING_REVIEW');
    expect(await changedEvents(l.id)).toBe(0);
    const approved = (await mod.client.ok(MODERATE, { id: l.id, d: 'APPROVE', note: 'Đạt yêu cầu.' })).moderateListing;
    expect(approved).toMatchObject({ status: 'PUBLISHED', rejectionReason: null, moderationNote: 'Đạt yêu cầu.' });
    expect(new Date(approved.expiresAt).getTime() - new Date(approved.publishedAt).getTime()).toBe(t.config.LISTING_TTL_DAYS * 86_400_000);
    expect((await base.ok(GET, { slug: l.slug })).listing.status).toBe('PUBLISHED');
    expect(await changedEvents(l.id)).toBe(1);
    const colleagueNotes = (await colleague.client.ok(NOTIFICATIONS)).notifications;
    expect(colleagueNotes.map((n: { kind: string; url: string }) => [n.kind, n.url])).toEqual([
      ['LISTING_APPROVED', `/listings/${l.slug}`],
      ['LISTING_REJECTED', `/dashboard/listings/${l.id}`],
    ]);

    // The audit trail: who, when, from, to, note, reason, readable by the owner and the moderator.
    const trail = (await o.client.ok(GET, { id: l.id })).listing.history;
    expect(trail.map((e: Record<string, unknown>) => [e.action, e.fromStatus, e.toStatus, (e.actor as { id: string } | null)?.id, e.note, e.reason])).toEqual([
      ['CREATE', null, 'DRAFT', o.id, null, null],
      ['SUBMIT', 'DRAFT', 'PENDING_REVIEW', o.id, null, null],
      ['REJECT', 'PENDING_REVIEW', 'REJECTED', mod.id, note, 'INCOMPLETE'],
      ['UPDATE', 'REJECTED', 'REJECTED', o.id, null, null],
      ['SUBMIT', 'REJECTED', 'PENDING_REVIEW', o.id, null, null],
      ['APPROVE', 'PENDING_REVIEW', 'PUBLISHED', mod.id, 'Đạt yêu cầu.', null],
    ]);
    expect(trail[2].reasonLabel).toBe('Thông tin chưa đầy đủ');
    const times = trail.map((e: { at: string }) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect((await mod.client.ok(GET, { id: l.id })).listing.history).toHaveLength(6);
    // Everyone else, including moderators elsewhere, sees the published listing without its review data.
    const other = await registerModerator(base, ['ha-noi']);
    const outside = (await other.client.ok(GET, { id: l.id })).listing;
    expect(outside).toMatchObject({ history: null, moderationNote: null, rejectionReason: null, qualityScore: null });
    expect((await base.ok(GET, { id: l.id })).listing.history).toBeNull();
  });
});

describe('pending revisions', () => {
  it('keeps the published text public until the revision is approved', async () => {
    const o = await owner('an-giang');
    const mod = await registerModerator(base, ['an-giang']);
    const l = await draft(o, 'an-giang');
    await o.client.ok(SUBMIT, { id: l.id });
    const published = (await mod.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing;
    const oldTitle = published.title;
    const newTitle = `Nuôi tôm tuần hoàn thế hệ mới ${uniq('')}`;

    const edited = (await o.client.ok(UPDATE, { id: l.id, input: { version: published.version, title: newTitle, priceMax: 3_000_000_000 } })).updateListing;
    expect(edited).toMatchObject({ status: 'PUBLISHED', title: oldTitle, hasPendingRevision: true });
    expect(edited.pendingRevision).toMatchObject({ title: newTitle, submittedAt: null, price: { min: 1_200_000_000, max: 3_000_000_000 }, province: { code: 'an-giang' } });
    const pub = (await base.ok(GET, { id: l.id })).listing;
    expect(pub).toMatchObject({ title: oldTitle, hasPendingRevision: false, pendingRevision: null });
    // Not in the queue until submitted.
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).not.toContain(l.id);

    const submitted = (await o.client.ok(SUBMIT, { id: l.id })).submitListing;
    expect(submitted.status).toBe('PUBLISHED');
    expect(submitted.pendingRevision.submittedAt).not.toBeNull();
    expect(submitted.qualityScore).toBe(100);
    const queued = (await mod.client.ok(QUEUE)).moderationQueue.items.find((i: { id: string }) => i.id === l.id);
    expect(queued).toMatchObject({ status: 'PUBLISHED' });
    // While it is reviewed the owner waits.
    const locked = await o.client.error(UPDATE, { id: l.id, input: { version: submitted.version, title: 'Một tiêu đề khác nữa' } });
    expect(locked.code).toBe('CONFLICT');
    expect(await row(l.id)).toMatchObject({ version: submitted.version, title: oldTitle });

    // A rejected revision stays with the owner to fix; the public text does not change.
    const rejected = (await mod.client.ok(MODERATE, { id: l.id, d: 'REJECT', reason: 'MISLEADING', note: 'Giá mới không khớp với mô tả.' })).moderateListing;
    expect(rejected).toMatchObject({ status: 'PUBLISHED', title: oldTitle, rejectionReason: 'MISLEADING', hasPendingRevision: true });
    expect(rejected.pendingRevision).toMatchObject({ submittedAt: null, declined: true });
    expect((await base.ok(GET, { id: l.id })).listing.title).toBe(oldTitle);
    const [revisionNotice] = (await o.client.inLang('en').ok(NOTIFICATIONS)).notifications;
    // Linked to the owner's page of the listing, where the reason and the edit form are.
    expect(revisionNotice).toMatchObject({ kind: 'LISTING_REVISION_REJECTED', url: `/dashboard/listings/${l.id}` });
    // The owner's "rejected" list holds it beside rejected listings: theirs to fix.
    const rejectedOnes = async () => ids((await o.client.ok(MY_REJECTED)).myListings);
    expect(await rejectedOnes()).toEqual([l.id]);
    expect(ids((await o.client.ok(`{ myListings(status: PUBLISHED) { items { id } } }`)).myListings)).toEqual([l.id]);
    // asked by status alone, REJECTED means the listing's own status
    expect(ids((await o.client.ok(`{ myListings(status: REJECTED) { items { id } } }`)).myListings)).toEqual([]);
    expect(revisionNotice.body).toBe("The listing keeps its published text. Reason: Misleading content. The department's note: Giá mới không khớp với mô tả.");

    const refixed = (await o.client.ok(UPDATE, { id: l.id, input: { version: rejected.version, priceMax: 2_800_000_000 } })).updateListing;
    // Being fixed, it is still the update that was rejected; sent again, it waits for review.
    expect(refixed.pendingRevision).toMatchObject({ title: newTitle, price: { max: 2_800_000_000 }, declined: true });
    expect((await o.client.ok(SUBMIT, { id: l.id })).submitListing.pendingRevision.declined).toBe(false);
    expect(await rejectedOnes()).toEqual([]);
    expect(await changedEvents(l.id)).toBe(1);
    const approved = (await mod.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing;
    expect(approved).toMatchObject({ status: 'PUBLISHED', title: newTitle, hasPendingRevision: false, pendingRevision: null, slug: l.slug });
    expect(approved.publishedAt).toBe(published.publishedAt);
    const after = (await base.ok(`query($id: ID) { listing(id: $id) { title slug price { max } } }`, { id: l.id })).listing;
    expect(after).toEqual({ title: newTitle, slug: l.slug, price: { max: 2_800_000_000 } });
    expect(await changedEvents(l.id)).toBe(2);
    expect(approved.history.map((e: { action: string }) => e.action)).toEqual([
      'CREATE',
      'SUBMIT',
      'APPROVE',
      'REVISION_UPDATE',
      'REVISION_SUBMIT',
      'REVISION_REJECT',
      'REVISION_UPDATE',
      'REVISION_SUBMIT',
      'REVISION_APPROVE',
    ]);
    const kinds = (await o.client.ok(NOTIFICATIONS)).notifications.map((n: { kind: string; url: string }) => [n.kind, n.url]);
    expect(kinds).toEqual([
      ['LISTING_REVISION_APPROVED', `/listings/${l.slug}`],
      ['LISTING_REVISION_REJECTED', `/dashboard/listings/${l.id}`],
      ['LISTING_APPROVED', `/listings/${l.slug}`],
    ]);
  });

  it('reviews a revision that moves the listing where it moves it to', async () => {
    const o = await owner('khanh-hoa');
    const here = await registerModerator(base, ['khanh-hoa']);
    const there = await registerModerator(base, ['lam-dong']);
    const l = await draft(o, 'khanh-hoa');
    await o.client.ok(SUBMIT, { id: l.id });
    const published = (await here.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing;
    await o.client.ok(UPDATE, { id: l.id, input: { version: published.version, provinceCode: 'lam-dong' } });
    await o.client.ok(SUBMIT, { id: l.id });

    expect(ids((await there.client.ok(QUEUE)).moderationQueue)).toContain(l.id);
    expect(ids((await here.client.ok(QUEUE)).moderationQueue)).not.toContain(l.id);
    expect((await here.client.error(MODERATE, { id: l.id, d: 'APPROVE' })).code).toBe('FORBIDDEN');
    const moved = (await there.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing;
    expect(moved.province.code).toBe('lam-dong');
  });
});

describe('the contract\'s moderateListing(id, decision, note)', () => {
  // Exactly the public contract's arguments: no `reason`.
  const CONTRACT_MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String) {
    moderateListing(id: $id, decision: $d, note: $note) { id status moderationNote rejectionReason rejectionReasonLabel } }`;

  it('rejects with a note and no reason: filed under OTHER, the owner reads the note, one full stop', async () => {
    const o = await owner('can-tho');
    const mod = await registerModerator(base, ['can-tho']);
    const l = await draft(o, 'can-tho');
    await o.client.ok(SUBMIT, { id: l.id });

    const note = 'Ảnh minh họa chưa đúng với công nghệ mô tả.';
    const rejected = (await mod.client.ok(CONTRACT_MODERATE, { id: l.id, d: 'REJECT', note })).moderateListing;
    expect(rejected).toMatchObject({ status: 'REJECTED', moderationNote: note, rejectionReason: 'OTHER', rejectionReasonLabel: 'Lý do khác' });

    const [vi] = (await o.client.ok(NOTIFICATIONS)).notifications;
    expect(vi.kind).toBe('LISTING_REJECTED');
    // The note ends in a full stop: the notice must not add a second one (it read "…mô tả.." before).
    expect(vi.body).toBe(`Ghi chú của Sở KH&CN: ${note} Hãy sửa tin rồi gửi duyệt lại.`);
    const [en] = (await o.client.inLang('en').ok(NOTIFICATIONS)).notifications;
    expect(en.body).toBe(`The department's note: ${note} Edit the listing and submit it again.`);
    for (const text of [vi.title, vi.body, en.title, en.body]) expect(text).not.toMatch(/[.!?…]\.(?!\.)/);

    // A note without a full stop gets one; approval notices too.
    await o.client.ok(SUBMIT, { id: l.id });
    await mod.client.ok(CONTRACT_MODERATE, { id: l.id, d: 'APPROVE', note: 'Đạt yêu cầu' });
    const [approved] = (await o.client.ok(NOTIFICATIONS)).notifications;
    expect(approved.body).toMatch(/Ghi chú: Đạt yêu cầu\.$/);

    // Still refused: a rejection with no note at all (the owner would not know what to fix).
    const other = await draft(o, 'can-tho');
    await o.client.ok(SUBMIT, { id: other.id });
    const noNote = await mod.client.inLang('en').error(CONTRACT_MODERATE, { id: other.id, d: 'REJECT' });
    expect(noNote).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: 'Write a note telling the owner what to fix.' } });
  });
});

describe('withdrawing a submission', () => {
  const WITHDRAW = `mutation($id: ID!) { withdrawListing(id: $id) { ${LISTING} } }`;
  const REVIEW_QUEUE = `{ reviewQueue(page: {page: 1, pageSize: 100}) { items { id } } }`;

  it('takes a listing in review back to a draft the owner edits and submits again; the queue drops it at once', async () => {
    const o = await owner('lai-chau');
    const mod = await registerModerator(base, ['lai-chau']);
    const stranger = await registerUser(base, 'Người ngoài');
    const l = await draft(o, 'lai-chau');
    const submitted = (await o.client.ok(SUBMIT, { id: l.id })).submitListing;
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).toContain(l.id);

    // Nobody but the owner takes it back: a stranger does not see it, the moderator may not.
    expect((await stranger.client.error(WITHDRAW, { id: l.id })).code).toBe('NOT_FOUND');
    expect((await mod.client.error(WITHDRAW, { id: l.id })).code).toBe('FORBIDDEN');
    expect(await row(l.id)).toMatchObject({ status: 'PENDING_REVIEW' });

    const withdrawn = (await o.client.ok(WITHDRAW, { id: l.id })).withdrawListing;
    expect(withdrawn.status).toBe('DRAFT');
    expect(withdrawn.history.at(-1)).toMatchObject({ action: 'WITHDRAW', fromStatus: 'PENDING_REVIEW', toStatus: 'DRAFT', actor: { id: o.id } });
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).not.toContain(l.id);
    expect(ids((await mod.client.ok(REVIEW_QUEUE)).reviewQueue)).not.toContain(l.id);

    // A decision on what was withdrawn is refused and changes nothing (a draft is its owner's alone); so is withdrawing twice.
    expect((await mod.client.error(MODERATE, { id: l.id, d: 'APPROVE' })).code).toBe('NOT_FOUND');
    expect((await o.client.error(WITHDRAW, { id: l.id })).code).toBe('CONFLICT');
    expect(await row(l.id)).toMatchObject({ status: 'DRAFT' });

    // Editable again, then sent again.
    const fixed = (await o.client.ok(UPDATE, { id: l.id, input: { version: withdrawn.version, title: `Nuôi tôm tuần hoàn đã sửa lỗi ${uniq('')}` } })).updateListing;
    expect(fixed.status).toBe('DRAFT');
    expect(fixed.version).toBeGreaterThan(submitted.version);
    expect((await o.client.ok(SUBMIT, { id: l.id })).submitListing.status).toBe('PENDING_REVIEW');
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).toContain(l.id);
    const approved = (await mod.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing;
    expect(approved.title).toBe(fixed.title);
    expect(approved.history.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'SUBMIT', 'WITHDRAW', 'UPDATE', 'SUBMIT', 'APPROVE']);
  });

  it('takes a published listing’s submitted revision back to a draft revision; the published text stays', async () => {
    const o = await owner('tuyen-quang');
    const mod = await registerModerator(base, ['tuyen-quang']);
    const l = await draft(o, 'tuyen-quang');
    await o.client.ok(SUBMIT, { id: l.id });
    const published = (await mod.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing;
    // Nothing in review yet.
    expect((await o.client.error(WITHDRAW, { id: l.id })).code).toBe('CONFLICT');
    const newTitle = `Nuôi tôm tuần hoàn bản mới ${uniq('')}`;
    await o.client.ok(UPDATE, { id: l.id, input: { version: published.version, title: newTitle } });
    expect((await o.client.error(WITHDRAW, { id: l.id })).code).toBe('CONFLICT');
    await o.client.ok(SUBMIT, { id: l.id });
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).toContain(l.id);

    // Someone who sees the published listing but does not own it may not.
    const stranger = await registerUser(base, 'Người ngoài');
    expect((await stranger.client.error(WITHDRAW, { id: l.id })).code).toBe('FORBIDDEN');

    const withdrawn = (await o.client.ok(WITHDRAW, { id: l.id })).withdrawListing;
    expect(withdrawn).toMatchObject({ status: 'PUBLISHED', title: published.title, hasPendingRevision: true });
    expect(withdrawn.pendingRevision).toMatchObject({ title: newTitle, submittedAt: null });
    expect(withdrawn.history.at(-1)).toMatchObject({ action: 'REVISION_WITHDRAW', fromStatus: 'PUBLISHED', toStatus: 'PUBLISHED' });
    expect(ids((await mod.client.ok(QUEUE)).moderationQueue)).not.toContain(l.id);
    expect((await mod.client.error(MODERATE, { id: l.id, d: 'APPROVE' })).code).toBe('CONFLICT');
    expect((await base.ok(GET, { id: l.id })).listing.title).toBe(published.title);

    // The revision is editable again and goes back to review when submitted.
    const edited = (await o.client.ok(UPDATE, { id: l.id, input: { version: withdrawn.version, priceMax: 2_900_000_000 } })).updateListing;
    expect(edited.pendingRevision).toMatchObject({ title: newTitle, price: { max: 2_900_000_000 } });
    await o.client.ok(SUBMIT, { id: l.id });
    expect((await mod.client.ok(MODERATE, { id: l.id, d: 'APPROVE' })).moderateListing.title).toBe(newTitle);
  });
});
