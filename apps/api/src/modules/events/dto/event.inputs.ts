import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsBoolean, IsOptional, Matches, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { AcrossFields, AtMostItems, BLANK_MESSAGE, NotBlank, OneOf, ProvinceCode, TechFieldCode, TechFieldCodes, TextLength, WholeNumberBetween } from '../../../common/validation.js';
import type { Localized } from '../../../common/i18n.js';
import { EventKind, ProgrammeSessionKind, RegistrationRole } from '../event.entity.js';
import { EVENT_LIMITS } from '@techport/shared';
import { contentProblems } from '../event.rules.js';

const say = (m: Localized, each = false): ValidationOptions => ({ message: () => JSON.stringify(m), each });
const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const CONTROL = { vi: 'Không được chứa ký tự điều khiển.', en: 'Must not contain control characters.' };
const OneLine = (each = false) => Matches(/^[^\u0000-\u001f\u007f]*$/, say(CONTROL, each));
const PlainText = () => Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, say(CONTROL));

const DAY = { vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'A date must look like YYYY-MM-DD.' };
const TIME = { vi: 'Giờ phải có dạng HH:MM (00:00–23:59).', en: 'A time must look like HH:MM (00:00–23:59).' };
const INSTANT = { vi: 'Thời điểm không hợp lệ (ISO 8601, vd. 2026-05-01T08:00:00+07:00).', en: 'Not a valid instant (ISO 8601, e.g. 2026-05-01T08:00:00+07:00).' };

export function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
const isTime = (v: unknown): v is string => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const isInstant = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/** A date, time or instant left empty is said to be empty, not to be of the wrong form. */
const sayFormat = (m: Localized, each = false): ValidationOptions => ({
  message: (args: { value: unknown }) => JSON.stringify(typeof args.value === 'string' && !args.value.trim() ? BLANK_MESSAGE : m),
  each,
});
const Day = (each = false) => ValidateBy({ name: 'day', validator: { validate: isDay } }, sayFormat(DAY, each));
const Time = () => ValidateBy({ name: 'time', validator: { validate: isTime } }, sayFormat(TIME));
const Instant = () => ValidateBy({ name: 'instant', validator: { validate: isInstant } }, sayFormat(INSTANT));

/** The ordered text values NotBefore compares, each with its well-formedness test and sort key. */
const ORDERED = {
  day: { valid: isDay, key: (v: string): string | number => v },
  time: { valid: isTime, key: (v: string): string | number => v },
  instant: { valid: isInstant, key: (v: string): string | number => Date.parse(v) },
};

/**
 * A cross-field rule for ordered values (days 'YYYY-MM-DD', times 'HH:MM', ISO instants): this
 * one must not come before (or, `strictly`, at or before) the sibling `other`. Either side
 * malformed is left to its own decorators. Checked in the same pass as the per-field rules.
 */
const NotBefore = (other: string, message: Localized, kind: keyof typeof ORDERED, strictly = false) =>
  ValidateBy(
    {
      name: 'notBefore',
      constraints: [other],
      validator: {
        validate: (value: unknown, args) => {
          const start = (args?.object as Record<string, unknown> | undefined)?.[other];
          const { valid, key } = ORDERED[kind];
          if (!valid(value) || !valid(start)) return true;
          return strictly ? key(value) > key(start) : key(value) >= key(start);
        },
      },
    },
    say(message),
  );

@InputType()
export class EventBreakInput {
  @Field({ description: "'HH:MM', event time zone." })
  @Time()
  startsAt: string;

  @Field({ description: "'HH:MM', after startsAt." })
  @Time()
  @NotBefore('startsAt', { vi: 'Giờ nghỉ kết thúc phải sau giờ nghỉ bắt đầu.', en: 'Must be after the break starts.' }, 'time', true)
  endsAt: string;
}

@InputType()
export class EventQuestionInput {
  @Field({ description: 'The question in Vietnamese (3–300 characters).' })
  @trim()
  @TextLength(...EVENT_LIMITS.question)
  @OneLine()
  labelVi: string;

