// Generates the storefront's GraphQL types from the API's schema (apps/api/schema.gql, written by
// `npm run schema`): src/lib/graphql/types.ts (schema and operation types, by graphql-codegen's
// typescript + typescript-operations plugins) and src/lib/graphql/documents.ts (each operation of
// src/lib/graphql/operations/*.graphql as a typed document for src/lib/server/api.ts).
//
// While a module is being built, operations written against parts the API does not offer yet can
// be typed from optional supplements in src/lib/graphql/schema/*.graphql (there are none now: the
// API implements the whole contract). At run time an operation the API does not know fails its
// validation and the page shows its "coming soon" state (see api.ts: ApiUnavailableError).
//
// Usage: node apps/web/scripts/codegen.mjs [--check] [--strict]
//   --check: fail if the output is stale; --strict: fail when an operation does not match the schema
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  TypeInfo,
  buildASTSchema,
  visitWithTypeInfo,
  parse,
  print,
  printSchema,
  validate,
  visit,
} from 'graphql';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(WEB, '..', '..');
const GRAPHQL_DIR = join(WEB, 'src', 'lib', 'graphql');
const API_SCHEMA = join(ROOT, 'apps', 'api', 'schema.gql');
// Optional: only while the API lacks parts the storefront is written against (none today).
const SUPPLEMENTS = ['contract.graphql', 'pending.graphql'].map((f) => join(GRAPHQL_DIR, 'schema', f)).filter((f) => existsSync(f));

/** Definitions by name, for a document of type system definitions. */
function definitionsOf(doc) {
  const out = new Map();
  for (const def of doc.definitions) if ('name' in def && def.name) out.set(def.name.value, def);
  return out;
}

/**
 * The API's schema with what it lacks taken from the supplements: missing types, missing fields
 * of object and input types, missing arguments of existing fields, missing enum values.
 */
export function mergedSchemaDocument(apiSdl, supplementSdls) {
  const api = parse(apiSdl);
  const defs = definitionsOf(api);
  const added = [];
  for (const sdl of supplementSdls) {
    for (const def of parse(sdl).definitions) {
      if (!('name' in def) || !def.name) continue;
      const name = def.name.value;
      const have = defs.get(name);
      if (!have) {
        defs.set(name, def);
        added.push(name);
        continue;
      }
      if (have.kind !== def.kind) continue;
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        const fields = [...(have.fields ?? [])];
        for (const f of def.fields ?? []) {
          const existing = fields.find((x) => x.name.value === f.name.value);
          if (!existing) {
            fields.push(f);
            added.push(`${name}.${f.name.value}`);
          } else if (f.arguments?.length) {
            const args = [...(existing.arguments ?? [])];
            for (const a of f.arguments) {
              if (!args.some((x) => x.name.value === a.name.value)) {
                args.push(a);
                added.push(`${name}.${f.name.value}(${a.name.value})`);
              }
            }
            fields[fields.indexOf(existing)] = { ...existing, arguments: args };
          }
        }
        defs.set(name, { ...have, fields });
      } else if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
        const values = [...(have.values ?? [])];
        for (const v of def.values ?? []) if (!values.some((x) => x.name.value === v.name.value)) values.push(v);
        defs.set(name, { ...have, values });
      }
    }
  }
  const unnamed = api.definitions.filter((d) => !('name' in d) || !d.name);
  return { document: { kind: Kind.DOCUMENT, definitions: [...unnamed, ...defs.values()] }, added };
}

function loadOperations() {
  const dir = join(GRAPHQL_DIR, 'operations');
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  const operations = [];
  const fragments = new Map();
  for (const file of files) {
    const doc = parse(readFileSync(join(dir, file), 'utf8'));
    for (const def of doc.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(def.name.value)) throw new Error(`fragment ${def.name.value} is defined twice`);
        fragments.set(def.name.value, def);
      } else if (def.kind === Kind.OPERATION_DEFINITION) {
        if (!def.name) throw new Error(`${file}: every operation needs a name`);
        if (operations.some((o) => o.def.name.value === def.name.value)) throw new Error(`operation ${def.name.value} is defined twice`);
        operations.push({ file, def });
      }
    }
  }
  return { operations, fragments };
}

/** The fragments an operation uses, transitively. */
function fragmentsUsed(node, fragments, seen = new Set()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name)) return;
      const frag = fragments.get(name);
      if (!frag) throw new Error(`unknown fragment ${name}`);
      seen.add(name);
      fragmentsUsed(frag, fragments, seen);
    },
  });
  return seen;
}

/** What the API's own schema defines: "Type.field" and "Type.field(argument)", for object and input types. */
export function schemaFields(apiSdl) {
  const out = new Set();
  if (!apiSdl) return out;
  for (const def of parse(apiSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) continue;
    for (const f of def.fields ?? []) {
      out.add(`${def.name.value}.${f.name.value}`);
      for (const a of f.arguments ?? []) out.add(`${def.name.value}.${f.name.value}(${a.name.value})`);
    }
  }
  return out;
}

/** The fields and arguments a document selects that the API's schema lacks. */
function missingFields(schema, doc, apiFields) {
  const typeInfo = new TypeInfo(schema);
  const missing = new Set();
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        const key = `${parent.name}.${node.name.value}`;
        if (!apiFields.has(key)) missing.add(key);
        for (const arg of node.arguments ?? []) if (!apiFields.has(`${key}(${arg.name.value})`)) missing.add(`${key}(${arg.name.value})`);
      },
    }),
  );
  return [...missing].sort();
}

