import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { PageServerLoad } from './$types';
import { EventAgenda, EventBySlug } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure, requireUser } from '$lib/server/guards';
import { publicUrl } from '$lib/server/config';

/**
 * A participant's agenda (issue #17): the programme and its accepted meetings, printable, with the
 * check-in QR code (an inline SVG made here: no script, no image request) that opens the staff's
 * check-in page for this participant. `?registration=` chooses among the caller's approved
 * registrations (the organiser may open any); by default the first approved one.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireUser(locals, url);
  const { event } = await locals.api.request(EventBySlug, { slug: params.slug }).catch((e) => apiFailure(e, url));
  if (!event) error(404, m.error_notFound());
  const approved = event.myRegistrations.filter((r) => r.status === 'APPROVED');
  const registrationId = url.searchParams.get('registration') ?? approved[0]?.id;
  // No approved registration (none, pending, declined or withdrawn): a page saying so, with the way to register.
  if (!registrationId) return { event, agenda: null, qrSvg: null, others: [], registrations: event.myRegistrations };
  const { eventAgenda: agenda } = await locals.api.request(EventAgenda, { registrationId }).catch((e) => apiFailure(e, url));
  if (agenda.event.id !== event.id) error(404, m.error_notFound());
  const staffUrl = agenda.checkInCode ? `${publicUrl(url.origin)}/events/${event.slug}/check-in/${agenda.checkInCode}` : null;
  const qrSvg = staffUrl ? await QRCode.toString(staffUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null;
  return { event, agenda, qrSvg, others: approved.filter((r) => r.id !== registrationId), registrations: event.myRegistrations };
};