  @Field({ description: 'The question in English (3–300 characters).' })
  @trim()
  @TextLength(...EVENT_LIMITS.question)
  @OneLine()
  labelEn: string;

  @Field({ defaultValue: false, description: 'Registrations must answer it.' })
  @IsBoolean()
  required: boolean;

  @Field({ defaultValue: false, description: 'Answered with a whole number from 1 to 100 (the number of attendees, say), checked when registering.' })
  @IsBoolean()
  numeric: boolean;
}

const KIND_REQUIRED = { vi: 'Hãy chọn loại sự kiện.', en: 'Choose the kind of event.' };

/**
 * The whole event as its organiser writes it (createEvent; updateEvent replaces the content). The
 * rules across its fields (event.rules.ts contentProblems: meeting days within the dates, breaks
 * within the day, a venue unless online…) are checked with the decorators, in one answer.
 */
@InputType()
@AcrossFields((input: EventInput) => contentProblems(input, ''))
export class EventInput {
  @Field({ description: 'Name in Vietnamese (5–200 characters); the slug is made from it.' })
  @trim()
  @TextLength(...EVENT_LIMITS.name)
  @OneLine()
  nameVi: string;

  @Field({ description: 'Name in English (5–200 characters).' })
  @trim()
  @TextLength(...EVENT_LIMITS.name)
  @OneLine()
  nameEn: string;

  @Field(() => EventKind, {
    nullable: true,
    description: "Required: when missing, BAD_USER_INPUT names input.kind together with the event's other problems, so a form shows them all at once.",
  })
  @ValidateBy({ name: 'kindRequired', validator: { validate: (v: unknown) => v != null } }, say(KIND_REQUIRED))
  kind: EventKind;

  @Field({ description: "First day, 'YYYY-MM-DD' (Asia/Ho_Chi_Minh)." })
  @Day()
  startsOn: string;

  @Field({ description: "Last day, 'YYYY-MM-DD', not before startsOn." })
  @Day()
  @NotBefore('startsOn', { vi: 'Ngày kết thúc không được trước ngày bắt đầu.', en: 'Must not be before the first day.' }, 'day')
  endsOn: string;

  @Field({ description: "The department's province (the venue's, for an event on site): the moderators covering it review the event." })
  @ProvinceCode()
  provinceCode: string;

  @Field({ defaultValue: false, description: 'An online event has no venue.' })
  @IsBoolean()
  online: boolean;

  @Field(() => String, { nullable: true, description: 'Address of the venue (5–300 characters); required unless online.' })
  @IsOptional()
  @trim()
  @TextLength(...EVENT_LIMITS.venue)
  @OneLine()
  venue?: string | null;

  @Field({ description: 'What the event is about, who should come (30–10000 characters).' })
  @trim()
  @TextLength(...EVENT_LIMITS.description)
  @PlainText()
  description: string;

  @Field(() => String, { nullable: true, description: 'The description in English (30–10000 characters); without it, the English page shows the Vietnamese one.' })
  @IsOptional()
  @trim()
  @TextLength(...EVENT_LIMITS.description)
  @PlainText()
  descriptionEn?: string | null;

  @Field(() => [String], { description: 'Fields of technology (taxonomy codes): 1 to 10.' })
  @ArrayMinSize(1, say({ vi: 'Chọn ít nhất một lĩnh vực.', en: 'Choose at least one field.' }))
  @TechFieldCodes(EVENT_LIMITS.fieldCodes)
  fieldCodes: string[];

  @Field({ description: 'When registration opens (ISO 8601 instant).' })
  @Instant()
  registrationOpensAt: string;

  @Field({ description: 'When registration closes (ISO 8601 instant), after it opens.' })
  @Instant()
  @NotBefore('registrationOpensAt', { vi: 'Hạn đăng ký phải sau thời điểm mở đăng ký.', en: 'Must be after registration opens.' }, 'instant', true)
  registrationClosesAt: string;

