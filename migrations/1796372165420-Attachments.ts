import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1796372165420 implements MigrationInterface {
  name = 'Attachments1796372165420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_kind" character varying(16) NOT NULL, "owner_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "position" integer NOT NULL DEFAULT '0', "is_cover" boolean NOT NULL DEFAULT false, "caption_vi" character varying(300), "caption_en" character varying(300), "private" boolean NOT NULL DEFAULT false, "file_name" character varying(200), "sha256" character(64), "size" bigint, "mime" character varying(100), "width" integer, "height" integer, "video_url" character varying(500), "derivatives" character varying(16) NOT NULL DEFAULT 'NONE', "derivative_widths" integer array NOT NULL DEFAULT '{}', "document_text" text, "upload_id" uuid, "removal_requested_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a809c449a48e5d53c945bbe29f6" UNIQUE ("upload_id"), CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_attachment_sha256" ON "attachment"  ("sha256") `);
    await queryRunner.query(`CREATE INDEX "IDX_attachment_owner" ON "attachment"  ("owner_kind", "owner_id", "position") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_attachment_owner"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attachment_sha256"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
