import { DataSource } from 'typeorm';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, registerUser } from './support/graphql.js';

/**
 * Hostile input: thousands of generated arguments (random Vietnamese, very long strings, control
 * characters, SQL and HTML fragments, wrong types, huge and negative numbers, unknown enum values)
 * sent to every query and mutation of the API's schema (a superset of the public contract), as an
 * anonymous caller and as a logged-in member. No answer may be a 500 or an INTERNAL_SERVER_ERROR,
 * every BAD_USER_INPUT must name its fields, and the database must still satisfy its rules.
 * The generator is seeded, so a failure repeats. 40 cases a field (5,000-odd requests): the whole
 * suite must stay well inside its time budget on two cores; FUZZ_CASES=200 (or another FUZZ_SEED)
 * digs deeper by hand.
 */
const CASES_PER_FIELD = Number(process.env.FUZZ_CASES ?? 40);
const schema = buildSchema(readFileSync(join(process.cwd(), 'apps/api/schema.gql'), 'utf8'));

let seed = Number(process.env.FUZZ_SEED ?? 20261128);
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const STRINGS = [
  '',
  ' ',
  'Máy sấy bơm nhiệt cho nông sản',
  'say lanh nong san',
  'Công nghệ xử lý nước thải chế biến thủy sản quy mô nhỏ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE listing; --",
  "' OR '1'='1",
  '\u0000\u0001\u0002\u001b[31m',
  '\uD800',
  '𝓣𝓮𝓬𝓱 🚀🇻🇳',
  'a'.repeat(100_000),
  'đ'.repeat(501),
  '../../etc/passwd',
  '{"$gt": ""}',
  'ha-noi',
  'tay-ninh',
  '102',
  '00000000-0000-4000-8000-000000000000',
  'x@y',
  'nguyen.van.a@example.vn',
  'https://example.vn',
  'javascript:alert(1)',
  '%00%27',
  '\n\r\t',
];
const NUMBERS = [0, -1, 1, 5, 9, 10, 100, -2147483648, 2147483647, 2147483648, 1e15, 9007199254740993, -1e308, 1e308, 0.5, 12345678901];

function value(type: GraphQLInputType, depth = 0): unknown {
  if (rand() < 0.05) return null;
  if (isNonNullType(type)) return value(type.ofType, depth);
  if (isListType(type)) {
    if (rand() < 0.1) return pick(STRINGS);
    const n = pick([0, 1, 2, 3, 25]);
    return Array.from({ length: n }, () => value(type.ofType, depth + 1));
  }
  // Wrong types now and then: the API must refuse them cleanly.
  if (rand() < 0.08) return pick<unknown>([pick(STRINGS), pick(NUMBERS), true, {}, []]);
  if (isEnumType(type)) return rand() < 0.8 ? pick(type.getValues()).name : pick(['UNKNOWN', 'admin', '', 'PUBLISHED; --']);
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (rand() < 0.85) out[f.name] = value(f.type, depth + 1);
    if (rand() < 0.05) out.unexpectedField = 'x';
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return pick(NUMBERS);
      case 'Boolean':
        return rand() < 0.5;
      case 'DateTime':
        return pick(['2026-11-28T00:00:00Z', 'yesterday', '', '9999-99-99']);
      default:
        return pick(STRINGS);
    }
  }
  return null;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a: GraphQLArgument) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? ' { __typename }' : '';
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

let t: TestApp;
let member: Client;
let anonymous: Client;

beforeAll(async () => {
  t = await startTestApp();
  anonymous = new Client(t.url);
  member = (await registerUser(anonymous, 'Người thử nghiệm ngẫu nhiên')).client;
});
afterAll(() => t.close());

const fields = [
  ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
  ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
];

describe('hostile input', () => {
  it.each(fields.map(([kind, f]) => [`${kind} ${f.name}`, kind, f] as const))('%s never fails with a 500 and names the field of bad input', async (_name, kind, field) => {
    const query = operationFor(kind, field);
    const failures: string[] = [];
    for (let i = 0; i < CASES_PER_FIELD; i++) {
      const variables = Object.fromEntries(field.args.map((a) => [a.name, value(a.type)]));
      const client = i % 2 === 0 ? member : anonymous;
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': i % 3 === 0 ? 'en' : 'vi', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: { errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string> } }[] };
      try {
        body = JSON.parse(text);
      } catch {
        failures.push(`status ${res.status}, not JSON: ${text.slice(0, 200)}`);
        continue;
      }
      if (res.status >= 500) failures.push(`status ${res.status}: ${text.slice(0, 300)}`);
      for (const e of body.errors ?? []) {
        const code = e.extensions?.code;
        if (!code || code === 'INTERNAL_SERVER_ERROR') failures.push(`${code ?? 'no code'}: ${e.message.slice(0, 300)} for ${JSON.stringify(variables).slice(0, 300)}`);
        if (code === 'BAD_USER_INPUT' && Object.keys(e.extensions?.fields ?? {}).length === 0) failures.push(`BAD_USER_INPUT without fields: ${e.message.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves the database holding only what its rules allow', async () => {
    const ds = t.app.get(DataSource);
    const checks: [string, string][] = [
      ['listing title length', `SELECT count(*)::int AS n FROM listing WHERE char_length(title) NOT BETWEEN 10 AND 200`],
      ['listing summary length', `SELECT count(*)::int AS n FROM listing WHERE char_length(summary) > 500`],
      ['listing TRL range', `SELECT count(*)::int AS n FROM listing WHERE trl IS NOT NULL AND trl NOT BETWEEN 1 AND 9`],
      ['listing prices', `SELECT count(*)::int AS n FROM listing WHERE price_min < 0 OR price_max < 0 OR price_min > price_max`],
      ['listing keywords', `SELECT count(*)::int AS n FROM listing WHERE cardinality(keywords) > 20`],
      ['listing field codes', `SELECT count(*)::int AS n FROM listing l WHERE EXISTS (SELECT 1 FROM unnest(l.field_codes) c WHERE c NOT IN (SELECT code FROM tech_field))`],
      ['organisation names', `SELECT count(*)::int AS n FROM organization WHERE char_length(name) NOT BETWEEN 3 AND 200`],
      ['user e-mails', `SELECT count(*)::int AS n FROM app_user WHERE email !~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' OR email <> lower(email)`],
      ['control characters in names', `SELECT count(*)::int AS n FROM organization WHERE name ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f]'`],
    ];
    const broken: string[] = [];
    for (const [name, sql] of checks) {
      const [{ n }] = await ds.query(sql);
      if (n > 0) broken.push(`${name}: ${n}`);
    }
    expect(broken).toEqual([]);
  });
});
