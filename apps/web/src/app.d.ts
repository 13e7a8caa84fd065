import type { Api } from '$lib/server/api';
import type { ViewerFragment } from '$lib/graphql/types';

declare global {
  namespace App {
    interface Locals {
      lang: 'vi' | 'en';
      /** The logged-in user (from the API's `me`), or null. */
      user: ViewerFragment | null;
      /** Unread notifications of the logged-in user. */
      unread: number;
      /** The GraphQL client for this request (the session's token, the visitor's language). */
      api: Api;
    }
    interface Error {
      message: string;
    }
    interface PageData {
      lang: 'vi' | 'en';
      user: ViewerFragment | null;
    }
  }
}

export {};
