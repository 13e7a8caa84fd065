import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Listings1795905039295 implements MigrationInterface {
  name = 'Listings1795905039295';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "listing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "slug" character varying(120) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "version" integer NOT NULL DEFAULT '1', "organization_id" uuid NOT NULL, "created_by" uuid NOT NULL, "title" character varying(200) NOT NULL, "summary" character varying(500) NOT NULL, "description" text NOT NULL, "specification" text, "advantages" text, "media_urls" text array NOT NULL DEFAULT '{}', "field_codes" text array NOT NULL DEFAULT '{}', "keywords" text array NOT NULL DEFAULT '{}', "trl" smallint, "transfer_modes" text array NOT NULL DEFAULT '{}', "ip_status" character varying(32), "price_min" bigint, "price_max" bigint, "currency" character varying(3) NOT NULL DEFAULT 'VND', "negotiable" boolean NOT NULL DEFAULT true, "province_code" character varying(40) NOT NULL, "language" character varying(2) NOT NULL DEFAULT 'vi', "moderation_note" text, "rejection_reason" character varying(32), "quality_score" smallint, "quality_hints" jsonb NOT NULL DEFAULT '[]', "pending_revision" jsonb, "revision_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "expiry_warned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a422b41f635f84467b33f2515cf" UNIQUE ("slug"), CONSTRAINT "PK_381d45ebb8692362c156d6b87d7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_eff4cebeb29a97df4c9a9a8b7f" ON "listing"  ("province_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_cdc175baca564985156c66e144" ON "listing"  ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_listing_org_status" ON "listing"  ("organization_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_listing_status_kind_published" ON "listing"  ("status", "kind", "published_at") `);
    // Written by hand (TypeORM cannot describe a GIN index): field filters and statistics use it.
    await queryRunner.query(`CREATE INDEX "IDX_listing_field_codes" ON "listing" USING GIN ("field_codes")`);
    await queryRunner.query(`CREATE TABLE "listing_event" ("id" BIGSERIAL NOT NULL, "listing_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(32) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "note" text, "reason_code" character varying(32), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_675d093cd804820d1ca418154f0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f8c45c119e3cdee4429aa76cb8" ON "listing_event"  ("listing_id") `);
    await queryRunner.query(`ALTER TABLE "listing" ADD CONSTRAINT "FK_fc8f12b4f505e72c6828428bbda" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "listing" ADD CONSTRAINT "FK_b9d53999df4a1adc8f13818ef91" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "listing" ADD CONSTRAINT "FK_eff4cebeb29a97df4c9a9a8b7fe" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "listing_event" ADD CONSTRAINT "FK_f8c45c119e3cdee4429aa76cb8c" FOREIGN KEY ("listing_id") REFERENCES "listing"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "listing_event" ADD CONSTRAINT "FK_acd4a4ac13f4a3f670d6d3dfb43" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listing_event" DROP CONSTRAINT "FK_acd4a4ac13f4a3f670d6d3dfb43"`);
    await queryRunner.query(`ALTER TABLE "listing_event" DROP CONSTRAINT "FK_f8c45c119e3cdee4429aa76cb8c"`);
    await queryRunner.query(`ALTER TABLE "listing" DROP CONSTRAINT "FK_eff4cebeb29a97df4c9a9a8b7fe"`);
    await queryRunner.query(`ALTER TABLE "listing" DROP CONSTRAINT "FK_b9d53999df4a1adc8f13818ef91"`);
    await queryRunner.query(`ALTER TABLE "listing" DROP CONSTRAINT "FK_fc8f12b4f505e72c6828428bbda"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f8c45c119e3cdee4429aa76cb8"`);
    await queryRunner.query(`DROP TABLE "listing_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_listing_status_kind_published"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_listing_org_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cdc175baca564985156c66e144"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eff4cebeb29a97df4c9a9a8b7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_listing_field_codes"`);
    await queryRunner.query(`DROP TABLE "listing"`);
  }
}
