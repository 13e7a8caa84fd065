import { registerEnumType } from '@nestjs/graphql';
import {
  DealStatus,
  InterestStatus,
  IpStatus,
  ListingKind,
  ListingStatus,
  ModerationDecision,
  OrganizationKind,
  RejectionReason,
  Role,
  SearchSort,
  TransferMode,
} from '@techport/shared';

// The contract's enums, registered once with GraphQL under their contract names.
registerEnumType(Role, { name: 'Role' });
registerEnumType(ListingKind, { name: 'ListingKind' });
registerEnumType(ListingStatus, { name: 'ListingStatus' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(TransferMode, { name: 'TransferMode' });
registerEnumType(IpStatus, { name: 'IpStatus' });
registerEnumType(ModerationDecision, { name: 'ModerationDecision' });
registerEnumType(InterestStatus, { name: 'InterestStatus' });
registerEnumType(DealStatus, { name: 'DealStatus' });
registerEnumType(SearchSort, { name: 'SearchSort' });
registerEnumType(RejectionReason, { name: 'RejectionReason', description: 'Why a moderator rejected a listing.' });

export { DealStatus, InterestStatus, IpStatus, ListingKind, ListingStatus, ModerationDecision, OrganizationKind, RejectionReason, Role, SearchSort, TransferMode };
