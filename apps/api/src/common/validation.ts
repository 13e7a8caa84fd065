import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { Transform, plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsUrl,
  Length,
  Max,
  Min,
  ValidateBy,
  validate,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';
import { MAX_AMOUNT_VND, PROVINCES, TECH_FIELDS } from '@techport/shared';
import { AppError, Errors } from './errors.js';
import { format, groupedNumber, type Localized } from './i18n.js';
import { unifyLineBreaksDeep } from './line-breaks.js';
import catalogue from './validation.messages.json' with { type: 'json' };

/**
 * class-validator decorators whose messages come out in the request's language. Use these on
 * @InputType classes instead of the bare ones, so every rejection names its field in vi or en.
 */
const M = catalogue satisfies Record<string, Localized>;

/** "Please fill in this field", in both languages (the storefront's own words): what every rule says of a field left empty. */
export const BLANK_MESSAGE: Localized = M.blank;

/** How many offending values a message quotes, and how much of each: an error must not echo a 5,000-item input. */
export const ECHO_LIMITS = { values: 5, chars: 40 };

const clip = (v: unknown) => {
  const text = String(v);
  return text.length > ECHO_LIMITS.chars ? `${text.slice(0, ECHO_LIMITS.chars)}…` : text;
};

/**
 * The values to quote in a message, in both languages: the first few (each clipped), then
 * "and N more". `only` narrows an array to its offending items (a list of codes names the bad ones).
 */
function echoValue(value: unknown, only?: (v: unknown) => boolean): Localized {
  if (!Array.isArray(value)) return { vi: clip(value), en: clip(value) };
  const offending = only ? value.filter(only) : value;
  const shown = offending.slice(0, ECHO_LIMITS.values).map(clip).join(', ');
  const more = offending.length - ECHO_LIMITS.values;
  return more > 0 ? format(M.andMore, { shown, more }) : { vi: shown, en: shown };
}

const grouped = groupedNumber;

const isEmptyText = (v: unknown) => typeof v === 'string' && v.trim() === '';

/**
 * A class-validator message callback that renders `message` (with params) in the request language.
 * Nothing typed gets `empty` (a length rule's "must not be empty", a code's "choose one") rather
 * than a rule that reads oddly for it ("must be 3 to 254 characters", "unknown code: .").
 */
function localized(message: Localized, params: Record<string, string | number> = {}, only?: (v: unknown) => boolean, empty: Localized = M.blank) {
  // A limit is said as the language writes numbers: "20.000 ký tự", "20,000 characters".
  const inLanguage = (lang: 'vi' | 'en') => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? grouped(v)[lang] : v]));
  const vi = inLanguage('vi');
  const en = inLanguage('en');
  return (args: { value: unknown }) => {
    if (isEmptyText(args.value)) return JSON.stringify(empty);
    const value = echoValue(args.value, only);
    const filled = { vi: format(message, { ...vi, value: value.vi }).vi, en: format(message, { ...en, value: value.en }).en };
    return JSON.stringify(filled);
  };
}

const opts = (message: Localized, params?: Record<string, string | number>, each = false, only?: (v: unknown) => boolean, empty?: Localized): ValidationOptions => ({
  message: localized(message, params, only, empty),
  each,
});

export const TextLength = (min: number, max: number) =>
  min > 0 ? Length(min, max, opts(M.length, { min, max })) : Length(0, max, opts(M.maxLength, { max }));
/**
 * Each item of a list (keywords, an expert's services) min–max characters long. The message says it
 * is about each item and quotes the offending ones: "must be 2 to 60 characters" beside a list of 25
 * keywords does not tell which one to shorten.
 */
export const EachTextLength = (min: number, max: number) => {
  const offending = (v: unknown) => typeof v === 'string' && (v.length < min || v.length > max);
  return Length(min, max, opts(M.eachLength, { min, max }, true, offending));
};
/**
 * A bound this large is no bound a person would type against ("between 1 and 9007199254740991"):
 * such a range is said as its lower end ("must be more than 0"), and the upper one only to whoever
 * passes it, with its digits grouped the language's way.
 */
const NO_PRACTICAL_MAX = 1e12;
const overMax = (max: number): Localized => ({ vi: format(M.max, { max: grouped(max).vi }).vi, en: format(M.max, { max: grouped(max).en }).en });

