import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { OrganizationBySlug, OrganizationListings, OwnerAttachments } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, section } from '$lib/server/guards';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const [org, listings] = await Promise.all([
    locals.api.request(OrganizationBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url)),
    section(locals.api.request(OrganizationListings, { slug: params.slug, page: { page, pageSize: 20 } })),
  ]);
  if (!org.organization) error(404, m.error_notFound());
  const media = await section(locals.api.request(OwnerAttachments, { ownerKind: 'ORGANIZATION', ownerId: org.organization.id }));
  const attachments = media.data?.attachments ?? [];
  // The logo is the cover image; the organisation's other public pictures and documents follow.
  return { organization: org.organization, listings, logo: attachments.find((a) => a.isCover && a.kind === 'IMAGE') ?? null, attachments: attachments.filter((a) => !a.isCover) };
};
