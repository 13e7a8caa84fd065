import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { TransferMode } from '../../../common/graphql-enums.js';
import { OneOf, PositiveAmount, TextLength } from '../../../common/validation.js';

export const DEAL_CURRENCIES = ['VND'] as const;

@InputType()
export class DealInput {
  @Field(() => ID)
  interestId: string;

  @Field(() => Float, { description: 'Whole VND, more than 0, at most 10^15 (a million billion dong, as a listing’s price).' })
  @PositiveAmount()
  value: number;

  @Field(() => String, { nullable: true, defaultValue: 'VND', description: 'Deals are registered in VND.' })
  @IsOptional()
  @OneOf(DEAL_CURRENCIES)
  currency?: string | null = 'VND';

  @Field(() => TransferMode)
  @OneOf(Object.values(TransferMode))
  transferMode: TransferMode;

  @Field()
  // Trimmed before the length check, so blank padding does not pass for terms (checked with the rest).
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @TextLength(10, 10_000)
  terms: string;

  @Field(() => String, {
    nullable: true,
    description: 'Any unique string chosen by the client (e.g. a UUID); sending the same proposal again with it returns the first deal instead of a second one.',
  })
  @IsOptional()
  @TextLength(1, 100)
  @Matches(/^[\w.:-]+$/, {
    message: () =>
      JSON.stringify({ vi: 'Chỉ dùng chữ cái không dấu, chữ số và . _ : -', en: 'Use only letters, digits and . _ : -' }),
  })
  idempotencyKey?: string | null;
}