export const WholeNumberBetween = (min: number, max: number): PropertyDecorator => (target, key) => {
  IsInt(opts(M.int))(target, key);
  if (max >= NO_PRACTICAL_MAX) {
    Min(min, opts(min === 1 ? M.positive : M.min, { min }))(target, key);
    Max(max, opts(overMax(max)))(target, key);
    return;
  }
  Min(min, opts(M.range, { min, max }))(target, key);
  Max(max, opts(M.range, { min, max }))(target, key);
};
export const NotNegative = (max = Number.MAX_SAFE_INTEGER): PropertyDecorator => (target, key) => {
  Min(0, opts(M.min, { min: 0 }))(target, key);
  Max(max, max >= NO_PRACTICAL_MAX ? opts(overMax(max)) : opts(M.range, { min: 0, max }))(target, key);
};
/** At most MAX_AMOUNT_VND, the one bound of amounts of money, said in words ("a million billion dong"). */
export const AmountNotTooLarge = () => Max(MAX_AMOUNT_VND, opts(M.amountTooLarge));
/** Whole dong, more than 0, at most MAX_AMOUNT_VND: a deal's value. */
export const PositiveAmount = (): PropertyDecorator => (target, key) => {
  IsInt(opts(M.int))(target, key);
  Min(1, opts(M.positive))(target, key);
  AmountNotTooLarge()(target, key);
};
export const Email = () => IsEmail({}, opts(M.email));
/**
 * Text typed as a web address, read as a browser's address bar reads it: a bare host name with an
 * optional path ("thucpham.vn", "youtube.com/watch?v=…") gains https://; anything else is as typed.
 */
