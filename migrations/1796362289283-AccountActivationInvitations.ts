import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountActivationInvitations1796362289283 implements MigrationInterface {
  name = 'AccountActivationInvitations1796362289283';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organization_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(10) NOT NULL, "invited_by" uuid NOT NULL, "token_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc1ac752952740b92ead1ee9249" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_organization_invitation_org" ON "organization_invitation"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organization_invitation_token" ON "organization_invitation"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    // Accounts made before activation existed keep signing in: they count as confirmed.
    await queryRunner.query(`UPDATE "app_user" SET "email_verified_at" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "organization_invitation" ADD CONSTRAINT "FK_f75820311aae641d2cc4e35e38f" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organization_invitation" ADD CONSTRAINT "FK_09512e7dc8883648c071b37aff3" FOREIGN KEY ("invited_by") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_invitation" DROP CONSTRAINT "FK_09512e7dc8883648c071b37aff3"`);
    await queryRunner.query(`ALTER TABLE "organization_invitation" DROP CONSTRAINT "FK_f75820311aae641d2cc4e35e38f"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_organization_invitation_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_organization_invitation_org"`);
    await queryRunner.query(`DROP TABLE "organization_invitation"`);
  }
}
