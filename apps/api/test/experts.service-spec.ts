// Expert profiles through the moderated-content core, without HTTP (see support/factories.ts): what
// is the profile's own (one owner, the affiliation rule) and the one review queue it shares with
// listings. What a user sees of profiles through the API is experts.e2e-spec.ts.
import { ErrorCode, ModerationDecision } from '@techport/shared';
import { AppError } from '../src/common/errors.js';
import { ExpertsService } from '../src/modules/experts/experts.service.js';
import { ModeratedContentService } from '../src/modules/moderation-core/moderated-content.service.js';
import { expertInput, makeExpert, makeListing, makeModerator, makeOrganization, makeUser, startTestContext, viewerOf, type TestContext } from './support/factories.js';

let ctx: TestContext;
let experts: ExpertsService;

beforeAll(async () => {
  ctx = await startTestContext();
  experts = ctx.get(ExpertsService);
});
afterAll(() => ctx.close());

async function failure(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('expert profiles in the moderated-content core', () => {
  it('belong to one user: a colleague of the same organisation cannot submit or archive it', async () => {
    const expert = await makeUser(ctx.ds.manager);
    const colleague = await makeUser(ctx.ds.manager);
    const org = await makeOrganization(ctx.ds.manager, expert, {}, [colleague]);
    const draft = await makeExpert(ctx, expert, { input: { organizationId: org.id } });
    expect((await failure(experts.submit(viewerOf(colleague), draft.id))).code).toBe(ErrorCode.NOT_FOUND);
    const published = await makeExpert(ctx, expert, { status: 'PUBLISHED' });
    expect((await failure(experts.archive(viewerOf(colleague), published.id))).code).toBe(ErrorCode.FORBIDDEN);
    expect((await experts.findOne({ id: published.id }))!.status).toBe('PUBLISHED');
  });

  it('name as affiliation only an organisation the expert belongs to (the error names the field)', async () => {
    const expert = await makeUser(ctx.ds.manager);
    const other = await makeUser(ctx.ds.manager);
    const notMine = await makeOrganization(ctx.ds.manager, other);
    const err = await failure(experts.upsertMine(viewerOf(expert), expertInput({ organizationId: notMine.id })));
    expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(Object.keys(err.fields ?? {})).toEqual(['input.organizationId']);
    expect(await experts.findMine(expert.id)).toBeNull();
  });

  it('keep a published profile public while its edit waits for review as a revision', async () => {
    const expert = await makeUser(ctx.ds.manager);
    const moderator = await makeModerator(ctx.ds.manager);
    const published = await makeExpert(ctx, expert, { status: 'PUBLISHED', moderator });
    await experts.upsertMine(viewerOf(expert), expertInput({ version: published.version, headline: 'Chuyên gia bảo quản lạnh nông sản xuất khẩu' }));
    let row = (await experts.findOne({ id: published.id }))!;
    expect(row.headline).toBe(published.headline);
    expect(row.pendingRevision?.headline).toBe('Chuyên gia bảo quản lạnh nông sản xuất khẩu');
    await experts.submit(viewerOf(expert), published.id);
    await experts.moderate(viewerOf(moderator), published.id, ModerationDecision.APPROVE, null, null);
    row = (await experts.findOne({ id: published.id }))!;
    expect(row.headline).toBe('Chuyên gia bảo quản lạnh nông sản xuất khẩu');
    expect(row.pendingRevision).toBeNull();
  });

  it('wait in the same review queue as listings, which a moderator can narrow to one kind', async () => {
    const moderator = await makeModerator(ctx.ds.manager, ['quang-tri']);
    const expert = await makeUser(ctx.ds.manager);
    const profile = await makeExpert(ctx, expert, { status: 'PENDING_REVIEW', input: { provinceCode: 'quang-tri' } });
    const owner = await makeUser(ctx.ds.manager);
    const org = await makeOrganization(ctx.ds.manager, owner, { provinceCode: 'quang-tri' });
    const listing = await makeListing(ctx, owner, org, { status: 'PENDING_REVIEW' });
    const core = ctx.get(ModeratedContentService);
    const all = await core.reviewQueue(viewerOf(moderator), null, { page: 1, pageSize: 100 }, 'vi');
    expect(all.items.map((i) => [i.kind, i.id])).toEqual(expect.arrayContaining([
      ['EXPERT', profile.id],
      ['LISTING', listing.id],
    ]));
    const onlyExperts = await core.reviewQueue(viewerOf(moderator), 'EXPERT', { page: 1, pageSize: 100 }, 'vi');
    expect(onlyExperts.items.map((i) => i.id)).toContain(profile.id);
    expect(onlyExperts.items.every((i) => i.kind === 'EXPERT')).toBe(true);
  });
});