export function readAsWebAddress(text: string): string {
  const trimmed = text.trim();
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+([/?#]\S*)?$/u.test(trimmed) ? `https://${trimmed}` : text;
}

/**
 * A web address, http or https. One typed without its scheme ("thucpham.vn", "www.vien.edu.vn/lab")
 * is read as https, as a browser's address bar reads it; anything else must name http or https.
 */
export const WebUrl = (): PropertyDecorator => (target, key) => {
  Transform(({ value }) => (typeof value === 'string' ? readAsWebAddress(value) : value))(target, key);
  IsUrl({ protocols: ['http', 'https'], require_protocol: true }, opts(M.url))(target, key);
};
export const AtMostItems = (max: number) => ArrayMaxSize(max, opts(M.arrayMax, { max }));
export const OneOf = (values: readonly string[], each = false) => {
  const allowed = new Set<unknown>(values);
  return IsIn([...values], opts(M.oneOf, {}, each, (v) => !allowed.has(v), M.choose));
};

const TECH_FIELD_CODES = TECH_FIELDS.map((f) => f.code);
const PROVINCE_CODES = PROVINCES.map((p) => p.code);

/** A taxonomy code (see the techFields query). */
export const TechFieldCode = () => OneOf(TECH_FIELD_CODES);
/** A province code (see the provinces query). */
export const ProvinceCode = () => OneOf(PROVINCE_CODES);

/** A list of at most `max` codes, each one of `values` (the unknown ones are named). */
const CodeList = (values: readonly string[], max: number): PropertyDecorator => (target, key) => {
  OneOf(values, true)(target, key);
  AtMostItems(max)(target, key);
};
/** At most `max` taxonomy codes. */
export const TechFieldCodes = (max: number) => CodeList(TECH_FIELD_CODES, max);
/** At most `max` province codes. */
export const ProvinceCodes = (max: number) => CodeList(PROVINCE_CODES, max);

/**
 * A cross-field rule: this text must not contain the sibling `other` (a password holding the
 * e-mail address), ignoring case and surrounding spaces. Checked with the per-field rules.
 */
export const NotContaining = (other: string, message: Localized) =>
  ValidateBy(
    {
      name: 'notContaining',
      constraints: [other],
      validator: {
        validate: (value: unknown, args) => {
          const part = (args?.object as Record<string, unknown> | undefined)?.[other];
          if (typeof value !== 'string' || typeof part !== 'string' || !part.trim()) return true;
          return !value.toLowerCase().includes(part.trim().toLowerCase());
        },
      },
    },
    opts(message),
  );

/** Text that is not only spaces (TextLength counts spaces; a name of three spaces is no name). */
export const NotBlank = (message: Localized = M.blank) =>
  ValidateBy({ name: 'notBlank', validator: { validate: (value: unknown) => typeof value !== 'string' || value.trim().length > 0 } }, opts(message));

/**
 * A cross-field rule: this number must not be below the sibling `other` (priceMax ≥ priceMin,
 * trlMax ≥ trlMin). It is a class-validator constraint like the per-field ones, so it is checked
 * in the same pass and a request with a short title, a TRL out of range and prices the wrong way
 * round gets one BAD_USER_INPUT naming all three fields, instead of answering in rounds. Either
 * side missing (or not a number: its own decorators report it) means there is nothing to compare.
 * `message` may depend on the input (an offer's "to" price, a demand's maximum budget).
 */
export const NotBelow = (other: string, message: Localized | ((input: Record<string, unknown>) => Localized)) =>
  ValidateBy(
    {
      name: 'notBelow',
      constraints: [other],
      validator: {
        validate: (value: unknown, args) => {
          const min = (args?.object as Record<string, unknown> | undefined)?.[other];
          return typeof value !== 'number' || typeof min !== 'number' || !Number.isFinite(min) || value >= min;
        },
      },
    },
    typeof message === 'function'
      ? { message: (args) => localized(message((args.object ?? {}) as Record<string, unknown>))(args) }
      : opts(message),
  );

/**
 * Rules across several fields of an input that one decorator cannot say (each problem at its own
 * path, relative to the argument: `breaks.0`), checked in the same pass as the decorators, so a
 * request gets one BAD_USER_INPUT naming every problem. A rule must skip what is malformed (its
 * fields' decorators name that); a path the decorators already named keeps their message.
 */
type AcrossFieldsRule = (input: never) => Record<string, Localized>;
const ACROSS_FIELDS = new WeakMap<object, AcrossFieldsRule>();
export const AcrossFields =
  <T>(rule: (input: T) => Record<string, Localized>): ClassDecorator =>
  (target) => {
    ACROSS_FIELDS.set(target, rule as AcrossFieldsRule);
  };

function collect(errors: ValidationError[], prefix: string, out: Record<string, Localized>) {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const first = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (first) out[path] = parseMessage(first);
    if (e.children?.length) collect(e.children, path, out);
  }
}

function parseMessage(raw: string): Localized {
  try {
    const parsed = JSON.parse(raw) as Localized;
    if (parsed && typeof parsed.vi === 'string') return parsed;
  } catch {
    // a bare class-validator message (a decorator used without our wrapper)
  }
  return { vi: raw, en: raw };
}

/**
 * Cleans and validates what a client sends: every string in it has its line breaks unified to
 * "\n" (a textarea's "\r\n" and the published "\n" are the same text; see common/line-breaks.ts),
 * in inputs and in bare arguments (a message's body) alike; then every @Args class is checked
 * against its decorators, each offending field reported by the path the client sent
 * ("input.title"), as the contract's BAD_USER_INPUT wants.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(sent: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what the client sent: GraphQL arguments (Nest's GqlParamtype.ARGS is 3) and HTTP
    // bodies/queries. A field resolver's @Parent is our own object: validating (and copying) it
    // on every field cost a tenth of the API's CPU in the search benchmark.
    const type = metadata.type as unknown;
    if (type !== 3 && type !== 'body' && type !== 'query') return sent;
    const value = unifyLineBreaksDeep(sent);
    const metatype = metadata.metatype;
    if (!metatype || value == null || typeof value !== 'object' || [String, Number, Boolean, Array, Object].includes(metatype as never)) {
      return value;
    }
    const instance = plainToInstance(metatype as new () => object, value);
    const errors = await validate(instance, { forbidUnknownValues: false, skipMissingProperties: false });
    const fields: Record<string, Localized> = {};
    const prefix = metadata.data ?? '';
    collect(errors, prefix, fields);
    const across = ACROSS_FIELDS.get(metatype as object);
    if (across) {
      for (const [path, message] of Object.entries(across(instance as never))) fields[prefix ? `${prefix}.${path}` : path] ??= message;
    }
    if (Object.keys(fields).length > 0) throw Errors.badInput(fields);
    return instance;
  }
}

export { AppError };
