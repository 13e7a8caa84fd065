import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A counter per search index, raised every time the index's documents change (an applied
 * outbox change, a repair, a rebuild swapped in: search-index.ts). API processes keep results
 * derived from the index in memory (facet counts, matches: search/index-version.ts) and label
 * them with the counter they were computed under; one primary-key read tells every replica
 * whether its copy still holds, whichever process applied the change.
 */
@Entity('search_index_version')
export class SearchIndexVersionEntity {
  /** The Meilisearch index uid (`${MEILI_INDEX_PREFIX}_listings`). */
  @PrimaryColumn({ name: 'index_uid', type: 'varchar', length: 200 })
  indexUid: string;

  @Column({ type: 'bigint', default: 0 })
  version: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  /**
   * The fingerprint of the code that built the index's documents (IndexDefinition.fingerprint),
   * recorded when a rebuild is swapped in; null until then. A release whose fingerprint differs
   * rebuilds the index at start-up (search-index.service.ts).
   */
  @Column({ name: 'document_fingerprint', type: 'varchar', length: 64, nullable: true })
  documentFingerprint: string | null;
}
