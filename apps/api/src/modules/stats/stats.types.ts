import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CountByKey')
export class CountByKeyType {
  @Field()
  key: string;

  @Field({ description: "The key's name in the request's language." })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('MarketStats')
export class MarketStatsType {
  @Field(() => Int, { description: 'Published offers that have not expired.' })
  publishedOffers: number;

  @Field(() => Int, { description: 'Published demands that have not expired.' })
  publishedDemands: number;

  @Field(() => Int, { description: 'Organisations registered on the exchange.' })
  organizations: number;

  @Field(() => Int, { description: 'Deals that reached APPROVED (including those now SIGNED or COMPLETED).' })
  dealsApproved: number;

  @Field(() => Float)
  dealValueApproved: number;

  @Field(() => [CountByKeyType], { description: 'Published listings per field code they carry, most first.' })
  listingsByField: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: 'Published listings per province, most first.' })
  listingsByProvince: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: 'Approved deals per month (key YYYY-MM), oldest first.' })
  dealsByMonth: CountByKeyType[];
}
