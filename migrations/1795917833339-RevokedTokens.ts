import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RevokedTokens1795917833339 implements MigrationInterface {
  name = 'RevokedTokens1795917833339';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "revoked_token" ("jti" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_51805a32c382d2841b953c16880" PRIMARY KEY ("jti"))`);
    await queryRunner.query(`CREATE INDEX "IDX_revoked_token_expires_at" ON "revoked_token"  ("expires_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_revoked_token_expires_at"`);
    await queryRunner.query(`DROP TABLE "revoked_token"`);
  }
}
