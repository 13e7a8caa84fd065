import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ArchiveExpertProfile, EditableAttachments, MyExpertProfile, SubmitExpertProfile, UpsertMyExpertProfile, WithdrawExpertProfile } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { mediaActions } from '$lib/server/media-actions';

import { apiFailure, section } from '$lib/server/guards';
import { failFields, failFromError, readForm, type FormReader, type FormValues } from '$lib/server/forms';
import { splitList } from '$lib/server/listing-form';
import { referenceData } from '$lib/server/reference';

const FIELDS = ['fullName', 'headline', 'bio', 'fieldCodes', 'services', 'pastTransfers', 'provinceCode', 'organizationId'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  const [profile, reference] = await Promise.all([locals.api.request(MyExpertProfile).catch((e) => apiFailure(e, url)), referenceData(locals.api)]);
  const p = profile.myExpertProfile ?? null;
  // Portrait, pictures of past work, documents: once the profile exists (they belong to it).
  const media = p ? await section(locals.api.request(EditableAttachments, { ownerKind: 'EXPERT', ownerId: p.id })) : null;
  const src = p?.pendingRevision ?? p;
  const values: FormValues = src
    ? {
        fullName: src.fullName,
        headline: src.headline,
        bio: src.bio,
        fieldCodes: src.fields.map((f) => f.code),
        services: src.services.join('\n'),
        pastTransfers: src.pastTransfers.join('\n'),
        provinceCode: src.province.code,
        organizationId: src.organization?.id ?? '',
      }
    : {
        fullName: locals.user!.displayName,
        provinceCode: locals.user!.organizations[0]?.province.code ?? '',
        // A researcher a university invited to write their profile: its one organisation is the
        // likely affiliation (they may still choose "independent expert").
        organizationId: locals.user!.organizations.length === 1 ? locals.user!.organizations[0].id : '',
      };
  return {
    profile: p,
    values,
    provinces: reference.provinces,
    fieldTree: reference.fieldTree,
    orgs: locals.user!.organizations,
    attachments: media?.data?.attachments ?? [],
    limits: media?.data?.attachmentLimits ?? null,
    removals: p?.attachmentsPendingRemoval ?? [],
  };
};

async function save(form: FormReader, locals: App.Locals) {
  const values = form.values();
  const input = {
    fullName: form.str('fullName'),
    headline: form.str('headline'),
    bio: form.str('bio'),
    fieldCodes: form.all('fieldCodes'),
    services: splitList(form.str('services'), /\n/),
    pastTransfers: splitList(form.str('pastTransfers'), /\n/),
    provinceCode: form.str('provinceCode'),
    organizationId: form.optional('organizationId'),
    version: Number(form.str('version')) || null,
  };
  try {
    const { upsertMyExpertProfile } = await locals.api.request(UpsertMyExpertProfile, { input });
    return { id: upsertMyExpertProfile.id, failure: null };
  } catch (err) {
    return { id: null, failure: failFromError(err, values, { fields: FIELDS, rename: { version: 'fullName' } }) };
  }
}

/** The caller's own profile: the owner of this page's attachments. */
async function myProfileId(locals: App.Locals): Promise<string> {
  const { myExpertProfile } = await locals.api.request(MyExpertProfile);
  if (!myExpertProfile) error(404, m.error_notFound());
  return myExpertProfile.id;
}

export const actions: Actions = {
  // Portrait, pictures and documents, as on the listing edit page; moderated with the profile.
  ...mediaActions('EXPERT', () => '/dashboard/expert', (event) => myProfileId(event.locals)),
  save: async ({ request, locals }) => {
    const { failure } = await save(await readForm(request), locals);
    if (failure) return failure;
    redirect(303, '/dashboard/expert?done=listing-saved');
  },
  submit: async ({ request, locals }) => {
    const form = await readForm(request);
    const { id, failure } = await save(form, locals);
    if (failure) return failure;
    try {
      await locals.api.request(SubmitExpertProfile, { id: id! });
    } catch (err) {
      return failFromError(err, form.values(), { fields: FIELDS });
    }
    redirect(303, '/dashboard/expert?done=expert-submitted');
  },
  /** Takes the profile (or its update) out of the review queue so it can be edited again. */
  withdraw: async ({ request, locals }) => {
    const form = await readForm(request);
    if (!form.str('id')) return failFields({}, {}, 'status');
    let status: string;
    try {
      ({ withdrawExpertProfile: { status } } = await locals.api.request(WithdrawExpertProfile, { id: form.str('id') }));
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'status' });
    }
    redirect(303, `/dashboard/expert?done=${status === 'PUBLISHED' ? 'listing-revision-withdrawn' : 'expert-withdrawn'}`);
  },
  archive: async ({ request, locals }) => {
    const form = await readForm(request);
    if (!form.str('id')) return failFields({}, {}, 'status');
    try {
      await locals.api.request(ArchiveExpertProfile, { id: form.str('id') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: 'status' });
    }
    redirect(303, '/dashboard/expert?done=expert-archived');
  },
};

