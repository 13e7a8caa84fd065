import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountByKeyType } from './stats.types.js';
import { ModeratedKind } from '../moderation-core/review-queue.resolver.js';
import type { ModeratedKindCode } from '../moderation-core/moderated-kind.js';
import { SubFieldCountType } from './field-breakdown.js';

@ObjectType('StatsMonth', { description: 'One month of the market figures (Vietnam time); months without activity are zeros.' })
export class StatsMonthType {
  @Field({ description: 'YYYY-MM.' })
  month: string;

  @Field({ description: "The month's name in the request's language." })
  label: string;

  @Field(() => Int, { description: 'Listings published that month, by the date of their latest publication (offers and demands).' })
  listingsPublished: number;

  @Field(() => Int)
  offersPublished: number;

  @Field(() => Int, { description: 'Demands posted (published) that month.' })
  demandsPublished: number;

  @Field(() => Int, { description: 'Interests raised that month.' })
  interests: number;

  @Field(() => Int, { description: 'Deals proposed that month, whatever became of them.' })
  dealsProposed: number;

  @Field(() => Int, { description: 'Deals the department approved that month (still approved, signed or completed).' })
  dealsApproved: number;

  @Field(() => Float, { description: 'Value of those approved deals, whole VND.' })
  dealValueApproved: number;

  @Field(() => Int, { description: "Of the approved deals, those made at a Techmart (out of an event's meeting)." })
  dealsApprovedAtTechmarts: number;

  @Field(() => Float, { description: 'Their value, whole VND.' })
  dealValueApprovedAtTechmarts: number;
}

@ObjectType('StatsTotals', { description: 'The figures of a whole period.' })
export class StatsTotalsType {
  @Field(() => Int) listingsPublished: number;
  @Field(() => Int) offersPublished: number;
  @Field(() => Int) demandsPublished: number;
  @Field(() => Int) interests: number;
  @Field(() => Int) dealsProposed: number;
  @Field(() => Int) dealsApproved: number;
  @Field(() => Float) dealValueApproved: number;
  @Field(() => Int, { description: "Approved deals made at a Techmart (out of an event's meeting): a part of dealsApproved." }) dealsApprovedAtTechmarts: number;
  @Field(() => Float, { description: 'Their value, whole VND.' }) dealValueApprovedAtTechmarts: number;

  @Field(() => Int, { description: 'Interests raised in the period that led to an approved deal.' })
  interestsConverted: number;

  @Field(() => Float, { nullable: true, description: 'interestsConverted / interests (0–1); null without interests.' })
  interestToDealRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days from publication to the first interest, for listings published in the period that got one.' })
  medianDaysToFirstInterest: number | null;

  @Field(() => Int, { description: 'Listings published in the period that got an interest (the median counts these).' })
  listingsWithInterest: number;

  @Field(() => Float, { nullable: true, description: 'Median days in moderation: from submission to the decision, for decisions taken in the period.' })
  medianDaysInModeration: number | null;

  @Field(() => Int, { description: 'Moderation decisions taken in the period (listings and revisions).' })
  moderationDecisions: number;
}

@ObjectType('DealStageFigure')
export class DealStageFigureType {
  @Field({ description: 'DealStatus.' })
  stage: string;

  @Field()
  label: string;

  @Field(() => Int, { description: 'Deals proposed in the period that are at this stage now.' })
  count: number;

  @Field(() => Float, { description: 'Their value, whole VND.' })
  value: number;
}

@ObjectType('MarketFigures', {
  description:
    'The market over a period of whole months, from the monthly rollup (refreshed by the worker every STATS_REFRESH_SECONDS, 300 by default), with the period of the same length before it for comparison.',
})
export class MarketFiguresType {
  @Field({ description: 'First month, YYYY-MM.' }) from: string;
  @Field({ description: 'Last month, YYYY-MM (inclusive).' }) to: string;
  @Field() previousFrom: string;
  @Field() previousTo: string;

  @Field(() => Date, { nullable: true, description: 'When the rollup these figures come from was last refreshed; null before its first refresh.' })
  refreshedAt: Date | null;

  @Field(() => Int, { description: 'How often the rollup is refreshed (STATS_REFRESH_SECONDS): the figures are at most this many seconds behind the exchange.' })
  refreshEverySeconds: number;

  @Field(() => [StatsMonthType], { description: 'Every month of the period, oldest first, zeros included.' })
  months: StatsMonthType[];

  @Field(() => StatsTotalsType)
  totals: StatsTotalsType;

  @Field(() => StatsTotalsType, { description: 'The same figures for the previous period.' })
  previous: StatsTotalsType;

  @Field(() => [DealStageFigureType], { description: 'Deals proposed in the period by their stage now, in workflow order.' })
  dealsByStage: DealStageFigureType[];

