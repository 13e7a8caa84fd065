/**
 * What a load function does with an API error or a visitor who may not be here: anonymous
 * visitors go to the login page (and come back after), members who lack a role get 404 (a page
 * they may not see answers as if it did not exist), and the API's NOT_FOUND/FORBIDDEN become
 * the same HTTP statuses.
 */
import { error, redirect } from '@sveltejs/kit';
import type { Role } from '$lib/graphql/types';
import { m } from '$lib/paraglide/messages';
import { ApiError } from './api';

export function loginRedirect(url: URL): never {
  redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The logged-in user, or a redirect to the login page. */
export function requireUser(locals: App.Locals, url: URL): NonNullable<App.Locals['user']> {
  if (!locals.user) loginRedirect(url);
  return locals.user;
}

export function hasRole(user: App.Locals['user'], role: Role): boolean {
  if (!user) return false;
  return user.roles.includes(role) || (role === 'MODERATOR' && user.roles.includes('ADMIN'));
}

/** Moderator (or admin) pages: anonymous → login; members → 404. */
export function requireRole(locals: App.Locals, url: URL, role: Role): NonNullable<App.Locals['user']> {
  const user = requireUser(locals, url);
  if (!hasRole(user, role)) error(404, m.error_notFound());
  return user;
}

/** Rethrows an API error as the matching page error (or login redirect). */
export function apiFailure(err: unknown, url: URL): never {
  if (err instanceof ApiError) {
    if (err.code === 'UNAUTHENTICATED') loginRedirect(url);
    if (err.code === 'NOT_FOUND') error(404, m.error_notFound());
    // Staff without a second factor: their role waits for it; the API's message says how to set it up.
    if (err.code === 'FORBIDDEN' && err.extensions.reason === 'SECOND_FACTOR_REQUIRED') error(403, err.message);
    if (err.code === 'FORBIDDEN') error(403, m.error_forbidden());
    if (err.code === 'UNREACHABLE') error(503, m.error_apiDown());
    if (err.code === 'RATE_LIMITED') error(429, err.message);
    if (err.code === 'BAD_USER_INPUT') error(400, err.message);
  }
  throw err;
}

export interface Section<T> {
  data: T | null;
  /** The API failed on it: the page says so and shows the rest. */
  failed: boolean;
}

/** A part of a page that must not take the whole page down (home figures, matches, extras). */
export async function section<T>(promise: Promise<T>): Promise<Section<T>> {
  try {
    return { data: await promise, failed: false };
  } catch (err) {
    if (err instanceof ApiError) {
      console.warn(`[web] section failed: ${err.code} ${err.message}`);
      return { data: null, failed: true };
    }
    throw err;
  }
}

/**
 * A page's main list, which must not read as empty when the API fails (a moderation queue saying
 * "nothing waiting"): the caller's own standing (signed out, no second factor, not allowed) is the
 * page's error as apiFailure makes it; any other failure (the API down, an internal error) comes
 * back as `failed`, for the page to say that the list could not be loaded.
 */
export function listSection<T>(promise: Promise<T>, url: URL): Promise<Section<T>> {
  return section(
    promise.catch((err: unknown) => {
      if (err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) apiFailure(err, url);
      throw err;
    }),
  );
}
