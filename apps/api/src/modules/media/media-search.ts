import type { DataSource } from 'typeorm';
import { AuditAction } from '../moderation-core/moderation.workflow.js';

/** Characters of document text a listing's search document carries (all its public PDFs together). */
export const DOCUMENT_TEXT_IN_INDEX = 20_000;

/**
 * SQL (for `attachment a` of a listing `l`): the listing's PDF documents as the public sees them:
 * not private, with text, covered by the listing's last approval and not removed by it
 * (MediaService.visibleOf).
 */
const PUBLIC_LISTING_DOCUMENT = `
  a.owner_kind = 'LISTING' AND a.owner_id = l.id AND a.kind = 'DOCUMENT' AND NOT a.private
  AND a.document_text <> '' AND a.created_at <= approved.at
  AND (a.removal_requested_at IS NULL OR a.removal_requested_at > approved.at)`;

const LAST_APPROVAL = `CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM listing_event e WHERE e.listing_id = l.id AND e.action IN ('${AuditAction.APPROVE}', '${AuditAction.REVISION_APPROVE}')) approved`;

/**
 * SQL (for a query over `listing l`) of the text extracted from the listing's public PDF
 * documents. Used by the search index (search/listing-index.ts).
 */
export const LISTING_DOCUMENT_TEXT_SQL = `(
  SELECT left(string_agg(a.document_text, ' ' ORDER BY a.position), ${DOCUMENT_TEXT_IN_INDEX})
  FROM attachment a
  ${LAST_APPROVAL}
  WHERE ${PUBLIC_LISTING_DOCUMENT}
)`;

/**
 * For search hits found only in their documents' text: per listing, the file name of the public
 * document holding the most of the query's words (diacritics and case folded, as the index
 * matches), the first document when none holds one literally (a typo-tolerant match).
 */
export async function documentsMatching(ds: DataSource, listingIds: readonly string[], query: string): Promise<Map<string, string>> {
  const words = query.split(/\s+/).filter((w) => w.length > 1).slice(0, 10);
  if (!listingIds.length) return new Map();
  const rows: { listing_id: string; file_name: string }[] = await ds.query(
    `SELECT DISTINCT ON (l.id) l.id AS listing_id, a.file_name
       FROM listing l
       ${LAST_APPROVAL}
       JOIN attachment a ON ${PUBLIC_LISTING_DOCUMENT}
      WHERE l.id = ANY($1::uuid[])
      ORDER BY l.id, (SELECT count(*) FROM unnest($2::text[]) w WHERE strpos(fold_search(a.document_text), fold_search(w)) > 0) DESC, a.position`,
    [listingIds, words],
  );
  return new Map(rows.map((r) => [r.listing_id, r.file_name]));
}
