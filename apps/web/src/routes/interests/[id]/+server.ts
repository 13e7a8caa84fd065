import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// The short link in notifications and e-mails (opening it marks them read: hooks.server.ts); the page is /dashboard/interests/<id>.
export const GET: RequestHandler = ({ params }) => redirect(303, `/dashboard/interests/${encodeURIComponent(params.id)}`);
