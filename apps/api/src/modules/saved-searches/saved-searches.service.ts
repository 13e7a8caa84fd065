import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MultiSearchQuery } from 'meilisearch';
import { Errors } from '../../common/errors.js';
import { format, type Localized } from '../../common/i18n.js';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { closeMatchQuery, listingFilters } from '../search/search-query.js';
import { SavedSearchEntity, type SavedCriteria } from './saved-search.entity.js';
import { SAVED_SEARCH_LIMITS, type SavedSearchInput, type SavedSearchUpdateInput } from './dto/saved-search.input.js';
import catalogue from './saved-searches.service.messages.json' with { type: 'json' };

const M = catalogue satisfies Record<string, Localized>;

/** A saved search that wants alerts, as the alert worker reads it. */
export interface AlertableSearch {
  id: string;
  userId: string;
  name: string;
  criteria: SavedCriteria;
}

const list = <T>(xs: T[] | null | undefined): T[] | null => (xs && xs.length ? [...new Set(xs)] : null);

/**
 * Saved searches: at most SAVED_SEARCH_LIMITS.perUser per user, each the criteria of a `search`
 * (validated by the same SearchInput class), visible and deletable by their owner only.
 */
@Injectable()
export class SavedSearchesService {
  constructor(private readonly ds: DataSource) {}

  /** The user's saved searches, newest first. */
  async listFor(userId: string): Promise<SavedSearchEntity[]> {
    return this.ds.getRepository(SavedSearchEntity).find({ where: { userId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async save(viewer: Viewer, input: SavedSearchInput): Promise<SavedSearchEntity> {
    // A blank name and trlMax < trlMin are refused by SavedSearchInput's decorators, together with
    // every other problem of the request.
    const name = input.name.trim().replace(/\s+/g, ' ');
    const s = input.search;
    const criteria: SavedCriteria = {
      query: s.query?.trim().replace(/\s+/g, ' ') || null,
      kind: s.kind ?? null,
      fieldCodes: list(s.fieldCodes),
      provinceCodes: list(s.provinceCodes),
      transferModes: list(s.transferModes),
      organizationKinds: list(s.organizationKinds),
      trlMin: s.trlMin ?? null,
      trlMax: s.trlMax ?? null,
      priceMax: s.priceMax ?? null,
      sort: s.sort ?? null,
    };
    return this.ds.transaction(async (em) => {
      // The user's row is the lock that makes "at most N" hold under concurrent saves.
      await em.query(`SELECT id FROM app_user WHERE id = $1 FOR UPDATE`, [viewer.id]);
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM saved_search WHERE user_id = $1`, [viewer.id]);
      if (n >= SAVED_SEARCH_LIMITS.perUser) throw Errors.conflict(format(M.tooMany, { max: SAVED_SEARCH_LIMITS.perUser }));
      const repo = em.getRepository(SavedSearchEntity);
      // The same search twice would send every alert twice: say under which name it is saved.
      const same = (await repo.findBy({ userId: viewer.id })).find((saved) => sameCriteria(saved.criteria, criteria));
      if (same) throw Errors.conflict(format(M.alreadySaved, { name: same.name }));
      const { identifiers } = await repo.insert({ userId: viewer.id, name, kind: criteria.kind, criteria, notify: input.notify ?? true });
      return repo.findOneByOrFail({ id: identifiers[0].id as string });
    });
  }

  /** Renames one of the caller's saved searches or turns its alerts on or off; anyone else's (or an unknown id) is NOT_FOUND. */
  async update(viewer: Viewer, id: string, input: SavedSearchUpdateInput): Promise<SavedSearchEntity> {
    if (!isUuid(id)) throw Errors.notFound(M.savedSearch);
    const repo = this.ds.getRepository(SavedSearchEntity);
    const changes: Partial<SavedSearchEntity> = {};
    if (input.name != null) changes.name = input.name.trim().replace(/\s+/g, ' ');
    if (input.notify != null) changes.notify = input.notify;
    // One statement: the owner's row or nothing.
    if (Object.keys(changes).length) {
      const result = await repo.update({ id, userId: viewer.id }, changes);
      if (!result.affected) throw Errors.notFound(M.savedSearch);
    }
    const saved = await repo.findOneBy({ id, userId: viewer.id });
    if (!saved) throw Errors.notFound(M.savedSearch);
    return saved;
  }

  /** Deletes one of the caller's saved searches; anyone else's (or an unknown id) is NOT_FOUND. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id)) throw Errors.notFound(M.savedSearch);
    const result = await this.ds.getRepository(SavedSearchEntity).delete({ id, userId: viewer.id });
    if (!result.affected) throw Errors.notFound(M.savedSearch);
    return true;
  }

  /**
   * Saved searches that want alerts and could match a listing of `kind` owned by
   * `organizationId`: their kind is unset or the same, and their owner is not a member of that
   * organisation (nobody is alerted about their own organisation's listing).
   */
  async alertable(kind: string, organizationId: string): Promise<AlertableSearch[]> {
    const rows: { id: string; user_id: string; name: string; criteria: SavedCriteria }[] = await this.ds.query(
      `SELECT s.id, s.user_id, s.name, s.criteria FROM saved_search s JOIN app_user u ON u.id = s.user_id
       WHERE s.notify AND (s.kind IS NULL OR s.kind = $1) AND NOT u.disabled
         AND NOT EXISTS (SELECT 1 FROM organization_member m WHERE m.organization_id = $2 AND m.user_id = s.user_id)
       ORDER BY s.id`,
      [kind, organizationId],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, criteria: r.criteria }));
  }
}

/**
 * The saved search run against the listings index, restricted to one listing: a hit means the
 * listing satisfies it. Same filters as `search` (search-query.ts listingFilters), and a close
 * match as `search` counts them: every query word, close together, accent-exact when typed with
 * diacritics (a saved search alerts on what it asks for, not on its first word alone).
 */
export function savedSearchProbe(indexUid: string, c: SavedCriteria, listingId: string): MultiSearchQuery {
  const { facet, other } = listingFilters({ ...c, page: 1, pageSize: 1 });
  return {
    indexUid,
    // A close match, as `search` counts them (search-query.ts): "notify me when one is listed"
    // fires for a listing the search page would show as an answer, not as related.
    ...closeMatchQuery(c.query),
    filter: [`id = ${JSON.stringify(listingId)}`, ...Object.values(facet), ...other],
    limit: 1,
    attributesToRetrieve: ['id'],
  };
}

/**
 * Two searches that find and alert alike: the same criteria whatever the order of their lists, the
 * words in any case, the sort (which alerts do not use) aside, a criterion a saved row lacks as none.
 */
function sameCriteria(a: SavedCriteria, b: SavedCriteria): boolean {
  const fields = ['query', 'kind', 'fieldCodes', 'provinceCodes', 'transferModes', 'organizationKinds', 'trlMin', 'trlMax', 'priceMax'] as const;
  const key = (c: SavedCriteria) =>
    JSON.stringify(fields.map((f) => {
      const v = c[f] ?? null;
      return Array.isArray(v) ? [...v].sort() : typeof v === 'string' && f === 'query' ? v.toLowerCase() : v;
    }));
  return key(a) === key(b);
}
