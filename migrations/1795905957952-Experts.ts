import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Experts1795905957952 implements MigrationInterface {
  name = 'Experts1795905957952';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "expert_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "slug" character varying(120) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "version" integer NOT NULL DEFAULT '1', "full_name" character varying(120) NOT NULL, "headline" character varying(200) NOT NULL, "bio" text NOT NULL, "field_codes" text array NOT NULL DEFAULT '{}', "services" text array NOT NULL DEFAULT '{}', "past_transfers" text array NOT NULL DEFAULT '{}', "province_code" character varying(40) NOT NULL, "organization_id" uuid, "moderation_note" text, "rejection_reason" character varying(32), "pending_revision" jsonb, "revision_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_423a72032fbe00bb7efd2e168b1" UNIQUE ("user_id"), CONSTRAINT "UQ_d300c2276f8866941096d063ddc" UNIQUE ("slug"), CONSTRAINT "PK_315fa265842b363b7abbc73ca2e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_91c311fa9ba2a52ded560b7c32" ON "expert_profile"  ("province_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_5c7301d79ea8fa12e6eef884ac" ON "expert_profile"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_expert_profile_revision_queue" ON "expert_profile"  ("revision_submitted_at") WHERE revision_submitted_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_expert_profile_status_published" ON "expert_profile"  ("status", "published_at") `);
    await queryRunner.query(`CREATE TABLE "expert_profile_event" ("id" BIGSERIAL NOT NULL, "expert_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(32) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "note" text, "reason_code" character varying(32), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bfbf89f9df82b9e86574728fcd8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4ce8ce6cf1f04aea6b9d126a63" ON "expert_profile_event"  ("expert_id") `);
    await queryRunner.query(`CREATE TABLE "expert_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "expert_id" uuid NOT NULL, "expert_user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "expert_name" character varying(120) NOT NULL, "created_by" uuid NOT NULL, "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_27b999bfc0559b3abc5fc3d7636" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e2350b3593c145d84544ea7813" ON "expert_contact"  ("expert_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_expert_contact_organization" ON "expert_contact"  ("organization_id", "last_message_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_expert_contact_expert_org" ON "expert_contact"  ("expert_id", "organization_id") `);
    await queryRunner.query(`CREATE TABLE "expert_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contact_id" uuid NOT NULL, "author_id" uuid NOT NULL, "from_expert" boolean NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e74aa8ccb84c8a39c8b1289c10" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_expert_message_thread" ON "expert_message"  ("contact_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "expert_profile" ADD CONSTRAINT "FK_423a72032fbe00bb7efd2e168b1" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_profile" ADD CONSTRAINT "FK_91c311fa9ba2a52ded560b7c328" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_profile" ADD CONSTRAINT "FK_5c7301d79ea8fa12e6eef884ac9" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_profile_event" ADD CONSTRAINT "FK_4ce8ce6cf1f04aea6b9d126a638" FOREIGN KEY ("expert_id") REFERENCES "expert_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_profile_event" ADD CONSTRAINT "FK_685d73a82ad33e0fce70865a577" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_contact" ADD CONSTRAINT "FK_134ef808d4b1623c8a8f0420cf2" FOREIGN KEY ("expert_id") REFERENCES "expert_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_contact" ADD CONSTRAINT "FK_e2350b3593c145d84544ea78133" FOREIGN KEY ("expert_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_contact" ADD CONSTRAINT "FK_2defe9d2209993a1f659521b6b4" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_contact" ADD CONSTRAINT "FK_1039d713e767121969612eac05f" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_message" ADD CONSTRAINT "FK_63af3b168cb74ed3d6cd406428e" FOREIGN KEY ("contact_id") REFERENCES "expert_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert_message" ADD CONSTRAINT "FK_7ce55fa89f1be63710b9115f72c" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "expert_message" DROP CONSTRAINT "FK_7ce55fa89f1be63710b9115f72c"`);
    await queryRunner.query(`ALTER TABLE "expert_message" DROP CONSTRAINT "FK_63af3b168cb74ed3d6cd406428e"`);
    await queryRunner.query(`ALTER TABLE "expert_contact" DROP CONSTRAINT "FK_1039d713e767121969612eac05f"`);
    await queryRunner.query(`ALTER TABLE "expert_contact" DROP CONSTRAINT "FK_2defe9d2209993a1f659521b6b4"`);
    await queryRunner.query(`ALTER TABLE "expert_contact" DROP CONSTRAINT "FK_e2350b3593c145d84544ea78133"`);
    await queryRunner.query(`ALTER TABLE "expert_contact" DROP CONSTRAINT "FK_134ef808d4b1623c8a8f0420cf2"`);
    await queryRunner.query(`ALTER TABLE "expert_profile_event" DROP CONSTRAINT "FK_685d73a82ad33e0fce70865a577"`);
    await queryRunner.query(`ALTER TABLE "expert_profile_event" DROP CONSTRAINT "FK_4ce8ce6cf1f04aea6b9d126a638"`);
    await queryRunner.query(`ALTER TABLE "expert_profile" DROP CONSTRAINT "FK_5c7301d79ea8fa12e6eef884ac9"`);
    await queryRunner.query(`ALTER TABLE "expert_profile" DROP CONSTRAINT "FK_91c311fa9ba2a52ded560b7c328"`);
    await queryRunner.query(`ALTER TABLE "expert_profile" DROP CONSTRAINT "FK_423a72032fbe00bb7efd2e168b1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_expert_message_thread"`);
    await queryRunner.query(`DROP TABLE "expert_message"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_expert_contact_expert_org"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_expert_contact_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e2350b3593c145d84544ea7813"`);
    await queryRunner.query(`DROP TABLE "expert_contact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ce8ce6cf1f04aea6b9d126a63"`);
    await queryRunner.query(`DROP TABLE "expert_profile_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_expert_profile_status_published"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_expert_profile_revision_queue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5c7301d79ea8fa12e6eef884ac"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91c311fa9ba2a52ded560b7c32"`);
    await queryRunner.query(`DROP TABLE "expert_profile"`);
  }
}
