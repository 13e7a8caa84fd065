import { ENUM_LABELS, TRL_LABELS, enumLabel, trlLevelLabel } from '@techport/shared';
import * as ContractEnums from './graphql-enums.js';

// The enums the API registers with GraphQL (graphql-enums.ts), read from the registration itself:
// a value added to one of them without a label in libs/shared/src/labels.ts fails here.
const REGISTERED = Object.entries(ContractEnums) as [string, Record<string, string>][];
/** Registered enums that are never shown to a person by name (input only). */
const UNLABELLED = new Set(['ModerationDecision']);

describe('enum labels (libs/shared/src/labels.ts)', () => {
  it('covers every enum the API registers, except the input-only ones', () => {
    expect(REGISTERED.length).toBeGreaterThan(5);
    const labelled = REGISTERED.map(([name]) => name).filter((name) => !UNLABELLED.has(name));
    expect(Object.keys(ENUM_LABELS).sort()).toEqual(labelled.sort());
  });

  it.each(REGISTERED.filter(([name]) => !UNLABELLED.has(name)))('%s: every value has a Vietnamese and an English label, and no label is left over', (name, values) => {
    const labels = ENUM_LABELS[name as keyof typeof ENUM_LABELS] as Record<string, { vi: string; en: string }>;
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    for (const value of Object.values(values)) {
      expect(labels[value].vi.trim()).not.toBe('');
      expect(labels[value].en.trim()).not.toBe('');
      // A label, not a code shown by mistake, and worded apart from the other language's.
      expect(labels[value].vi).not.toBe(value);
      expect(labels[value].en).not.toBe(value);
    }
    // Two values with one name in a language could not be told apart in a list or a filter.
    for (const lang of ['vi', 'en'] as const) {
      const names = Object.values(labels).map((l) => l[lang]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('names the nine readiness levels', () => {
    expect(Object.keys(TRL_LABELS).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(trlLevelLabel(6, 'vi')).toBe('TRL 6 – Trình diễn trong môi trường liên quan');
    expect(trlLevelLabel(6, 'en')).toBe('TRL 6 – Technology demonstrated in a relevant environment');
    expect(trlLevelLabel(12, 'en')).toBe('TRL 12');
  });

  it('words licensing as the Law on Technology Transfer does, in both languages', () => {
    expect(enumLabel('TransferMode', 'LICENSING', 'vi')).toBe('Chuyển giao quyền sử dụng (li-xăng)');
    expect(enumLabel('TransferMode', 'LICENSING', 'en')).toBe('Licensing');
    expect(enumLabel('TransferMode', 'NOT_A_MODE', 'vi')).toBe('NOT_A_MODE');
  });
});
