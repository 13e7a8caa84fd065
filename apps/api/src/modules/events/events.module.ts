import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ModerationCoreModule } from '../moderation-core/moderation-core.module.js';
import { EventsService } from './events.service.js';
import { RegistrationsService } from './registrations.service.js';
import { EventRegistrationResolver, EventStepResolver, EventsResolver, MeetingRequestResolver, OrganizationEventsResolver } from './events.resolver.js';
import { MeetingsService } from './meetings.service.js';
import { MeetingSchedulerService } from './meeting-scheduler.service.js';
import { AvailabilityService } from './availability.service.js';
import { DealsModule } from '../deals/deals.module.js';
import { EventDayService } from './event-day.service.js';
import { EventReportService } from './event-report.service.js';
import { MeetingRemindersJob } from './meeting-reminders.job.js';
import { EventFilesController } from './event-files.controller.js';
import { EventMarketplaceService } from './marketplace.service.js';
import { EventMarketplaceResolver, MeetingConversationResolver, MeetingSuggestionResolver } from './marketplace.resolver.js';
import { DealEventFieldResolver, EventDayResolver, EventStaffFieldResolver, InterestEventFieldResolver, MeetingDayFieldsResolver, RegistrationCheckInResolver } from './event-day.resolver.js';

/**
 * Techmart events (issue #17): fairs, brokerage days and online sessions, a kind of moderated
 * content (event.kind.ts: draft → review → published → archived, pending revisions, audit trail,
 * the department's queue by province), their programme, and organisations' registrations as
 * exhibitors or visitors, decided by the organiser, and B2B meeting requests between approved
 * participants (meetings.service.ts), their unavailability (availability.service.ts), the
 * scheduler that places accepted meetings on slots and tables as a background job
 * (meeting-scheduler.service.ts over the pure scheduler/), and the day itself: agendas (page and
 * .ics), reminders, check-in, attendance, outcomes that become the exchange's interests and deals
 * tagged with the event, and the event's report (event-day.service.ts); the event's marketplace,
 * the matching engine's suggestions within it, and each meeting request's conversation
 * (marketplace.service.ts, meetings.service.ts).
 */
@Module({
  imports: [AccountsModule, OrganizationsModule, ModerationCoreModule, DealsModule],
  providers: [
    EventsService,
    RegistrationsService,
    MeetingsService,
    MeetingSchedulerService,
    AvailabilityService,
    EventDayService,
    EventReportService,
    MeetingRemindersJob,
    EventMarketplaceService,
    EventsResolver,
    OrganizationEventsResolver,
    EventMarketplaceResolver,
    MeetingSuggestionResolver,
    MeetingConversationResolver,
    EventStepResolver,
    EventRegistrationResolver,
    MeetingRequestResolver,
    EventDayResolver,
    MeetingDayFieldsResolver,
    RegistrationCheckInResolver,
    DealEventFieldResolver,
    InterestEventFieldResolver,
    EventStaffFieldResolver,
  ],
  controllers: [EventFilesController],
  exports: [EventsService, RegistrationsService, EventDayService],
})
export class EventsModule {}
