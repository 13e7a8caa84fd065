import { enumLabel, findProvince, findTechField, localizedName, trlLevelLabel, type Lang } from '@techport/shared';
import type { FacetName } from './search-query.js';

// The enums' labels themselves live in libs/shared/src/labels.ts (one source with the storefront).

/** The label of one facet value in the request's language (the value itself when unknown). */
export function facetLabel(name: FacetName, value: string, lang: Lang): string {
  switch (name) {
    case 'kind':
      return enumLabel('ListingKind', value, lang);
    case 'fieldCodes': {
      const f = findTechField(value);
      return f ? localizedName(f, lang) : value;
    }
    case 'provinceCode': {
      const p = findProvince(value);
      return p ? localizedName(p, lang) : value;
    }
    case 'transferModes':
      return enumLabel('TransferMode', value, lang);
    case 'organizationKind':
      return enumLabel('OrganizationKind', value, lang);
    case 'trl':
      return trlLevelLabel(Number(value), lang);
  }
}
