import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('UserSession', { description: 'A signed-in session of the caller’s account (one per log-in, until it ends or its token expires).' })
export class UserSessionType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Whether this is the session the request came with.' })
  current: boolean;

  @Field(() => String, { nullable: true, description: 'Browser and major version read from the user agent ("Chrome 120"); null when not a known browser.' })
  browser: string | null;

  @Field(() => String, { nullable: true, description: 'Operating system read from the user agent ("Windows 10", "iOS 17.1"); null when unknown.' })
  os: string | null;

  @Field(() => String, { nullable: true, description: 'The User-Agent as last seen.' })
  userAgent: string | null;

  @Field(() => String, { nullable: true, description: 'The client’s address as last seen.' })
  ipAddress: string | null;

  @Field()
  createdAt: Date;

  @Field({ description: 'Last request with this session (recorded at most once a minute).' })
  lastSeenAt: Date;

  @Field({ description: 'When the session’s token expires.' })
  expiresAt: Date;
}
