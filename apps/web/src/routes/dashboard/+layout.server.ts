import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/guards';

export const load: LayoutServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { me: user };
};
