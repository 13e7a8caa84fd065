import { Column, Entity, Index } from 'typeorm';
import { BelongsToUserColumns } from '../accounts/user.entity.js';

/** An in-app notification. Both languages are stored, so it reads right whichever the user picks later. */
@Entity('notification')
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
@Index('UQ_notification_user_dedupe', ['userId', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class NotificationEntity extends BelongsToUserColumns {
  /** e.g. LISTING_APPROVED, LISTING_EXPIRING, NEW_MESSAGE, NEW_MATCH, SAVED_SEARCH_MATCH, DEAL_UPDATED */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ name: 'title_vi', type: 'varchar', length: 300 })
  titleVi: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn: string;

  @Column({ name: 'body_vi', type: 'text' })
  bodyVi: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  /** A path in the storefront, e.g. /listings/<slug>. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  /** Same key for the same user → one notification (e.g. one alert per listing pair). */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
