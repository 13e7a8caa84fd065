import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser, uniq } from './support/graphql.js';
import { eventDay, eventInput } from './support/events.js';
import { Clock } from '../src/common/clock.js';

/**
 * The department's one review queue across kinds (moderation-core): listings, expert profiles and
 * events waiting for review in the moderator's provinces, oldest first, filterable by kind, with
 * the items past the review-time target counted and marked; what the moderator owns left out.
 */
let t: TestApp;
let base: Client;

const QUEUE = `query($kind: ModeratedKind, $page: PageInput) { reviewQueue(kind: $kind, page: $page) {
  totalItems page pageSize overdueItems reviewTargetDays
  items { kind id slug title detail queuedAt revision daysWaiting overdue reviewPath province { code name } organization { id } } } }`;

type Entry = { kind: string; id: string; title: string; detail: string | null; organization: { id: string } | null; revision: boolean; overdue: boolean; daysWaiting: number; reviewPath: string; province: { code: string }; queuedAt: string };
type QueuePage = { totalItems: number; overdueItems: number; reviewTargetDays: number; items: Entry[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = eventDay;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(async () => {
  t?.app.get(Clock).reset();
  await t?.close();
});

async function queue(client: Client, kind: string | null = null, pageSize = 100): Promise<QueuePage> {
  return (await client.ok<{ reviewQueue: QueuePage }>(QUEUE, { kind, page: { page: 1, pageSize } })).reviewQueue;
}

/** A listing, an expert profile and an event submitted in `province`, in that order. */
async function submitted(province: string) {
  const owner = await registerUser(base, 'Chủ tin');
  const org = await createOrganization(owner.client, { provinceCode: province });
  const { createListing } = await owner.client.ok<{ createListing: { id: string; title: string } }>(
    `mutation($input: ListingInput!) { createListing(input: $input) { id title } }`,
    {
      input: {
        kind: 'OFFER',
        organizationId: org.id,
        title: `Máy sấy lạnh nông sản bằng bơm nhiệt ${uniq('')}`,
        summary: 'Máy sấy lạnh dùng bơm nhiệt, giữ màu và vi chất của trái cây, tiết kiệm 40% điện năng so với sấy nóng.',
        description: 'Máy sấy lạnh dùng bơm nhiệt hai cấp, nhiệt độ sấy 15–35 °C, độ ẩm điều khiển tự động, đã lắp tại ba hợp tác xã với công suất 500 kg/mẻ.',
        fieldCodes: ['2'],
        keywords: ['sấy lạnh'],
        trl: 7,
        transferModes: ['LICENSING'],
        ipStatus: 'UTILITY_SOLUTION',
        provinceCode: province,
      },
    },
  );
  await owner.client.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id });

  const expertUser = await registerUser(base, 'Chuyên gia');
  const { upsertMyExpertProfile: expert } = await expertUser.client.ok<{ upsertMyExpertProfile: { id: string; fullName: string } }>(
    `mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id fullName } }`,
    {
      input: {
        fullName: `Trần Minh Khoa ${uniq('')}`,
        headline: 'Chuyên gia tư vấn chuyển giao công nghệ sau thu hoạch',
        bio: 'Hai mươi năm nghiên cứu công nghệ sau thu hoạch, chủ nhiệm sáu đề tài cấp bộ về sấy nông sản, đã hướng dẫn hơn bốn mươi doanh nghiệp lập dự án đổi mới công nghệ.',
        fieldCodes: ['407'],
        services: ['Tư vấn chuyển giao công nghệ'],
        pastTransfers: [],
        provinceCode: province,
        organizationId: null,
      },
    },
  );
  await expertUser.client.ok(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: expert.id });

  const { createEvent: event } = await owner.client.ok<{ createEvent: { id: string; nameVi: string } }>(
    `mutation($o: ID!, $input: EventInput!) { createEvent(organizerId: $o, input: $input) { id nameVi } }`,
    {
      o: org.id,
      input: eventInput({
        nameVi: `Chợ công nghệ và thiết bị ${uniq('')}`,
        nameEn: `Techmart ${uniq('')}`,
        provinceCode: province,
        venue: 'Trung tâm Hội nghị tỉnh',
        meetingTables: 10,
        breaks: [],
      }),
    },
  );
  await owner.client.ok(`mutation($id: ID!) { submitEvent(id: $id) { id } }`, { id: event.id });
  return { owner, org, listing: createListing, expert, event };
}

