import type { UserEntity } from '../accounts/user.entity.js';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationKind } from '../../common/graphql-enums.js';
import { Paginated } from '../../common/pagination.js';

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  /** Resolved into `province`. */
  provinceCode: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: "The organisation's public contact e-mail." })
  contactEmail: string | null;

  @Field(() => String, { nullable: true, description: "The organisation's public contact telephone." })
  contactPhone: string | null;

  @Field()
  verified: boolean;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  /** Only members and moderators see it (resolved by the resolver). */
  taxCode: string | null;

  /** Likewise. */
  verificationNote: string | null;

  verificationDeclinedAt: Date | null;
}

@ObjectType('OrganizationMember')
export class OrganizationMemberType {
  userId: string;

  /** The member's account, when the membership was read with it (Organization.members: no query per member). */
  account?: UserEntity;

  @Field({ description: 'OWNER or MEMBER' })
  role: string;

  @Field(() => Date)
  joinedAt: Date;
}

@ObjectType('OrganizationPage')
export class OrganizationPage extends Paginated(OrganizationType) {}

@ObjectType('OrganizationInvitation', { description: 'An invitation to join an organisation, e-mailed to an address (with or without an account).' })
export class OrganizationInvitationType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The invited address.' })
  email: string;

  @Field({ description: 'OWNER or MEMBER' })
  role: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  /** Resolved into `organization`. */
  organizationId: string;
}
