import type { EntityManager } from 'typeorm';
import { PROVINCES, TECH_FIELDS } from '@techport/shared';

/**
 * Brings the reference tables in line with libs/shared (the project's copy of the province list
 * and the field taxonomy). Idempotent; runs after the migrations.
 */
export async function syncReferenceData(em: EntityManager): Promise<void> {
  for (const p of PROVINCES) {
    await em.query(
      `INSERT INTO province (code, name_vi, name_en, former_names) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, former_names = EXCLUDED.former_names`,
      [p.code, p.nameVi, p.nameEn, p.formerProvinces],
    );
  }
  // Parents first, so the self-reference is always satisfied.
  const ordered = [...TECH_FIELDS].sort((a, b) => (a.parent ? 1 : 0) - (b.parent ? 1 : 0));
  for (const f of ordered) {
    await em.query(
      `INSERT INTO tech_field (code, name_vi, name_en, parent_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, parent_code = EXCLUDED.parent_code`,
      [f.code, f.nameVi, f.nameEn, f.parent],
    );
  }
}
