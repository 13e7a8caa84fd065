import type { DataSource, EntityManager } from 'typeorm';
import { slugify } from '@techport/shared';
import { hashPassword } from '../modules/accounts/password.js';
import { assessQuality } from '../modules/listings/listing.rules.js';
import { LISTING_TRAIL, type ListingContent } from '../modules/listings/listing.entity.js';
import { LISTING_CHANGED, LISTING_WORKFLOW as LISTING_OPTIONS } from '../modules/listings/listing.kind.js';
import { expertKind } from '../modules/experts/expert.kind.js';
import { EXPERT_CHANGED_TOPIC } from '../modules/experts/expert-index.js';
import { moderationTransitions, replay, type StoryStep, type TrailRow } from '../modules/moderation-core/moderation.workflow.js';
import { writeTrail } from '../modules/moderation-core/moderation-trail.js';
import { refreshStatsRollup } from '../modules/stats/figures.service.js';
import { seedDemoEvents } from './demo-events.js';
import { DEMO_STAFF_TOTP_SECRET, buildDemoCatalogue, type DemoCatalogue, type DemoListing } from './demo-content.js';
import { demoData, fill } from './demo-data.js';

const DAY = 24 * 60 * 60 * 1000;

// Demo histories are told through the moderated-content core's workflow table (replay): a demo
// item's status is where its story ends, and its audit trail is one the API could have written.
const LISTING_WORKFLOW = moderationTransitions(LISTING_OPTIONS);
const EXPERT_WORKFLOW = moderationTransitions(expertKind.workflow);
const statusOf = (story: TrailRow[]) => story[story.length - 1].to;

export interface SeedResult {
  seeded: boolean;
  accounts: { email: string; password: string; roles: string[]; organizations: string[] }[];
  counts: Record<string, number>;
}

function accountsOf(catalogue: DemoCatalogue, admin?: ConfiguredAdmin): SeedResult['accounts'] {
  const orgName = new Map(catalogue.organizations.map((o) => [o.key, o.name]));
  return catalogue.users.map((u) => ({
    email: u.email,
    // The operator's own admin password is theirs: never printed.
    password: admin && u.key === DEMO_ADMIN_KEY ? '(ADMIN_PASSWORD)' : u.password,
    roles: u.roles,
    organizations: u.orgKeys.map((k) => orgName.get(k) ?? k),
  }));
}

/** The admin of the configuration (ADMIN_EMAIL / ADMIN_PASSWORD). */
export interface ConfiguredAdmin {
  email: string;
  password: string;
}

const DEMO_ADMIN_KEY = 'user-admin';

/**
 * With a configured admin, the demo's admin account is that one: no second admin with the demo's
 * public password appears next to the operator's.
 */
function withConfiguredAdmin(catalogue: DemoCatalogue, admin?: ConfiguredAdmin): DemoCatalogue {
  if (!admin) return catalogue;
  const users = catalogue.users.map((u) => (u.key === DEMO_ADMIN_KEY ? { ...u, email: admin.email.trim().toLowerCase(), password: admin.password } : u));
  return { ...catalogue, users };
}

/**
 * Seeds the demo exchange (organisations, members, moderators, listings in every status with
 * their audit trail) in one transaction, once: when any organisation exists it does nothing.
 * Published listings reach the search index through the outbox, like any other publication.
 */
