// Service-level tests: the real application's services (its module graph, PostgreSQL and the
// outbox) without HTTP. A rule that needs no request (a workflow step, an ownership check, a
// jurisdiction) is tested here through the service that owns it, with records made by the
// factories below straight in the database: no sign-up e-mail, no sign-in, no GraphQL round trip.
// What the API shows a user stays in the end-to-end specs (*.e2e-spec.ts).
import { randomBytes } from 'node:crypto';
import type { INestApplication, Type } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ModerationDecision, Role } from '@techport/shared';
import { createApp } from '../../src/main.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import type { Viewer } from '../../src/common/auth/viewer.js';
import { UserEntity } from '../../src/modules/accounts/user.entity.js';
import { OrganizationEntity, OrganizationMemberEntity } from '../../src/modules/organizations/organization.entity.js';
import { ListingsService } from '../../src/modules/listings/listings.service.js';
import type { ListingEntity } from '../../src/modules/listings/listing.entity.js';
import type { ListingInput } from '../../src/modules/listings/dto/listing.inputs.js';
import { OutboxService } from '../../src/modules/outbox/outbox.service.js';
import { ExpertsService } from '../../src/modules/experts/experts.service.js';
import type { ExpertProfileEntity } from '../../src/modules/experts/expert.entity.js';
import type { ExpertProfileInput } from '../../src/modules/experts/dto/expert.inputs.js';
import { databaseOfThisFile } from './database.js';

