import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TechmartEvents1796374313386 implements MigrationInterface {
  name = 'TechmartEvents1796374313386';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "techmart_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'DRAFT', "version" integer NOT NULL DEFAULT '1', "province_code" character varying(40) NOT NULL, "moderation_note" text, "rejection_reason" character varying(32), "pending_revision" jsonb, "revision_submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organizer_id" uuid NOT NULL, "created_by" uuid NOT NULL, "name_vi" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "kind" character varying(24) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "online" boolean NOT NULL DEFAULT false, "venue" character varying(300), "description" text NOT NULL, "field_codes" text array NOT NULL DEFAULT '{}', "registration_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registration_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "meeting_days" text array NOT NULL DEFAULT '{}', "day_starts_at" character varying(5) NOT NULL DEFAULT '08:30', "day_ends_at" character varying(5) NOT NULL DEFAULT '17:00', "slot_minutes" smallint NOT NULL DEFAULT '20', "meeting_tables" smallint NOT NULL DEFAULT '0', "breaks" jsonb NOT NULL DEFAULT '[]', "max_exhibitors" integer, "max_visitors" integer, "questions" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "UQ_f03924cd92d45282359b0c2ac0b" UNIQUE ("slug"), CONSTRAINT "PK_7053767b5c265c743b264eddfa0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_97a3007787d9ddcab44842e730" ON "techmart_event"  ("province_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_cb0954d2aaa6a1cc1663b255ac" ON "techmart_event"  ("organizer_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_event_revision_queue" ON "techmart_event"  ("revision_submitted_at") WHERE revision_submitted_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_event_status_starts" ON "techmart_event"  ("status", "starts_on") `);
    await queryRunner.query(`CREATE TABLE "techmart_event_step" ("id" BIGSERIAL NOT NULL, "actor_id" uuid, "action" character varying(32) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "note" text, "reason_code" character varying(32), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, CONSTRAINT "PK_1a16968c3ae3b4f2fc9381fbe9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_17396cbb31c30fb652f84b5998" ON "techmart_event_step"  ("event_id") `);
    await queryRunner.query(`CREATE TABLE "techmart_programme_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "title" character varying(200) NOT NULL, "speaker" character varying(200), "room" character varying(100), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_87cfa480d0886be8ea817871084" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_programme_event_time" ON "techmart_programme_session"  ("event_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "techmart_registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "registered_by" uuid NOT NULL, "role" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "listing_ids" uuid array NOT NULL DEFAULT '{}', "answers" jsonb NOT NULL DEFAULT '[]', "booth" character varying(40), "decision_note" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_techmart_registration_event_org" UNIQUE ("event_id", "organization_id"), CONSTRAINT "PK_8e50a049234e891212cca4394f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f198996c0f21104047e7ec3cdf" ON "techmart_registration"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_techmart_registration_event_status" ON "techmart_registration"  ("event_id", "status") `);
    await queryRunner.query(`ALTER TABLE "techmart_event" ADD CONSTRAINT "FK_97a3007787d9ddcab44842e7307" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_event" ADD CONSTRAINT "FK_cb0954d2aaa6a1cc1663b255ace" FOREIGN KEY ("organizer_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_event" ADD CONSTRAINT "FK_cc77c15d1d24dca6ba1be9a37a5" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_event_step" ADD CONSTRAINT "FK_5377eafbfad4ab6841ecfaf12c0" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_event_step" ADD CONSTRAINT "FK_17396cbb31c30fb652f84b5998e" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_programme_session" ADD CONSTRAINT "FK_de5a1597c6c2f10694077f395ef" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD CONSTRAINT "FK_f51ef1388c73144b7c19332cbd6" FOREIGN KEY ("event_id") REFERENCES "techmart_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD CONSTRAINT "FK_f198996c0f21104047e7ec3cdfb" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" ADD CONSTRAINT "FK_56e2352005b70f863b1841cfdb5" FOREIGN KEY ("registered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP CONSTRAINT "FK_56e2352005b70f863b1841cfdb5"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP CONSTRAINT "FK_f198996c0f21104047e7ec3cdfb"`);
    await queryRunner.query(`ALTER TABLE "techmart_registration" DROP CONSTRAINT "FK_f51ef1388c73144b7c19332cbd6"`);
    await queryRunner.query(`ALTER TABLE "techmart_programme_session" DROP CONSTRAINT "FK_de5a1597c6c2f10694077f395ef"`);
    await queryRunner.query(`ALTER TABLE "techmart_event_step" DROP CONSTRAINT "FK_17396cbb31c30fb652f84b5998e"`);
    await queryRunner.query(`ALTER TABLE "techmart_event_step" DROP CONSTRAINT "FK_5377eafbfad4ab6841ecfaf12c0"`);
    await queryRunner.query(`ALTER TABLE "techmart_event" DROP CONSTRAINT "FK_cc77c15d1d24dca6ba1be9a37a5"`);
    await queryRunner.query(`ALTER TABLE "techmart_event" DROP CONSTRAINT "FK_cb0954d2aaa6a1cc1663b255ace"`);
    await queryRunner.query(`ALTER TABLE "techmart_event" DROP CONSTRAINT "FK_97a3007787d9ddcab44842e7307"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_techmart_registration_event_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f198996c0f21104047e7ec3cdf"`);
    await queryRunner.query(`DROP TABLE "techmart_registration"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_techmart_programme_event_time"`);
    await queryRunner.query(`DROP TABLE "techmart_programme_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17396cbb31c30fb652f84b5998"`);
    await queryRunner.query(`DROP TABLE "techmart_event_step"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_techmart_event_status_starts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_techmart_event_revision_queue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cb0954d2aaa6a1cc1663b255ac"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97a3007787d9ddcab44842e730"`);
    await queryRunner.query(`DROP TABLE "techmart_event"`);
  }
}
