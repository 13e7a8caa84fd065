import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deals1795905476765 implements MigrationInterface {
  name = 'Deals1795905476765';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "interest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "listing_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "listing_organization_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'OPEN', "created_by" uuid NOT NULL, "responded_by" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6619d627e204e0596968653011f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4f7928a2fbb656ffa290e5457e" ON "interest"  ("listing_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_interest_listing_organization" ON "interest"  ("listing_organization_id", "last_message_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_interest_organization" ON "interest"  ("organization_id", "last_message_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_interest_live_per_org" ON "interest"  ("listing_id", "organization_id") WHERE status IN ('OPEN', 'ACCEPTED')`);
    await queryRunner.query(`CREATE TABLE "interest_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "interest_id" uuid NOT NULL, "author_id" uuid NOT NULL, "author_organization_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8d635ba7098d7ace6a2d67f26c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_interest_message_thread" ON "interest_message"  ("interest_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "deal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "interest_id" uuid NOT NULL, "listing_id" uuid NOT NULL, "supplier_organization_id" uuid NOT NULL, "buyer_organization_id" uuid NOT NULL, "province_code" character varying(40) NOT NULL, "value" bigint NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'VND', "transfer_mode" character varying(32) NOT NULL, "terms" text NOT NULL, "status" character varying(20) NOT NULL, "proposed_by" uuid NOT NULL, "proposer_organization_id" uuid NOT NULL, "idempotency_key" character varying(100), "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_note" text, "approved_at" TIMESTAMP WITH TIME ZONE, "supplier_signed_at" TIMESTAMP WITH TIME ZONE, "supplier_signed_by" uuid, "buyer_signed_at" TIMESTAMP WITH TIME ZONE, "buyer_signed_by" uuid, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ce1c24acace60f6d7dc7a7189e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0ae637d56edd68c803d623b49d" ON "deal"  ("listing_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_deal_reviewed" ON "deal"  ("reviewed_at") WHERE reviewed_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_deal_province_status" ON "deal"  ("province_code", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_deal_buyer" ON "deal"  ("buyer_organization_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_deal_supplier" ON "deal"  ("supplier_organization_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_deal_idempotency" ON "deal"  ("proposed_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_deal_live_per_interest" ON "deal"  ("interest_id") WHERE status NOT IN ('CANCELLED', 'REJECTED', 'COMPLETED')`);
    await queryRunner.query(`CREATE TABLE "deal_event" ("id" BIGSERIAL NOT NULL, "deal_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "from_status" character varying(20), "status" character varying(20) NOT NULL, "actor_id" uuid NOT NULL, "actor_organization_id" uuid, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4028105cf4fef4c98657a0607a0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_deal_event_deal" ON "deal_event"  ("deal_id", "id") `);
    await queryRunner.query(`ALTER TABLE "interest" ADD CONSTRAINT "FK_4f7928a2fbb656ffa290e5457ed" FOREIGN KEY ("listing_id") REFERENCES "listing"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest" ADD CONSTRAINT "FK_6a4852098b5e0ba4b069e793043" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest" ADD CONSTRAINT "FK_a594948d16c2e372bec63b214ce" FOREIGN KEY ("listing_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest" ADD CONSTRAINT "FK_df8921c5bbcb1f8443b88755418" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest" ADD CONSTRAINT "FK_c8e6d58d041e12a0214f92320e8" FOREIGN KEY ("responded_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest_message" ADD CONSTRAINT "FK_912736d386bc7c4d21c8c52248d" FOREIGN KEY ("interest_id") REFERENCES "interest"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest_message" ADD CONSTRAINT "FK_b502c86b577bcc423873ff65780" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interest_message" ADD CONSTRAINT "FK_3775afa7442288aff3d58394423" FOREIGN KEY ("author_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_4128a8e2914ec59412659f5015e" FOREIGN KEY ("interest_id") REFERENCES "interest"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_0ae637d56edd68c803d623b49dd" FOREIGN KEY ("listing_id") REFERENCES "listing"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_a99b207bfe76ac47f07fcaf574d" FOREIGN KEY ("supplier_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_4fb46aaa28b8514473b268d44fc" FOREIGN KEY ("buyer_organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_1482fb00ddb602c7099829f13fe" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_18daa5f606e53bd706f85d41d95" FOREIGN KEY ("proposed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "FK_9a0adc4d7529069775d1e35e7bc" FOREIGN KEY ("reviewed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal_event" ADD CONSTRAINT "FK_2fb43461cc0a4a93dc46abab94d" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal_event" ADD CONSTRAINT "FK_8ff76ad185eb55c058376983ef0" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deal_event" DROP CONSTRAINT "FK_8ff76ad185eb55c058376983ef0"`);
    await queryRunner.query(`ALTER TABLE "deal_event" DROP CONSTRAINT "FK_2fb43461cc0a4a93dc46abab94d"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_9a0adc4d7529069775d1e35e7bc"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_18daa5f606e53bd706f85d41d95"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_1482fb00ddb602c7099829f13fe"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_4fb46aaa28b8514473b268d44fc"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_a99b207bfe76ac47f07fcaf574d"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_0ae637d56edd68c803d623b49dd"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_4128a8e2914ec59412659f5015e"`);
    await queryRunner.query(`ALTER TABLE "interest_message" DROP CONSTRAINT "FK_3775afa7442288aff3d58394423"`);
    await queryRunner.query(`ALTER TABLE "interest_message" DROP CONSTRAINT "FK_b502c86b577bcc423873ff65780"`);
    await queryRunner.query(`ALTER TABLE "interest_message" DROP CONSTRAINT "FK_912736d386bc7c4d21c8c52248d"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP CONSTRAINT "FK_c8e6d58d041e12a0214f92320e8"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP CONSTRAINT "FK_df8921c5bbcb1f8443b88755418"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP CONSTRAINT "FK_a594948d16c2e372bec63b214ce"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP CONSTRAINT "FK_6a4852098b5e0ba4b069e793043"`);
    await queryRunner.query(`ALTER TABLE "interest" DROP CONSTRAINT "FK_4f7928a2fbb656ffa290e5457ed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deal_event_deal"`);
    await queryRunner.query(`DROP TABLE "deal_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_deal_live_per_interest"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_deal_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deal_supplier"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deal_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deal_province_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deal_reviewed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ae637d56edd68c803d623b49d"`);
    await queryRunner.query(`DROP TABLE "deal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_interest_message_thread"`);
    await queryRunner.query(`DROP TABLE "interest_message"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_interest_live_per_org"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_interest_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_interest_listing_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f7928a2fbb656ffa290e5457e"`);
    await queryRunner.query(`DROP TABLE "interest"`);
  }
}
