import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad } from './$types';
import { ConfirmSecondFactorEnrolment, DisableSecondFactor, RegenerateRecoveryCodes, SecondFactorStatus, StartSecondFactorEnrolment } from '$lib/graphql/documents';
import { m } from '$lib/paraglide/messages';
import { apiFailure } from '$lib/server/guards';
import { failFromError, readForm } from '$lib/server/forms';

/** What the enrolment step shows: the QR code (an <img> of the API's SVG) and the secret as text. */
interface Setup {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

const svgDataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;

/** The setup again after a wrong code: same secret (still pending at the API), QR drawn from its address. */
async function setupAgain(secret: string, otpauthUri: string): Promise<Setup | null> {
  if (!/^[A-Z2-7]{16,64}$/.test(secret) || !otpauthUri.startsWith('otpauth://totp/') || !otpauthUri.includes(`secret=${secret}`)) return null;
  return { secret, otpauthUri, qrDataUrl: svgDataUrl(await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })) };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const { me } = await locals.api.request(SecondFactorStatus).catch((e) => apiFailure(e, url));
  const staff = !!me && (me.roles.includes('MODERATOR') || me.roles.includes('ADMIN'));
  return { enabled: !!me?.secondFactorEnabled, recoveryCodesLeft: me?.recoveryCodesLeft ?? 0, staff };
};

export const actions: Actions = {
  start: async ({ locals, url }) => {
    try {
      const { startSecondFactorEnrolment: s } = await locals.api.request(StartSecondFactorEnrolment);
      return { setup: { secret: s.secret, otpauthUri: s.otpauthUri, qrDataUrl: svgDataUrl(s.qrCodeSvg) } satisfies Setup };
    } catch (err) {
      return failFromError(err, {}, { fields: [], loginNext: url.pathname, form: 'start' });
    }
  },
  /** A new phone or app: a code of the current one starts it; the current app works until the new one is confirmed. */
  move: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const code = form.str('code');
    if (!code) return fail(400, { values: {}, fields: { code: m.error_required() }, error: m.error_checkFields(), form: 'move' });
    try {
      const { startSecondFactorEnrolment: s } = await locals.api.request(StartSecondFactorEnrolment, { currentCode: code });
      return { setup: { secret: s.secret, otpauthUri: s.otpauthUri, qrDataUrl: svgDataUrl(s.qrCodeSvg) } satisfies Setup, moving: true };
    } catch (err) {
      return failFromError(err, {}, { fields: ['code'], prefixes: [], rename: { currentCode: 'code' }, loginNext: url.pathname, form: 'move' });
    }
  },
  confirm: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const code = form.str('code');
    const moving = form.str('moving') === 'true';
    const setup = await setupAgain(form.str('secret'), form.str('otpauthUri'));
    if (!code) return fail(400, { values: {}, fields: { code: m.error_required() }, error: m.error_checkFields(), form: 'confirm', setup, moving });
    try {
      const { confirmSecondFactorEnrolment } = await locals.api.request(ConfirmSecondFactorEnrolment, { code });
      return { recoveryCodes: confirmSecondFactorEnrolment.codes, done: moving ? 'moved' : 'enabled' };
    } catch (err) {
      const failed = failFromError(err, {}, { fields: ['code'], prefixes: [], loginNext: url.pathname, form: 'confirm' });
      return fail(400, { ...failed.data, setup, moving });
    }
  },
  regenerate: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const code = form.str('code');
    if (!code) return fail(400, { values: {}, fields: { code: m.error_required() }, error: m.error_checkFields(), form: 'regenerate' });
    try {
      const { regenerateRecoveryCodes } = await locals.api.request(RegenerateRecoveryCodes, { code });
      return { recoveryCodes: regenerateRecoveryCodes.codes, done: 'regenerated' };
    } catch (err) {
      return failFromError(err, {}, { fields: ['code'], prefixes: [], loginNext: url.pathname, form: 'regenerate' });
    }
  },
  disable: async ({ request, locals, url }) => {
    const form = await readForm(request);
    const code = form.str('code');
    if (!code) return fail(400, { values: {}, fields: { code: m.error_required() }, error: m.error_checkFields(), form: 'disable' });
    try {
      await locals.api.request(DisableSecondFactor, { code });
      return { done: 'disabled' };
    } catch (err) {
      return failFromError(err, {}, { fields: ['code'], prefixes: [], loginNext: url.pathname, form: 'disable' });
    }
  },
};
