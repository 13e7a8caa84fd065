import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * TOTP (RFC 6238) with otplib's defaults, which every authenticator app reads: SHA-1, 6 digits,
 * 30-second steps, 20-byte Base32 secrets. A code is accepted one step early or late (clock drift
 * of phones), and never for a step at or before the last one accepted (replay).
 */
export const TOTP_ISSUER = 'Techport';
const PERIOD = 30;
const DRIFT_SECONDS = PERIOD;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret });
}

/** The QR code of the otpauth:// address as an SVG document (rendered on the server, no script). */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The time step a code was accepted for, or null for a wrong, malformed or replayed code.
 * `afterStep` is the last step accepted for this secret (null: none yet).
 */
export async function verifyTotp(secret: string, code: string, nowMs: number, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(nowMs / 1000);
  const latestStep = Math.floor((epoch + DRIFT_SECONDS) / PERIOD);
  // A last step beyond the window (the clock went back) leaves nothing to accept.
  if (afterStep !== null && afterStep >= latestStep) return null;
  try {
    const result = await verify({ secret, token: code, epoch, epochTolerance: DRIFT_SECONDS, afterTimeStep: afterStep ?? undefined });
    // The functional API's type covers HOTP too; a TOTP result carries the matched time step.
    return result.valid && 'timeStep' in result ? (result.timeStep as number) : null;
  } catch {
    return null;
  }
}

/** 6 digits, with spaces or dashes people type from their phone removed. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}

/** Recovery codes: 10 characters from an alphabet without look-alikes, shown as xxxxx-xxxxx (50 bits). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  // 248 is the largest multiple of 31 below 256; the rare larger byte is redrawn (no bias).
  for (let i = 0; code.length < 10; i++) {
    const b = i < bytes.length ? bytes[i] : randomBytes(1)[0];
    if (b < 248) code += RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length];
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeCode(code)).digest('hex');
}

export function looksLikeRecoveryCode(normalized: string): boolean {
  return /^[a-z0-9]{10}$/.test(normalized);
}
