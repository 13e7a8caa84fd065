import { UserEntity } from '../modules/accounts/user.entity.js';
import { UserSessionEntity } from '../modules/accounts/user-session.entity.js';
import { AccountTokenEntity } from '../modules/accounts/account-token.entity.js';
import { OrganizationInvitationEntity } from '../modules/organizations/invitation.entity.js';
import { OrganizationEntity, OrganizationMemberEntity } from '../modules/organizations/organization.entity.js';
import { ProvinceEntity, TechFieldEntity } from '../modules/reference/reference.entity.js';
import { OutboxDeliveryEntity, OutboxEventEntity } from '../modules/outbox/outbox.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { ListingEntity, LISTING_TRAIL } from '../modules/listings/listing.entity.js';
import { ListingViewEntity, ListingViewSaltEntity } from '../modules/listings/listing-view.entity.js';
import { InterestEntity, MessageEntity } from '../modules/deals/interest.entity.js';
import { DealEntity, DealEventEntity } from '../modules/deals/deal.entity.js';
import { ExpertContactEntity, ExpertMessageEntity, ExpertProfileEntity, EXPERT_TRAIL } from '../modules/experts/expert.entity.js';
import { EventEntity, EventRegistrationEntity, EVENT_TRAIL, MeetingRequestEntity, ProgrammeSessionEntity, ScheduleRunEntity, UnavailabilityEntity } from '../modules/events/event.entity.js';
import { MeetingRecordEntity, MeetingReminderEntity } from '../modules/events/event-day.entity.js';
import { RecoveryCodeEntity } from '../modules/second-factor/recovery-code.entity.js';
import { StaffAuditEntryEntity } from '../modules/audit/staff-audit.entity.js';
import { SavedSearchEntity } from '../modules/saved-searches/saved-search.entity.js';
import { SearchIndexVersionEntity } from '../modules/search/index-version.entity.js';

/** Every entity of the API; migrations must create exactly what these describe (a test checks). */
import { AttachmentEntity } from '../modules/media/attachment.entity.js';

export const ENTITIES = [ProvinceEntity, TechFieldEntity, UserEntity, OrganizationEntity, OrganizationMemberEntity, OutboxEventEntity, OutboxDeliveryEntity, NotificationEntity, ListingEntity, LISTING_TRAIL.entity, InterestEntity, MessageEntity, DealEntity, DealEventEntity, ExpertProfileEntity, EXPERT_TRAIL.entity, ExpertContactEntity, ExpertMessageEntity, SavedSearchEntity, UserSessionEntity, AccountTokenEntity, OrganizationInvitationEntity, SearchIndexVersionEntity, RecoveryCodeEntity, StaffAuditEntryEntity, AttachmentEntity, EventEntity, EVENT_TRAIL.entity, ProgrammeSessionEntity, EventRegistrationEntity, MeetingRequestEntity, ScheduleRunEntity, UnavailabilityEntity, MeetingRecordEntity, MeetingReminderEntity, ListingViewEntity, ListingViewSaltEntity];
