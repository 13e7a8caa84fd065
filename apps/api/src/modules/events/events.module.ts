import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ModerationCoreModule } from '../moderation-core/moderation-core.module.js';
import { EventsService } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';
import { EventRegistrationResolver, EventStepResolver, EventsResolver, MeetingRequestResolver } from './events.resolver.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingSchedulerService } from './meeting-scheduler.service.js';
import { AvailabilityService } from './availability.service.js';

/**
 * Techmart events (issue #17): fairs, brokerage days and online sessions, a kind of moderated
 * content (event.kind.ts: draft → review → published → archived, pending revisions, audit trail,
 * the department's queue by province), their programme, and organisations' registrations as
 * exhibitors or visitors, decided by the organiser, and B2B meeting requests between approved
 * participants (meetings.service.ts), their unavailability (availability.service.ts), and the
 * scheduler that places accepted meetings on slots and tables as a background job
 * (meeting-scheduler.service.ts over the pure scheduler/).
 */
@Module({
  imports: [AccountsModule, OrganizationsModule, ModerationCoreModule],
  providers: [EventsService, RegistrationsService, MeetingsService, MeetingSchedulerService, AvailabilityService, EventsResolver, EventStepResolver, EventRegistrationResolver, MeetingRequestResolver],
  exports: [EventsService, RegistrationsService],
})
export class EventsModule {}
