import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { TransferMode } from '../../../common/graphql-enums.js';
import { OneOf, PositiveAmount, TextLength } from '../../../common/validation.js';
import { MeetingOutcomeKind } from '../event-day.entity.js';

@InputType({ description: "A held meeting's outcome, recorded by either side." })
export class MeetingOutcomeInput {
  @Field(() => MeetingOutcomeKind)
  @OneOf(Object.values(MeetingOutcomeKind))
  kind: MeetingOutcomeKind;

  @Field(() => Float, { nullable: true, description: 'Whole VND, more than 0: required for an MOU or a contract (the deal’s value); ignored for an interest.' })
  @IsOptional()
  @PositiveAmount()
  value?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: "The published listing of either side the outcome is about; by default the first listing the exhibiting side registered (else the other side's).",
  })
  @IsOptional()
  listingId?: string | null;

  @Field(() => TransferMode, { nullable: true, description: "MOU or contract: how the technology is transferred; by default the listing's first transfer mode." })
  @IsOptional()
  @OneOf(Object.values(TransferMode))
  transferMode?: TransferMode | null;

  @Field(() => String, { nullable: true, description: 'What was agreed, in a few words: the first message of the conversation and, for an MOU or a contract, the deal’s terms.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @TextLength(0, 2000)
  note?: string | null;
}
