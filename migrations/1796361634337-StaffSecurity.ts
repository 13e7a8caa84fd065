import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffSecurity1796361634337 implements MigrationInterface {
  name = 'StaffSecurity1796361634337';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_recovery_code_user_hash" ON "recovery_code"  ("user_id", "code_hash") `);
    await queryRunner.query(`CREATE TABLE "staff_audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_email" character varying(254), "actor_name" character varying(100), "action" character varying(60) NOT NULL, "target_kind" character varying(40) NOT NULL, "target_id" character varying(100), "summary" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "ip" character varying(64), "user_agent" character varying(400), CONSTRAINT "PK_d3926b9142882c0621d4e809f56" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_staff_audit_log_target" ON "staff_audit_log"  ("target_kind", "target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_staff_audit_log_actor" ON "staff_audit_log"  ("actor_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_staff_audit_log_at" ON "staff_audit_log"  ("occurred_at") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_secret" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_pending_secret" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_last_step" bigint`);
    await queryRunner.query(`ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_f5c95d9ca2047afa670093e2028" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The audit log is append-only in the database itself, whoever connects: UPDATE and DELETE
    // (per row) and TRUNCATE (per statement) raise an error.
    await queryRunner.query(`CREATE FUNCTION staff_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'staff_audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER staff_audit_log_no_change BEFORE UPDATE OR DELETE ON "staff_audit_log" FOR EACH ROW EXECUTE FUNCTION staff_audit_log_append_only()`);
    await queryRunner.query(`CREATE TRIGGER staff_audit_log_no_truncate BEFORE TRUNCATE ON "staff_audit_log" FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_f5c95d9ca2047afa670093e2028"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_secret"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_audit_log_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_staff_audit_log_target"`);
    await queryRunner.query(`DROP TRIGGER staff_audit_log_no_truncate ON "staff_audit_log"`);
    await queryRunner.query(`DROP TRIGGER staff_audit_log_no_change ON "staff_audit_log"`);
    await queryRunner.query(`DROP TABLE "staff_audit_log"`);
    await queryRunner.query(`DROP FUNCTION staff_audit_log_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_recovery_code_user_hash"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
  }
}
