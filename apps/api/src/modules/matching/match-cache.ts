/**
 * The ranked counterparts of a listing, kept in memory between requests.
 *
 * `matches` costs a Meilisearch multi-search of several queries and a scoring pass over a few
 * hundred hits, and its answer changes only when listings do: the source listing itself (its
 * content is part of the key) or any listing in the index (which raises the index version:
 * search/index-version.ts). So the ranking — ids, scores and reasons, per source content,
 * language and size — is cached and labelled with the index version read BEFORE it was
 * computed; it is used only while the version has not moved, on whichever replica. Feedback
 * from interests and deals (match-feedback.ts) is part of the key, by its own version.
 *
 * What is cached decides nothing about visibility. Per request, as before: the resolver checks
 * that the caller may see the source listing (its status, the caller's organisations, moderator
 * coverage), and MatchingService re-reads the ranked counterparts from PostgreSQL keeping only
 * those public now (published, not expired by the Clock: publicListingSql). A counterpart archived or expired
 * since is dropped exactly as it would be from a fresh ranking (whose hits come from the same
 * index), and its change raises the version anyway.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Lang } from '@techport/shared';
import { VersionedCache, readIndexVersion } from '../search/index-version.js';
import type { ListingDocument } from '../search/listing-document.js';
import type { RankedMatch } from './matching.engine.js';

/** Rankings kept (least recently used dropped first); one is ~15 matches with their reasons, a few kilobytes. */
export const MATCH_CACHE_ENTRIES = 2000;

@Injectable()
export class MatchCache {
  private readonly cache = new VersionedCache<RankedMatch[]>(MATCH_CACHE_ENTRIES);
  /** Counters for observability and tests. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly ds: DataSource) {}

  /**
   * The ranking `compute` gives for `source` (its document as matched now) on index `indexUid`,
   * from memory when it was computed under the current index version. The returned array is
   * shared: callers must not modify it.
   */
  async ranked(
    indexUid: string,
    source: ListingDocument,
    request: { fetch: number; lang: Lang; filter: string; feedback?: string },
    compute: () => Promise<RankedMatch[]>,
  ): Promise<RankedMatch[]> {
    let version: string;
    try {
      version = await readIndexVersion(this.ds, indexUid);
    } catch {
      return compute(); // PostgreSQL cannot say: no caching rather than a stale answer
    }
    const key = createHash('sha1').update(JSON.stringify([indexUid, request.fetch, request.lang, request.filter, request.feedback ?? '', source])).digest('base64');
    const cached = this.cache.get(key, version);
    if (cached) {
      this.stats.hits++;
      return cached;
    }
    this.stats.misses++;
    const ranked = await compute();
    this.cache.set(key, version, ranked);
    return ranked;
  }
}
