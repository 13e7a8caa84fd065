import type { EntityManager } from 'typeorm';
import type { TrailRow } from './moderation.workflow.js';
import type { TrailTable } from './moderated.entity.js';

/** Appends rows to an item's audit trail (the core's steps, and the demo seed's replayed stories). */
export async function writeTrail(em: EntityManager, trail: TrailTable, itemId: string, rows: readonly TrailRow[]): Promise<void> {
  for (const r of rows) {
    await em.query(
      `INSERT INTO ${trail.table} (${trail.itemColumn}, actor_id, action, from_status, to_status, note, reason_code, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [itemId, r.actorId, r.action, r.from, r.to, r.note, r.reason, r.at],
    );
  }
}
