import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CreateListing, SubmitListing } from '$lib/graphql/documents';
import type { ListingKind } from '$lib/graphql/types';
import { ApiError } from '$lib/server/api';
import { loginRedirect } from '$lib/server/guards';
import { failFields, failFromError, readForm, type FormReader } from '$lib/server/forms';
import { LISTING_FIELDS, parseListing } from '$lib/server/listing-form';
import { referenceData } from '$lib/server/reference';
import { suggestTrl } from '$lib/trl';

function kindOf(v: string | null): ListingKind {
  return v === 'OFFER' ? 'OFFER' : 'DEMAND';
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = locals.user!;
  if (user.organizations.length === 0) redirect(303, '/dashboard/organizations/new');
  const reference = await referenceData(locals.api);
  return {
    kind: kindOf(url.searchParams.get('kind')),
    organizations: user.organizations.map((o) => ({ id: o.id, name: o.name })),
    provinces: reference.provinces,
    fieldTree: reference.fieldTree,
    defaults: { provinceCode: user.organizations[0].province.code, negotiable: 'on' },
  };
};

async function create(form: FormReader, locals: App.Locals, submit: boolean) {
  const kind = kindOf(form.str('kind'));
  const values = form.values();
  const { content, errors, blocking } = parseListing(form, kind);
  const organizationId = form.str('organizationId');
  if (blocking) return failFields(values, errors);
  let id: string;
  try {
    // Sent even when the storefront found a problem: the API refuses the request then (see
    // parseListing) and names its own problems too, so the visitor sees every error at once.
    ({ createListing: { id } } = await locals.api.request(CreateListing, { input: { ...content, kind, organizationId, currency: 'VND' } }));
  } catch (err) {
    return failFromError(err, values, { fields: LISTING_FIELDS, loginNext: `/dashboard/listings/new?kind=${kind}`, local: errors });
  }
  // Unreachable in practice (a local problem makes the API refuse), but never report success over one.
  if (Object.keys(errors).length) return failFields(values, errors);
  if (submit) {
    try {
      await locals.api.request(SubmitListing, { id });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Saved, but not accepted for review: the edit page shows why and offers to submit again.
      redirect(303, `/dashboard/listings/${id}?done=listing-created&submit=failed`);
    }
    redirect(303, `/dashboard/listings/${id}?done=listing-submitted`);
  }
  redirect(303, `/dashboard/listings/${id}?done=listing-created`);
}

export const actions: Actions = {
  save: async ({ request, locals, url }) => {
    if (!locals.user) loginRedirect(url);
    return create(await readForm(request), locals, false);
  },
  submit: async ({ request, locals, url }) => {
    if (!locals.user) loginRedirect(url);
    return create(await readForm(request), locals, true);
  },
  /** The TRL self-assessment: suggests a level, saves nothing. */
  assessTrl: async ({ request }) => {
    const form = await readForm(request);
    const suggestedTrl = suggestTrl(new Set(form.all('trlq')));
    const values = form.values();
    if (suggestedTrl > 0) values.trl = String(suggestedTrl);
    return { values, fields: {} as Record<string, string>, error: undefined as string | undefined, suggestedTrl };
  },
};
