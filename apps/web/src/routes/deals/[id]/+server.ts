import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DealById } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { ApiError } from '$lib/server/api';
import { hasRole } from '$lib/server/guards';

/**
 * The short link in deal notifications and e-mails: the parties' deal page for the parties, the
 * department's review page for a moderator who is not a party. Opening it marks the notification
 * read (hooks.server.ts); the page itself does too.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  const id = encodeURIComponent(params.id);
  if (hasRole(locals.user, 'MODERATOR')) {
    const deal = await locals.api.request(DealById, { id: params.id }).then(
      (r) => r.deal,
      (err) => {
        if (err instanceof ApiError) return null;
        throw err;
      },
    );
    if (!deal) error(404, m.error_notFound());
    if (!deal.supplier.viewerIsMember && !deal.buyer.viewerIsMember) redirect(303, `/moderation/deals/${id}`);
  }
  redirect(303, `/dashboard/deals/${id}`);
};
