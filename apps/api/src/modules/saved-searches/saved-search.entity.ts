import { Column, Entity, Index } from 'typeorm';
import type { ListingKind, OrganizationKind, SearchSort, TransferMode } from '@techport/shared';
import { BelongsToUserColumns } from '../accounts/user.entity.js';

/** What a saved search looks for: the contract's SearchInput without the page. */
export interface SavedCriteria {
  query: string | null;
  kind: ListingKind | null;
  fieldCodes: string[] | null;
  provinceCodes: string[] | null;
  transferModes: TransferMode[] | null;
  organizationKinds: OrganizationKind[] | null;
  trlMin: number | null;
  trlMax: number | null;
  priceMax: number | null;
  sort: SearchSort | null;
}

/**
 * A member's saved search. With `notify`, each newly published listing that satisfies it alerts
 * its owner (modules/matching/matching-alerts.service.ts), once per listing.
 */
@Entity('saved_search')
@Index('IDX_saved_search_user_created', ['userId', 'createdAt'])
@Index('IDX_saved_search_notify_kind', ['kind'], { where: 'notify' })
export class SavedSearchEntity extends BelongsToUserColumns {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** criteria.kind, as a column: alerts pick the saved searches of a listing's kind by index. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: ListingKind | null;

  @Column({ type: 'jsonb' })
  criteria: SavedCriteria;

  @Column({ type: 'boolean', default: true })
  notify: boolean;
}
