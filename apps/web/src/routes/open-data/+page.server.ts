import type { PageServerLoad } from './$types';
import { openDataCatalogue } from '$lib/server/open-data';

export const load: PageServerLoad = async ({ locals }) => {
  const now = new Date();
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
  return { catalogue: await openDataCatalogue(), lang: locals.lang, year };
};
