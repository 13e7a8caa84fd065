import type { MigrationInterface } from 'typeorm';
import { Init1795904871421 } from './1795904871421-Init.js';
import { Listings1795905039295 } from './1795905039295-Listings.js';
import { Notifications1795905159025 } from './1795905159025-Notifications.js';
import { ListingExpiry1795905214517 } from './1795905214517-ListingExpiry.js';
import { RateLimit1795905308264 } from './1795905308264-RateLimit.js';
import { Deals1795905476765 } from './1795905476765-Deals.js';
import { Experts1795905957952 } from './1795905957952-Experts.js';
import { SavedSearchesDigest1795907615104 } from './1795907615104-SavedSearchesDigest.js';
import { OutboxIndexChanges1795910000000 } from './1795910000000-OutboxIndexChanges.js';
import { RevokedTokens1795917833339 } from './1795917833339-RevokedTokens.js';
import { StaffSecurity1796361634337 } from './1796361634337-StaffSecurity.js';
import { AccountTokens1796361702573 } from './1796361702573-AccountTokens.js';
import { LinksJurisdictionContacts1796361741399 } from './1796361741399-LinksJurisdictionContacts.js';
import { UserSessions1796361746225 } from './1796361746225-UserSessions.js';
import { AccountActivationInvitations1796362289283 } from './1796362289283-AccountActivationInvitations.js';
import { SearchIndexVersion1796364090324 } from './1796364090324-SearchIndexVersion.js';
import { StatsMonthlyRollup1796364335006 } from './1796364335006-StatsMonthlyRollup.js';
import { Attachments1796372165420 } from './1796372165420-Attachments.js';
import { TechmartEvents1796374313386 } from './1796374313386-TechmartEvents.js';
import { TechmartMeetingRequests1796375352488 } from './1796375352488-TechmartMeetingRequests.js';
import { TechmartScheduler1796376000000 } from './1796376000000-TechmartScheduler.js';
import { AttachmentOwnerCleanup1796380000000 } from './1796380000000-AttachmentOwnerCleanup.js';
import { TechmartEventDay1796380000000 } from './1796380000000-TechmartEventDay.js';
import { OutboxDeliveries1796396000000 } from './1796396000000-OutboxDeliveries.js';
import { TechmartMeetingConversations1796401000000 } from './1796401000000-TechmartMeetingConversations.js';

/** Every migration, in order. Add new ones at the end (file name: <timestamp>-<Name>.ts). */
export const MIGRATIONS: Array<new () => MigrationInterface> = [Init1795904871421, Listings1795905039295, Notifications1795905159025, ListingExpiry1795905214517, RateLimit1795905308264, Deals1795905476765, Experts1795905957952, SavedSearchesDigest1795907615104, OutboxIndexChanges1795910000000, RevokedTokens1795917833339, StaffSecurity1796361634337, AccountTokens1796361702573, LinksJurisdictionContacts1796361741399, UserSessions1796361746225, AccountActivationInvitations1796362289283, SearchIndexVersion1796364090324, StatsMonthlyRollup1796364335006, Attachments1796372165420, TechmartEvents1796374313386, TechmartMeetingRequests1796375352488, TechmartScheduler1796376000000, AttachmentOwnerCleanup1796380000000, TechmartEventDay1796380000000, OutboxDeliveries1796396000000, TechmartMeetingConversations1796401000000];
