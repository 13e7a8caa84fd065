import { Field, ObjectType } from '@nestjs/graphql';
import { TECH_FIELDS, findTechField, localizedName, techFieldAncestry, type Lang } from '@techport/shared';
import { CountByKeyType } from './stats.types.js';

/**
 * Field breakdowns, one rule everywhere (/stats, the open-data CSV, a Techmart's report): the
 * top-level fields with their totals, each listing (or agreement) counted once per top-level field
 * however many of its sub-fields it has; the sub-fields apart, each under its top-level field
 * (a sub-field counts its own children too), never ranked among the top-level ones.
 */

/** Every field code beside each of its ancestors and itself, as two parallel arrays for SQL. */
export const FIELD_ANCESTRY: [string[], string[]] = (() => {
  const pairs = TECH_FIELDS.flatMap((f) => techFieldAncestry(f.code).map((ancestor) => [f.code, ancestor]));
  return [pairs.map(([code]) => code), pairs.map(([, ancestor]) => ancestor)];
})();

/** The top-level field of a code (itself for a top-level one). */
export const topFieldOf = (code: string): string => techFieldAncestry(code).at(-1) ?? code;

/** Every field a code counts in: itself and its ancestors. */
export const fieldsOf = (code: string): string[] => {
  const chain = techFieldAncestry(code);
  return chain.length ? chain : [code];
};

export const fieldLabel = (code: string, lang: Lang): string => {
  const f = findTechField(code);
  return f ? localizedName(f, lang) : code;
};

@ObjectType('SubFieldCount', { description: 'A sub-field of technology with its count, under its top-level field.' })
export class SubFieldCountType extends CountByKeyType {
  @Field({ description: 'Its top-level field (a key of the top-level breakdown).' })
  topKey: string;
}

export interface FieldCount {
  key: string;
  count: number;
}

/**
 * Splits counts by field (each field counting its descendants, each item once) into the top-level
 * fields, most first (or in `byCount`'s order), and the sub-fields grouped by their top-level field in that order, most first
 * within it.
 */
export function splitFieldCounts<T extends FieldCount>(
  rows: readonly T[],
  byCount: (a: T, b: T) => number = (a, b) => b.count - a.count || a.key.localeCompare(b.key),
): { top: T[]; sub: (T & { topKey: string })[] } {
  const top = rows.filter((r) => topFieldOf(r.key) === r.key).sort(byCount);
  const rank = new Map(top.map((r, i) => [r.key, i]));
  const sub = rows
    .filter((r) => topFieldOf(r.key) !== r.key)
    .map((r) => ({ ...r, topKey: topFieldOf(r.key) }))
    .sort((a, b) => (rank.get(a.topKey) ?? 1e9) - (rank.get(b.topKey) ?? 1e9) || a.topKey.localeCompare(b.topKey) || byCount(a, b));
  return { top, sub };
}
