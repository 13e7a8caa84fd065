// The moderated-content core's rules through ListingsService, without HTTP (see
// support/factories.ts). What a user sees of them through the API is moderation.e2e-spec.ts.
import { ErrorCode, ModerationDecision, RejectionReason } from '@techport/shared';
import { AppError } from '../src/common/errors.js';
import { Clock } from '../src/common/clock.js';
import { ListingsService } from '../src/modules/listings/listings.service.js';
import { ModeratedContentService } from '../src/modules/moderation-core/moderated-content.service.js';
import { makeListing, makeModerator, makeOrganization, makeUser, startTestContext, viewerOf, type TestContext } from './support/factories.js';
import type { UserEntity } from '../src/modules/accounts/user.entity.js';
import type { OrganizationEntity } from '../src/modules/organizations/organization.entity.js';

let ctx: TestContext;
let listings: ListingsService;

beforeAll(async () => {
  ctx = await startTestContext();
  listings = ctx.get(ListingsService);
});
afterAll(() => ctx.close());

/** The error code a failing call ends with. */
async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected the call to fail');
}

async function ownerIn(provinceCode: string): Promise<{ owner: UserEntity; org: OrganizationEntity }> {
  const owner = await makeUser(ctx.ds.manager);
  const org = await makeOrganization(ctx.ds.manager, owner, { provinceCode });
  return { owner, org };
}

async function trail(listingId: string): Promise<{ action: string; from: string | null; to: string; reason: string | null }[]> {
  return ctx.ds.query(
    `SELECT action, from_status AS "from", to_status AS "to", reason_code AS reason FROM listing_event WHERE listing_id = $1 ORDER BY at, id`,
    [listingId],
  );
}

