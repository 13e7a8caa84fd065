import type { Request } from 'express';
import type { Lang } from '@techport/shared';
import type { Viewer } from './auth/viewer.js';
import type { Loaders } from './loaders.js';

/** What every resolver receives as its GraphQL context. */
export interface GqlContext {
  req: Request;
  lang: Lang;
  viewer: Viewer | null;
  loaders: Loaders;
}
