import type { LayoutServerLoad } from './$types';
import { publicUrl } from '$lib/server/config';
import { readSelection } from '$lib/server/compare';
import { LANG_OFFER_COOKIE } from '$lib/server/session';

// Server-rendered pages without a client-side router: no JavaScript to download or run on a
// cheap phone; every link is a page load and every form a plain POST (SvelteKit form actions).
export const csr = false;

export const load: LayoutServerLoad = ({ locals, url, cookies }) => {
  // Just signed in with an account that uses the other language: offered once (session.ts).
  const offer = cookies.get(LANG_OFFER_COOKIE);
  if (offer) cookies.delete(LANG_OFFER_COOKIE, { path: '/' });
  return {
    /** The comparison selection (ids), shown in the header and ticked in search results. */
    compare: readSelection(cookies),
    lang: locals.lang,
    user: locals.user,
    unread: locals.unread,
    publicUrl: publicUrl(url.origin),
    langOffer: locals.user && (offer === 'vi' || offer === 'en') && offer !== locals.lang ? offer : null,
  };
};
