/**
 * Limits of the fields people write: the API validates input against them and the storefront's
 * forms show them (maxlength), so the two always agree. A pair is [min, max] characters or
 * values; a lone number is a maximum count.
 */

/**
 * The largest amount of money anything states, in dong: a listing's price or budget, a deal's value
 * (and a Techmart meeting's), the search's price filter. 10^15 VND (a million billion dong): far
 * above any transfer, and exact as a JS number.
 */
export const MAX_AMOUNT_VND = 1_000_000_000_000_000;

/** Limits of every listing field. */
export const LISTING_LIMITS = {
  title: [10, 200],
  summary: [10, 500],
  description: [30, 20_000],
  specification: 20_000,
  advantages: 5_000,
  fieldCodes: 10,
  keywords: 20,
  keyword: [2, 60],
  transferModes: 7,
  mediaUrls: 20,
  mediaUrl: 500,
  maxPrice: MAX_AMOUNT_VND,
} as const;

/** Limits of every profile field. */
export const EXPERT_LIMITS = {
  fullName: [2, 120],
  headline: [10, 200],
  bio: [30, 5_000],
  fieldCodes: 10,
  services: 20,
  service: [2, 200],
  pastTransfers: 30,
  pastTransfer: [5, 500],
} as const;

/** Limits of every event field. */
export const EVENT_LIMITS = {
  name: [5, 200],
  venue: [5, 300],
  description: [30, 10_000],
  fieldCodes: 10,
  meetingDays: 10,
  slotMinutes: [10, 120],
  meetingTables: [0, 1000],
  breaks: 5,
  cap: [1, 100_000],
  questions: 10,
  question: [3, 300],
  answer: [0, 2_000],
  /** A numeric question's answer (a count: attendees, items brought): a whole number in this range. */
  numericAnswer: [1, 100],
  sessionTitle: [3, 200],
  speaker: [2, 200],
  room: [1, 100],
  listings: 20,
  booth: [1, 40],
  note: [0, 2_000],
} as const;

/** A note on a deal step (an answer, a review, a cancellation's reason): at most this many characters. */
export const DEAL_NOTE_MAX = 2000;

/**
 * The review-time target: the department decides a submission within this many days. Submitters
 * are told it (the storefront's notice after "submit"); the department's dashboard measures
 * decisions and the waiting queue against it.
 */
export const REVIEW_TARGET_DAYS = 3;