export async function seedDemo(ds: DataSource, options: { ttlDays: number; now?: Date; admin?: ConfiguredAdmin }): Promise<SeedResult> {
  const catalogue = withConfiguredAdmin(buildDemoCatalogue(), options.admin);
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM organization`);
  if (n > 0) return { seeded: false, accounts: accountsOf(catalogue, options.admin), counts: {} };
  const now = options.now ?? new Date();

  const hashes = new Map<string, string>();
  for (const p of new Set(catalogue.users.map((u) => u.password))) hashes.set(p, await hashPassword(p));

  const counts = await ds.transaction(async (em) => {
    const userIds = new Map<string, string>();
    for (const u of catalogue.users) {
      const [row] = await em.query(
        // Demo accounts are confirmed (email_verified_at): their addresses are not real mailboxes.
        `INSERT INTO app_user (email, password_hash, display_name, roles, moderated_province_codes, all_provinces, email_verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
        [u.email.toLowerCase(), hashes.get(u.password), u.displayName, u.roles, u.moderatedProvinceCodes, u.allProvinces ?? false, now],
      );
      userIds.set(u.key, row.id);
      // Staff act only with a second factor: the demo's own staff accounts are enrolled with the
      // published demo secret. An operator's configured admin (also in the catalogue) never is.
      if ((u.roles.includes('MODERATOR') || u.roles.includes('ADMIN')) && u.email.toLowerCase().endsWith('@demo.techport.vn')) {
        await em.query(`UPDATE app_user SET totp_secret = $2, totp_enabled_at = $3 WHERE id = $1 AND totp_secret IS NULL`, [row.id, DEMO_STAFF_TOTP_SECRET, now]);
      }
    }
    const moderatorId = userIds.get(catalogue.users.find((u) => u.roles.includes('MODERATOR') && u.allProvinces)?.key ?? '') ?? null;

    const orgIds = new Map<string, string>();
    const orgProvince = new Map<string, string>();
    const slugs = new Set<string>();
    const unique = (text: string) => {
      const base = slugify(text, 90);
      let slug = base;
      for (let i = 2; slugs.has(slug); i++) slug = `${base}-${i}`;
      slugs.add(slug);
      return slug;
    };
    for (const o of catalogue.organizations) {
      const creator = catalogue.users.find((u) => u.orgKeys.includes(o.key));
      const createdBy = userIds.get(creator?.key ?? '') ?? moderatorId;
      // On the exchange before its first listing was written ("member since" after its listings read wrong), verified days later.
      const firstListing = Math.max(0, ...catalogue.listings.filter((l) => l.orgKey === o.key).map((l) => l.daysAgo + 2));
      const joined = new Date(now.getTime() - (firstListing + 20) * DAY);
      const verifiedAt = new Date(joined.getTime() + 3 * DAY);
      const [row] = await em.query(
        `INSERT INTO organization (slug, name, kind, province_code, description, website, tax_code, verified, verified_at, verified_by, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
        [unique(o.name), o.name, o.kind, o.provinceCode, o.description, o.website, o.taxCode, o.verified, o.verified ? verifiedAt : null, o.verified ? moderatorId : null, createdBy, joined],
      );
      orgIds.set(o.key, row.id);
      orgProvince.set(o.key, o.provinceCode);
    }
    for (const u of catalogue.users) {
      for (const orgKey of u.orgKeys) {
        // The organisation's first listed member created it and owns it.
        const isOwner = catalogue.users.find((x) => x.orgKeys.includes(orgKey))?.key === u.key;
        await em.query(`INSERT INTO organization_member (organization_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          orgIds.get(orgKey),
          userIds.get(u.key),
          isOwner ? 'OWNER' : 'MEMBER',
        ]);
      }
    }

    const listingSlugs = new Set<string>();
    const publishedListings: { id: string; kind: string; orgKey: string; title: string; provinceCode: string; transferModes: string[]; priceMin: number | null; priceMax: number | null }[] = [];
    let published = 0;
    for (const l of catalogue.listings) {
      const creator = catalogue.users.find((u) => u.orgKeys.includes(l.orgKey));
      const createdBy = userIds.get(creator?.key ?? '')!;
      const id = await insertListing(em, l, {
        organizationId: orgIds.get(l.orgKey)!,
        createdBy,
        moderatorId,
        now,
        ttlDays: options.ttlDays,
        slug: (() => {
          const base = slugify(l.title, 90);
          let slug = base;
          for (let i = 2; listingSlugs.has(slug); i++) slug = `${base}-${i}`;
          listingSlugs.add(slug);
          return slug;
        })(),
      });
      if (l.status === 'PUBLISHED') {
        published++;
        publishedListings.push({ id, kind: l.kind, orgKey: l.orgKey, title: l.title, provinceCode: l.provinceCode, transferModes: l.transferModes, priceMin: l.priceMin, priceMax: l.priceMax });
        await em.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)`, [LISTING_CHANGED, JSON.stringify({ listingId: id })]);
      }
    }
    // Experts: a profile belongs to an account; independent experts get an account of their own.
    const expertSlugs = new Set<string>();
    const expertPassword = hashes.values().next().value as string;
    let experts = 0;
    for (const x of catalogue.experts) {
      let userId = x.userKey ? userIds.get(x.userKey) : undefined;
      if (!userId) {
        const email = `${slugify(x.fullName, 60).replace(/-/g, '.')}@chuyengia.demo.techport.vn`;
        const [row] = await em.query(
          `INSERT INTO app_user (email, password_hash, display_name, email_verified_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
          [email, expertPassword, x.fullName, now],
        );
        userId = row.id as string;
      }
      const base = slugify(x.fullName, 90);
      let slug = base;
      for (let i = 2; expertSlugs.has(slug); i++) slug = `${base}-${i}`;
      expertSlugs.add(slug);
      const submittedAt = new Date(now.getTime() - 40 * DAY);
      const publishedAt = x.status === 'PUBLISHED' ? new Date(now.getTime() - 30 * DAY) : null;
      const story = replay(EXPERT_WORKFLOW, [
        { action: 'CREATE', role: 'OWNER', actorId: userId, at: new Date(submittedAt.getTime() - DAY) },
        { action: 'SUBMIT', role: 'OWNER', actorId: userId, at: submittedAt },
        ...(publishedAt ? [{ action: 'APPROVE', role: 'MODERATOR', actorId: moderatorId, at: publishedAt } satisfies StoryStep] : []),
      ]);
      const [row] = await em.query(
        `INSERT INTO expert_profile (user_id, slug, status, full_name, headline, bio, field_codes, services, past_transfers, province_code,
           organization_id, submitted_at, published_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) ON CONFLICT (user_id) DO NOTHING RETURNING id`,
        [userId, slug, statusOf(story), x.fullName, x.headline, x.bio, x.fieldCodes, x.services, x.pastTransfers, x.provinceCode,
         x.orgKey ? orgIds.get(x.orgKey) ?? null : null, submittedAt, publishedAt],
      );
      if (!row) continue;
      experts++;
      await writeTrail(em, expertKind.trail, row.id, story);
      if (publishedAt) await em.query(`INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)`, [EXPERT_CHANGED_TOPIC, JSON.stringify({ expertId: row.id })]);
    }
    const deals = await seedDeals(em, { publishedListings, orgIds, orgProvince, memberOf: (orgKey) => userIds.get(catalogue.users.find((u) => u.orgKeys.includes(orgKey))?.key ?? '') ?? null, moderatorId, now });
    const events = await seedDemoEvents(em, {
      organisers: catalogue.organizations.filter((o) => o.kind === 'GOVERNMENT' || o.kind === 'INTERMEDIARY').map((o) => ({ key: o.key, provinceCode: o.provinceCode })),
      publishedListings,
      orgIds,
      memberOf: (orgKey) => userIds.get(catalogue.users.find((u) => u.orgKeys.includes(orgKey))?.key ?? '') ?? null,
      moderatorId,
      now,
    });
    return { users: catalogue.users.length, organizations: catalogue.organizations.length, listings: catalogue.listings.length, published, experts, ...deals, ...events };
  });
  // The market figures read a monthly rollup: refreshed now, so the stats page shows the demo at once.
  await refreshStatsRollup(ds);
  return { seeded: true, accounts: accountsOf(catalogue, options.admin), counts };
}

