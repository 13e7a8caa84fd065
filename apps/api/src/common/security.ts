import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';

/**
 * GraphQL limits from GraphQL Armor: query depth, cost, aliases, directives and tokens, and no
 * "did you mean" field suggestions (they leak the schema when introspection is off).
 * Returns Apollo options (plugins, validation rules) to spread into the driver config.
 */
export function graphqlArmor(config: AppConfig) {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxDirectives: { n: 20 },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules, allowBatchedHttpRequests } = armor.protect();
  // graphql-armor is typed against its own copy of @apollo/server's types; the plugin API is the same.
  return { plugins: plugins as unknown as ApolloServerPlugin[], validationRules, allowBatchedHttpRequests };
}

/** Security headers. The API serves JSON only, so the content security policy can be strict. */
export function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
    hsts: config.isProduction,
  });
}
