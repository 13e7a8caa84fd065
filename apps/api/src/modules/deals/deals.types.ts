import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DealStatus, InterestStatus, TransferMode } from '../../common/graphql-enums.js';
import { DealAction } from './deal.workflow.js';
import type { DealEntity } from './deal.entity.js';
import { Paginated } from '../../common/pagination.js';

registerEnumType(DealAction, { name: 'DealAction', description: 'A step of the deal workflow (DealEvent.action, Deal.viewerActions).' });

@ObjectType('Interest')
export class InterestType {
  @Field(() => ID)
  id: string;

  @Field(() => InterestStatus)
  status: InterestStatus;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { description: 'Last change of status or last message.' })
  updatedAt: Date;

  @Field(() => Date, { description: 'When the last message was written (conversations are listed by it).' })
  lastMessageAt: Date;

  /** Resolved into listing, organization and listingOrganization. */
  listingId: string;
  organizationId: string;
  listingOrganizationId: string;
  /** The Techmart it came out of (resolved into `event` by the events module). */
  eventId: string | null;
}

@ObjectType('Message')
export class MessageType {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field(() => Date)
  createdAt: Date;

  /** Resolved into author and organization. */
  authorId: string;
  authorOrganizationId: string;
  /** The thread: an interest's, or a Techmart meeting request's. */
  interestId: string | null;
  meetingRequestId: string | null;
}

@ObjectType('DealEvent')
export class DealEventType {
  @Field(() => DealAction, { description: 'The step taken.' })
  action: DealAction;

  @Field(() => DealStatus, { nullable: true, description: 'Status before the step (null for the proposal).' })
  fromStatus: DealStatus | null;

  @Field(() => DealStatus, { description: 'Status after the step.' })
  status: DealStatus;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Date)
  at: Date;

  @Field({ description: "Taken by the platform itself as the follow-up of the step before (the deal sent for review when accepted); `actor` is who took that step." })
  automatic: boolean;

  /** Resolved into actor. */
  actorId: string;
}

@ObjectType('Deal')
export class DealType {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { description: 'Whole amount in `currency` (VND), exact.' })
  value: number;

  @Field()
  currency: string;

  @Field(() => TransferMode)
  transferMode: TransferMode;

  @Field()
  terms: string;

  @Field(() => DealStatus)
  status: DealStatus;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: "The department's note on its review (the reason for a rejection)." })
  reviewNote: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the department approved the deal.' })
  approvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  supplierSignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  buyerSignedAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  /** Resolved into the relations and viewerActions. */
  interestId: string;
  listingId: string;
  supplierOrganizationId: string;
  buyerOrganizationId: string;
  proposerOrganizationId: string;
  proposedBy: string;
  provinceCode: string;
  /** The row behind it (viewerActions reads the signatures from it). */
  entity: DealEntity;
}

@ObjectType('DealPage')
export class DealPage extends Paginated(DealType) {}
