import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Meilisearch } from 'meilisearch';
import { isUuid } from '../../common/ids.js';
import type { Localized } from '../../common/i18n.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OutboxService, type OutboxEvent } from '../outbox/outbox.service.js';
import { MEILI, meiliApiError } from '../search/meili.client.js';
import { LISTING_INDEX, type ListingIndexRow } from '../search/listing-index.js';
import type { ListingDocument } from '../search/listing-document.js';
import { SearchIndexService } from '../search/search-index.service.js';
import { SavedSearchesService, savedSearchProbe, type AlertableSearch } from '../saved-searches/saved-searches.service.js';
import type { RankedMatch } from './matching.engine.js';
import { MatchingService, type MatchResult } from './matching.service.js';
import { ALERTS } from './matching.weights.js';

/**
 * The outbox topic announcing that a listing became public: published by the listings module in
 * the transaction of a first publication (a moderator's approval of a listing in review) and of
 * a renewal (listings.service.ts), with { listingId, reason: 'APPROVE' | 'RENEW' }.
 *
 * Not on the approval of a revision of a live listing: its counterparts were alerted when it was
 * first published, and an edit (often a typo) should not alert anyone again. A renewal does run:
 * while a listing was expired, counterparts published meanwhile could not find it in the index,
 * so the renewal alerts those pairs (pairs already alerted are not alerted again: dedupe keys).
 */
export const LISTING_PUBLISHED = 'listing.published';

/** Notification kinds sent by the alerts; the daily digest batches exactly these. */
export const ALERT_KINDS = {
  match: 'NEW_MATCH',
  summary: 'MATCH_SUMMARY',
  savedSearch: 'SAVED_SEARCH_MATCH',
} as const;

/** Saved searches probed per Meilisearch multi-search request. */
const PROBES_PER_REQUEST = 100;

export interface AlertReport {
  /** Counterpart listings whose owners were notified (new notifications only). */
  counterparts: number;
  /** Notifications created, all kinds. */
  notifications: number;
  /** Saved searches the listing satisfies. */
  savedSearches: number;
}

/** One alert per listing pair (per recipient), whichever side was published first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `match:${a}:${b}` : `match:${b}:${a}`;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;

function topReasons(reasons: RankedMatch['reasons'] | undefined, n = 3): string {
  return (reasons ?? [])
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, n)
    .map((r) => r.label)
    .join('; ');
}

/**
 * Alerts, computed by the outbox worker (never in the request that published the listing):
 * - the owners (organisation members) of the counterpart listings the new listing matches with a
 *   score ≥ ALERTS.minScore (at most ALERTS.maxCounterparts): a new offer alerts the demands'
 *   owners, a new demand the offers' owners;
 * - on first publication, the new listing's own organisation gets one summary of those matches;
 * - the owners of saved searches (with notify) that the listing satisfies.
 * Every notification has a dedupe key (pair, summary, saved search × listing), so running the
 * handler again for the same event — a retry after a failure — adds nothing. Matching runs from
 * the listing's row (published and unexpired at the time, else nothing is sent) against the index
 * of counterparts, which is why the new listing itself need not be indexed yet; the saved-search
 * probes do need it, so it is applied to the index first (idempotent). E-mails follow through
 * NotificationsService, batched into the daily digest for users who asked for one.
 */
@Injectable()
export class MatchingAlertsService implements OnModuleInit {
  private readonly logger = new Logger('MatchingAlerts');

  constructor(
    private readonly outbox: OutboxService,
    private readonly ds: DataSource,
    private readonly matching: MatchingService,
    private readonly savedSearches: SavedSearchesService,
    private readonly notifications: NotificationsService,
    private readonly search: SearchIndexService,
    @Inject(MEILI) private readonly meili: Meilisearch,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.outbox.register(LISTING_PUBLISHED, 'matching-alerts', (events) => this.handle(events));
  }

  private async handle(events: OutboxEvent[]): Promise<void> {
    // One listing at a time; a failure throws, so the outbox retries the batch (idempotent).
    const seen = new Set<string>();
    for (const e of events) {
      const id = String(e.payload.listingId);
      const reason = e.payload.reason === 'RENEW' ? 'RENEW' : 'APPROVE';
      if (seen.has(`${id}:${reason}`)) continue;
      seen.add(`${id}:${reason}`);
      const report = await this.alertFor(id, reason);
      if (report.notifications) this.logger.log(`listing ${id} (${reason}): ${report.notifications} alert(s), ${report.counterparts} counterpart(s), ${report.savedSearches} saved search(es)`);
    }
  }

  /** Computes and sends the alerts for one published listing. Idempotent. */
  async alertFor(listingId: string, reason: 'APPROVE' | 'RENEW' = 'APPROVE'): Promise<AlertReport> {
    const none: AlertReport = { counterparts: 0, notifications: 0, savedSearches: 0 };
    if (!isUuid(listingId)) return none;
    // Public now (published, unexpired)? Otherwise nothing: it was archived or expired meanwhile.
    const [row] = (await LISTING_INDEX.rowsFor(this.ds, [listingId], this.clock.now())) as ListingIndexRow[];
    if (!row) return none;
    const doc = LISTING_INDEX.toDocument(row);

    const { vi, en } = await this.matching.matchesBothLanguages(doc, ALERTS.maxCounterparts);
    const strong = vi.filter((m) => m.score >= ALERTS.minScore);
    const searches = await this.satisfiedSearches(doc);

    return this.ds.transaction(async (em) => {
      let notifications = 0;
      let counterparts = 0;
      for (const m of strong) {
        const n = await this.notifications.notifyOrganizationMembers(em, m.listing.organizationId, {
          ...this.counterpartAlert(row, m, en.get(m.listing.id)),
          dedupeKey: pairKey(row.id, m.listing.id),
          digest: true,
        });
        notifications += n;
        if (n) counterparts++;
      }
      if (reason === 'APPROVE' && strong.length) {
        notifications += await this.notifications.notifyOrganizationMembers(em, row.org_id, {
          ...this.summary(row, strong.slice(0, ALERTS.summarySize)),
          dedupeKey: `match-summary:${row.id}`,
          digest: true,
        });
      }
      for (const s of searches) {
        notifications += await this.notifications.notifyUsers(em, [s.userId], {
          ...this.savedSearchAlert(row, s),
          dedupeKey: `saved-search:${s.id}:${row.id}`,
          digest: true,
        });
      }
      return { counterparts, notifications, savedSearches: searches.length };
    });
  }

