import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { TextLength } from '../../common/validation.js';
import { Paginated } from '../../common/pagination.js';
import { StaffAuditAction, StaffAuditTargetKind } from './staff-audit.actions.js';

@ObjectType('StaffAuditEntry', { description: 'One staff action in the audit log (append-only).' })
export class StaffAuditEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'The actor\'s e-mail at the time of the action.' })
  actorEmail: string | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => StaffAuditAction)
  action: StaffAuditAction;

  @Field(() => StaffAuditTargetKind)
  targetKind: StaffAuditTargetKind;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field()
  summary: string;

  @Field({ description: 'The facts of the action as a JSON object (before/after, decision, note, filters).' })
  details: string;

  @Field(() => String, { nullable: true, description: 'Address the request came from.' })
  ip: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;
}

@ObjectType('StaffAuditEntryPage')
export class StaffAuditEntryPage extends Paginated(StaffAuditEntryType) {}

@InputType()
export class StaffAuditFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The actor\'s e-mail, as it was when they acted or as it is now.' })
  @IsOptional()
  actorEmail?: string | null;

  @Field(() => StaffAuditAction, { nullable: true })
  @IsOptional()
  action?: StaffAuditAction | null;

  @Field(() => StaffAuditTargetKind, { nullable: true })
  @IsOptional()
  targetKind?: StaffAuditTargetKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(1, 100)
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive).' })
  @IsOptional()
  to?: Date | null;
}
