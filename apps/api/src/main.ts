import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
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
  app.enableShutdownHooks();
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
}

if (process.env.TECHPORT_NO_MAIN !== '1') void main();
