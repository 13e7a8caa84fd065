import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Province')
export class ProvinceType {
  @Field()
  code: string;

  @Field({ description: "Name in the request's language." })
  name: string;

  @Field(() => [String], { description: 'Provinces merged into this one in 2025 (their old names still find it).' })
  formerNames: string[];
}

@ObjectType('TechField')
export class TechFieldType {
  @Field()
  code: string;

  @Field({ description: "Name in the request's language." })
  name: string;

  /** Not a GraphQL field: resolved into `parent`. */
  parentCode: string | null;
}
