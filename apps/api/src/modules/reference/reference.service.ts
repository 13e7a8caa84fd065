import { Injectable } from '@nestjs/common';
import { PROVINCES, TECH_FIELDS, findProvince, findTechField, localizedName, type Lang } from '@techport/shared';
import type { ProvinceType, TechFieldType } from './reference.types.js';

/** Provinces and the field taxonomy, served from the project's own copy in libs/shared. */
@Injectable()
export class ReferenceService {
  provinces(lang: Lang): ProvinceType[] {
    return PROVINCES.map((p) => this.province(p.code, lang)!);
  }

  province(code: string, lang: Lang): ProvinceType | null {
    const p = findProvince(code);
    return p ? { code: p.code, name: localizedName(p, lang), formerNames: [...p.formerProvinces] } : null;
  }

  techFields(lang: Lang): TechFieldType[] {
    return TECH_FIELDS.map((f) => this.techField(f.code, lang)!);
  }

  techField(code: string, lang: Lang): TechFieldType | null {
    const f = findTechField(code);
    return f ? { code: f.code, name: localizedName(f, lang), parentCode: f.parent } : null;
  }

  /** The fields of these codes (a listing's, a profile's), unknown codes left out. */
  techFieldsOf(codes: readonly string[], lang: Lang): TechFieldType[] {
    return codes.map((c) => this.techField(c, lang)).filter((f): f is TechFieldType => !!f);
  }

  children(code: string, lang: Lang): TechFieldType[] {
    return TECH_FIELDS.filter((f) => f.parent === code).map((f) => this.techField(f.code, lang)!);
  }
}
