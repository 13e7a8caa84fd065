import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@techport/shared';
import type { NextFunction, Request, Response } from 'express';
import { format, t, type Localized } from './i18n.js';
import { langFromHeader } from './request-context.js';
import catalogue from './errors.messages.json' with { type: 'json' };

/**
 * The one error type that services throw. `code` is the contract's `extensions.code`;
 * messages are bilingual and rendered in the request's language when the response is built.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly localized: Localized,
    /** BAD_USER_INPUT: input path as the client sent it ("input.title") → message. */
    readonly fields?: Record<string, Localized>,
    /** More `extensions` for clients (added to the contract's code/fields), e.g. `reason`. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(localized.en);
  }
}

const MESSAGES = catalogue.MESSAGES satisfies Record<string, Localized>;

export const Errors = {
  unauthenticated: () => new AppError(ErrorCode.UNAUTHENTICATED, MESSAGES.unauthenticated),
  forbidden: (message: Localized = MESSAGES.forbidden) => new AppError(ErrorCode.FORBIDDEN, message),
  notFound: (what: Localized = { vi: 'đối tượng', en: 'Item' }) =>
    new AppError(ErrorCode.NOT_FOUND, { vi: format(MESSAGES.notFound, { what: what.vi }).vi, en: format(MESSAGES.notFound, { what: what.en }).en }),
  conflict: (message: Localized = MESSAGES.conflict) => new AppError(ErrorCode.CONFLICT, message),
  badInput: (fields: Record<string, Localized>) => new AppError(ErrorCode.BAD_USER_INPUT, MESSAGES.badInput, fields),
  /** One offending field. */
  invalidField: (path: string, message: Localized) => new AppError(ErrorCode.BAD_USER_INPUT, message, { [path]: message }),
};

/** Apollo's codes for errors raised before our resolvers run (parsing, validation, coercion). */
const PASS_THROUGH = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * Turns any error into the contract's shape. AppErrors are rendered in the request's language;
 * GraphQL's own input errors keep their code and gain `fields` parsed from the variable path;
 * anything else becomes INTERNAL_SERVER_ERROR with no detail (and is logged by the caller).
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { exposeDetails: boolean; onInternal?: (err: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) {
    const extensions: Record<string, unknown> = { ...original.extra, code: original.code };
    if (original.fields) {
      extensions.fields = Object.fromEntries(Object.entries(original.fields).map(([k, v]) => [k, t(v)]));
    }
    return { message: t(original.localized), locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && PASS_THROUGH.has(code)) {
    const message = withoutSuggestions(formatted.message);
    // Variable coercion errors ("Variable "$input" got invalid value … at "input.trl"") name the
    // field only in the text; the contract wants it in extensions.fields too.
    const given = formatted.extensions?.fields as Record<string, string> | undefined;
    const fields = code === 'BAD_USER_INPUT' ? (given ?? fieldsFromCoercionError(message)) : {};
    const badInput = code === 'BAD_USER_INPUT';
    return {
      message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: badInput ? { code: 'BAD_USER_INPUT', fields } : { code },
    };
  }
  options.onInternal?.(original);
  return {
    message: options.exposeDetails && original instanceof Error ? original.message : t(MESSAGES.internal),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * graphql-js's hints ("Did you mean "title"?", "Did you mean the enum value "LICENSING"?", "Did
 * you mean to use an inline fragment on …?") reveal the schema piece by piece even when
 * introspection is off, so they are cut from every message we pass on.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/**
 * GraphQL reports a bad variable only in its message:
 *   Variable "$input" got invalid value 3 at "input.email"; String cannot represent…
 *   Variable "$input" got invalid value {…}; Field "title" of required type "String!" was not provided.
 * This recovers the input path ("input.email", "input.title") for extensions.fields.
 */
export function fieldsFromCoercionError(message: string): Record<string, string> {
  const variable = /Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) {
    const argument = /Argument "(\w+)"/.exec(message)?.[1];
    return argument ? { [argument]: message } : {};
  }
  const at = / at "([^"]+)"/.exec(message)?.[1] ?? variable;
  const missing = /Field "(\w+)" of required type/.exec(message)?.[1];
  const unknown = /Field "(\w+)" is not defined by type/.exec(message)?.[1];
  const path = missing ?? unknown ? `${at}.${missing ?? unknown}` : at;
  return { [path]: message };
}

const BODY_MESSAGES: Record<string, Localized> = catalogue.BODY_MESSAGES;

/**
 * Express error handler for the body parsers (registered right after them): a body that is not
 * JSON, too large or in an unknown charset is the request's own fault, so it answers 4xx with a
 * GraphQL `errors` body, as GraphQL over HTTP wants, instead of Nest's own error shape.
 */
export function bodyParserErrors(err: { status?: number; type?: string } | undefined, req: Request, res: Response, next: NextFunction): void {
  const status = err?.status ?? 0;
  if (!err || status < 400 || status >= 500 || res.headersSent) return next(err);
  const message = BODY_MESSAGES[err.type ?? ''] ?? { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' };
  const graphqlResponse = (req.headers.accept ?? '').includes('application/graphql-response+json');
  res
    .status(status)
    .type(graphqlResponse ? 'application/graphql-response+json' : 'application/json')
    .send(JSON.stringify({ errors: [{ message: message[langFromHeader(req.headers['accept-language'])], extensions: { code: 'BAD_REQUEST' } }] }));
}