  @Field(() => [String], { defaultValue: [], description: "Days with B2B meetings ('YYYY-MM-DD'), within the event's dates: at most 10." })
  @AtMostItems(EVENT_LIMITS.meetingDays)
  @Day(true)
  meetingDays: string[];

  @Field({ defaultValue: '08:30', description: "Meetings start at ('HH:MM')." })
  @Time()
  dayStartsAt: string;

  @Field({ defaultValue: '17:00', description: "Meetings end at ('HH:MM'), after dayStartsAt." })
  @Time()
  @NotBefore('dayStartsAt', { vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'Must be after the start of the day.' }, 'time', true)
  dayEndsAt: string;

  @Field(() => Int, { defaultValue: 20, description: 'Length of a meeting slot in minutes (10–120).' })
  @WholeNumberBetween(...EVENT_LIMITS.slotMinutes)
  slotMinutes: number;

  @Field(() => Int, { defaultValue: 0, description: 'Meeting tables (0–1000).' })
  @WholeNumberBetween(...EVENT_LIMITS.meetingTables)
  meetingTables: number;

  @Field(() => [EventBreakInput], { defaultValue: [], description: 'Pauses in each meeting day: at most 5.' })
  @AtMostItems(EVENT_LIMITS.breaks)
  @ValidateNested({ each: true })
  @Type(() => EventBreakInput)
  breaks: EventBreakInput[];

  @Field(() => Int, { nullable: true, description: 'At most this many approved exhibitors (null: no cap).' })
  @IsOptional()
  @WholeNumberBetween(...EVENT_LIMITS.cap)
  maxExhibitors?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many approved visitors (null: no cap).' })
  @IsOptional()
  @WholeNumberBetween(...EVENT_LIMITS.cap)
  maxVisitors?: number | null;

  @Field(() => [EventQuestionInput], { defaultValue: [], description: "The organiser's extra questions on the registration form: at most 10." })
  @AtMostItems(EVENT_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => EventQuestionInput)
  questions: EventQuestionInput[];
}

@InputType()
export class EventSearchInput {
  @Field(() => String, { nullable: true, description: 'Words of the name or description, with or without diacritics.' })
  @IsOptional()
  @TextLength(0, 200)
  @OneLine()
  query?: string | null;

  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @OneOf(Object.values(EventKind))
  kind?: EventKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @ProvinceCode()
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A field code; a parent covers its children.' })
  @IsOptional()
  @TechFieldCode()
  fieldCode?: string | null;

  @Field({ defaultValue: true, description: 'Only events that have not ended (true), or past ones too: after them, the most recently ended first.' })
  @IsBoolean()
  upcoming: boolean;
}

@InputType()
export class ProgrammeSessionInput {
  @Field(() => ProgrammeSessionKind)
  @OneOf(Object.values(ProgrammeSessionKind))
  kind: ProgrammeSessionKind;

  @Field({ description: 'The title in Vietnamese (3–200 characters).' })
  @trim()
  @TextLength(...EVENT_LIMITS.sessionTitle)
  @OneLine()
  title: string;

  @Field(() => String, { nullable: true, description: 'The title in English (3–200 characters); without it, English readers see the Vietnamese one.' })
  @IsOptional()
  @trim()
  @TextLength(...EVENT_LIMITS.sessionTitle)
  @OneLine()
  titleEn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(...EVENT_LIMITS.speaker)
  @OneLine()
  speaker?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @trim()
  @TextLength(...EVENT_LIMITS.room)
  @OneLine()
  room?: string | null;

  @Field({ description: 'ISO 8601 instant, within the event’s dates.' })
  @Instant()
  startsAt: string;

  @Field({ description: 'ISO 8601 instant, after startsAt.' })
  @Instant()
  @NotBefore('startsAt', { vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'Must be after the start.' }, 'instant', true)
  endsAt: string;
}

@InputType()
export class RegistrationAnswerInput {
  @Field({ description: 'The question’s id (EventQuestion.id).' })
  @TextLength(1, 20)
  @OneLine()
  questionId: string;

