import { env } from '$env/dynamic/private';

/**
 * The visitor's address, told to the API. The storefront calls the API from its own server, so
 * the API would otherwise count every visitor's sign-ins and registrations against the
 * storefront's address (one bucket for the whole province). The API believes `X-Client-Address`
 * only with the secret it shares with the storefront (`STOREFRONT_SECRET`, set for both by
 * `npm start` and the compose file); without the secret the header is not sent at all.
 *
 * The address itself is SvelteKit's `getClientAddress()`: the socket's peer, or, behind a reverse
 * proxy, what adapter-node reads from ADDRESS_HEADER / XFF_DEPTH.
 */
export function visitorHeaders(clientAddress: string | undefined): Record<string, string> {
  const secret = env.STOREFRONT_SECRET;
  if (!secret || !clientAddress) return {};
  return { 'x-client-address': clientAddress, 'x-storefront-secret': secret };
}
