import { ArgsType, Field, ID } from '@nestjs/graphql';
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
