/**
 * The storefront's one GraphQL client. It runs on the server only: pages load through it in
 * +page.server.ts and form actions mutate through it. Each request carries the session's token
 * (Authorization: Bearer), the visitor's language (Accept-Language), so the API answers, and
 * words its errors, in that language, and the visitor's address and User-Agent (recorded on the
 * visitor's session, listed on /dashboard/sessions).
 *
 * Errors follow the public contract: `extensions.code` becomes ApiError.code and
 * `extensions.fields` (input path → message) ApiError.fields, which forms show beside the field.
 * The storefront's operations are checked against the API's schema when it is built
 * (scripts/codegen.mjs), so a document the API refuses as invalid is a bug, logged as one.
 */
import type { Lang } from '@techport/shared';
import type { Document } from '$lib/graphql/documents';
import { apiTimeoutMs, apiUrl } from './config';
import { visitorHeaders } from './visitor';

export class ApiError extends Error {
  constructor(
    /** The contract's extensions.code (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT, RATE_LIMITED…), or UNREACHABLE. */
    readonly code: string,
    message: string,
    /** BAD_USER_INPUT: the input paths the API names ("input.title", "listingId") → message in the request's language. */
    readonly fields: Record<string, string> = {},
    /** The error's other extensions: `reason` (e.g. SECOND_FACTOR_CODE_REQUIRED), `challenge`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; fields?: Record<string, string>; [key: string]: unknown };
}

export interface ApiOptions {
  token: string | null;
  lang: Lang;
  /** The visitor's address, vouched for to the API with STOREFRONT_SECRET (the API's rate limits are per client): see visitor.ts. */
  clientAddress?: string;
  /** The visitor's browser (User-Agent), passed on so the API can describe the session ("Chrome on Windows") and the staff audit log names it. */
  userAgent?: string;
  fetch?: typeof fetch;
}

export class Api {
  constructor(private readonly options: ApiOptions) {}

  get token(): string | null {
    return this.options.token;
  }

  get lang(): Lang {
    return this.options.lang;
  }

  /** A client for another token (after log-in) keeping the language. */
  withToken(token: string | null): Api {
    return new Api({ ...this.options, token });
  }

  /**
   * What every call to the API on the visitor's behalf carries: the language, the session's token,
   * and the visitor's address (with the storefront's secret) and browser. The GraphQL calls send
   * them, and so must the plain downloads the storefront passes through (the CSV exports, the
   * calendar file): otherwise the API, and the staff audit log that records an export, sees the
   * storefront's own address and "node" instead of the staff member's.
   */
  headers(): Record<string, string> {
    const headers: Record<string, string> = { 'accept-language': this.options.lang };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    Object.assign(headers, visitorHeaders(this.options.clientAddress));
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    return headers;
  }

  /** Runs the operation; throws ApiError on any error. */
  async request<R, V>(doc: Document<R, V>, ...variables: {} extends V ? [V?] : [V]): Promise<R> {
    const { data, errors } = await this.raw(doc, variables[0]);
    if (errors.length) throw toApiError(doc, errors[0]);
    return data as R;
  }

  /** Partial results: the data the API could give, and its errors (for queries that tolerate some). */
  async raw<R, V>(doc: Document<R, V>, variables?: V): Promise<{ data: R | null; errors: GraphQLErrorBody[] }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...this.headers() };
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(apiUrl(), {
        method: 'POST',
        headers,
        body: JSON.stringify({ operationName: doc.name, query: doc.source, variables: variables ?? {} }),
        signal: AbortSignal.timeout(apiTimeoutMs()),
      });
    } catch (err) {
      throw new ApiError('UNREACHABLE', `API unreachable: ${(err as Error).message}`);
    }
    let body: { data?: R | null; errors?: GraphQLErrorBody[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new ApiError(res.status === 429 ? 'RATE_LIMITED' : 'UNREACHABLE', `API answered ${res.status} without JSON`);
    }
    return { data: body.data ?? null, errors: body.errors ?? [] };
  }
}

function toApiError(doc: Document<unknown, unknown>, e: GraphQLErrorBody): ApiError {
  const code = e.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') console.error(`[api] ${doc.name}: ${e.message}`);
  return new ApiError(code, e.message, e.extensions?.fields ?? {}, e.extensions ?? {});
}
