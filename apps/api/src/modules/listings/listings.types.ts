import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IpStatus, ListingKind, ListingStatus, TransferMode } from '../../common/graphql-enums.js';
import type { ListingContent, ListingEntity } from './listing.entity.js';
import type { OrganizationType } from '../organizations/organizations.types.js';
import { Paginated } from '../../common/pagination.js';
import { moderationEventType } from '../moderation-core/moderation-event.type.js';
import { moderatedFields } from '../moderation-core/moderated.entity.js';
import { ModeratedItemType } from '../moderation-core/moderated-item.type.js';
import { pick } from '../../common/pick.js';
import { revisionDeclined } from '../moderation-core/moderation.rules.js';

@ObjectType('PriceRange', { description: 'Amounts are whole Vietnamese dong unless currency says otherwise.' })
export class PriceRangeType {
  @Field(() => Float, { nullable: true })
  min: number | null;

  @Field(() => Float, { nullable: true })
  max: number | null;

  @Field()
  currency: string;

  @Field()
  negotiable: boolean;
}

@ObjectType('QualityHint', { description: 'Something that would make the listing better, and the points it costs.' })
export class QualityHintType {
  @Field({ description: 'Stable machine code, e.g. NO_SPECIFICATION, SHORT_DESCRIPTION, NO_KEYWORDS, NO_TRL.' })
  code: string;

  @Field({ description: "What to improve, in the request's language." })
  label: string;

  @Field(() => Int, { description: 'Points lost (the score is 100 minus the sum).' })
  penalty: number;
}

@ObjectType('ListingStats', { description: "How a listing is doing, for its owner: views of its public page and interests opened on it." })
export class ListingStatsType {
  @Field(() => Int, {
    description:
      "Daily unique views of the public page in the last 30 days (today included, Vietnam's days): one per viewer and day; " +
      "the owning organisation's members, staff and robots are not counted.",
  })
  viewsLast30Days: number;

  @Field(() => Int, { description: 'Daily unique views since views were first counted.' })
  viewsTotal: number;

  @Field(() => Int, { description: 'Interests organisations expressed in it, whatever became of them.' })
  interestsTotal: number;

  @Field(() => Int, { description: 'Of those, the ones still waiting for the owner to accept or decline them (OPEN).' })
  interestsAwaitingReply: number;
}

export const ListingEventType = moderationEventType('ListingEvent', { statusEnum: ListingStatus, expires: true, description: "One step of a listing's audit trail." });
export type ListingEventType = InstanceType<typeof ListingEventType>;

/** The fields a Listing and its pending revision share (resolved by ListingContentResolver-style field resolvers). */
@ObjectType('ListingRevision', { description: 'Edits to a published listing awaiting review; the published text stays public meanwhile.' })
export class ListingRevisionType {
  /** The listing this revision belongs to. */
  listingId: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  specification: string | null;

  @Field(() => String, { nullable: true })
  advantages: string | null;

  @Field(() => [String])
  mediaUrls: string[];

  /** Resolved into `fields`. */
  fieldCodes: string[];

  @Field(() => [String])
  keywords: string[];

  @Field(() => Int, { nullable: true })
  trl: number | null;

  @Field(() => [TransferMode])
  transferModes: TransferMode[];

  @Field(() => IpStatus, { nullable: true })
  ipStatus: IpStatus | null;

  @Field(() => PriceRangeType, { nullable: true })
  price: PriceRangeType | null;

  /** Resolved into `province`. */
  provinceCode: string;

  @Field()
  language: string;

  @Field(() => Date, { nullable: true, description: 'When it was submitted for review; null while the owner is still editing it.' })
  submittedAt: Date | null;

  @Field({
    description: 'The last review declined this revision and it has not been sent again since: ' +
      "for the owner to fix and send again (the item's rejectionReason and moderationNote say why).",
  })
  declined: boolean;
}

@ObjectType('Listing')
export class ListingType extends ModeratedItemType {
  @Field(() => ListingKind)
  kind: ListingKind;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  description: string;

  @Field(() => ListingStatus)
  status: ListingStatus;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to updateListing.' })
  version: number;

  @Field(() => [String])
  keywords: string[];

  @Field(() => Int, { nullable: true, description: 'OFFER: readiness level reached (1-9). DEMAND: minimum level accepted.' })
  trl: number | null;

  @Field(() => [TransferMode])
  transferModes: TransferMode[];

  @Field(() => IpStatus, { nullable: true })
  ipStatus: IpStatus | null;

  @Field(() => PriceRangeType, { nullable: true, description: 'OFFER: asking price. DEMAND: budget.' })
  price: PriceRangeType | null;

  @Field(() => String, { nullable: true, description: 'Offers: the technical specification.' })
  specification: string | null;

  @Field(() => String, { nullable: true, description: 'Offers: advantages over other solutions.' })
  advantages: string | null;

  @Field(() => [String], { description: 'Links to images, video and documents.' })
  mediaUrls: string[];

  @Field({ description: "Language the listing is written in: 'vi' or 'en'." })
  language: string;

  @Field(() => Date, { nullable: true, description: 'Published listings: when they leave the public lists unless renewed.' })
  expiresAt: Date | null;

  /** The entity behind it: field resolvers read organisation, province, fields, review data from it. */
  entity: ListingEntity;

  /** A search result served from the index carries its (partial) organisation: search/indexed-listing.ts. */
  organizationFromIndex?: OrganizationType;
}

@ObjectType('ListingPage')
export class ListingPage extends Paginated(ListingType) {}

export function priceRange(c: Pick<ListingContent, 'priceMin' | 'priceMax' | 'currency' | 'negotiable'>): PriceRangeType | null {
  if (c.priceMin === null && c.priceMax === null && !c.negotiable) return null;
  return { min: c.priceMin, max: c.priceMax, currency: c.currency, negotiable: c.negotiable };
}

/** The listing's text, shown as it is by a listing and by its pending revision (the price is shaped by priceRange). */
const LISTING_TEXT = ['title', 'summary', 'description', 'specification', 'advantages', 'mediaUrls', 'keywords', 'trl', 'transferModes', 'ipStatus'] as const;

export function toListingType(e: ListingEntity): ListingType {
  return {
    ...moderatedFields(e),
    ...pick(e, [...LISTING_TEXT, 'kind', 'language', 'expiresAt']),
    price: priceRange(e),
  };
}

export function toRevisionType(listing: ListingEntity): ListingRevisionType | null {
  const r = listing.pendingRevision;
  if (!r) return null;
  return {
    listingId: listing.id,
    ...pick(r, [...LISTING_TEXT, 'fieldCodes', 'provinceCode']),
    price: priceRange(r),
    // A revision stored without a language keeps the listing's.
    language: r.language ?? listing.language,
    submittedAt: listing.revisionSubmittedAt,
    declined: revisionDeclined(listing),
  };
}

@ObjectType('ListingQuality', { description: 'A quality assessment: 100 minus the penalties of the hints that apply.' })
export class ListingQualityType {
  @Field(() => Int, { description: '0–100.' })
  score: number;

  @Field(() => [QualityHintType], { description: 'What to improve.' })
  hints: QualityHintType[];
}

@ObjectType('ListingDuplicateHint', { description: 'A listing whose title looks like this one’s: perhaps the same technology or need.' })
export class ListingDuplicateHintType {
  @Field(() => ListingType)
  listing: ListingType;

  @Field(() => Float, { description: 'How alike the titles are, 0–1 (diacritics and case aside).' })
  similarity: number;
}
