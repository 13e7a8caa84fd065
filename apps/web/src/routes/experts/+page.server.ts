import type { PageServerLoad } from './$types';
import { Experts } from '$lib/graphql/documents';
import { section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const fields = url.searchParams.getAll('field').filter((v) => /^[\w.-]{1,20}$/.test(v));
  const provinces = url.searchParams.getAll('province').filter((v) => /^[a-z0-9-]{1,40}$/.test(v));
  const page = Math.min(50, Math.max(1, Number(url.searchParams.get('page')) || 1));
  const result = await section(
    locals.api.request(Experts, { input: { query: q || null, fieldCodes: fields.length ? fields : null, provinceCodes: provinces.length ? provinces : null, page, pageSize: 20 } }),
  );
  return { q, fields, provinces, result };
};
