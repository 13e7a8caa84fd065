import { randomBytes } from 'node:crypto';
import { slugify } from '@techport/shared';

/**
 * Finds a free slug for `text` ("Viện Công nghệ Sinh học" → vien-cong-nghe-sinh-hoc, then -2, -3…)
 * and hands it to `tryInsert`, which returns false when the slug was taken meanwhile (a unique
 * violation from a concurrent insert); after a few collisions a random suffix settles it.
 */
export async function withUniqueSlug<T>(
  text: string,
  taken: (base: string) => Promise<Set<string>>,
  tryInsert: (slug: string) => Promise<T | null>,
): Promise<T> {
  const base = slugify(text, 90);
  for (let attempt = 0; attempt < 5; attempt++) {
    const used = await taken(base);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    const result = await tryInsert(slug);
    if (result !== null) return result;
  }
  const result = await tryInsert(`${base}-${randomBytes(3).toString('hex')}`);
  if (result === null) throw new Error(`could not allocate a slug for "${base}"`);
  return result;
}

/** PostgreSQL's unique_violation. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/**
 * Runs `attempt` (a whole transaction) again when it ends in a unique violation (another writer
 * took the slug, or the same row, between our look-up and our write), at most `times` times.
 */
export async function retryOnUniqueViolation<T>(attempt: () => Promise<T>, times = 5): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (isUniqueViolation(err) && n < times) continue;
      throw err;
    }
  }
}
