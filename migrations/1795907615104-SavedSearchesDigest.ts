import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedSearchesDigest1795907615104 implements MigrationInterface {
  name = 'SavedSearchesDigest1795907615104';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_search" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "kind" character varying(16), "criteria" jsonb NOT NULL, "notify" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_563b338d8b4878fa46697c8f3f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_saved_search_notify_kind" ON "saved_search"  ("kind") WHERE notify`);
    await queryRunner.query(`CREATE INDEX "IDX_saved_search_user_created" ON "saved_search"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "notification_digest" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "saved_search" ADD CONSTRAINT "FK_33780d7f908bacc052ce093147b" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_search" DROP CONSTRAINT "FK_33780d7f908bacc052ce093147b"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "notification_digest"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_saved_search_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_saved_search_notify_kind"`);
    await queryRunner.query(`DROP TABLE "saved_search"`);
  }
}
