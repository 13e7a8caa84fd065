import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '../listings/listing.entity.js';

export enum AttachmentOwnerKind {
  LISTING = 'LISTING',
  EXPERT = 'EXPERT',
  ORGANIZATION = 'ORGANIZATION',
  EVENT = 'EVENT',
}

export enum AttachmentKind {
  IMAGE = 'IMAGE',
  DOCUMENT = 'DOCUMENT',
  VIDEO = 'VIDEO',
  VIDEO_LINK = 'VIDEO_LINK',
}

/** Thumbnails and responsive sizes of an image, made by the worker (media.derivatives). */
export enum DerivativeStatus {
  /** Not an image: nothing to make. */
  NONE = 'NONE',
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}

/**
 * A picture, document, video or video link attached to a listing, an expert profile or an
 * organisation. The bytes live in the media store under a key derived from `sha256` (the same
 * bytes are stored once, whoever uploads them); derivatives under `d/<sha256>/w<width>.webp`.
 *
 * On a PUBLISHED listing, changes wait for review like its text: an attachment added after the
 * listing's last approval is not public until the next one, and a removal (`removal_requested_at`)
 * takes effect at the next approval (MediaService.publicFilter).
 */
@Entity('attachment')
@Index('IDX_attachment_owner', ['ownerKind', 'ownerId', 'position'])
@Index('IDX_attachment_sha256', ['sha256'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_kind', type: 'varchar', length: 16 })
  ownerKind: AttachmentOwnerKind;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AttachmentKind;

  /** Order among the owner's attachments, from 0. */
  @Column({ type: 'int', default: 0 })
  position: number;

  /** The owner's cover image (at most one per owner; shown on search result cards). */
  @Column({ name: 'is_cover', type: 'boolean', default: false })
  isCover: boolean;

  @Column({ name: 'caption_vi', type: 'varchar', length: 300, nullable: true })
  captionVi: string | null;

  @Column({ name: 'caption_en', type: 'varchar', length: 300, nullable: true })
  captionEn: string | null;

  /** Only the owner and moderators see it (an organisation's verification documents). */
  @Column({ type: 'boolean', default: false })
  private: boolean;

  /** The name the file was uploaded with (for the download's file name); null for a video link. */
  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  size: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  mime: string | null;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  /** VIDEO_LINK: the video's page on a video host. */
  @Column({ name: 'video_url', type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  @Column({ type: 'varchar', length: 16, default: DerivativeStatus.NONE })
  derivatives: DerivativeStatus;

  /** Widths of the WebP derivatives made (srcset). */
  @Column({ name: 'derivative_widths', type: 'int', array: true, default: () => "'{}'" })
  derivativeWidths: number[];

  /** DOCUMENT: the text the worker extracted (bounded), for search; null until then. */
  @Column({ name: 'document_text', type: 'text', nullable: true })
  documentText: string | null;

  /** The upload URL's id: each URL stores one file. */
  @Column({ name: 'upload_id', type: 'uuid', nullable: true, unique: true })
  uploadId: string | null;

  /** On a published listing: removal waiting for the next approval. */
  @Column({ name: 'removal_requested_at', type: 'timestamptz', nullable: true })
  removalRequestedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
