import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../common/graphql-enums.js';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  /** Resolved by UserResolver: only for the user themself and for admins. */
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  moderatedProvinceCodes: string[];

  @Field({ description: 'Moderators: covers every province (an explicit grant by an admin; a moderator without it covers only moderatedProvinces).' })
  allProvinces: boolean;
  /** When the second factor was enrolled (null: none); exposed as `secondFactorEnabled`. */
  secondFactorEnabledAt?: Date | null;

  /** The interface language the account last used; exposed as `language` to the user themself. */
  language?: 'vi' | 'en';

  /** When the account was made; exposed as `registeredAt` to the user themself and admins. */
  registeredAt?: Date;

  /** When its e-mail link was followed (null: not yet, it cannot sign in); exposed as `activated`. */
  activatedAt?: Date | null;

  /** The latest sign-in or request of any of its sessions; exposed as `lastActiveAt` to admins. */
  lastActiveAt?: Date | null;

  /** Set on the user returned by register/login: the caller is this user even without a token yet. */
  isSelf?: boolean;

  @Field({ description: 'Disabled accounts cannot log in; their tokens stop working at once.' })
  disabled: boolean;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => UserType)
  user: UserType;
}
