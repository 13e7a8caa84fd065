import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode } from 'graphql';
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

/**
 * Input paths of strings that are not valid text, each named from its argument (`input.title`,
 * as the API's own checks name fields), not from the client's variable (`$in`).
 */
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
 * Every string of the variables in Unicode NFC. Vietnamese has two encodings of the same letters:
 * precomposed ("ấ", one code point: what most keyboards send) and decomposed ("a" + "̂" + "́": what
 * some phone and macOS input sends, and what copied text can carry). Search, slugs and
 * comparisons would take them for different words: "nuôi tôm" sent decomposed found nothing.
 */
function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNfc(v)]));
  return value;
}

/**
 * PostgreSQL text cannot hold NUL (\u0000), and a lone UTF-16 surrogate breaks URL and e-mail
 * handling deep in a resolver ("URI malformed"): both were found by the fuzz test. Refuse them up
 * front, for variables and inline arguments alike, naming the field. What is valid text goes on
 * in NFC (toNfc).
 */
export const rejectNulCharacters: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const paths: string[] = [];
        const argumentOf = variableArguments(document);
        for (const [name, value] of Object.entries(request.variables ?? {})) nulPaths(value, argumentOf.get(name) ?? name, paths);
        paths.push(...invalidInlineArguments(document));
        if (paths.length) {
          const message = INVALID_TEXT_MESSAGE[currentLang()];
          throw new GraphQLError(message, {
            extensions: { code: 'BAD_USER_INPUT', fields: Object.fromEntries(paths.map((p) => [p, message])), http: { status: 400 } },
          });
        }
        if (request.variables) request.variables = toNfc(request.variables) as typeof request.variables;
      },
    };
  },
};

/** The argument each variable is passed as (`createListing(input: $in)`: in → input), per parsed document. */
const variableArgumentCache = new WeakMap<DocumentNode, Map<string, string>>();
function variableArguments(document: DocumentNode): Map<string, string> {
  let names = variableArgumentCache.get(document);
  if (!names) {
    const found = new Map<string, string>();
    visit(document, {
      Argument(node: ArgumentNode) {
        if (node.value.kind === Kind.VARIABLE && !found.has(node.value.name.value)) found.set(node.value.name.value, node.name.value);
      },
    });
    names = found;
    variableArgumentCache.set(document, names);
  }
  return names;
}

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