async function insertListing(
  em: EntityManager,
  l: DemoListing,
  ctx: { organizationId: string; createdBy: string; moderatorId: string | null; now: Date; ttlDays: number; slug: string },
): Promise<string> {
  const created = new Date(ctx.now.getTime() - (l.daysAgo + 2) * DAY);
  const submitted = l.status === 'DRAFT' ? null : new Date(created.getTime() + DAY);
  const publishedAt = l.status === 'PUBLISHED' || l.status === 'ARCHIVED' ? new Date(ctx.now.getTime() - l.daysAgo * DAY) : null;
  const expiresAt = publishedAt ? new Date(publishedAt.getTime() + ctx.ttlDays * DAY) : null;
  const expiredAt = l.status === 'PUBLISHED' && expiresAt && expiresAt < ctx.now ? expiresAt : null;
  // What the listing says, as the listings module stores it (the rest of a demo listing is its history).
  const { key: _key, orgKey: _orgKey, kind: _kind, status: _status, rejection: _rejection, daysAgo: _daysAgo, ...fields } = l;
  const content: ListingContent = { ...fields, currency: 'VND' };
  const quality = l.status === 'DRAFT' ? null : assessQuality(l.kind, content);
  // The audit trail a real listing would have, told through the workflow table.
  const story = replay(LISTING_WORKFLOW, [
    { action: 'CREATE', role: 'OWNER', actorId: ctx.createdBy, at: created },
    ...(submitted ? [{ action: 'SUBMIT', role: 'OWNER', actorId: ctx.createdBy, at: submitted } satisfies StoryStep] : []),
    ...(l.status === 'REJECTED'
      ? [{ action: 'REJECT', role: 'MODERATOR', actorId: ctx.moderatorId, at: new Date(submitted!.getTime() + DAY / 2), note: l.rejection?.note ?? null, reason: l.rejection?.reason ?? null } satisfies StoryStep]
      : []),
    ...(publishedAt ? [{ action: 'APPROVE', role: 'MODERATOR', actorId: ctx.moderatorId, at: publishedAt } satisfies StoryStep] : []),
    ...(l.status === 'ARCHIVED' ? [{ action: 'ARCHIVE', role: 'OWNER', actorId: ctx.createdBy, at: new Date(Math.min(ctx.now.getTime(), publishedAt!.getTime() + 30 * DAY)) } satisfies StoryStep] : []),
  ]);
  if (statusOf(story) !== l.status) throw new Error(`demo listing ${l.key}: its story ends ${statusOf(story)}, not ${l.status}`);
  const [row] = await em.query(
    `INSERT INTO listing (kind, slug, status, organization_id, created_by, title, summary, description, specification, advantages, media_urls,
       field_codes, keywords, trl, transfer_modes, ip_status, price_min, price_max, currency, negotiable, province_code, language,
       moderation_note, rejection_reason, quality_score, quality_hints, submitted_at, published_at, expires_at, expired_at, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,'VND',$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$30)
     RETURNING id`,
    [
      l.kind, ctx.slug, statusOf(story), ctx.organizationId, ctx.createdBy, l.title, l.summary, l.description, l.specification, l.advantages, l.mediaUrls,
      l.fieldCodes, l.keywords, l.trl, l.transferModes, l.ipStatus, l.priceMin, l.priceMax, l.negotiable, l.provinceCode, l.language,
      l.rejection?.note ?? null, l.rejection?.reason ?? null, quality?.score ?? null, JSON.stringify(quality?.hints ?? []),
      submitted, publishedAt, expiresAt, expiredAt, created,
    ],
  );
  await writeTrail(em, LISTING_TRAIL, row.id, story);
  return row.id;
}

