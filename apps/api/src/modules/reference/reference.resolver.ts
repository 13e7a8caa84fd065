import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../common/context.js';
import { ReferenceService } from './reference.service.js';
import { ProvinceType, TechFieldType } from './reference.types.js';

@Resolver(() => TechFieldType)
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Query(() => [ProvinceType])
  provinces(@Context() ctx: GqlContext): ProvinceType[] {
    return this.reference.provinces(ctx.lang);
  }

  @Query(() => [TechFieldType], { description: 'The whole taxonomy, parents and children.' })
  techFields(@Context() ctx: GqlContext): TechFieldType[] {
    return this.reference.techFields(ctx.lang);
  }

  @ResolveField(() => TechFieldType, { nullable: true })
  parent(@Parent() field: TechFieldType, @Context() ctx: GqlContext): TechFieldType | null {
    return field.parentCode ? this.reference.techField(field.parentCode, ctx.lang) : null;
  }

  @ResolveField(() => [TechFieldType])
  children(@Parent() field: TechFieldType, @Context() ctx: GqlContext): TechFieldType[] {
    return this.reference.children(field.code, ctx.lang);
  }
}