describe('the listing workflow in the moderated-content core', () => {
  it('submits a draft for review and records each step in the audit trail', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const draft = await makeListing(ctx, owner, org);
    expect(draft.status).toBe('DRAFT');
    const submitted = await listings.submit(viewerOf(owner), draft.id);
    expect(submitted.status).toBe('PENDING_REVIEW');
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    expect((await trail(draft.id)).map((e) => [e.from, e.to])).toEqual([
      [null, 'DRAFT'],
      ['DRAFT', 'PENDING_REVIEW'],
    ]);
  });

  it('lets only members of the owning organisation submit; to others a draft does not exist', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const draft = await makeListing(ctx, owner, org);
    const stranger = await makeUser(ctx.ds.manager);
    expect(await codeOf(listings.submit(viewerOf(stranger), draft.id))).toBe(ErrorCode.NOT_FOUND);
    expect((await listings.findOne({ id: draft.id }))!.status).toBe('DRAFT');
  });

  it('publishes on approval at the injected clock’s time and announces it on the outbox', async () => {
    const { owner, org } = await ownerIn('da-nang');
    const pending = await makeListing(ctx, owner, org, { status: 'PENDING_REVIEW' });
    const moderator = await makeModerator(ctx.ds.manager, ['da-nang']);
    const clock = ctx.get(Clock);
    clock.advance(3 * 3600_000);
    try {
      const published = await listings.moderate(viewerOf(moderator), pending.id, ModerationDecision.APPROVE, null, null);
      expect(published.status).toBe('PUBLISHED');
      expect(Math.abs(published.publishedAt!.getTime() - clock.now().getTime())).toBeLessThan(5_000);
      expect(published.expiresAt!.getTime()).toBeGreaterThan(published.publishedAt!.getTime());
    } finally {
      clock.reset();
    }
    const [events] = await ctx.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'listing.changed' AND payload->>'listingId' = $1`, [pending.id]);
    expect(events.n).toBeGreaterThanOrEqual(1);
  });

  it('hides a listing in review from a moderator outside its province (not found), and leaves it in review', async () => {
    const { owner, org } = await ownerIn('ca-mau');
    const pending = await makeListing(ctx, owner, org, { status: 'PENDING_REVIEW' });
    const northern = await makeModerator(ctx.ds.manager, ['lai-chau']);
    expect(await codeOf(listings.moderate(viewerOf(northern), pending.id, ModerationDecision.APPROVE, null, null))).toBe(ErrorCode.NOT_FOUND);
    expect((await listings.findOne({ id: pending.id }))!.status).toBe('PENDING_REVIEW');
  });

  it('never lets a moderator decide on their own organisation’s listing', async () => {
    const moderator = await makeModerator(ctx.ds.manager, ['ha-noi']);
    const org = await makeOrganization(ctx.ds.manager, moderator, { provinceCode: 'ha-noi' });
    const pending = await makeListing(ctx, moderator, org, { status: 'PENDING_REVIEW' });
    expect(await codeOf(listings.moderate(viewerOf(moderator), pending.id, ModerationDecision.APPROVE, null, null))).toBe(ErrorCode.FORBIDDEN);
  });

  it('needs a note to reject, and keeps the reason for the owner', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const pending = await makeListing(ctx, owner, org, { status: 'PENDING_REVIEW' });
    const moderator = await makeModerator(ctx.ds.manager);
    expect(await codeOf(listings.moderate(viewerOf(moderator), pending.id, ModerationDecision.REJECT, '  ', RejectionReason.INCOMPLETE))).toBe(ErrorCode.BAD_USER_INPUT);
    const rejected = await listings.moderate(viewerOf(moderator), pending.id, ModerationDecision.REJECT, 'Thiếu thông số kỹ thuật.', RejectionReason.INCOMPLETE);
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.moderationNote).toBe('Thiếu thông số kỹ thuật.');
    expect(rejected.rejectionReason).toBe('INCOMPLETE');
    expect((await trail(pending.id)).at(-1)).toMatchObject({ from: 'PENDING_REVIEW', to: 'REJECTED', reason: 'INCOMPLETE' });
  });

  it('takes a rejected listing back into review when its owner submits it again', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const pending = await makeListing(ctx, owner, org, { status: 'PENDING_REVIEW' });
    const moderator = await makeModerator(ctx.ds.manager);
    await listings.moderate(viewerOf(moderator), pending.id, ModerationDecision.REJECT, 'Bổ sung giá.', null);
    const again = await listings.submit(viewerOf(owner), pending.id);
    expect(again.status).toBe('PENDING_REVIEW');
  });

  it('does not show moderators a draft that was never submitted (not found, nothing changes)', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const draft = await makeListing(ctx, owner, org);
    const moderator = await makeModerator(ctx.ds.manager);
    expect(await codeOf(listings.moderate(viewerOf(moderator), draft.id, ModerationDecision.APPROVE, null, null))).toBe(ErrorCode.NOT_FOUND);
    expect((await listings.findOne({ id: draft.id }))!.status).toBe('DRAFT');
  });

  it('keeps an edit of a published listing as a pending revision until it is approved', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const moderator = await makeModerator(ctx.ds.manager);
    const published = await makeListing(ctx, owner, org, { status: 'PUBLISHED', moderator });
    const newTitle = `Sấy lạnh bơm nhiệt thế hệ hai ${published.id.slice(0, 6)}`;
    await listings.update(viewerOf(owner), published.id, { version: published.version, title: newTitle } as never);
    let row = (await listings.findOne({ id: published.id }))!;
    expect(row.status).toBe('PUBLISHED');
    expect(row.title).toBe(published.title);
    expect(row.pendingRevision?.title).toBe(newTitle);

    await listings.submit(viewerOf(owner), published.id);
    await listings.moderate(viewerOf(moderator), published.id, ModerationDecision.APPROVE, null, null);
    row = (await listings.findOne({ id: published.id }))!;
    expect(row.title).toBe(newTitle);
    expect(row.pendingRevision).toBeNull();
    expect(row.status).toBe('PUBLISHED');
  });

  it('archives a published listing with its pending revision', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const published = await makeListing(ctx, owner, org, { status: 'PUBLISHED' });
    await listings.update(viewerOf(owner), published.id, { version: published.version, summary: 'Bản tóm tắt mới, đang chờ duyệt.' } as never);
    const archived = await listings.archive(viewerOf(owner), published.id);
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.pendingRevision).toBeNull();
    expect(await codeOf(listings.submit(viewerOf(owner), published.id))).toBe(ErrorCode.CONFLICT);
  });

  it('queues items for review in the moderator’s provinces only, and never what they own', async () => {
    const south = await ownerIn('ca-mau');
    const north = await ownerIn('lai-chau');
    const inSouth = await makeListing(ctx, south.owner, south.org, { status: 'PENDING_REVIEW' });
    const inNorth = await makeListing(ctx, north.owner, north.org, { status: 'PENDING_REVIEW' });
    const moderator = await makeModerator(ctx.ds.manager, ['ca-mau']);
    const own = await makeOrganization(ctx.ds.manager, moderator, { provinceCode: 'ca-mau' });
    const mine = await makeListing(ctx, moderator, own, { status: 'PENDING_REVIEW' });
    const queue = await ctx.get(ModeratedContentService).reviewQueue(viewerOf(moderator), 'LISTING', { page: 1, pageSize: 100 }, 'vi');
    const ids = queue.items.map((i) => i.id);
    expect(ids).toContain(inSouth.id);
    expect(ids).not.toContain(inNorth.id);
    expect(ids).not.toContain(mine.id);
  });

  it('refuses a second decision on a listing already decided (one decision per submission)', async () => {
    const { owner, org } = await ownerIn('ha-noi');
    const pending = await makeListing(ctx, owner, org, { status: 'PENDING_REVIEW' });
    const first = await makeModerator(ctx.ds.manager);
    const second = await makeModerator(ctx.ds.manager);
    await listings.moderate(viewerOf(first), pending.id, ModerationDecision.APPROVE, null, null);
    expect(await codeOf(listings.moderate(viewerOf(second), pending.id, ModerationDecision.REJECT, 'Trùng lặp', RejectionReason.DUPLICATE))).toBe(ErrorCode.CONFLICT);
    expect((await listings.findOne({ id: pending.id }))!.status).toBe('PUBLISHED');
  });
});
