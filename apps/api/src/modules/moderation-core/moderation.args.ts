import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { TextLength } from '../../common/validation.js';
import { ModerationDecision, RejectionReason } from '../../common/graphql-enums.js';

/** The arguments of every kind's moderate mutation (moderateListing, moderateExpertProfile…). */
@ArgsType()
export class ModerationArgs {
  @Field(() => ID)
  id: string;

  @Field(() => ModerationDecision)
  decision: ModerationDecision;

  /** What the owner reads; a rejection needs one (checked by the core, moderationInput). */
  @Field(() => String, { nullable: true })
  note?: string | null;

  /** A rejection without one is filed under OTHER. */
  @Field(() => RejectionReason, { nullable: true })
  reason?: RejectionReason | null;
}

/** The arguments of every kind's archive mutation (archiveListing, archiveEvent…). */
@ArgsType()
export class ArchiveArgs {
  @Field(() => ID)
  id: string;

  /** Why it is taken down, in the owner's words ("transferred to a company"): kept in its history. */
  @Field(() => String, { nullable: true, description: "Why it is taken down, in the owner's words; kept in its history (at most 500 characters)." })
  @IsOptional()
  @TextLength(0, 500)
  note?: string | null;
}
