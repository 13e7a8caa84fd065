import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// The short link in notifications and e-mails (opening it marks them read: hooks.server.ts); the page is /dashboard/expert-contacts/<id>.
export const GET: RequestHandler = ({ params }) => redirect(303, `/dashboard/expert-contacts/${encodeURIComponent(params.id)}`);
