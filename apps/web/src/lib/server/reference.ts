import type { ReferenceQuery } from '$lib/graphql/types';
import { Reference } from '$lib/graphql/documents';
import type { Api } from './api';

export interface TechFieldOption {
  code: string;
  name: string;
  parent: string | null;
}

export interface ReferenceData {
  provinces: ReferenceQuery['provinces'];
  fields: TechFieldOption[];
  /** Parents first, each followed by its children (for grouped selects). */
  fieldTree: { code: string; name: string; children: TechFieldOption[] }[];
  provinceName: (code: string) => string;
  fieldName: (code: string) => string;
}

/** Provinces and the field taxonomy change with a deployment, not per request: kept 10 minutes per language. */
const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; data: Promise<ReferenceData> }>();

export function referenceData(api: Api): Promise<ReferenceData> {
  const hit = cache.get(api.lang);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.data;
  const data = api.request(Reference).then((r) => build(r));
  data.catch(() => cache.delete(api.lang));
  cache.set(api.lang, { at: Date.now(), data });
  return data;
}

function build(r: ReferenceQuery): ReferenceData {
  const fields = r.techFields.map((f) => ({ code: f.code, name: f.name, parent: f.parent?.code ?? null }));
  const fieldTree = fields
    .filter((f) => !f.parent)
    .map((p) => ({ code: p.code, name: p.name, children: fields.filter((c) => c.parent === p.code) }));
  const provinceNames = new Map(r.provinces.map((p) => [p.code, p.name]));
  const fieldNames = new Map(fields.map((f) => [f.code, f.name]));
  return {
    provinces: r.provinces,
    fields,
    fieldTree,
    provinceName: (code) => provinceNames.get(code) ?? code,
    fieldName: (code) => fieldNames.get(code) ?? code,
  };
}
