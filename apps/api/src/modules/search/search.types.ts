import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ListingType } from '../listings/listings.types.js';

@ObjectType('FacetValue')
export class FacetValueType {
  @Field()
  value: string;

  @Field({ description: "The value's name in the request's language." })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('Facet', { description: 'name is one of: kind, fieldCodes, provinceCode, transferModes, organizationKind, trl' })
export class FacetType {
  @Field()
  name: string;

  @Field(() => [FacetValueType])
  values: FacetValueType[];
}

@ObjectType('SearchHit')
export class SearchHitType {
  @Field(() => ListingType)
  listing: ListingType;

  @Field({ description: 'Title and summary with matched words wrapped in <mark></mark>; all other markup escaped.' })
  highlightedTitle: string;

  @Field()
  highlightedSummary: string;
}

@ObjectType('SearchResult')
export class SearchResultType {
  @Field(() => [SearchHitType])
  hits: SearchHitType[];

  @Field(() => Int)
  totalHits: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => [FacetType])
  facets: FacetType[];

  @Field(() => Int, { description: "Meilisearch's own time for the query and its facet counts." })
  processingTimeMs: number;
}
