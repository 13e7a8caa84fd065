/**
 * A meeting's priority for the scheduler: the matching engine's score between the two sides'
 * listings at the event (an exhibitor's offers, a visitor's demands), the best pair of an offer of
 * one side and a demand of the other, scored exactly as the engine ranks counterparts
 * (rankCandidates: relevance × constraints, in [0,1]). When the two sides bring no offer–demand
 * pair (two exhibitors, or a side with no listing) the score is unknown: NEUTRAL_PRIORITY.
 * Pure: the caller loads the documents (matchDocument in matching.service.ts).
 */
import type { ListingDocument } from '../../search/listing-document.js';
import type { Lang } from '@techport/shared';
import type { MatchHit, RankedMatch } from '../../matching/matching.engine.js';
import { rankCandidates } from '../../matching/ranking.js';

export const NEUTRAL_PRIORITY = 0.5;

/** The engine's best match between two participants' listings: its score, its reasons, and which listing of each side. */
export interface PairMatch {
  score: number;
  reasons: RankedMatch['reasons'];
  /** The listing of `a` (the first side) and of `b` in the best pair. */
  aListingId: string;
  bListingId: string;
}

/**
 * The best pair of an offer of one side and a demand of the other, ranked from the demand against
 * the other side's offers (rankCandidates), with its reasons in `lang`; null when the two sides
 * bring no offer–demand pair. A pair the engine finds irrelevant scores 0 with no reasons.
 */
export function bestPairMatch(a: readonly ListingDocument[], b: readonly ListingDocument[], lang: Lang = 'vi'): PairMatch | null {
  let best: PairMatch | null = null;
  for (const [sources, others, sourceIsA] of [[a, b, true], [b, a, false]] as const) {
    for (const source of sources) {
      if (source.kind !== 'DEMAND') continue; // each pair once: from its demand to the offers
      const offers = others.filter((d) => d.kind === 'OFFER');
      if (!offers.length) continue;
      const top = rankCandidates(source, [offers.map((d): MatchHit => ({ ...d }))], lang, ['vector'])[0];
      const candidate: PairMatch = top
        ? { score: top.score, reasons: top.reasons, aListingId: sourceIsA ? source.id : top.id, bListingId: sourceIsA ? top.id : source.id }
        : { score: 0, reasons: [], aListingId: sourceIsA ? source.id : offers[0].id, bListingId: sourceIsA ? offers[0].id : source.id };
      if (!best || candidate.score > best.score) best = candidate;
    }
  }
  return best;
}

/** The best score of an offer of one side against a demand of the other; null when there is no such pair. */
export function pairScore(a: readonly ListingDocument[], b: readonly ListingDocument[]): number | null {
  return bestPairMatch(a, b)?.score ?? null;
}

/** Priorities by meeting id; a pair scored once whatever the direction of its requests. */
export function meetingPriorities(
  meetings: readonly { id: string; fromRegistrationId: string; toRegistrationId: string }[],
  documents: ReadonlyMap<string, readonly ListingDocument[]>,
): Map<string, number> {
  const byPair = new Map<string, number>();
  const out = new Map<string, number>();
  for (const m of meetings) {
    const key = [m.fromRegistrationId, m.toRegistrationId].sort().join('|');
    let p = byPair.get(key);
    if (p === undefined) {
      p = pairScore(documents.get(m.fromRegistrationId) ?? [], documents.get(m.toRegistrationId) ?? []) ?? NEUTRAL_PRIORITY;
      byPair.set(key, p);
    }
    out.set(m.id, p);
  }
  return out;
}
