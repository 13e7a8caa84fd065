import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Global()
@Module({ providers: [MailerService, NotificationsService, NotificationsResolver], exports: [NotificationsService, MailerService] })
export class NotificationsModule {}
