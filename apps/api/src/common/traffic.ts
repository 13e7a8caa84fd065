/**
 * Requests being handled by this process, and whether it is draining for a shutdown: main.ts
 * counts them and drains on SIGTERM; GET /health answers 503 while draining.
 */
export const traffic = { inFlight: 0, draining: false };

/** Resolves once no request has been in flight for `quietMs` (or after `limitMs`). */
export async function drained(quietMs: number, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (traffic.inFlight > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