describe('the review queue across kinds', () => {
  it('lists a listing, an expert profile and an event of the moderator’s province, oldest first, filterable by kind', async () => {
    const moderator = (await registerModerator(base, ['phu-tho'])).client;
    const other = (await registerModerator(base, ['lang-son'])).client;
    const before = await queue(moderator);
    const s = await submitted('phu-tho');

    const all = await queue(moderator);
    expect(all.totalItems).toBe(before.totalItems + 3);
    const mine = all.items.filter((i) => [s.listing.id, s.expert.id, s.event.id].includes(i.id));
    expect(mine.map((i) => [i.kind, i.title])).toEqual([
      ['LISTING', s.listing.title],
      ['EXPERT', s.expert.fullName],
      ['EVENT', s.event.nameVi],
    ]);
    // What each is and whose: an offer and an event from the organisation, an independent expert.
    expect(mine.map((i) => [i.detail, i.organization?.id ?? null])).toEqual([
      ['Công nghệ chào bán', s.org.id],
      [null, null],
      [null, s.org.id],
    ]);
    expect(mine.map((i) => i.reviewPath)).toEqual([`/moderation/listings/${s.listing.id}`, `/moderation/experts/${s.expert.id}`, `/moderation/events/${s.event.id}`]);
    expect(mine.every((i) => i.province.code === 'phu-tho' && !i.revision && !i.overdue && i.daysWaiting === 0)).toBe(true);
    // Oldest first across kinds.
    const times = all.items.map((i) => Date.parse(i.queuedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    for (const [kind, id] of [['LISTING', s.listing.id], ['EXPERT', s.expert.id], ['EVENT', s.event.id]] as const) {
      const one = await queue(moderator, kind);
      expect(one.items.every((i) => i.kind === kind)).toBe(true);
      expect(one.items.some((i) => i.id === id)).toBe(true);
    }
    // Another province's moderator does not see them.
    const elsewhere = await queue(other);
    expect(elsewhere.items.some((i) => [s.listing.id, s.expert.id, s.event.id].includes(i.id))).toBe(false);
  });

  it('pages across kinds without losing or repeating an entry', async () => {
    const moderator = (await registerModerator(base, ['quang-ngai'])).client;
    await submitted('quang-ngai');
    await submitted('quang-ngai');
    const whole = await queue(moderator);
    expect(whole.totalItems).toBe(6);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = (await moderator.ok<{ reviewQueue: QueuePage }>(QUEUE, { kind: null, page: { page, pageSize: 2 } })).reviewQueue;
      expect(p.totalItems).toBe(6);
      seen.push(...p.items.map((i) => i.id));
    }
    expect(seen).toEqual(whole.items.map((i) => i.id));
  });

  it('counts and marks what waits past the review-time target (the injected clock)', async () => {
    const moderator = (await registerModerator(base, ['cao-bang'])).client;
    await submitted('cao-bang');
    const fresh = await queue(moderator);
    expect(fresh.overdueItems).toBe(0);
    t.app.get(Clock).advance((fresh.reviewTargetDays + 1) * DAY);
    try {
      const late = await queue(moderator);
      expect(late.overdueItems).toBe(3);
      expect(late.items.every((i) => i.overdue && i.daysWaiting === fresh.reviewTargetDays + 1)).toBe(true);
    } finally {
      t.app.get(Clock).reset();
    }
  });

  it('leaves out what the moderator owns (counting it apart), and refuses members', async () => {
    const mod = await registerModerator(base, ['gia-lai']);
    const before = (await mod.client.ok<{ reviewQueue: { totalItems: number; ownItemsWaiting: number } }>(`{ reviewQueue { totalItems ownItemsWaiting } }`)).reviewQueue;
    const org = await createOrganization(mod.client, { provinceCode: 'gia-lai' });
    const { createListing } = await mod.client.ok<{ createListing: { id: string } }>(
      `mutation($input: ListingInput!) { createListing(input: $input) { id } }`,
      {
        input: {
          kind: 'DEMAND',
          organizationId: org.id,
          title: `Cần công nghệ xử lý nước thải chế biến thủy sản ${uniq('')}`,
          summary: 'Doanh nghiệp chế biến tôm cần hệ thống xử lý nước thải đạt quy chuẩn, công suất 500 m³ mỗi ngày.',
          description: 'Nhà máy chế biến tôm xuất khẩu cần giải pháp xử lý nước thải có hàm lượng hữu cơ và nitơ cao, vận hành ổn định, chi phí thấp.',
          fieldCodes: ['2'],
          keywords: ['xử lý nước thải'],
          transferModes: ['TURNKEY'],
          provinceCode: 'gia-lai',
        },
      },
    );
    await mod.client.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: createListing.id });
    expect((await queue(mod.client)).items.some((i) => i.id === createListing.id)).toBe(false);
    // …but said: the department's figures count it, and another moderator reviews it.
    const after = (await mod.client.ok<{ reviewQueue: { totalItems: number; ownItemsWaiting: number } }>(`{ reviewQueue { totalItems ownItemsWaiting } }`)).reviewQueue;
    expect(after).toEqual({ totalItems: before.totalItems, ownItemsWaiting: before.ownItemsWaiting + 1 });
    const other = await registerModerator(base, ['gia-lai']);
    expect((await queue(other.client)).items.some((i) => i.id === createListing.id)).toBe(true);

    const member = (await registerUser(base)).client;
    expect((await member.error(QUEUE, { kind: null, page: null })).code).toBe('FORBIDDEN');
    expect((await base.error(QUEUE, { kind: null, page: null })).code).toBe('UNAUTHENTICATED');
  });
});
