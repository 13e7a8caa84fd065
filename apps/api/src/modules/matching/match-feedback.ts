/**
 * Feedback for matching: the interests expressed and deals made on the exchange, as relevance
 * labels (MATCH_FEEDBACK in matching.weights.ts; the signal itself: ranking.ts
 * feedbackSignal). A label pairs the listing that was taken up (the candidate) with each published
 * listing, of the other kind, of the organisation that took it up (what it needs, or offers).
 *
 * The labels are read from PostgreSQL and kept in memory with their concept tags, labelled with a
 * feedback version (the count and newest change of interests and deals), read on every call: a
 * new interest or deal, or a deal cancelled, changes the version, so both these labels and the
 * match cache (whose key includes the version, match-cache.ts) see it at once on every replica.
 * The decay is computed for the day of the request; that day is in the cache key too.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { extractConcepts, conceptText } from '../text/index.js';
import type { MatchFeedbackPair } from './matching.engine.js';
import { MATCH_FEEDBACK } from './matching.weights.js';

interface PairRow {
  candidate_id: string;
  candidate_kind: 'OFFER' | 'DEMAND';
  counterpart_id: string;
  title: string;
  summary: string;
  description: string;
  keywords: string[];
  kind: 'DEAL' | 'INTEREST';
  at: Date;
}

/** A deal that failed (cancelled or rejected) is no label; one proposed, under way or completed is. */
const PAIRS_SQL = `
  SELECT i.listing_id AS candidate_id, t.kind AS candidate_kind, c.id AS counterpart_id,
         c.title, c.summary, c.description, c.keywords,
         CASE WHEN d.created_at IS NULL THEN 'INTEREST' ELSE 'DEAL' END AS kind,
         COALESCE(d.created_at, i.created_at) AS at
    FROM interest i
    JOIN listing t ON t.id = i.listing_id
    JOIN listing c ON c.organization_id = i.organization_id AND c.kind <> t.kind AND c.status = 'PUBLISHED'
    LEFT JOIN LATERAL (
      SELECT created_at FROM deal
       WHERE deal.interest_id = i.id AND deal.status NOT IN ('CANCELLED', 'REJECTED')
       ORDER BY created_at DESC LIMIT 1
    ) d ON true
   WHERE i.status IN ('OPEN', 'ACCEPTED') OR d.created_at IS NOT NULL
   ORDER BY at DESC
   LIMIT $1`;

const VERSION_SQL = `
  SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM interest) || '/' ||
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM deal) AS version`;

export interface FeedbackSnapshot {
  /** Changes whenever an interest or a deal does. */
  version: string;
  /** Pairs by the kind of listing taken up (a source of the other kind reads them). */
  byCandidateKind: Record<'OFFER' | 'DEMAND', MatchFeedbackPair[]>;
}

@Injectable()
export class MatchFeedbackService {
  private snapshot: FeedbackSnapshot | null = null;

  constructor(private readonly ds: DataSource) {}

  /** The labels as of now (read again only when the feedback version moved). */
  async current(): Promise<FeedbackSnapshot> {
    const [{ version }] = (await this.ds.query(VERSION_SQL)) as { version: string }[];
    if (this.snapshot?.version === version) return this.snapshot;
    const rows = (await this.ds.query(PAIRS_SQL, [MATCH_FEEDBACK.maxPairs])) as PairRow[];
    const concepts = new Map<string, string[]>();
    const byCandidateKind: FeedbackSnapshot['byCandidateKind'] = { OFFER: [], DEMAND: [] };
    for (const r of rows) {
      if (!concepts.has(r.counterpart_id)) concepts.set(r.counterpart_id, extractConcepts(conceptText({ ...r, keywords: r.keywords ?? [] })));
      byCandidateKind[r.candidate_kind]?.push({
        candidateId: r.candidate_id,
        counterpart: { id: r.counterpart_id, concepts: concepts.get(r.counterpart_id)! },
        kind: r.kind,
        at: new Date(r.at).getTime(),
      });
    }
    this.snapshot = { version, byCandidateKind };
    return this.snapshot;
  }
}
