import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListingKind, OrganizationKind, SearchSort, TransferMode } from '../../common/graphql-enums.js';
import type { SavedSearchEntity } from './saved-search.entity.js';

@ObjectType('SavedSearchInputView', { description: 'The criteria of a saved search, as saved (pass them back to `search` to run it).' })
export class SavedSearchInputViewType {
  @Field(() => String, { nullable: true })
  query: string | null;

  @Field(() => ListingKind, { nullable: true })
  kind: ListingKind | null;

  @Field(() => [String], { nullable: true })
  fieldCodes: string[] | null;

  @Field(() => [String], { nullable: true })
  provinceCodes: string[] | null;

  @Field(() => [TransferMode], { nullable: true })
  transferModes: TransferMode[] | null;

  @Field(() => [OrganizationKind], { nullable: true })
  organizationKinds: OrganizationKind[] | null;

  @Field(() => Int, { nullable: true })
  trlMin: number | null;

  @Field(() => Int, { nullable: true })
  trlMax: number | null;

  @Field(() => Float, { nullable: true })
  priceMax: number | null;

  @Field(() => SearchSort, { nullable: true })
  sort: SearchSort | null;
}

@ObjectType('SavedSearch')
export class SavedSearchType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => SavedSearchInputViewType)
  input: SavedSearchInputViewType;

  @Field({ description: 'Whether newly published listings that satisfy it alert its owner.' })
  notify: boolean;

  @Field(() => Date)
  createdAt: Date;
}

export function toSavedSearchType(e: SavedSearchEntity): SavedSearchType {
  const c = e.criteria;
  return {
    id: e.id,
    name: e.name,
    notify: e.notify,
    createdAt: e.createdAt,
    input: {
      query: c.query ?? null,
      kind: (c.kind as ListingKind | null) ?? null,
      fieldCodes: c.fieldCodes ?? null,
      provinceCodes: c.provinceCodes ?? null,
      transferModes: (c.transferModes as TransferMode[] | null) ?? null,
      organizationKinds: (c.organizationKinds as OrganizationKind[] | null) ?? null,
      trlMin: c.trlMin ?? null,
      trlMax: c.trlMax ?? null,
      priceMax: c.priceMax ?? null,
      sort: (c.sort as SearchSort | null) ?? null,
    },
  };
}
