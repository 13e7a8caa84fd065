import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EndUserSessions, ResetUserSecondFactor, SetUserDisabled, SetUserRoles, Users } from '$lib/graphql/documents';
import type { Role } from '$lib/graphql/types';
import { ROLES } from '$lib/labels';
import { apiFailure } from '$lib/server/guards';
import { enumList, failFields, failFromError, readForm } from '$lib/server/forms';
import { listRedirect } from '$lib/list-query';
import { USER_LIST_KEYS, USER_STATUSES, USER_TWO_STEP, type UserStatus, type UserTwoStep } from './list';
import { referenceData } from '$lib/server/reference';
import { readProvinceChoice } from '$lib/server/provinces';

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim();
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  // Unknown filter values (a hand-edited address) mean no filter.
  const rawRole = url.searchParams.get('role') ?? '';
  const role = (ROLES as readonly string[]).includes(rawRole) ? (rawRole as Role) : null;
  const rawStatus = url.searchParams.get('status') ?? '';
  const status = (USER_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as UserStatus) : null;
  const rawTwoStep = url.searchParams.get('twoStep') ?? '';
  const twoStep = (USER_TWO_STEP as readonly string[]).includes(rawTwoStep) ? (rawTwoStep as UserTwoStep) : null;
  const [{ users }, reference] = await Promise.all([
    locals.api
      .request(Users, { query: q || null, page: { page, pageSize: 20 }, role, disabled: status === null ? null : status === 'disabled',
        secondFactor: twoStep === null ? null : twoStep === 'on',
        staff: twoStep === 'staff-missing' ? true : null,
      })
      .catch((e) => apiFailure(e, url)),
    referenceData(locals.api),
  ]);
  return { q, role, status, twoStep, users, provinces: reference.provinces, meId: locals.user!.id };
};

/** Back to the list the admin acted from (its search and page), with the confirmation naming the account (`who`, its e-mail). */
const back = (url: URL, done: string, who: string) => `${listRedirect(url, done, USER_LIST_KEYS)}&who=${encodeURIComponent(who.slice(0, 254))}`;

export const actions: Actions = {
  roles: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const roles = enumList<Role>(form.all('roles'), ROLES, errors, 'roles');
    const provinces = readProvinceChoice(form.data, { name: 'provinces' });
    if (provinces.error) errors.provinces = provinces.error;
    if (Object.keys(errors).length) return failFields(values, errors, form.str('userId'));
    // Everyone is a member. A moderator covers the provinces ticked, or every province only with
    // the explicit "nationwide" box: none ticked means none (the API fails closed too).
    const withMember: Role[] = [...new Set<Role>(['MEMBER', ...roles])];
    const moderator = withMember.includes('MODERATOR');
    // The form says it before saving; the confirmation says it again when provinces were dropped.
    const droppedProvinces = !moderator && form.str('hadProvinces') === 'true';
    try {
      await locals.api.request(SetUserRoles, {
        userId: form.str('userId'),
        roles: withMember,
        moderatedProvinceCodes: moderator ? provinces.codes : [],
        allProvinces: moderator && provinces.all,
      });
    } catch (err) {
      // The row shows one message above its form (e.g. "this is the last administrator"), none beside fields.
      return failFromError(err, values, { fields: [], rename: { moderatedProvinceCodes: 'provinces' }, prefixes: [], form: form.str('userId') });
    }
    // An admin who gave up their own admin role can no longer see this page: to their dashboard, told why.
    if (form.str('userId') === locals.user!.id && !withMember.includes('ADMIN')) redirect(303, '/dashboard?done=own-admin-removed');
    // A moderator covering no province moderates nothing: said at once, not found out later.
    const noProvinces = moderator && !provinces.all && provinces.codes.length === 0;
    redirect(303, back(url, droppedProvinces ? 'roles-saved-provinces-removed' : noProvinces ? 'roles-saved-no-provinces' : 'roles-saved', form.str('who')));
  },
  disable: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const disabled = form.str('disabled') === 'true';
    try {
      await locals.api.request(SetUserDisabled, { userId: form.str('userId'), disabled });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: form.str('userId') });
    }
    redirect(303, back(url, disabled ? 'account-disabled' : 'account-enabled', form.str('who')));
  },
  /** A stolen laptop or phone, a session left open: every session of the account ends (audited); it stays enabled. */
  endSessions: async ({ request, locals, url }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(EndUserSessions, { userId: form.str('userId') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: form.str('userId') });
    }
    redirect(303, back(url, 'user-signed-out', form.str('who')));
  },
  /** A staff member lost their authenticator: remove it (audited); their role waits for a new one. */
  resetSecondFactor: async ({ request, locals, url }) => {
    const form = await readForm(request);
    try {
      await locals.api.request(ResetUserSecondFactor, { userId: form.str('userId') });
    } catch (err) {
      return failFromError(err, {}, { fields: [], form: form.str('userId') });
    }
    redirect(303, back(url, 'second-factor-reset', form.str('who')));
  },
};
