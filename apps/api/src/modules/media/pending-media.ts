import type { EntityManager } from 'typeorm';
import { AuditAction } from '../moderation-core/moderation.workflow.js';
import type { TrailTable } from '../moderation-core/moderated.entity.js';
import { LISTING_TRAIL } from '../listings/listing.entity.js';
import { EXPERT_TRAIL } from '../experts/expert.entity.js';
import { AttachmentOwnerKind } from './attachment.entity.js';

/** The audit trail of an owner's kind: where its approvals are recorded. */
export function ownerTrail(kind: AttachmentOwnerKind.LISTING | AttachmentOwnerKind.EXPERT): TrailTable {
  return kind === AttachmentOwnerKind.LISTING ? LISTING_TRAIL : EXPERT_TRAIL;
}

/**
 * Whether a listing or expert profile has media changes waiting for its next approval: an
 * attachment added since its last approval (of the item or of a revision), or one whose removal
 * was asked since (the same rule as MediaService.visibleOf / pendingRemovalsOf). A pending revision
 * that carries them is still needed, even when its text equals the published text. Caption, order
 * and cover changes are public at once, so they do not count.
 */
export async function hasPendingMediaChanges(em: EntityManager, kind: AttachmentOwnerKind.LISTING | AttachmentOwnerKind.EXPERT, ownerId: string): Promise<boolean> {
  const { table, itemColumn: column } = ownerTrail(kind);
  const [{ pending }]: { pending: boolean }[] = await em.query(
    `WITH approved AS (SELECT coalesce(max(at), '-infinity'::timestamptz) AS at FROM ${table} WHERE ${column} = $1 AND action = ANY($2))
     SELECT EXISTS (
       SELECT 1 FROM attachment a, approved p
       WHERE a.owner_kind = $3 AND a.owner_id = $1 AND (a.created_at > p.at OR a.removal_requested_at > p.at)
     ) AS pending`,
    [ownerId, [AuditAction.APPROVE, AuditAction.REVISION_APPROVE], kind],
  );
  return pending;
}
