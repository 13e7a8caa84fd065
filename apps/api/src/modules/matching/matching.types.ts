import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { OrganizationKind } from '../../common/graphql-enums.js';
import { ListingType } from '../listings/listings.types.js';

@ObjectType('MatchReason', { description: "One part of a match's score, explained." })
export class MatchReasonType {
  @Field({
    description:
      'Stable machine code, e.g. KEYWORDS, FIELD, TRL, BUDGET, TRANSFER_MODE, PROVINCE; also CONCEPTS (the same subject in other words or another language).',
  })
  code: string;

  @Field({ description: "Human explanation in the request's language." })
  label: string;

  @Field(() => Float, { description: "This reason's contribution to the score (the weights of a match add up to its score; a failed constraint shows with weight 0)." })
  weight: number;
}

@ObjectType('Match', { description: 'A counterpart listing: an offer for a demand, a demand for an offer.' })
export class MatchType {
  @Field(() => ListingType)
  listing: ListingType;

  @Field(() => Float, { description: 'In [0, 1]: relevance, lowered (never to zero) by the constraints the pair misses.' })
  score: number;

  @Field(() => [MatchReasonType])
  reasons: MatchReasonType[];
}

@ObjectType('ComparedListing', { description: 'One column of a side-by-side comparison: the listing and what a buyer weighs.' })
export class ComparedListingType {
  @Field(() => ListingType)
  listing: ListingType;

  @Field(() => OrganizationKind)
  organizationKind: OrganizationKind;

  @Field({ description: "The organisation kind in the request's language." })
  organizationKindLabel: string;

  @Field({ description: 'Verified by the department (Sở KH&CN).' })
  organizationVerified: boolean;

  @Field(() => Int, { nullable: true, description: 'OFFER: readiness reached; DEMAND: minimum accepted.' })
  trl: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "TRL 7 – Trình diễn mẫu thử trong môi trường vận hành".' })
  trlLabel: string | null;

  @Field({ description: 'The price (OFFER) or budget (DEMAND) as a reader says it: "1,5 – 2,5 tỷ đồng", "Thỏa thuận".' })
  priceLabel: string;

  @Field(() => Float, { nullable: true, description: 'The amount compared for LOWEST_PRICE / LARGEST_BUDGET, in the listing currency.' })
  comparablePrice: number | null;

  @Field(() => String, { nullable: true })
  ipStatusLabel: string | null;

  @Field(() => [String])
  transferModeLabels: string[];

  @Field(() => [String], {
    description:
      'Where this listing stands out among those compared: HIGHEST_TRL, LOWEST_PRICE, STRONGEST_IP, MOST_TRANSFER_MODES, VERIFIED_ORGANIZATION (offers); LARGEST_BUDGET, LOWEST_MIN_TRL, MOST_TRANSFER_MODES, VERIFIED_ORGANIZATION (demands). Empty when all are equal on a point.',
  })
  bestIn: string[];

  @Field(() => [String], { description: "bestIn in the request's language, same order." })
  bestInLabels: string[];
}
