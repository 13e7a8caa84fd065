import { ErrorCode, Role } from '@techport/shared';
import { AppError, Errors } from '../errors.js';
import type { GqlContext } from '../context.js';

/** The authenticated caller, loaded from the database on every request (so role changes and
 * disabled accounts take effect at once, not when the token expires). */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** Moderators: the provinces they cover (an empty list covers none unless allProvinces). */
  moderatedProvinceCodes: string[];
  /** Moderators: the explicit nationwide grant. */
  allProvinces?: boolean;
  /**
   * Staff roles the account holds but may not use yet because it has no second factor enrolled
   * (they are left out of `roles`, so every check treats the caller as a member until then).
   */
  rolesAwaitingSecondFactor?: Role[];
  /** Whether the account has a second factor (TOTP) enrolled. */
  secondFactor?: boolean;
  /** The session this request came with: `tokenId` is the token's jti, which is its user_session id (what `logout` ends). */
  session?: { tokenId: string; expiresAt: Date } | null;
}

export function requireViewer(ctx: GqlContext): Viewer {
  if (!ctx.viewer) throw Errors.unauthenticated();
  return ctx.viewer;
}

export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer?.roles.includes(Role.ADMIN);
}

export function isModerator(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes(Role.MODERATOR) || viewer.roles.includes(Role.ADMIN));
}

/** Whether a moderator's jurisdiction covers a province (admins cover everything). */
export function coversProvince(viewer: Viewer | null, provinceCode: string): boolean {
  if (!viewer) return false;
  if (viewer.roles.includes(Role.ADMIN)) return true;
  if (!viewer.roles.includes(Role.MODERATOR)) return false;
  // Fail closed: only the explicit grant covers every province; no provinces means none.
  return !!viewer.allProvinces || viewer.moderatedProvinceCodes.includes(provinceCode);
}

/** `extensions.reason` of the FORBIDDEN answered to staff who have not enrolled a second factor. */
export const SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED';

const M = {
  secondFactorRequired: {
    vi: 'Cán bộ quản trị và kiểm duyệt phải bật xác thực hai bước (ứng dụng xác thực) trước khi thực hiện thao tác này. Vào Tài khoản → Bảo mật để đăng ký.',
    en: 'Moderators and admins must set up two-step verification (an authenticator app) before doing this. Go to Account → Security to set it up.',
  },
};

/** FORBIDDEN, telling staff without a second factor that enrolling one is what is missing. */
function forbiddenFor(viewer: Viewer, role: Role) {
  const waiting = viewer.rolesAwaitingSecondFactor ?? [];
  const couldWith = role === Role.ADMIN ? waiting.includes(Role.ADMIN) : waiting.includes(Role.ADMIN) || waiting.includes(Role.MODERATOR);
  return couldWith ? new AppError(ErrorCode.FORBIDDEN, M.secondFactorRequired, undefined, { reason: SECOND_FACTOR_REQUIRED }) : Errors.forbidden();
}

export function requireModerator(ctx: GqlContext): Viewer {
  const viewer = requireViewer(ctx);
  if (!isModerator(viewer)) throw forbiddenFor(viewer, Role.MODERATOR);
  return viewer;
}

export function requireAdmin(ctx: GqlContext): Viewer {
  const viewer = requireViewer(ctx);
  if (!isAdmin(viewer)) throw forbiddenFor(viewer, Role.ADMIN);
  return viewer;
}

/** The same checks for callers outside GraphQL (CSV exports). */
export function assertModerator(viewer: Viewer): void {
  if (!isModerator(viewer)) throw forbiddenFor(viewer, Role.MODERATOR);
}

export function assertAdmin(viewer: Viewer): void {
  if (!isAdmin(viewer)) throw forbiddenFor(viewer, Role.ADMIN);
}

/**
 * SQL-ready jurisdiction: null means every province (admins, the nationwide grant); otherwise the
 * provinces covered, possibly none (a member, or a moderator without provinces). Filter with
 * `province_code = ANY(:codes)`, which matches nothing for an empty list (`IN ()` is a syntax error).
 */
export function jurisdictionOf(viewer: Viewer): string[] | null {
  if (viewer.roles.includes(Role.ADMIN)) return null;
  if (!viewer.roles.includes(Role.MODERATOR)) return [];
  if (viewer.allProvinces) return null;
  return viewer.moderatedProvinceCodes;
}
