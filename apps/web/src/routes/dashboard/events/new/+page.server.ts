import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { CreateEvent } from '$lib/graphql/documents';
import type { EventKind } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { enumField, failFields, failFromError, parseInteger, readForm } from '$lib/server/forms';
import { referenceData } from '$lib/server/reference';

const KINDS: readonly EventKind[] = ['NATIONAL_TECHMART', 'LOCAL_TECHMART', 'SPECIALISED_TECHMART', 'BROKERAGE_DAY', 'ONLINE_SESSION'];
const FIELDS = ['organizerId', 'nameVi', 'nameEn', 'kind', 'startsOn', 'endsOn', 'provinceCode', 'venue', 'description', 'fieldCodes', 'registrationOpensAt', 'registrationClosesAt', 'meetingDays', 'dayStartsAt', 'dayEndsAt', 'slotMinutes', 'meetingTables', 'breaks', 'maxExhibitors', 'maxVisitors', 'questions'];

export const load: PageServerLoad = async ({ locals }) => {
  const user = locals.user!;
  if (user.organizations.length === 0) redirect(303, '/dashboard/organizations/new');
  const reference = await referenceData(locals.api);
  return {
    kinds: KINDS,
    organizations: user.organizations.map((o) => ({ id: o.id, name: o.name, provinceCode: o.province.code })),
    provinces: reference.provinces,
    fields: reference.fieldTree.map((f) => ({ code: f.code, name: f.name })),
  };
};

/** A `datetime-local` value is Vietnam time (the event's time zone). */
const vietnamInstant = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+07:00` : v);

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await readForm(request);
    const values = form.values();
    const errors: Record<string, string> = {};
    const kind = enumField(form.str('kind'), KINDS, errors, 'kind');
    const numbers: Record<string, number | null> = {};
    for (const name of ['slotMinutes', 'meetingTables', 'maxExhibitors', 'maxVisitors']) {
      const n = parseInteger(form.str(name));
      if (Number.isNaN(n)) errors[name] = m.dashEvents_wholeNumber();
      numbers[name] = n;
    }
    if (!form.str('organizerId')) errors.organizerId = m.error_choose();
    if (errors.kind || errors.organizerId || Object.values(numbers).some((n) => Number.isNaN(n))) return failFields(values, errors);
    const breakStart = form.str('breakStartsAt');
    const breakEnd = form.str('breakEndsAt');
    // One question a line: "Câu hỏi | Question", a leading * marks it required.
    const questions = form
      .str('questions')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const required = l.startsWith('*');
        const [vi, en] = l.replace(/^\*\s*/, '').split('|').map((x) => x.trim());
        return { labelVi: vi, labelEn: en || vi, required };
      });
    const input = {
      nameVi: form.str('nameVi'),
      nameEn: form.str('nameEn'),
      kind: kind!,
      startsOn: form.str('startsOn'),
      endsOn: form.str('endsOn'),
      provinceCode: form.str('provinceCode'),
      online: form.bool('online'),
      venue: form.optional('venue'),
      description: form.str('description'),
      fieldCodes: form.all('fieldCodes'),
      registrationOpensAt: vietnamInstant(form.str('registrationOpensAt')),
      registrationClosesAt: vietnamInstant(form.str('registrationClosesAt')),
      meetingDays: form.all('meetingDays'),
      dayStartsAt: form.str('dayStartsAt') || '08:30',
      dayEndsAt: form.str('dayEndsAt') || '17:00',
      slotMinutes: numbers.slotMinutes ?? 20,
      meetingTables: numbers.meetingTables ?? 0,
      breaks: breakStart || breakEnd ? [{ startsAt: breakStart, endsAt: breakEnd }] : [],
      maxExhibitors: numbers.maxExhibitors,
      maxVisitors: numbers.maxVisitors,
      questions,
    };
    try {
      await locals.api.request(CreateEvent, { organizerId: form.str('organizerId'), input });
    } catch (err) {
      return failFromError(err, values, { fields: FIELDS, rename: { breaks: 'breaks' }, loginNext: '/dashboard/events/new' });
    }
    redirect(303, '/dashboard/events?done=created');
  },
};
