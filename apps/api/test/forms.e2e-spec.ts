/**
 * Issue #13, "Forms and validation": one request answers every problem (per-field and
 * cross-field rules together), required fields agree with the forms, the quality score and
 * duplicate hints follow a draft while it is written, and a rejected listing's edits are what
 * goes back to review.
 */
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';

const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id slug title status version } }`;
const UPDATE = `mutation($id: ID!, $input: ListingUpdateInput!) { updateListing(id: $id, input: $input) { id title status version } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id title summary status version } }`;
const MODERATE = `mutation($id: ID!, $d: ModerationDecision!, $note: String, $reason: RejectionReason) {
  moderateListing(id: $id, decision: $d, note: $note, reason: $reason) { id status version } }`;
const QUEUE = `{ moderationQueue(page: { pageSize: 100 }) { items { id title summary status } } }`;
const GET = `query($id: ID) { listing(id: $id) { id title summary status version } }`;

let t: TestApp;
let base: Client;
let moderator: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
  moderator = (await registerModerator(base, [])).client;
});
afterAll(() => t.close());

const DESCRIPTION =
  'Hệ thống xử lý nước thải chế biến thủy sản bằng tuyển nổi khí hòa tan kết hợp giá thể di động, ' +
  'công suất 50–500 m³/ngày, đạt QCVN 11-MT:2015/BTNMT cột A; đã vận hành tại 8 nhà máy ở Cà Mau.';

function offer(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'OFFER',
    organizationId,
    title: `Xử lý nước thải thủy sản bằng tuyển nổi ${uniq('')}`,
    summary: 'Tuyển nổi khí hòa tan và giá thể di động cho nước thải chế biến thủy sản.',
    description: DESCRIPTION,
    fieldCodes: ['407'],
    keywords: ['nước thải', 'tuyển nổi'],
    trl: 7,
    transferModes: ['TURNKEY'],
    priceMin: 100_000_000,
    priceMax: 200_000_000,
    provinceCode: 'ca-mau',
    ...overrides,
  };
}

async function owner() {
  const user = await registerUser(base, 'Chủ tin biểu mẫu');
  const org = await createOrganization(user.client, { provinceCode: 'ca-mau' });
  return { ...user, org };
}

describe('a rejected listing edited and submitted again', () => {
  it('sends the edited version to review, and the moderation queue shows it', async () => {
    const o = await owner();
    const draft = (await o.client.ok(CREATE, { input: offer(o.org.id) })).createListing;
    await o.client.ok(SUBMIT, { id: draft.id });
    await moderator.ok(MODERATE, { id: draft.id, d: 'REJECT', note: 'Bổ sung số liệu vận hành.', reason: 'INCOMPLETE' });
    const rejected = (await o.client.ok(GET, { id: draft.id })).listing;
    expect(rejected.status).toBe('REJECTED');

    const newTitle = `Xử lý nước thải thủy sản (bản sửa) ${uniq('')}`;
    const newSummary = 'Bản sửa: thêm số liệu vận hành của 8 nhà máy ở Cà Mau trong 3 năm.';
    await o.client.ok(UPDATE, { id: draft.id, input: { version: rejected.version, title: newTitle, summary: newSummary } });
    const submitted = (await o.client.ok(SUBMIT, { id: draft.id })).submitListing;
    expect(submitted).toMatchObject({ status: 'PENDING_REVIEW', title: newTitle, summary: newSummary });

    const queued = (await moderator.ok(QUEUE)).moderationQueue.items.find((i: { id: string }) => i.id === draft.id);
    expect(queued).toMatchObject({ title: newTitle, summary: newSummary, status: 'PENDING_REVIEW' });
    expect((await moderator.ok(GET, { id: draft.id })).listing).toMatchObject({ title: newTitle, summary: newSummary });
  });
});

describe('one request, every error', () => {
  it('a listing with a short title, a TRL out of range and prices the wrong way round: one BAD_USER_INPUT naming all three', async () => {
    const o = await owner();
    const err = await o.client.error(CREATE, { input: offer(o.org.id, { title: 'Ngắn', trl: 12, priceMin: 900_000_000, priceMax: 100_000_000 }) });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.priceMax', 'input.title', 'input.trl']);
  });

  it('the same for an update, in the request language', async () => {
    const o = await owner();
    const draft = (await o.client.ok(CREATE, { input: offer(o.org.id) })).createListing;
    const err = await o.client.error(UPDATE, { id: draft.id, input: { version: draft.version, title: 'Ngắn', trl: 0, priceMin: 5, priceMax: 1, fieldCodes: [] } });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.fieldCodes', 'input.priceMax', 'input.title', 'input.trl']);
    expect(err.fields!['input.priceMax']).toBe('Giá “đến” (hoặc ngân sách tối đa) không được nhỏ hơn giá “từ”.');
    // One side only: checked against the stored other side.
    const one = await o.client.error(UPDATE, { id: draft.id, input: { version: draft.version, priceMax: 1 } });
    expect(one.fields).toEqual({ 'input.priceMax': expect.any(String) });
  });

  it("prices the wrong way round are told in the words of the listing's form: an offer's price from/to, a demand's budget, vi and en", async () => {
    const o = await owner();
    const wrongWay = { priceMin: 900_000_000, priceMax: 5_000_000 };
    const offerErr = await o.client.error(CREATE, { input: offer(o.org.id, wrongWay) });
    expect(offerErr.fields).toEqual({ 'input.priceMax': 'Giá “đến” không được nhỏ hơn giá “từ”.' });
    const demand = (extra: Record<string, unknown> = {}) => offer(o.org.id, { kind: 'DEMAND', title: `Cần công nghệ xử lý nước thải thủy sản ${uniq('')}`, ...extra });
    const demandErr = await o.client.error(CREATE, { input: demand(wrongWay) });
    expect(demandErr.fields).toEqual({ 'input.priceMax': 'Ngân sách tối đa không được nhỏ hơn ngân sách tối thiểu.' });
    const en = o.client.inLang('en');
    expect((await en.error(CREATE, { input: offer(o.org.id, wrongWay) })).fields).toEqual({ 'input.priceMax': 'The “to” price must not be below the “from” price.' });
    expect((await en.error(CREATE, { input: demand(wrongWay) })).fields).toEqual({ 'input.priceMax': 'The maximum budget must not be below the minimum budget.' });
    // An update sending one side: checked against the stored other side, in the demand's words.
    const draft = (await o.client.ok(CREATE, { input: demand() })).createListing;
    const one = await o.client.error(UPDATE, { id: draft.id, input: { version: draft.version, priceMin: 900_000_000 } });
    expect(one.fields).toEqual({ 'input.priceMin': 'Ngân sách tối đa không được nhỏ hơn ngân sách tối thiểu.' });
  });

  it('length limits are written with their digits grouped the language\'s way', async () => {
    const o = await owner();
    const err = await o.client.error(CREATE, { input: offer(o.org.id, { description: 'Quá ngắn.' }) });
    expect(err.fields).toEqual({ 'input.description': 'Phải dài từ 30 đến 20.000 ký tự.' });
    const en = await o.client.inLang('en').error(CREATE, { input: offer(o.org.id, { description: 'Too short.' }) });
    expect(en.fields).toEqual({ 'input.description': 'Must be between 30 and 20,000 characters long.' });
  });

  it('a saved search: a blank name and trlMax below trlMin together, and search refuses the TRL range with its other problems', async () => {
    const u = await registerUser(base, 'Người lưu tìm kiếm');
    const SAVE = `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { id } }`;
    const err = await u.client.error(SAVE, { input: { name: '   ', search: { trlMin: 7, trlMax: 3, priceMax: -1 } } });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.name', 'input.search.priceMax', 'input.search.trlMax']);
    const SEARCH = `query($input: SearchInput!) { search(input: $input) { totalHits } }`;
    const s = await base.error(SEARCH, { input: { trlMin: 7, trlMax: 3, page: 0 } });
    expect(Object.keys(s.fields ?? {}).sort()).toEqual(['input.page', 'input.trlMax']);
  });
});

describe('one request, every error: other inputs', () => {
  it('a listing without a chosen organisation learns it with its other problems', async () => {
    const o = await owner();
    const err = await o.client.error(CREATE, { input: offer('', { title: 'Ngắn' }) });
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.organizationId', 'input.title']);
  });

  it('a deal proposal: terms that are only padding and a value of 0, together', async () => {
    const u = await registerUser(base, 'Người đề xuất');
    const PROPOSE = `mutation($input: DealInput!) { proposeDeal(input: $input) { id } }`;
    const err = await u.client.error(PROPOSE, { input: { interestId: '00000000-0000-4000-8000-000000000000', value: 0, transferMode: 'LICENSING', terms: '   ngắn          ' } });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.terms', 'input.value']);
  });
});

describe('one request, every error: registration', () => {
  it('a password holding the e-mail address and a one-letter name, together', async () => {
    const email = `${uniq('dk')}@example.vn`;
    const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;
    const err = await base.error(REGISTER, { input: { email, password: `${email.toUpperCase()}!`, displayName: 'A' } });
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.displayName', 'input.password']);
  });
});

describe('required fields', () => {
  it('a listing needs at least one technology field, on creation and on update', async () => {
    const o = await owner();
    const err = await o.client.error(CREATE, { input: offer(o.org.id, { kind: 'DEMAND', fieldCodes: [], summary: 'x' }) });
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['input.fieldCodes', 'input.summary']);
    expect(err.fields!['input.fieldCodes']).toBe('Chọn ít nhất một lĩnh vực công nghệ.');
  });
});

describe('quality and duplicates while the draft is written', () => {
  const QUALITY = `query($id: ID) { listing(id: $id) { id qualityScore draftQuality { score hints { code label penalty } }
    duplicateHints { similarity listing { id title status } } } }`;

  it('follow each save, for the owner only', async () => {
    const o = await owner();
    const other = await owner();
    const stem = `Máy ép viên nén mùn cưa ${uniq('')}`;
    // Another organisation's published offer with nearly the same title, and an unrelated one.
    const theirs = (await other.client.ok(CREATE, { input: offer(other.org.id, { title: `${stem} công suất 2 tấn/giờ` }) })).createListing;
    await other.client.ok(SUBMIT, { id: theirs.id });
    await moderator.ok(MODERATE, { id: theirs.id, d: 'APPROVE' });
    const unrelated = (await other.client.ok(CREATE, { input: offer(other.org.id, { title: `Cảm biến độ mặn cho ao nuôi tôm ${uniq('')}` }) })).createListing;
    await other.client.ok(SUBMIT, { id: unrelated.id });
    await moderator.ok(MODERATE, { id: unrelated.id, d: 'APPROVE' });

    const draft = (await o.client.ok(CREATE, { input: offer(o.org.id, { title: 'Thiết bị sấy hạt tiêu', keywords: [], trl: null }) })).createListing;
    const inEnglish = new Client(t.url, o.client.token, 'en');
    let seen = (await inEnglish.ok(QUALITY, { id: draft.id })).listing;
    expect(seen.qualityScore).toBeNull(); // nothing submitted yet
    expect(seen.draftQuality.hints.map((h: { code: string }) => h.code)).toEqual(expect.arrayContaining(['NO_KEYWORDS', 'NO_TRL']));
    const before = seen.draftQuality.score;
    expect(seen.draftQuality.hints.find((h: { code: string }) => h.code === 'NO_TRL').label).toBe('State the technology readiness level (TRL 1–9).');
    expect(seen.duplicateHints).toEqual([]);

    // The owner saves a title like the published offer's, keywords and a TRL: the draft's view follows.
    await o.client.ok(UPDATE, { id: draft.id, input: { version: draft.version, title: `${stem} công suất 1 tấn/giờ`, keywords: ['mùn cưa', 'viên nén', 'ép'], trl: 6 } });
    seen = (await o.client.ok(QUALITY, { id: draft.id })).listing;
    expect(seen.draftQuality.hints.map((h: { code: string }) => h.code)).not.toContain('NO_TRL');
    expect(seen.draftQuality.score).toBe(before + 15 + 15);
    expect(seen.duplicateHints.map((d: { listing: { id: string } }) => d.listing.id)).toEqual([theirs.id]);
    expect(seen.duplicateHints[0].similarity).toBeGreaterThan(0.5);

    // Submitted: the moderator reviewing it sees the same hints.
    await o.client.ok(SUBMIT, { id: draft.id });
    const reviewed = (await moderator.ok(QUALITY, { id: draft.id })).listing;
    expect(reviewed.duplicateHints.map((d: { listing: { id: string } }) => d.listing.id)).toEqual([theirs.id]);
    expect(reviewed.draftQuality.score).toBe(seen.draftQuality.score);

    // Others see neither.
    const stranger = await registerUser(base, 'Người lạ');
    expect((await stranger.client.ok(QUALITY, { id: theirs.id })).listing).toMatchObject({ draftQuality: null, duplicateHints: [] });
  });

  it("a demand without a TRL is asked for the lowest level it accepts, not its technology's readiness (vi and en)", async () => {
    const o = await owner();
    const draft = (await o.client.ok(CREATE, { input: offer(o.org.id, { kind: 'DEMAND', title: `Cần máy sấy trái cây ${uniq('')}`, trl: null }) })).createListing;
    const label = (l: { draftQuality: { hints: { code: string; label: string }[] } }) => l.draftQuality.hints.find((h) => h.code === 'NO_TRL')?.label;
    expect(label((await o.client.ok(QUALITY, { id: draft.id })).listing)).toBe(
      'Cho biết mức sẵn sàng công nghệ (TRL 1–9) tối thiểu bạn chấp nhận: bên chào bán biết công nghệ của họ có đáp ứng không.',
    );
    expect(label((await new Client(t.url, o.client.token, 'en').ok(QUALITY, { id: draft.id })).listing)).toBe(
      'State the lowest technology readiness level (TRL 1–9) you accept: sellers see whether their technology qualifies.',
    );
    // the hints of the submission say the same
    await o.client.ok(SUBMIT, { id: draft.id });
    const hints = (await o.client.ok(`query($id: ID) { listing(id: $id) { qualityHints { code label } } }`, { id: draft.id })).listing.qualityHints;
    expect(hints.find((h: { code: string }) => h.code === 'NO_TRL').label).toMatch(/^Cho biết mức sẵn sàng công nghệ \(TRL 1–9\) tối thiểu/);
  });
});
