import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795904871421 implements MigrationInterface {
  name = 'Init1795904871421';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "display_name" character varying(100) NOT NULL, "roles" text array NOT NULL DEFAULT '{MEMBER}', "moderated_province_codes" text array NOT NULL DEFAULT '{}', "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "province" ("code" character varying(40) NOT NULL, "name_vi" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, "former_names" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_3288dfa18d390ed33b359fc0418" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "tech_field" ("code" character varying(16) NOT NULL, "name_vi" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "parent_code" character varying(16), CONSTRAINT "PK_f1d0369f42aa8a635b8699774fb" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "province_code" character varying(40) NOT NULL, "description" text, "website" character varying(300), "tax_code" character varying(20), "verified" boolean NOT NULL DEFAULT false, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a08804baa7c5d5427067c49a31f" UNIQUE ("slug"), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d59ac8ad616dcea9efaddb7bf0" ON "organization"  ("province_code") `);
    await queryRunner.query(`CREATE TABLE "organization_member" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL DEFAULT 'MEMBER', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ade1a22b88a5464464fe520d070" PRIMARY KEY ("organization_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_273aa659a4afdcb614cdecbd66" ON "organization_member"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "outbox_event" ("id" BIGSERIAL NOT NULL, "topic" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "processed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_outbox_event_pending" ON "outbox_event"  ("available_at") WHERE processed_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "tech_field" ADD CONSTRAINT "FK_023a698d3ea53b80ebc8c7a197e" FOREIGN KEY ("parent_code") REFERENCES "tech_field"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization" ADD CONSTRAINT "FK_d59ac8ad616dcea9efaddb7bf0e" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization" ADD CONSTRAINT "FK_8e7513b84aa84cac8030f1f5895" FOREIGN KEY ("verified_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization" ADD CONSTRAINT "FK_d348286667373cbcec5463cda5b" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_member" ADD CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_member" ADD CONSTRAINT "FK_273aa659a4afdcb614cdecbd667" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_member" DROP CONSTRAINT "FK_273aa659a4afdcb614cdecbd667"`);
    await queryRunner.query(`ALTER TABLE "organization_member" DROP CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_d348286667373cbcec5463cda5b"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_8e7513b84aa84cac8030f1f5895"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "FK_d59ac8ad616dcea9efaddb7bf0e"`);
    await queryRunner.query(`ALTER TABLE "tech_field" DROP CONSTRAINT "FK_023a698d3ea53b80ebc8c7a197e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_event_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_273aa659a4afdcb614cdecbd66"`);
    await queryRunner.query(`DROP TABLE "organization_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d59ac8ad616dcea9efaddb7bf0"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TABLE "tech_field"`);
    await queryRunner.query(`DROP TABLE "province"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
