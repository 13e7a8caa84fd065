import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ListingKind as ListingKindValues, OrganizationKind as OrganizationKindValues, PROVINCES, SearchSort as SearchSortValues, TECH_FIELDS, TransferMode as TransferModeValues } from '@techport/shared';
import { ListingKind, OrganizationKind, SearchSort, TransferMode } from '../../../common/graphql-enums.js';
import { MAX_PAGE_SIZE } from '../../../common/pagination.js';
import { AtMostItems, NotBelow, NotNegative, OneOf, TextLength, WholeNumberBetween } from '../../../common/validation.js';

export const SEARCH_LIMITS = {
  query: 200,
  /** Codes per filter list. */
  codes: 50,
  maxPage: 10_000,
} as const;

/** trlMax ≥ trlMin (saved searches validate their criteria with this class too). */
export const TRL_ORDER = { vi: 'TRL tối đa không được nhỏ hơn TRL tối thiểu.', en: 'The maximum TRL must not be less than the minimum TRL.' };

/**
 * The contract's SearchInput. Optional fields are nullable with their defaults (`page: Int = 1`),
 * as the contract writes them; null means the default.
 */
@InputType()
export class SearchInput {
  @Field(() => String, { nullable: true, description: 'Words to look for, with or without Vietnamese diacritics.' })
  @IsOptional()
  @TextLength(0, SEARCH_LIMITS.query)
  query?: string | null;

  @Field(() => ListingKind, { nullable: true })
  @IsOptional()
  @OneOf(Object.values(ListingKindValues))
  kind?: ListingKind | null;

  @Field(() => [String], { nullable: true, description: 'Field codes; a parent code includes all its children.' })
  @IsOptional()
  @AtMostItems(SEARCH_LIMITS.codes)
  @OneOf(TECH_FIELDS.map((f) => f.code), true)
  fieldCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @AtMostItems(SEARCH_LIMITS.codes)
  @OneOf(PROVINCES.map((p) => p.code), true)
  provinceCodes?: string[] | null;

  @Field(() => [TransferMode], { nullable: true })
  @IsOptional()
  @AtMostItems(Object.keys(TransferModeValues).length)
  @OneOf(Object.values(TransferModeValues), true)
  transferModes?: TransferMode[] | null;

  @Field(() => [OrganizationKind], { nullable: true })
  @IsOptional()
  @AtMostItems(Object.keys(OrganizationKindValues).length)
  @OneOf(Object.values(OrganizationKindValues), true)
  organizationKinds?: OrganizationKind[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @WholeNumberBetween(1, 9)
  trlMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @WholeNumberBetween(1, 9)
  @NotBelow('trlMin', TRL_ORDER)
  trlMax?: number | null;

  @Field(() => Float, { nullable: true, description: "Offers priced at or below this (lowest stated price); listings without a price are kept." })
  @IsOptional()
  @NotNegative()
  priceMax?: number | null;

  @Field(() => SearchSort, { nullable: true, defaultValue: SearchSortValues.RELEVANCE })
  @IsOptional()
  @OneOf(Object.values(SearchSortValues))
  sort?: SearchSort | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @WholeNumberBetween(1, SEARCH_LIMITS.maxPage)
  page?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @WholeNumberBetween(1, MAX_PAGE_SIZE)
  pageSize?: number | null;
}