  /** The saved searches (with notify, of other users) that the listing satisfies. */
  private async satisfiedSearches(doc: ListingDocument): Promise<AlertableSearch[]> {
    const searches = await this.savedSearches.alertable(doc.kind, doc.organizationId);
    if (!searches.length) return [];
    // The probes search the index restricted to this listing: make sure its document is there
    // (the 'listing.changed' handler may not have run yet, or may be retrying).
    const uid = this.search.listingsUid;
    const indexed = await this.meili
      .index(uid)
      .getDocument(doc.id, { fields: ['id'] })
      .then(() => true)
      .catch((err: unknown) => {
        const code = meiliApiError(err)?.code;
        if (code === 'document_not_found' || code === 'index_not_found') return false;
        throw err;
      });
    if (!indexed) await this.search.indexes.apply(LISTING_INDEX, [doc.id]);
    const out: AlertableSearch[] = [];
    for (let i = 0; i < searches.length; i += PROBES_PER_REQUEST) {
      const chunk = searches.slice(i, i + PROBES_PER_REQUEST);
      const res = await this.meili.multiSearch({ queries: chunk.map((s) => savedSearchProbe(uid, s.criteria, doc.id)) });
      res.results.forEach((r, j) => {
        if (r.hits.length) out.push(chunk[j]);
      });
    }
    return out;
  }

  private counterpartAlert(row: ListingIndexRow, m: MatchResult, en: RankedMatch | undefined): { kind: string; title: Localized; body: Localized; url: string } {
    const offer = row.kind === 'OFFER';
    const mine = m.listing.title;
    const whyVi = topReasons(m.reasons);
    const whyEn = topReasons(en?.reasons);
    return {
      kind: ALERT_KINDS.match,
      title: offer
        ? { vi: `Công nghệ mới phù hợp với nhu cầu "${mine}"`, en: `A new technology fits your demand "${mine}"` }
        : { vi: `Nhu cầu mới phù hợp với công nghệ "${mine}"`, en: `A new demand fits your offer "${mine}"` },
      body: {
        vi:
          `${offer ? 'Công nghệ' : 'Nhu cầu'} "${row.title}" của ${row.org_name} vừa được đăng, phù hợp ${percent(m.score)} với tin "${mine}" của bạn.` +
          (whyVi ? ` Lý do: ${whyVi}.` : ''),
        en:
          `The ${offer ? 'technology' : 'demand'} "${row.title}" from ${row.org_name} was just published and fits your listing "${mine}" at ${percent(m.score)}.` +
          (whyEn ? ` Why: ${whyEn}.` : ''),
      },
      url: `/listings/${row.slug}`,
    };
  }

  private summary(row: ListingIndexRow, best: MatchResult[]): { kind: string; title: Localized; body: Localized; url: string } {
    const offer = row.kind === 'OFFER';
    const lines = best.map((m, i) => `${i + 1}. ${m.listing.title} (${m.listing.organization?.name ?? ''}) — ${percent(m.score)}`).join('\n');
    return {
      kind: ALERT_KINDS.summary,
      title: {
        vi: `"${row.title}" đã có ${best.length} ${offer ? 'nhu cầu' : 'công nghệ'} phù hợp`,
        en: `"${row.title}" already has ${best.length} matching ${offer ? (best.length > 1 ? 'demands' : 'demand') : best.length > 1 ? 'technologies' : 'technology'}`,
      },
      body: {
        vi: `Tin của bạn vừa được đăng. ${offer ? 'Các nhu cầu' : 'Các công nghệ'} phù hợp nhất:\n${lines}\nXem lý do và liên hệ từ trang tin.`,
        en: `Your listing was just published. The best matching ${offer ? 'demands' : 'technologies'}:\n${lines}\nSee why, and get in touch, from the listing's page.`,
      },
      url: `/listings/${row.slug}`,
    };
  }

  private savedSearchAlert(row: ListingIndexRow, s: AlertableSearch): { kind: string; title: Localized; body: Localized; url: string } {
    const offer = row.kind === 'OFFER';
    return {
      kind: ALERT_KINDS.savedSearch,
      title: { vi: `Tin mới cho tìm kiếm "${s.name}"`, en: `New listing for your saved search "${s.name}"` },
      body: {
        vi: `${offer ? 'Công nghệ' : 'Nhu cầu'} "${row.title}" của ${row.org_name} vừa được đăng và thỏa tìm kiếm đã lưu "${s.name}" của bạn.`,
        en: `The ${offer ? 'technology' : 'demand'} "${row.title}" from ${row.org_name} was just published and satisfies your saved search "${s.name}".`,
      },
      url: `/listings/${row.slug}`,
    };
  }
}