export interface TestContext {
  app: INestApplication;
  config: AppConfig;
  ds: DataSource;
  /** A provider of the application (a service, the clock). */
  get<T>(type: Type<T>): T;
  /** Runs the outbox until nothing is due, as the worker would. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The application's providers on the spec file's database and indexes, initialised but not listening. */
export async function startTestContext(overrides: Record<string, string> = {}): Promise<TestContext> {
  const own = await databaseOfThisFile();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: own.url,
    MEILI_URL: process.env.MEILI_URL ?? '',
    MEILI_INDEX_PREFIX: own.indexPrefix,
    ...overrides,
  });
  const app = await createApp(config);
  await app.init();
  const ds = app.get(DataSource);
  const outbox = app.get(OutboxService);
  return {
    app,
    config,
    ds,
    get: (type) => app.get(type),
    async settle() {
      for (let round = 0; round < 400; round++) {
        await outbox.drain();
        const [row] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL AND available_at <= now()`);
        if (row.n === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('outbox did not settle');
    },
    close: () => app.close(),
  };
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/** The Viewer the API would build for this user on a request (roles as stored: staff here count as enrolled). */
export function viewerOf(user: UserEntity): Viewer {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    moderatedProvinceCodes: user.moderatedProvinceCodes,
    allProvinces: user.allProvinces,
    secondFactor: true,
    session: null,
  };
}

/** An activated member account (its password hash is not a usable one: service tests never sign in). */
export async function makeUser(em: EntityManager, fields: Partial<UserEntity> = {}): Promise<UserEntity> {
  return em.getRepository(UserEntity).save({
    email: `${unique('user')}@factory.test`,
    passwordHash: '!factory',
    displayName: 'Người dùng thử',
    roles: [Role.MEMBER],
    moderatedProvinceCodes: [],
    allProvinces: false,
    emailVerifiedAt: new Date(),
    ...fields,
  });
}

/** A moderator of the given provinces (none: nationwide). */
export function makeModerator(em: EntityManager, provinceCodes: string[] = []): Promise<UserEntity> {
  return makeUser(em, {
    displayName: 'Kiểm duyệt viên',
    roles: [Role.MEMBER, Role.MODERATOR],
    moderatedProvinceCodes: provinceCodes,
    allProvinces: provinceCodes.length === 0,
  });
}

/** An organisation in a province, with its creator (and any other users) as members. */
export async function makeOrganization(em: EntityManager, creator: UserEntity, fields: Partial<OrganizationEntity> = {}, members: UserEntity[] = []): Promise<OrganizationEntity> {
  const slug = unique('org');
  const org = await em.getRepository(OrganizationEntity).save({
    slug,
    name: `Viện thử nghiệm ${slug}`,
    kind: 'RESEARCH_INSTITUTE',
    provinceCode: 'ha-noi',
    createdBy: creator.id,
    ...fields,
  } as Partial<OrganizationEntity>);
  for (const user of [creator, ...members]) {
    await em.getRepository(OrganizationMemberEntity).save({ organizationId: org.id, userId: user.id, role: user === creator ? 'OWNER' : 'MEMBER' } as Partial<OrganizationMemberEntity>);
  }
  return org;
}

/** A listing's input as the API would receive it, for an organisation. */
export function listingInput(organizationId: string, fields: Partial<ListingInput> = {}): ListingInput {
  return {
    kind: 'OFFER',
    organizationId,
    title: `Công nghệ sấy lạnh nông sản bằng bơm nhiệt ${unique('t')}`,
    summary: 'Hệ thống sấy lạnh dùng bơm nhiệt, giữ màu và vi chất của trái cây, rau củ.',
    description:
      'Công nghệ sấy lạnh sử dụng bơm nhiệt hai cấp, nhiệt độ sấy 15–35 °C, độ ẩm điều khiển tự động. Đã ứng dụng tại ba hợp tác xã với công suất 500 kg/mẻ. Chuyển giao gồm thiết kế, lắp đặt và đào tạo vận hành.',
    fieldCodes: ['2'],
    keywords: ['sấy lạnh', 'bơm nhiệt'],
    trl: 7,
    transferModes: ['LICENSING'],
    ipStatus: null,
    priceMin: null,
    priceMax: null,
    currency: 'VND',
    negotiable: true,
    provinceCode: 'ha-noi',
    ...fields,
  } as ListingInput;
}

/**
 * A listing of `owner`'s organisation, created through ListingsService and taken as far as
 * `status` says: DRAFT, PENDING_REVIEW (submitted) or PUBLISHED (approved by `moderator`).
 */
export async function makeListing(
  ctx: TestContext,
  owner: UserEntity,
  organization: OrganizationEntity,
  options: { status?: 'DRAFT' | 'PENDING_REVIEW' | 'PUBLISHED'; moderator?: UserEntity; input?: Partial<ListingInput> } = {},
): Promise<ListingEntity> {
  const listings = ctx.get(ListingsService);
  let listing = await listings.create(viewerOf(owner), listingInput(organization.id, { provinceCode: organization.provinceCode, ...options.input }));
  const status = options.status ?? 'DRAFT';
  if (status === 'DRAFT') return listing;
  listing = await listings.submit(viewerOf(owner), listing.id);
  if (status === 'PENDING_REVIEW') return listing;
  const moderator = options.moderator ?? (await makeModerator(ctx.ds.manager));
  return listings.moderate(viewerOf(moderator), listing.id, ModerationDecision.APPROVE, null, null);
}

/** An expert profile's input as the API would receive it. */
export function expertInput(fields: Partial<ExpertProfileInput> = {}): ExpertProfileInput {
  return {
    fullName: 'Trần Thị Thử Nghiệm',
    headline: 'Chuyên gia công nghệ sau thu hoạch',
    bio: 'Hai mươi năm nghiên cứu và chuyển giao công nghệ sấy, bảo quản nông sản cho hợp tác xã và doanh nghiệp vừa và nhỏ.',
    fieldCodes: ['2'],
    services: ['tư vấn công nghệ sấy', 'đánh giá dây chuyền'],
    pastTransfers: [],
    provinceCode: 'ha-noi',
    organizationId: null,
    ...fields,
  } as ExpertProfileInput;
}

/** `user`'s expert profile, created through ExpertsService and taken as far as `status` says (as makeListing). */
export async function makeExpert(
  ctx: TestContext,
  user: UserEntity,
  options: { status?: 'DRAFT' | 'PENDING_REVIEW' | 'PUBLISHED'; moderator?: UserEntity; input?: Partial<ExpertProfileInput> } = {},
): Promise<ExpertProfileEntity> {
  const experts = ctx.get(ExpertsService);
  let profile = await experts.upsertMine(viewerOf(user), expertInput(options.input));
  const status = options.status ?? 'DRAFT';
  if (status === 'DRAFT') return profile;
  profile = await experts.submit(viewerOf(user), profile.id);
  if (status === 'PENDING_REVIEW') return profile;
  const moderator = options.moderator ?? (await makeModerator(ctx.ds.manager));
  return experts.moderate(viewerOf(moderator), profile.id, ModerationDecision.APPROVE, null, null);
}
