import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ListingType } from '../listings/listings.types.js';
import { ProvinceType } from '../reference/reference.types.js';

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

  @Field(() => String, {
    nullable: true,
    description: "When the query's words were found only in the text of one of the listing's PDF documents: that document's file name (the card says “found in the document …”). Null otherwise, and on related results.",
  })
  foundInDocument: string | null;

  @Field({
    description:
      'True for a close match (every word of the query, close together; counted in totalHits). False for a related result: ' +
      'a listing sharing only some of the query\'s words, listed after the close matches and shown apart from them.',
  })
  close: boolean;
}

@ObjectType('SearchResult')
export class SearchResultType {
  @Field(() => [SearchHitType], {
    description:
      'The results in the order the page shows them: the close matches (close: true; browsing without words: every listing), then, on the ' +
      'page where the close matches end, the related results (close: false), to be shown apart. When nothing is close, the first page ' +
      'holds only related results: an honest "no close match — related results".',
  })
  hits: SearchHitType[];

  @Field(() => Int, { description: 'How many close matches there are (what the page says it found); related results are not counted.' })
  totalHits: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => [FacetType])
  facets: FacetType[];

  @Field(() => Int, { description: "Meilisearch's own time for the query and its facet counts." })
  processingTimeMs: number;

  @Field(() => ProvinceType, {
    nullable: true,
    description:
      'The province the query named at its end or start ("máy sấy cần thơ", "dryer in Can Tho", any current or former name), ' +
      'unless the filters chose other provinces: the close matches are then the listings of that province for the other words ' +
      '(searchedWords), and the related results begin with those words\' close matches elsewhere. Null when the query names none.',
  })
  place: ProvinceType | null;

  @Field(() => String, { nullable: true, description: 'With place: the words searched for, the query without the province. Null otherwise.' })
  searchedWords: string | null;
}
