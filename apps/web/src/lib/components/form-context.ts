/**
 * Context key set to true by a component whose <form> is `novalidate` and validated by the server
 * (the listing and expert forms): Field then renders the native `required` attribute too.
 */
export const SERVER_VALIDATED = Symbol('server-validated form');
