import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountTokens1796361702573 implements MigrationInterface {
  name = 'AccountTokens1796361702573';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_account_token_user" ON "account_token"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_account_token_hash" ON "account_token"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "account_token" ADD CONSTRAINT "FK_ab3c66669facfe429164e60ab82" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_ab3c66669facfe429164e60ab82"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_account_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_account_token_user"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
  }
}
