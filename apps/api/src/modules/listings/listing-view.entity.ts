import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ListingEntity } from './listing.entity.js';

/**
 * A viewer's view of a published listing's page on one day (Vietnam's calendar day): at most one row
 * per listing, day and viewer, so a row is a daily unique view. `viewer` is `u:<user id>` for a
 * signed-in visitor, or `a:<hash>` for an anonymous one: an HMAC of the address and User-Agent with
 * that day's random salt (listing_view_salt), so no address is stored and, once the salt is gone,
 * the hash cannot be tied back to one.
 *
 * Retention: the rows are kept while the listing lives (a few thousand a day on the whole exchange;
 * the owner's total counts them all) and go with it (ON DELETE CASCADE). The primary key, listing
 * first, is the index both counts read (one listing's days, or its last 30 of them).
 */
@Entity('listing_view')
export class ListingViewEntity {
  @PrimaryColumn({ name: 'listing_id', type: 'uuid' })
  listingId: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id' })
  listing?: Relation<ListingEntity>;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  viewer: string;
}

/**
 * The day's random salt for anonymous viewers' hashes. Kept in PostgreSQL so every API replica
 * hashes a visitor alike; the salts of past days are deleted, so yesterday's hashes can no longer be
 * recomputed from an address.
 */
@Entity('listing_view_salt')
export class ListingViewSaltEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'bytea' })
  salt: Buffer;
}
