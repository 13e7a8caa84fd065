import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { AddOrganizationMember, CancelOrganizationInvitation, EditableAttachments, OrganizationMembers, UpdateOrganization } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, section } from '$lib/server/guards';
import { mediaActions } from '$lib/server/media-actions';
import { failFields, failFromError, readForm } from '$lib/server/forms';
import { referenceData } from '$lib/server/reference';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { organization } = await locals.api.request(OrganizationMembers, { id: params.id }).catch((e) => apiFailure(e, url));
  // Only its members manage an organisation here; everyone else sees its public page.
  if (!organization || !organization.viewerIsMember) error(404, m.error_notFound());
  const [{ provinces }, media] = await Promise.all([referenceData(locals.api), section(locals.api.request(EditableAttachments, { ownerKind: 'ORGANIZATION', ownerId: organization.id }))]);
  return { organization, provinces, attachments: media.data?.attachments ?? [], limits: media.data?.attachmentLimits ?? null };
};

const PROFILE_FIELDS = ['name', 'provinceCode', 'description', 'website', 'contactEmail', 'contactPhone', 'taxCode'];

export const actions: Actions = {
  // Logo, pictures and (private) verification documents, as on the listing edit page.
  ...mediaActions('ORGANIZATION', (params) => `/dashboard/organizations/${params.id}`),
  /** Any member edits the profile; renaming a verified organisation sends it back to verification (the API decides). */
  profile: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    const name = form.str('name');
    const provinceCode = form.str('provinceCode');
    const missing: Record<string, string> = {};
    if (!name) missing.name = m.error_required();
    if (!provinceCode) missing.provinceCode = m.error_choose();
    if (Object.keys(missing).length) return failFields(values, missing, 'profile');
    let result;
    try {
      result = await locals.api.request(UpdateOrganization, {
        id: params.id,
        input: {
          name,
          provinceCode,
          // Empty fields clear what was there.
          description: form.str('description'),
          website: form.str('website'),
          contactEmail: form.str('contactEmail'),
          contactPhone: form.str('contactPhone'),
          taxCode: form.str('taxCode'),
        },
      });
    } catch (err) {
      return failFromError(err, values, { fields: PROFILE_FIELDS, form: 'profile' });
    }
    const done = form.str('wasVerified') === 'true' && !result.updateOrganization.verified ? 'profile-saved-reverify' : 'profile-saved';
    redirect(303, `/dashboard/organizations/${params.id}?done=${done}#profile-done`);
  },
  addMember: async ({ request, locals, params }) => {
    const form = await readForm(request);
    const values = form.values();
    try {
      await locals.api.request(AddOrganizationMember, { organizationId: params.id, email: form.str('email'), role: form.str('role') || 'MEMBER' });
    } catch (err) {
      return failFromError(err, values, { fields: ['email', 'role'], prefixes: [], form: 'member' });
    }
    redirect(303, `/dashboard/organizations/${params.id}?done=member-invited#add-member-done`);
  },
  /** An owner withdraws a pending invitation; its e-mailed link stops working (the API checks the owner). */
  cancelInvitation: async ({ request, locals, params }) => {
    const form = await readForm(request);
    let email: string;
    try {
      email = (await locals.api.request(CancelOrganizationInvitation, { id: form.str('id') })).cancelOrganizationInvitation.email;
    } catch (err) {
      // Accepted or cancelled meanwhile (NOT_FOUND), or no longer an owner: said above the list.
      return failFromError(err, form.values(), { fields: [], form: 'invitations' });
    }
    redirect(303, `/dashboard/organizations/${params.id}?done=invitation-cancelled&who=${encodeURIComponent(email)}#invitations-done`);
  },
};
