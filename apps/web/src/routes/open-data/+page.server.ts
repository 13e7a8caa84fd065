import type { PageServerLoad } from './$types';
import { openDataCatalogue, openDataRefusal } from '$lib/server/open-data';

export const load: PageServerLoad = async ({ locals, url }) => {
  const now = new Date();
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
  const catalogue = await openDataCatalogue();
  return { catalogue, lang: locals.lang, year, refusal: await openDataRefusal(url, catalogue, locals.lang) };
};
