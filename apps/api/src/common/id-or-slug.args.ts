import { ArgsType, Field, ID } from '@nestjs/graphql';

/** The arguments of the queries that find one item by its id or its public slug (listing, organisation, expert, event). */
@ArgsType()
export class IdOrSlugArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}
