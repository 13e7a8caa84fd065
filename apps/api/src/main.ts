import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { createLogger, NestPinoLogger } from './common/logger.js';
import { langFromHeader, runWithRequestContext } from './common/request-context.js';
import { InputValidationPipe } from './common/validation.js';
import { securityHeaders } from './common/security.js';
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
  app.use(securityHeaders(config));
  // A capped body: the largest legitimate request (a listing of 20,000 characters) is far below.
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  // Language and request id for everything that runs on behalf of this request.
  app.use((req: { headers: Record<string, string | undefined> }, _res: unknown, next: () => void) =>
    runWithRequestContext({ lang: langFromHeader(req.headers['accept-language']), requestId: req.headers['x-request-id'] ?? randomUUID() }, next),
  );
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
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let the requests in flight
 * finish (Nest's own hook would close the database pool under them), then stop the workers and
 * the pool, and exit. A hard limit keeps a stuck request from holding the process forever.
 */
function handleShutdownSignals(app: INestApplication, hardLimitMs = 25_000): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    setTimeout(() => process.exit(1), hardLimitMs).unref();
    const server = app.getHttpServer() as Server;
    // Keep-alive connections become idle once their response is sent: close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearInterval(idle);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}

if (process.env.TECHPORT_NO_MAIN !== '1') void main();
