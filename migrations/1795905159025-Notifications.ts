import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795905159025 implements MigrationInterface {
  name = 'Notifications1795905159025';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "title_vi" character varying(300) NOT NULL, "title_en" character varying(300) NOT NULL, "body_vi" text NOT NULL, "body_en" text NOT NULL, "url" character varying(500), "dedupe_key" character varying(200), "read_at" TIMESTAMP WITH TIME ZONE, "emailed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notification_user_dedupe" ON "notification"  ("user_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_notification_user_created" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notification_user_dedupe"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
