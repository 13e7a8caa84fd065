/**
 * A meeting's priority for the scheduler: the matching engine's score between the two sides'
 * listings at the event (an exhibitor's offers, a visitor's demands), the best pair of an offer of
 * one side and a demand of the other, scored exactly as the engine ranks counterparts
 * (rankCandidates: relevance × constraints, in [0,1]). When the two sides bring no offer–demand
 * pair (two exhibitors, or a side with no listing) the score is unknown: NEUTRAL_PRIORITY.
 * Pure: the caller loads the documents (matchDocument in matching.service.ts).
 */
import type { ListingDocument } from '../../search/listing-document.js';
import { rankCandidates, type MatchHit } from '../../matching/matching.engine.js';

export const NEUTRAL_PRIORITY = 0.5;

/** The best score of an offer of one side against a demand of the other; null when there is no such pair. */
export function pairScore(a: readonly ListingDocument[], b: readonly ListingDocument[]): number | null {
  let best: number | null = null;
  for (const [sources, others] of [[a, b], [b, a]] as const) {
    for (const source of sources) {
      if (source.kind !== 'DEMAND') continue; // each pair once: from its demand to the offers
      const offers = others.filter((d) => d.kind === 'OFFER');
      if (!offers.length) continue;
      const ranked = rankCandidates(source, [offers.map((d): MatchHit => ({ ...d }))], 'vi', ['vector']);
      best = Math.max(best ?? 0, ranked[0]?.score ?? 0);
    }
  }
  return best;
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
