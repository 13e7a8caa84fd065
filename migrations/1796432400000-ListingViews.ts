import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily unique views of listings' public pages (listing_view, one row per listing, day and viewer:
 * its primary key, listing first, is the index the owner's counts read) and the day's salt for
 * anonymous viewers' hashes (listing_view_salt). The view rows are kept while the listing lives; see
 * listing-view.entity.ts.
 */
export class ListingViews1796432400000 implements MigrationInterface {
  name = 'ListingViews1796432400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "listing_view" ("listing_id" uuid NOT NULL, "day" date NOT NULL, "viewer" character varying(80) NOT NULL, CONSTRAINT "PK_96826c74fd19dfe237f6785f5e6" PRIMARY KEY ("listing_id", "day", "viewer"))`);
    await queryRunner.query(`CREATE TABLE "listing_view_salt" ("day" date NOT NULL, "salt" bytea NOT NULL, CONSTRAINT "PK_09dc7b226f986c1266db036861f" PRIMARY KEY ("day"))`);
    await queryRunner.query(`ALTER TABLE "listing_view" ADD CONSTRAINT "FK_d2980819c489beaede3d494e131" FOREIGN KEY ("listing_id") REFERENCES "listing"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "listing_view" DROP CONSTRAINT "FK_d2980819c489beaede3d494e131"`);
    await queryRunner.query(`DROP TABLE "listing_view_salt"`);
    await queryRunner.query(`DROP TABLE "listing_view"`);
  }
}
