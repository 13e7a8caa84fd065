import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RejectionReason } from '../../common/graphql-enums.js';
import { AuditAction, type ModerationStatus } from './moderation.workflow.js';

/** The actions a kind's trail can hold, as its schema lists them: EXPIRE and RENEW only where items expire. */
function auditActionsOf(expires: boolean): string {
  const expiryOnly: AuditAction[] = [AuditAction.EXPIRE, AuditAction.RENEW];
  return Object.values(AuditAction)
    .filter((a) => expires || !expiryOnly.includes(a))
    .join(', ');
}

/**
 * The GraphQL type of a kind's audit trail (ListingEvent, ExpertProfileEvent…): one step, with the
 * kind's own name, status enum and list of actions (`expires`: the kind's WorkflowOptions.expires)
 * in the schema. `actor` and `reasonLabel` come from moderationEventResolver.
 */
export function moderationEventType(name: string, options: { statusEnum: object; expires: boolean; description: string }) {
  @ObjectType(name, { description: options.description })
  class ModerationEventType {
    @Field(() => ID)
    id: string;

    @Field({ description: auditActionsOf(options.expires) })
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
