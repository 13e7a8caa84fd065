import { AuditAction } from '../moderation-core/moderation.workflow.js';

/** Characters of document text a listing's search document carries (all its public PDFs together). */
export const DOCUMENT_TEXT_IN_INDEX = 20_000;

/**
 * SQL (for a query over `listing l`) of the text extracted from the listing's public PDF
 * documents, as the public sees them: not private, covered by the listing's last approval and
 * not removed by it (MediaService.visibleOf). Used by the search index (search/listing-index.ts).
 */
export const LISTING_DOCUMENT_TEXT_SQL = `(
  SELECT left(string_agg(a.document_text, ' ' ORDER BY a.position), ${DOCUMENT_TEXT_IN_INDEX})
  FROM attachment a
  CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM listing_event e WHERE e.listing_id = l.id AND e.action IN ('${AuditAction.APPROVE}', '${AuditAction.REVISION_APPROVE}')) approved
  WHERE a.owner_kind = 'LISTING' AND a.owner_id = l.id AND a.kind = 'DOCUMENT' AND NOT a.private
    AND a.document_text <> '' AND a.created_at <= approved.at
    AND (a.removal_requested_at IS NULL OR a.removal_requested_at > approved.at)
)`;