  @Field()
  @trim()
  @TextLength(...EVENT_LIMITS.answer)
  @PlainText()
  answer: string;
}

@InputType()
export class EventRegistrationInput {
  @Field(() => ID)
  eventId: string;

  @Field(() => ID, { description: 'The registering organisation (the caller must be a member).' })
  organizationId: string;

  @Field(() => RegistrationRole, {
    nullable: true,
    description: 'EXHIBITOR or VISITOR. Required: when missing, BAD_USER_INPUT names input.role together with the registration\'s other problems (listings, answers), so a form shows them all at once.',
  })
  @IsOptional()
  @OneOf(Object.values(RegistrationRole))
  role?: RegistrationRole | null;

  @Field(() => [ID], { defaultValue: [], description: "Exhibitors: the organisation's published offers shown at the booth; visitors: its published demands. At most 20." })
  @AtMostItems(EVENT_LIMITS.listings)
  listingIds: string[];

  @Field(() => [RegistrationAnswerInput], { defaultValue: [], description: "Answers to the organiser's questions." })
  @AtMostItems(EVENT_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => RegistrationAnswerInput)
  answers: RegistrationAnswerInput[];
}

@InputType()
export class MeetingRequestInput {
  @Field(() => ID, { description: "The requester's approved registration (its organisation's)." })
  @NotBlank({ vi: 'Hãy chọn tổ chức của bạn.', en: 'Choose your organisation.' })
  fromRegistrationId: string;

  // Checked with the other fields (an empty choice is named beside the reason's and slots' problems, at once).
  @Field(() => ID, { description: 'The approved participant asked for a meeting.' })
  @NotBlank({ vi: 'Hãy chọn đơn vị bạn muốn gặp.', en: 'Choose whom to meet.' })
  toRegistrationId: string;

  @Field({ description: 'Why meet (10–1000 characters): what the requester hopes to discuss.' })
  @trim()
  @TextLength(10, 1000)
  @PlainText()
  reason: string;

  @Field(() => [String], { description: "1–5 proposed slot starts (ISO 8601 instants), each the start of one of the event's meeting slots." })
  @ArrayMinSize(1, say({ vi: 'Đề xuất ít nhất một khung giờ.', en: 'Propose at least one slot.' }))
  @AtMostItems(5)
  @ValidateBy({ name: 'instant', validator: { validate: isInstant } }, say(INSTANT, true))
  proposedSlots: string[];

  @Field(() => String, { nullable: true, description: "An optional first message of the meeting's conversation (1–5000 characters), seen by the two organisations only." })
  @IsOptional()
  message?: string | null;
}

@InputType({ description: "Filters of an event's marketplace." })
export class EventMarketplaceInput {
  @Field(() => String, { nullable: true, description: "Words of the organisation's name, its booth, or its listings' titles, summaries and keywords, with or without diacritics." })
  @IsOptional()
  @TextLength(0, 200)
  @OneLine()
  query?: string | null;

  @Field(() => RegistrationRole, { nullable: true })
  @IsOptional()
  @OneOf(Object.values(RegistrationRole))
  role?: RegistrationRole | null;

  @Field(() => String, { nullable: true, description: "A field code: participants with a listing in it (a parent covers its children)." })
  @IsOptional()
  @TechFieldCode()
  fieldCode?: string | null;

  @Field(() => String, { nullable: true, description: "The participant organisation's province." })
  @IsOptional()
  @ProvinceCode()
  provinceCode?: string | null;
}

/**
 * An answer to a meeting request or to a counter-proposal (respondToMeetingRequest,
 * respondToCounterProposal): accept, optionally fixing one slot, or decline with a note.
 */
@ArgsType()
export class MeetingAnswerArgs {
  @Field(() => ID)
  id: string;

  @Field()
  accept: boolean;

  @Field(() => Date, { nullable: true })
  slot?: Date | null;

  /** Required to decline (checked by MeetingsService). */
  @Field(() => String, { nullable: true })
  note?: string | null;
}
