import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_FILTER } from '@nestjs/core';
import { PassToApolloFilter } from './common/graphql-exception.filter.js';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { APP_LOGGER } from './common/logger.js';
import { Clock } from './common/clock.js';
import { RateLimitService } from './common/rate-limit.service.js';
import { graphqlArmor } from './common/security.js';
import { formatGraphQLError } from './common/errors.js';
import { Loaders } from './common/loaders.js';
import { currentLang } from './common/request-context.js';
import type { GqlContext } from './common/context.js';
import './common/graphql-enums.js';
import { dataSourceOptions } from './database/data-source.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { clientOf } from './modules/accounts/sessions.service.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { ReferenceModule } from './modules/reference/reference.module.js';
import { OutboxModule } from './modules/outbox/outbox.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { ListingsModule } from './modules/listings/listings.module.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { OpenDataModule } from './modules/open-data/open-data.module.js';
import { DealsModule } from './modules/deals/deals.module.js';
import { HealthController } from './modules/health/health.controller.js';
import { MEILI, createMeiliClient } from './modules/search/meili.client.js';
import { SearchModule } from './modules/search/search.module.js';
import { searchIndexesOf, type SearchIndexRegistry } from './modules/search/search-index.registry.js';
import { ExpertsModule } from './modules/experts/experts.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { MatchingModule } from './modules/matching/matching.module.js';
import { SavedSearchesModule } from './modules/saved-searches/saved-searches.module.js';
import { AuditLogModule, AuditModule } from './modules/audit/audit.module.js';
import { MediaModule } from './modules/media/media.module.js';

/** Config, logger, clock and the search client: available to every module. */
@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: MEILI, useFactory: () => createMeiliClient(config) },
        Clock,
        RateLimitService,
      ],
      exports: [APP_CONFIG, APP_LOGGER, MEILI, Clock, RateLimitService],
    };
  }
}

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

/** The application's modules (besides the core, the database and GraphQL). */
export const FEATURE_MODULES = [
  OutboxModule,
  NotificationsModule,
  ReferenceModule,
  AccountsModule,
  OrganizationsModule,
  ListingsModule,
  StatsModule,
  OpenDataModule,
  DealsModule,
  SearchModule,
  ExpertsModule,
  EventsModule,
  SavedSearchesModule,
  AuditModule,
  AuditLogModule,
  MatchingModule,
  MediaModule,
];

/**
 * The search indexes the application's modules register, read from the module graph without
 * starting the application: the operator commands (reindex, drift, restore) go over these.
 */
export const appSearchIndexes = (): Promise<SearchIndexRegistry> => searchIndexesOf(FEATURE_MODULES);

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, logger),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccountsModule],
          inject: [AccountsService],
          useFactory: (accounts: AccountsService) => ({
            ...graphqlArmor(config),
            path: '/graphql',
            autoSchemaFile: config.SCHEMA_FILE ?? true,
            sortSchema: true,
            // The API is public and its contract published: introspection is on unless turned off.
            introspection: config.GRAPHQL_INTROSPECTION,
            playground: false,
            csrfPrevention: true,
            includeStacktraceInErrorResponses: !config.isProduction,
            context: async ({ req }: { req: Request }): Promise<GqlContext> => {
              const token = bearer(req);
              return {
                req,
                lang: currentLang(),
                viewer: token ? await accounts.viewerFromToken(token, clientOf(req)) : null,
                loaders: new Loaders(),
              };
            },
            formatError: (formatted, error) =>
              formatGraphQLError(formatted, error, {
                exposeDetails: !config.isProduction,
                onInternal: (err) => logger.error({ err }, 'unhandled error in a GraphQL resolver'),
              }),
          }),
        }),
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: PassToApolloFilter }],
    };
  }
}
