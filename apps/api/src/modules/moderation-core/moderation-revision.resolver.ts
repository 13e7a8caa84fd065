import type { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { ReferenceService } from '../reference/reference.service.js';
import { ProvinceType, TechFieldType } from '../reference/reference.types.js';

/** What a kind's pending-revision GraphQL type carries for these field resolvers. */
export interface RevisionPlaceFields {
  fieldCodes: string[];
  provinceCode: string;
}

/**
 * The field resolvers every kind's pending-revision type shares (ListingRevision,
 * ExpertProfileRevision): its fields and its province, read from the revision, not the
 * published item. A kind with more to resolve extends the class.
 */
export function moderationRevisionResolver<T extends RevisionPlaceFields>(revisionType: Type<T>) {
  @Resolver(() => revisionType)
  class ModerationRevisionResolver {
    constructor(readonly reference: ReferenceService) {}

    @ResolveField(() => [TechFieldType])
    fields(@Parent() r: T, @Context() ctx: GqlContext): TechFieldType[] {
      return this.reference.techFieldsOf(r.fieldCodes, ctx.lang);
    }

    @ResolveField(() => ProvinceType)
    province(@Parent() r: T, @Context() ctx: GqlContext): ProvinceType {
      return this.reference.province(r.provinceCode, ctx.lang)!;
    }
  }
  return ModerationRevisionResolver;
}