const HEADER = '// GENERATED by apps/web/scripts/codegen.mjs from apps/api/schema.gql: do not edit.\n/* eslint-disable */\n';

export async function generate({ check = false, strict = false } = {}) {
  const apiSdl = existsSync(API_SCHEMA) ? readFileSync(API_SCHEMA, 'utf8') : '';
  const { document: schemaDoc, added } = mergedSchemaDocument(apiSdl || 'type Query { _empty: Boolean }', SUPPLEMENTS.map((f) => readFileSync(f, 'utf8')));
  const schema = buildASTSchema(schemaDoc, { assumeValidSDL: false });
  const { operations, fragments } = loadOperations();

  const apiFields = schemaFields(apiSdl);
  const documents = [];
  const problems = [];
  for (const { file, def } of operations) {
    const used = fragmentsUsed(def, fragments);
    const doc = { kind: Kind.DOCUMENT, definitions: [def, ...[...used].map((n) => fragments.get(n))] };
    const errors = validate(schema, doc).map((e) => e.message);
    for (const e of errors) problems.push(`${file} ${def.name.value}: ${e}`);
    // An operation that no longer matches the schema (the API renamed something) must not break
    // the build: it is left untyped (the type check names it) and unavailable at run time.
    const missing = errors.length ? errors.map((e) => `invalid: ${e}`) : missingFields(schema, doc, apiFields);
    documents.push({ location: join('operations', file), document: doc, def, used, missing, valid: errors.length === 0 });
  }
  if (problems.length) {
    const text = `GraphQL operations that do not match the schema (left unavailable):\n  ${problems.join('\n  ')}`;
    if (strict) throw new Error(text);
    console.warn(`[codegen] ${text}`);
  }

  const types = await codegen({
    schema: parse(printSchema(schema)),
    schemaAst: schema,
    documents: documents.filter((d) => d.valid).map((d) => ({ location: d.location, document: d.document })),
    filename: 'types.ts',
    config: {
      scalars: { DateTime: 'string' },
      enumsAsTypes: true,
      skipTypename: true,
      avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      useTypeImports: true,
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
      dedupeFragments: true,
    },
    plugins: [{ typescriptOperations: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptOperations: operationsPlugin },
  });

  const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
  const lines = [
    HEADER,
    "import type * as T from './types.js';",
    '',
    '/** A GraphQL operation with its result and variables types (see src/lib/server/api.ts). */',
    'export interface Document<TResult, TVariables> {',
    '  readonly name: string;',
    '  readonly source: string;',
    '  /** Fields it selects that the API does not offer yet: while any is left, the operation is unavailable. */',
    '  readonly missing: readonly string[];',
    '  /** Phantom members carrying the types; never set. */',
    '  readonly __result?: TResult;',
    '  readonly __variables?: TVariables;',
    '}',
    '',
  ];
  for (const d of documents) {
    const name = d.def.name.value;
    const typeName = `${name}${suffix[d.def.operation]}`;
    const source = [print(d.def), ...[...d.used].map((n) => print(fragments.get(n)))].join('\n').replace(/\s+/g, ' ');
    lines.push(
      `export const ${name}: Document<T.${typeName}, T.${typeName}Variables> = {`,
      `  name: ${JSON.stringify(name)},`,
      `  source: ${JSON.stringify(source)},`,
      `  missing: ${JSON.stringify(d.missing)},`,
      '};',
      '',
    );
  }

  const outputs = [
    [join(GRAPHQL_DIR, 'types.ts'), `${HEADER}// Typed from the API schema${added.length ? `; not in it yet (typed from the contract or pending.graphql): ${added.length} definitions` : ''}.\n${types}`],
    [join(GRAPHQL_DIR, 'documents.ts'), lines.join('\n')],
    [
      join(GRAPHQL_DIR, 'capabilities.ts'),
      `${HEADER}\n/** Every "Type.field" and "Type.field(argument)" of the API's schema (object and input types). */\nexport const API_FIELDS: ReadonlySet<string> = new Set(${JSON.stringify([...apiFields].sort(), null, 1)});\n\n/** Whether the API offers this field (e.g. "ListingInput.specification", "Query.experts"). */\nexport function apiHas(field: string): boolean {\n  return API_FIELDS.has(field);\n}\n`,
    ],
  ];
  let stale = false;
  for (const [file, content] of outputs) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    stale = true;
    if (!check) writeFileSync(file, content);
  }
  const unavailable = documents.filter((d) => d.missing.length).map((d) => d.def.name.value);
  const summary = `${operations.length} operations (${unavailable.length} not offered by the API yet${unavailable.length ? `: ${unavailable.join(', ')}` : ''}), ${fragments.size} fragments`;
  if (check && stale) throw new Error(`generated GraphQL types are stale: run node apps/web/scripts/codegen.mjs (${summary})`);
  console.log(`[codegen] ${relative(ROOT, GRAPHQL_DIR)}/{types,documents}.ts: ${summary}`);
  return { added };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generate({ check: process.argv.includes('--check'), strict: process.argv.includes('--strict') }).catch((err) => {
    console.error(`[codegen] ${err.message}`);
    process.exit(1);
  });
}