  @Field(() => [CountByKeyType], {
    description: 'Listings published in the period by top-level field of technology, most first: each listing counted once per top-level field, whichever of its sub-fields it is in.',
  })
  byField: CountByKeyType[];

  @Field(() => [SubFieldCountType], {
    description: 'The same listings by sub-field (a sub-field counting its own children), grouped by top-level field in the order of byField, most first within it.',
  })
  bySubField: SubFieldCountType[];

  @Field(() => [CountByKeyType], { description: 'Listings published in the period by province, most first.' })
  byProvince: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: "Listings published in the period by their organisation's kind, most first." })
  byOrganizationKind: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: "Listings published in the period by TRL (key '1'–'9', '' for not stated), in TRL order." })
  byTrl: CountByKeyType[];
}

@ObjectType('ReviewerFigure')
export class ReviewerFigureType {
  @Field(() => ID, { nullable: true }) reviewerId: string | null;
  @Field() name: string;
  @Field(() => Int) decisions: number;
  @Field(() => Float, { nullable: true }) medianDays: number | null;
  @Field(() => Int, { description: 'Decisions taken within the review-time target.' }) withinTarget: number;
}

@ObjectType('ModerationKindFigure', { description: 'The review queue and the decisions of one moderated kind (listings, expert profiles, events).' })
export class ModerationKindFigureType {
  @Field(() => ModeratedKind) kind: ModeratedKindCode;
  @Field() label: string;
  @Field(() => Int, { description: 'Waiting for review now (submissions and revisions).' }) waiting: number;
  @Field(() => Int, { description: 'Of those, waiting longer than the target.' }) overTarget: number;
  @Field(() => Float, { nullable: true, description: 'Days the oldest waits.' }) oldestDays: number | null;
  @Field(() => Int, { description: 'Decisions in the period.' }) decisions: number;
  @Field(() => Float, { nullable: true, description: 'Median days from submission to decision.' }) medianDays: number | null;
  @Field(() => Int, { description: 'Decisions taken within the review-time target.' }) withinTarget: number;
}

@ObjectType('DashboardItem', { description: 'Something on the department’s desk, linked by id (and slug where it has a page).' })
export class DashboardItemType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) slug: string | null;
  @Field() title: string;
  @Field() provinceCode: string;
  @Field(() => Date, { description: 'Expiring listings: when they expire; organisations: registered; deals: sent for review.' })
  at: Date;
}

@ObjectType('DepartmentDashboard', { description: "The department's desk, within the viewer's jurisdiction." })
export class DepartmentDashboardType {
  @Field(() => [String], { nullable: true, description: 'Provinces covered; null = every province.' })
  provinceCodes: string[] | null;

  @Field(() => Int, { description: 'The review-time target shown to submitters, in days.' })
  reviewTargetDays: number;

  @Field(() => Int, { description: 'Listings, expert profiles and events (submissions and revisions) waiting for review now.' })
  queueWaiting: number;

  @Field(() => Int, { description: 'Of those, waiting longer than the target.' })
  queueOverTarget: number;

  @Field(() => Float, { nullable: true, description: 'Days the oldest waits.' })
  queueOldestDays: number | null;

  @Field(() => [CountByKeyType], { description: "The queue by age: keys 'lt1', '1to3', '3to7', 'gt7' (days)." })
  queueByAge: CountByKeyType[];

  @Field(() => Int, { description: 'Decisions in the period on every moderated kind.' }) decisions: number;
  @Field(() => Float, { nullable: true }) medianDecisionDays: number | null;
  @Field(() => Int) decisionsWithinTarget: number;

  @Field(() => [ReviewerFigureType], { description: 'Who reviewed how many in the period (every moderated kind), most first.' })
  reviewers: ReviewerFigureType[];

  @Field(() => [ModerationKindFigureType], { description: 'The queue and the decisions by moderated kind: listings, expert profiles, events.' })
  moderationByKind: ModerationKindFigureType[];

  @Field(() => Int) expiringSoonCount: number;
  @Field(() => [DashboardItemType], { description: 'Published listings expiring within 14 days, soonest first (at most 10).' })
  expiringSoon: DashboardItemType[];

  @Field(() => Int) organizationsAwaitingVerificationCount: number;
  @Field(() => [DashboardItemType], { description: 'Organisations not verified yet, oldest first (at most 10).' })
  organizationsAwaitingVerification: DashboardItemType[];

  @Field(() => Int) dealsAwaitingReviewCount: number;
  @Field(() => [DashboardItemType], { description: 'Deals under review, oldest first (at most 10).' })
  dealsAwaitingReview: DashboardItemType[];

  @Field(() => MarketFiguresType, { description: 'The market figures of the jurisdiction.' })
  market: MarketFiguresType;
}
