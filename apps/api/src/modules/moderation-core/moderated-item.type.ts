import { Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * The fields a kind's GraphQL type (Listing, ExpertProfile) shows straight from the core's columns,
 * as moderatedFields fills them; each kind adds its slug, status and version with its own
 * descriptions and status enum.
 */
@ObjectType({ isAbstract: true })
export abstract class ModeratedItemType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;
}
