import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { createLogger, NestPinoLogger } from './common/logger.js';
import { askedLangFromHeader, langFromHeader, runWithRequestContext } from './common/request-context.js';
import { InputValidationPipe } from './common/validation.js';
import { securityHeaders } from './common/security.js';
import { bodyParserErrors } from './common/errors.js';
import { clientAddressMiddleware } from './common/client-address.js';
import { drained, traffic } from './common/traffic.js';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Builds the Nest application (used by main below and by the end-to-end tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: !config.isProduction && process.stdout.isTTY === true });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
    cors: { origin: config.corsOrigins, credentials: true },
  });
  app.set('trust proxy', config.TRUST_PROXY);
  // The visitor's address as the storefront vouches for it (its shared secret), before anything reads req.ip.
  app.use(clientAddressMiddleware(config));
  // No ETags: GraphQL answers POSTs, which no cache revalidates, and hashing every response
  // body (15 kB for a page of search results) is work for nothing.
  app.set('etag', false);
  app.use(securityHeaders(config));
  // A capped body: the largest legitimate request (a listing of 20,000 characters) is far below.
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  // Bodies they refuse (not JSON, too large) answer 4xx with a GraphQL `errors` body.
  app.use(bodyParserErrors);
  // One log line per request (method, path, status, time, request id; never the token).
  app.use(
    pinoHttp<IncomingMessage, ServerResponse>({
      // pino-http's types want a logger typed with its own custom levels; ours is the plain one.
      logger: logger as unknown as Logger<never>,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    }),
  );
  // Language and request id for everything that runs on behalf of this request.
  app.use((req: { id: string; ip?: string; headers: Record<string, string | undefined> }, _res: unknown, next: () => void) =>
    runWithRequestContext(
      { lang: langFromHeader(req.headers['accept-language']), asked: askedLangFromHeader(req.headers['accept-language']), requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 400) },
      next,
    ),
  );
  // Requests being handled, and whether the process is draining for a shutdown (see below).
  app.use((_req: unknown, res: ServerResponse, next: () => void) => {
    traffic.inFlight++;
    if (traffic.draining) res.setHeader('connection', 'close');
    res.once('close', () => traffic.inFlight--);
    next();
  });
  app.useGlobalPipes(new InputValidationPipe());
  return app;
}



async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  console.log(`Techport API on http://localhost:${config.API_PORT}/graphql`);
  handleShutdownSignals(app);
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: let the requests in flight finish (Nest's own hook would
 * close the database pool under them), stop accepting connections, then stop the workers and the
 * pool, and exit. A hard limit keeps a stuck request from holding the process forever.
 */
function handleShutdownSignals(app: INestApplication, hardLimitMs = 25_000): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    setTimeout(() => process.exit(1), hardLimitMs).unref();
    const server = app.getHttpServer() as Server;
    // Drain first: answer what is in flight (and what is already in the sockets' buffers, which
    // Node's server.close() would drop as "idle"), telling keep-alive clients to reconnect
    // elsewhere; /health answers 503 meanwhile so a load balancer stops sending traffic.
    traffic.draining = true;
    await drained(250, hardLimitMs - 5_000);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}

if (process.env.TECHPORT_NO_MAIN !== '1') void main();