/**
 * Interests on published offers and, for most, a deal: the conversation and the deal's steps as
 * the deals module writes them, one story of deals.json per deal (apps/api/demo-data).
 */
async function seedDeals(
  em: EntityManager,
  ctx: {
    publishedListings: { id: string; kind: string; orgKey: string; title: string; provinceCode: string; transferModes: string[]; priceMin: number | null; priceMax: number | null }[];
    orgIds: Map<string, string>;
    orgProvince: Map<string, string>;
    memberOf: (orgKey: string) => string | null;
    moderatorId: string | null;
    now: Date;
  },
): Promise<{ interests: number; deals: number }> {
  const { stories, messages, terms, approvalNote } = demoData().deals;
  const offers = ctx.publishedListings.filter((l) => l.kind === 'OFFER');
  const demands = ctx.publishedListings.filter((l) => l.kind === 'DEMAND');
  const buyers = [...new Set(demands.map((d) => d.orgKey))];
  let interests = 0;
  let deals = 0;
  for (let i = 0; i < 14 && i < offers.length && buyers.length; i++) {
    const offer = offers[(i * 17) % offers.length];
    const buyerKey = buyers.find((b, j) => j >= i % buyers.length && b !== offer.orgKey) ?? buyers.find((b) => b !== offer.orgKey);
    if (!buyerKey) continue;
    const buyerOrg = ctx.orgIds.get(buyerKey)!;
    const supplierOrg = ctx.orgIds.get(offer.orgKey)!;
    const buyerUser = ctx.memberOf(buyerKey);
    const supplierUser = ctx.memberOf(offer.orgKey);
    if (!buyerUser || !supplierUser) continue;
    const started = new Date(ctx.now.getTime() - (60 - i * 3) * DAY);
    const accepted = i < stories.length + 2;
    const [interest] = await em.query(
      `INSERT INTO interest (listing_id, organization_id, listing_organization_id, status, created_by, responded_by, responded_at, last_message_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [offer.id, buyerOrg, supplierOrg, accepted ? 'ACCEPTED' : 'OPEN', buyerUser, accepted ? supplierUser : null, accepted ? new Date(started.getTime() + DAY) : null, new Date(started.getTime() + 2 * DAY), started],
    );
    if (!interest) continue;
    interests++;
    // The buyer writes first, then the two take turns.
    for (const [k, body] of messages.slice(0, accepted ? messages.length : 1).entries()) {
      const [author, authorOrg] = k % 2 === 0 ? [buyerUser, buyerOrg] : [supplierUser, supplierOrg];
      await em.query(`INSERT INTO interest_message (interest_id, author_id, author_organization_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`, [
        interest.id, author, authorOrg, body, new Date(started.getTime() + k * DAY),
      ]);
    }
    const story = stories[i];
    if (!accepted || !story) continue;
    const value = offer.priceMin ?? offer.priceMax ?? 250_000_000;
    const mode = offer.transferModes[0] ?? 'LICENSING';
    const t0 = new Date(started.getTime() + 3 * DAY);
    const at = (k: number) => new Date(t0.getTime() + k * 2 * DAY);
    const stepAt = new Map(story.steps.map(([action], k) => [action, at(k)]));
    const approvedAt = stepAt.get('APPROVE') ?? null;
    const signs = story.steps.map(([a], k) => (a === 'SIGN' ? at(k) : null)).filter((d): d is Date => !!d);
    const [deal] = await em.query(
      `INSERT INTO deal (interest_id, listing_id, supplier_organization_id, buyer_organization_id, province_code, value, transfer_mode, terms, status,
         proposed_by, proposer_organization_id, reviewed_by, reviewed_at, approved_at, supplier_signed_at, supplier_signed_by, buyer_signed_at, buyer_signed_by, completed_at, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) RETURNING id`,
      [
        interest.id, offer.id, supplierOrg, buyerOrg, ctx.orgProvince.get(offer.orgKey) ?? offer.provinceCode, value, mode,
        fill(terms, { title: offer.title }),
        story.status, buyerUser, buyerOrg, approvedAt ? ctx.moderatorId : null, approvedAt, approvedAt,
        signs[0] ?? null, signs[0] ? supplierUser : null, signs[1] ?? null, signs[1] ? buyerUser : null, stepAt.get('COMPLETE') ?? null, t0,
      ],
    );
    deals++;
    for (const [k, [action, from, to]] of story.steps.entries()) {
      const actor = action === 'APPROVE' ? ctx.moderatorId : action === 'PROPOSE' || (action === 'SIGN' && k % 2 === 1) ? buyerUser : supplierUser;
      const actorOrg = action === 'APPROVE' ? null : actor === buyerUser ? buyerOrg : supplierOrg;
      await em.query(`INSERT INTO deal_event (deal_id, action, from_status, status, actor_id, actor_organization_id, note, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
        deal.id, action, from, to, actor, actorOrg, action === 'APPROVE' ? approvalNote : null, at(k),
      ]);
    }
  }
  return { interests, deals };
}
