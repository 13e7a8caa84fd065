import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { OrganizationBySlug, OrganizationListings } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const [org, listings] = await Promise.all([
    locals.api.request(OrganizationBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url)),
    section(locals.api.request(OrganizationListings, { slug: params.slug, page: { page, pageSize: 20 } })),
  ]);
  if (!org.organization) error(404, m.error_notFound());
  return { organization: org.organization, listings };
};
