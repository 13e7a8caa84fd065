import type { RequestHandler } from './$types';
import { proxyOpenData } from '$lib/server/open-data';

/** An open-data file from the API, at the same path (see $lib/server/open-data.ts). */
export const GET: RequestHandler = ({ request, url, locals }) => proxyOpenData(request, url, locals.lang);
