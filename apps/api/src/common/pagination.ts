import type { Type } from '@nestjs/common';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { WholeNumberBetween } from './validation.js';

export const MAX_PAGE_SIZE = 100;

@InputType()
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @WholeNumberBetween(1, 1_000_000)
  page: number = 1;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @WholeNumberBetween(1, MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  totalItems: number;
  page: number;
  pageSize: number;
}

/** The same page with each item mapped (a page of entities into one of their GraphQL type). */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}

export function pageWindow(input: PageInput | null | undefined): { page: number; pageSize: number; offset: number } {
  const page = input?.page ?? 1;
  const pageSize = input?.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * The GraphQL page type of T: `@ObjectType('ListingPage') class ListingPage extends Paginated(ListingType) {}`
 * gives { items: [ListingType!]!, totalItems: Int!, page: Int!, pageSize: Int! }.
 */
export function Paginated<T>(itemType: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class PageType implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int)
    totalItems: number;

    @Field(() => Int)
    page: number;

    @Field(() => Int)
    pageSize: number;
  }
  return PageType as unknown as Type<Page<T>>;
}
