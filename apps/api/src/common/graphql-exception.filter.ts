import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands every error raised in a resolver back to Apollo untouched, where formatGraphQLError
 * maps it to the contract's codes (and logs the unexpected ones). Without it Nest logs each
 * expected refusal (a wrong password, a FORBIDDEN) as an application error. HTTP routes keep
 * Nest's default handling.
 */
@Catch()
export class PassToApolloFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
