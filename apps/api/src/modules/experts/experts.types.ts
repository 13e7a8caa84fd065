import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FacetType } from '../search/search.types.js';
import type { ExpertContactEntity, ExpertMessageEntity, ExpertProfileEntity } from './expert.entity.js';
import { ExpertProfileStatus } from './expert.rules.js';
import { Paginated } from '../../common/pagination.js';
import { moderationEventType } from '../moderation-core/moderation-event.type.js';
import { moderatedFields } from '../moderation-core/moderated.entity.js';
import { ModeratedItemType } from '../moderation-core/moderated-item.type.js';
import { pick } from '../../common/pick.js';
import { revisionDeclined } from '../moderation-core/moderation.rules.js';
import { detectLanguage } from '../text/index.js';

registerEnumType(ExpertProfileStatus, {
  name: 'ExpertProfileStatus',
  description: 'The same workflow as a listing: DRAFT → PENDING_REVIEW → PUBLISHED → ARCHIVED, or REJECTED after review.',
});

export const ExpertProfileEventType = moderationEventType('ExpertProfileEvent', { statusEnum: ExpertProfileStatus, expires: false, description: "One step of an expert profile's audit trail." });
export type ExpertProfileEventType = InstanceType<typeof ExpertProfileEventType>;

@ObjectType('ExpertProfileRevision', { description: 'Edits to a published profile awaiting review; the published text stays public meanwhile.' })
export class ExpertProfileRevisionType {
  @Field()
  fullName: string;

  @Field()
  headline: string;

  @Field()
  bio: string;

  @Field(() => [String])
  services: string[];

  @Field(() => [String])
  pastTransfers: string[];

  @Field(() => Date, { nullable: true, description: 'When it was submitted for review; null while the expert is still editing it.' })
  submittedAt: Date | null;

  @Field({
    description: 'The last review declined this revision and it has not been sent again since: ' +
      "for the expert to fix and send again (the item's rejectionReason and moderationNote say why).",
  })
  declined: boolean;

  /** Resolved into fields, province, organization. */
  fieldCodes: string[];
  provinceCode: string;
  organizationId: string | null;
}

@ObjectType('ExpertProfile', { description: 'An expert or consultant: fields of expertise, S&T services offered, past transfers.' })
export class ExpertProfileType extends ModeratedItemType {
  @Field({ description: 'From the full name without diacritics; stays once published.' })
  slug: string;

  @Field()
  fullName: string;

  @Field()
  headline: string;

  @Field()
  bio: string;

  @Field(() => [String], { description: 'S&T services offered.' })
  services: string[];

  @Field(() => [String], { description: 'Technology transfers the expert took part in.' })
  pastTransfers: string[];

  @Field({ description: 'The language the profile is written in, "vi" or "en" (detected from its headline and biography), for pages to mark it.' })
  language: string;

  @Field(() => ExpertProfileStatus)
  status: ExpertProfileStatus;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to upsertMyExpertProfile.' })
  version: number;

  /** The entity behind it: field resolvers read fields, province, organisation, user and review data from it. */
  entity: ExpertProfileEntity;
}

@ObjectType('ExpertProfilePage')
export class ExpertProfilePage extends Paginated(ExpertProfileType) {}

@ObjectType('ExpertSearchHit')
export class ExpertSearchHitType {
  @Field(() => ExpertProfileType)
  expert: ExpertProfileType;

  @Field({ description: 'Full name with matched words wrapped in <mark></mark>; all other markup escaped.' })
  highlightedName: string;

  @Field({ description: 'Headline with matched words wrapped in <mark></mark>; all other markup escaped.' })
  highlightedHeadline: string;

  @Field({ description: 'True for an expert with every word of the query (counted in totalHits); false for a related one, shown apart.' })
  close: boolean;
}

@ObjectType('ExpertSearchResult')
export class ExpertSearchResultType {
  @Field(() => [ExpertSearchHitType], {
    description:
      'The experts with every word of the query (close: true; browsing without words: everyone). When none has them all (totalHits 0, ' +
      'first page): up to 10 with some of them instead (close: false), the rarest words kept longest, to show apart from an answer.',
  })
  hits: ExpertSearchHitType[];

  @Field(() => Int)
  totalHits: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => [FacetType], { description: 'name is one of: fieldCodes, provinceCode' })
  facets: FacetType[];

  @Field(() => Int, { description: "Meilisearch's own time for the query and its facet counts." })
  processingTimeMs: number;
}

@ObjectType('ExpertMessage')
export class ExpertMessageType {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field({ description: 'Written by the expert (true) or by a member of the organisation (false).' })
  fromExpert: boolean;

  @Field(() => Date)
  createdAt: Date;

  /** Resolved into author. */
  authorId: string;
}

@ObjectType('ExpertContact', { description: 'A conversation between an organisation and an expert. Only the two sides see it.' })
export class ExpertContactType {
  @Field(() => ID)
  id: string;

  @Field({ description: "The expert's name when first contacted." })
  expertName: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  lastMessageAt: Date;

  /** Resolved into expert, fromOrganization, messages, viewerIsExpert. */
  expertId: string;
  expertUserId: string;
  organizationId: string;
}

/** The profile's text, shown as it is by a profile and by its pending revision. */
const PROFILE_TEXT = ['fullName', 'headline', 'bio', 'services', 'pastTransfers'] as const;

export function toExpertType(e: ExpertProfileEntity): ExpertProfileType {
  return { ...moderatedFields(e), ...pick(e, PROFILE_TEXT), language: detectLanguage(`${e.headline}\n${e.bio}`) };
}

export function toRevisionType(e: ExpertProfileEntity): ExpertProfileRevisionType | null {
  const r = e.pendingRevision;
  if (!r) return null;
  return {
    ...pick(r, [...PROFILE_TEXT, 'fieldCodes', 'provinceCode']),
    organizationId: r.organizationId ?? null,
    submittedAt: e.revisionSubmittedAt,
    declined: revisionDeclined(e),
  };
}

export function toContactType(c: ExpertContactEntity): ExpertContactType {
  return {
    id: c.id,
    expertName: c.expertName,
    createdAt: c.createdAt,
    lastMessageAt: c.lastMessageAt,
    expertId: c.expertId,
    expertUserId: c.expertUserId,
    organizationId: c.organizationId,
  };
}

export function toExpertMessageType(m: ExpertMessageEntity): ExpertMessageType {
  return { id: m.id, body: m.body, fromExpert: m.fromExpert, createdAt: m.createdAt, authorId: m.authorId };
}
