import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The text columns of each moderated table: they and the pending revision (jsonb) get "\n" line breaks. */
const TEXT_COLUMNS: Record<string, string[]> = {
  listing: ['title', 'summary', 'description', 'specification', 'advantages'],
  expert_profile: ['full_name', 'headline', 'bio'],
  techmart_event: ['name_vi', 'name_en', 'venue', 'description', 'description_en'],
};

/**
 * One kind of line break in stored text, "\n": the API now unifies what clients send (a
 * textarea's "\r\n", a lone "\r"), and this rewrites what was stored before, in the published
 * columns of listings, expert profiles and events and in their pending revisions (every string
 * in the jsonb, at any depth), so an owner's untouched text never reads as changed to the
 * moderator who reviews the update. Only line breaks change; versions and update times are left
 * alone. Nothing to undo: "\r\n" and "\n" are the same text.
 */
export class UnifiedLineBreaks1796426000000 implements MigrationInterface {
  name = 'UnifiedLineBreaks1796426000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pg_temp.unify_line_breaks(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE jsonb_typeof(j)
          WHEN 'string' THEN to_jsonb(regexp_replace(j #>> '{}', E'\\r\\n?', E'\\n', 'g'))
          WHEN 'array' THEN (SELECT coalesce(jsonb_agg(pg_temp.unify_line_breaks(e) ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(j) WITH ORDINALITY AS a(e, i))
          WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(k, pg_temp.unify_line_breaks(v)), '{}'::jsonb) FROM jsonb_each(j) AS o(k, v))
          ELSE j
        END
      $$`);
    for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
      for (const column of columns) {
        await queryRunner.query(`UPDATE "${table}" SET "${column}" = regexp_replace("${column}", E'\\r\\n?', E'\\n', 'g') WHERE strpos("${column}", E'\\r') > 0`);
      }
      // In jsonb text a carriage return is written as the two characters \r.
      await queryRunner.query(
        `UPDATE "${table}" SET pending_revision = pg_temp.unify_line_breaks(pending_revision) WHERE pending_revision IS NOT NULL AND strpos(pending_revision::text, '\\r') > 0`,
      );
    }
    await queryRunner.query(`DROP FUNCTION pg_temp.unify_line_breaks(jsonb)`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the line breaks were the same text.
  }
}
