import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, visit, type ArgumentNode, type DocumentNode } from 'graphql';
import { currentLang } from './request-context.js';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';

/**
 * GraphQL limits from GraphQL Armor: query depth, cost, aliases and directives (validation
 * rules: a query over a limit answers HTTP 400).
 *
 * The token limit is graphql-js's own parser option (the same rule, contributed by the Armor
 * authors). Armor's Apollo plugin for it parses again in `parsingDidStart`, where Apollo takes any
 * error, a plain syntax error included, for an internal one and answers HTTP 500; the parser
 * option fails as a parse error, HTTP 400.
 *
 * "Did you mean" suggestions (fields, types, enum values) are cut from every message in
 * formatGraphQLError (common/errors.ts): Armor's filter knows only the field form.
 *
 * Returns Apollo options (plugins, validation rules, parse options) to spread into the driver config.
 */
export function graphqlArmor(config: AppConfig) {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    // __typename counts too (Armor lets it through by default): 500 aliased __typename are no less work.
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, allowList: [] },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules, allowBatchedHttpRequests } = armor.protect();
  // graphql-armor is typed against its own copy of @apollo/server's types; the plugin API is the same.
  return {
    plugins: [...(plugins as unknown as ApolloServerPlugin[]), rejectNulCharacters, ApolloServerPluginCacheControlDisabled()],
    validationRules,
    allowBatchedHttpRequests,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
  };
}

/** Security headers. The API serves JSON only, so the content security policy can be strict. */
export function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
    hsts: config.isProduction,
  });
}

const INVALID_TEXT_MESSAGE = {
  vi: 'Chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng).',
  en: 'Contains an invalid character (NUL or broken Unicode).',
};

/** NUL, or half of a UTF-16 surrogate pair: neither is text that PostgreSQL or URL handling accepts. */
const INVALID_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Input paths (as the client sent them) of strings that are not valid text. */
function nulPaths(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    if (INVALID_TEXT.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nulPaths(v, path ? `${path}.${k}` : k, out);
  }
}

/**
 * PostgreSQL text cannot hold NUL (\u0000), and a lone UTF-16 surrogate breaks URL and e-mail
 * handling deep in a resolver ("URI malformed"): both were found by the fuzz test. Refuse them up
 * front, for variables and inline arguments alike, naming the field.
 */
export const rejectNulCharacters: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const paths: string[] = [];
        nulPaths(request.variables ?? {}, '', paths);
        paths.push(...invalidInlineArguments(document));
        if (paths.length) {
          const message = INVALID_TEXT_MESSAGE[currentLang()];
          throw new GraphQLError(message, {
            extensions: { code: 'BAD_USER_INPUT', fields: Object.fromEntries(paths.map((p) => [p, message])), http: { status: 400 } },
          });
        }
      },
    };
  },
};

/**
 * Names of the inline arguments holding invalid text. Apollo hands every request for the same
 * query text the same parsed document (its document cache), so each document is walked once.
 */
const inlineArgumentCache = new WeakMap<DocumentNode, string[]>();
function invalidInlineArguments(document: DocumentNode): string[] {
  let paths = inlineArgumentCache.get(document);
  if (!paths) {
    const found: string[] = [];
    visit(document, {
      Argument(node: ArgumentNode) {
        let invalid = false;
        visit(node.value, { StringValue: (s) => void (INVALID_TEXT.test(s.value) && (invalid = true)) });
        if (invalid) found.push(node.name.value);
      },
    });
    paths = found;
    inlineArgumentCache.set(document, paths);
  }
  return paths;
}
