/**
 * The named properties of `source`, copied: for a GraphQL type whose fields are an entity's (or a
 * pending revision's) columns as they are, so a mapper names them once instead of `x: e.x` each.
 */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = source[key];
  return picked;
}
