import http from 'node:http';
import https from 'node:https';
import { Meilisearch, MeilisearchApiError, MeilisearchError } from 'meilisearch';
import type { AppConfig } from '../../config/config.js';

/** Injection token for the Meilisearch client. */
export const MEILI = Symbol('MEILI');

/** The request the Meilisearch client hands to its `httpClient` (a subset of fetch's). */
interface ClientRequestInit {
  method?: string;
  headers?: ConstructorParameters<typeof Headers>[0];
  body?: unknown;
  signal?: AbortSignal | null;
}

export type MeiliHttpClient = (input: string | URL | Request, init?: ClientRequestInit) => Promise<unknown>;

/**
 * A keep-alive transport over node:http for the Meilisearch JS client.
 *
 * Why: the client calls the global `fetch` by default, and on Node 20 a search that way costs
 * about 40 ms on loopback (measured: scripts/bench.mjs, docs/benchmarks.md) against well under
 * 1 ms for the same request over node:http with a keep-alive agent and TCP_NODELAY — at which
 * point the engine's own time is all that is left. The client accepts a replacement for fetch
 * (`httpClient`) that must parse the response and raise the API errors itself: that is this.
 *
 * Errors keep the client's types: an HTTP error becomes a MeilisearchApiError (the client then
 * wraps whatever a custom transport throws in a MeilisearchRequestError; see meiliApiError).
 */
export function createMeiliTransport(options: { maxSockets?: number } = {}): MeiliHttpClient & { agents: http.Agent[] } {
  const agentOptions = { keepAlive: true, keepAliveMsecs: 10_000, maxSockets: options.maxSockets ?? 64, maxFreeSockets: 16, noDelay: true, scheduling: 'lifo' as const };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const transport = (input: string | URL | Request, init: ClientRequestInit = {}, retryStale = true): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : JSON.stringify(init.body);
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const secure = url.protocol === 'https:';
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);

      const req = (secure ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? httpsAgent : httpAgent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => {
            signal?.removeEventListener('abort', onAbort);
            reject(err);
          });
          res.on('end', () => {
            signal?.removeEventListener('abort', onAbort);
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch (err) {
              return reject(new MeilisearchError(`Meilisearch answered ${res.statusCode} with a body that is not JSON`, { cause: err }));
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(parsed);
            const response = new Response(null, { status: status >= 200 && status <= 599 ? status : 500, statusText: res.statusMessage ?? '' });
            reject(new MeilisearchApiError(response, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
          });
        },
      );
      function fail(err: unknown) {
        signal?.removeEventListener('abort', onAbort);
        // A kept-alive connection the server closed meanwhile (Meilisearch restarted, idle
        // timeout): send once more on a fresh connection. Every request this API makes is
        // idempotent (searches, document upserts and deletions by id, settings).
        const code = (err as NodeJS.ErrnoException).code;
        if (retryStale && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE') && !signal?.aborted) {
          transport(input, init, false).then(resolve, reject);
          return;
        }
        reject(err);
      }
      function onAbort() {
        req.destroy();
        reject(signal!.reason);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.end(body);
    });
  return Object.assign(transport, { agents: [httpAgent, httpsAgent] });
}

export interface MeiliClientOptions {
  /** 'http' (default): the keep-alive node:http transport above. 'fetch': the client's default (benchmarks only). */
  transport?: 'http' | 'fetch';
  timeoutMs?: number;
}

export function createMeiliClient(config: Pick<AppConfig, 'MEILI_URL' | 'MEILI_MASTER_KEY'>, options: MeiliClientOptions = {}): Meilisearch {
  return new Meilisearch({
    host: config.MEILI_URL,
    apiKey: config.MEILI_MASTER_KEY || undefined,
    timeout: options.timeoutMs ?? 10_000,
    httpClient: options.transport === 'fetch' ? undefined : createMeiliTransport(),
    defaultWaitOptions: { timeout: 60_000, interval: 25 },
  });
}

/**
 * The Meilisearch API error behind `err`, if it is one (the client wraps errors thrown by a
 * custom transport, so it may sit in the `cause` chain), with its status and error code
 * ("index_not_found", "invalid_search_filter"…).
 */
export function meiliApiError(err: unknown): { status: number; code: string | undefined; message: string } | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof MeilisearchApiError) {
      const body = e.cause as { code?: string } | undefined;
      return { status: e.response.status, code: body?.code, message: e.message };
    }
  }
  return null;
}

/** A readable one-line description of a Meilisearch failure, with the root cause. */
export function describeMeiliError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) parts.push(e.message);
    else if (typeof e === 'object' && e && 'message' in e) parts.push(String((e as { message: unknown }).message));
    else break;
  }
  return [...new Set(parts)].join(': ') || String(err);
}
