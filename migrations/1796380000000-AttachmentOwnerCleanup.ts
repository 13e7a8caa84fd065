import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a listing, an expert profile or an organisation row is deleted (by whatever path: a draft
 * deleted by its owner, an account erased, an operator's SQL), its attachment rows go in the same
 * statement's transaction and a `media.released` outbox event names their bytes: the media worker
 * deletes each stored file after commit once no other attachment uses the same sha256.
 * `attachment.owner_id` points at three tables, so no foreign key can cascade: a trigger per owner table.
 */
export class AttachmentOwnerCleanup1796380000000 implements MigrationInterface {
  name = 'AttachmentOwnerCleanup1796380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION release_owner_attachments() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE hashes text[];
       BEGIN
         WITH gone AS (DELETE FROM attachment WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id RETURNING sha256)
         SELECT array_agg(DISTINCT sha256) FILTER (WHERE sha256 IS NOT NULL) INTO hashes FROM gone;
         IF hashes IS NOT NULL THEN
           INSERT INTO outbox_event (topic, payload) VALUES ('media.released', jsonb_build_object('sha256', to_jsonb(hashes)));
         END IF;
         RETURN OLD;
       END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER "TRG_listing_attachments" AFTER DELETE ON "listing" FOR EACH ROW EXECUTE FUNCTION release_owner_attachments('LISTING')`);
    await queryRunner.query(`CREATE TRIGGER "TRG_expert_profile_attachments" AFTER DELETE ON "expert_profile" FOR EACH ROW EXECUTE FUNCTION release_owner_attachments('EXPERT')`);
    await queryRunner.query(`CREATE TRIGGER "TRG_organization_attachments" AFTER DELETE ON "organization" FOR EACH ROW EXECUTE FUNCTION release_owner_attachments('ORGANIZATION')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_organization_attachments" ON "organization"`);
    await queryRunner.query(`DROP TRIGGER "TRG_expert_profile_attachments" ON "expert_profile"`);
    await queryRunner.query(`DROP TRIGGER "TRG_listing_attachments" ON "listing"`);
    await queryRunner.query(`DROP FUNCTION release_owner_attachments()`);
  }
}
