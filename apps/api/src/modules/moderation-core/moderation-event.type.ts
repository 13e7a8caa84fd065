import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RejectionReason } from '../../common/graphql-enums.js';
import type { ModerationStatus } from './moderation.workflow.js';

/**
 * The GraphQL type of a kind's audit trail (ListingEvent, ExpertProfileEvent…): one step, with the
 * kind's own name, status enum and list of actions in the schema. `actor` and `reasonLabel` come
 * from moderationEventResolver.
 */
export function moderationEventType(name: string, options: { description: string; statusEnum: object; actions: string }) {
  @ObjectType(name, { description: options.description })
  class ModerationEventType {
    @Field(() => ID)
    id: string;

    @Field({ description: options.actions })
    action: string;

    @Field(() => options.statusEnum, { nullable: true })
    fromStatus: ModerationStatus | null;

    @Field(() => options.statusEnum)
    toStatus: ModerationStatus;

    @Field(() => String, { nullable: true })
    note: string | null;

    @Field(() => RejectionReason, { nullable: true })
    reason: RejectionReason | null;

    @Field(() => Date)
    at: Date;

    /** Resolved into `actor` (null: the system, e.g. expiry). */
    actorId: string | null;
  }
  return ModerationEventType;
}
