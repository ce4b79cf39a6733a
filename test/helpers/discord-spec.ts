/**
 * Request bodies checked against Discord's own OpenAPI description
 * (test/fixtures/discord-openapi.json: discord/discord-api-spec, MIT, unchanged; see
 * test/fixtures/discord-openapi.LICENSE). A request's method and path pick the spec
 * operation; its JSON body (or a multipart request's `payload_json`) is validated with
 * ajv against that operation's requestBody schema.
 *
 * Where Discord's documentation and the spec disagree, the disagreement is listed in
 * SPEC_EXCEPTIONS with the reason, and only that exact error is forgiven.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// CommonJS modules: their `default` export is the class / plugin
const Ajv2020 = ajv2020.default;
const addFormats = ajvFormats.default;

export const SPEC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/discord-openapi.json');

/** A request as the fake Discord records it. */
export interface SentRequest {
  method: string;
  /** Path after /api/v10, percent-decoded. */
  path: string;
  body: unknown;
}

/** A documented disagreement between Discord's docs and its OpenAPI description. */
export interface SpecException {
  /** Operation (method + spec path template) it applies to. */
  operation: string;
  /** JSON pointer of the value in the body (`*` matches one segment). */
  at: string;
  /** The ajv keyword that fails. */
  keyword: string;
  /** Why the body is right anyway (the docs' word against the spec's). */
  why: string;
}

const PERMISSIONS_AS_STRING =
  "Discord's documentation (Application Commands: 'default_member_permissions ?string', Permissions: " +
  "'permissions are serialized into a string') types it as a string holding the bit set, and discord.js sends a string; " +
  'the spec types it integer|null. A string is what the docs require (bit sets outgrow a JSON number).';

/**
 * The disagreements this project has met. Each names the operation, the place and the
 * rule, and says what Discord's documentation says instead; only that error is forgiven.
 */
export const SPEC_EXCEPTIONS: SpecException[] = [
  { operation: 'PUT /applications/{application_id}/commands', at: '/*/default_member_permissions', keyword: 'type', why: PERMISSIONS_AS_STRING },
  { operation: 'PUT /applications/{application_id}/guilds/{guild_id}/commands', at: '/*/default_member_permissions', keyword: 'type', why: PERMISSIONS_AS_STRING },
];

interface Operation {
  key: string;
  template: string;
  re: RegExp;
  literals: number;
  schema?: object;
}

interface Spec {
  ajv: InstanceType<typeof Ajv2020>;
  ops: Operation[];
  validators: Map<string, ValidateFunction>;
}

let loaded: Spec | undefined;

function load(): Spec {
  if (loaded) return loaded;
  const doc = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: object }> } }>>;
    components: { schemas: Record<string, object> };
  };
  // strict off: the spec uses OpenAPI-only keywords and formats (int64, snowflake) that JSON Schema does not define
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const f of ['snowflake', 'nonce', 'int32', 'int64', 'double', 'float']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: 'discord', components: doc.components }, 'discord');
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const segments = template.split('/').filter(Boolean);
    const re = new RegExp(`^/${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
    const literals = segments.filter((s) => !/^\{.+\}$/.test(s)).length;
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const content = op.requestBody?.content ?? {};
      const schema = content['application/json']?.schema;
      ops.push({ key: `${method.toUpperCase()} ${template}`, template, re, literals, schema });
    }
  }
  // a literal segment (…/messages/@original) wins over a parameter (…/messages/{message_id})
  ops.sort((a, b) => b.literals - a.literals);
  loaded = { ajv, ops, validators: new Map() };
  return loaded;
}

/** Rewrite the spec's local refs (#/components/…) to point into the schema registered as `discord`. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `discord${v}` : rebase(v)]),
    );
  }
  return schema;
}

/** The spec operation a request goes to, or undefined when the spec has no such route. */
export function operationOf(method: string, p: string): { key: string; schema?: object } | undefined {
  const { ops } = load();
  return ops.find((o) => o.key.startsWith(`${method.toUpperCase()} `) && o.re.test(p));
}

function validatorFor(key: string, schema: object): ValidateFunction {
  const spec = load();
  let v = spec.validators.get(key);
  if (!v) {
    v = spec.ajv.compile(rebase(schema) as object);
    spec.validators.set(key, v);
  }
  return v;
}

/**
 * For a body checked against `anyOf` [A, B, …] (the interaction callback types), the
 * branch whose `type` matches, so an error names the real problem rather than "matches no branch".
 */
function branchFor(schema: any, body: any): object | undefined {
  if (!Array.isArray(schema?.anyOf) || typeof body?.type !== 'number') return undefined;
  const { ajv } = load();
  for (const b of schema.anyOf) {
    const ref = typeof b?.$ref === 'string' ? (ajv.getSchema(`discord${b.$ref}`)?.schema as any) : b;
    const t = ref?.properties?.type;
    const allowed: unknown[] = t?.enum ?? (t?.const !== undefined ? [t.const] : []);
    if (allowed.includes(body.type)) return b;
  }
  return undefined;
}

const pointerMatches = (pattern: string, at: string) => {
  const a = pattern.split('/');
  const b = at.split('/');
  return a.length === b.length && a.every((s, i) => s === '*' || s === b[i]);
};

const describeError = (e: ErrorObject) => `${e.instancePath || '(body)'} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`;

/** Every way `r`'s body breaks Discord's spec (empty when it is valid or has no body). */
export function violationsOf(r: SentRequest, exceptions: readonly SpecException[] = SPEC_EXCEPTIONS): string[] {
  if (r.body === null || r.body === undefined || ['GET', 'DELETE', 'HEAD'].includes(r.method)) return [];
  const op = operationOf(r.method, r.path);
  if (!op) return [`${r.method} ${r.path}: no such operation in Discord's spec`];
  if (!op.schema) return [`${op.key}: sent a body, but the operation takes none`];
  const branch = branchFor(op.schema, r.body);
  const v = validatorFor(branch ? `${op.key} type ${(r.body as { type: number }).type}` : op.key, branch ?? op.schema);
  if (v(r.body)) return [];
  return (v.errors ?? [])
    .filter((e) => !exceptions.some((x) => x.operation === op.key && x.keyword === e.keyword && pointerMatches(x.at, e.instancePath)))
    // the branch errors say what is wrong: drop the summary and the "or null" alternative of nullable fields
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null'))
    .map((e) => `${op.key}: ${describeError(e)}`);
}

/** Violations of every request in the list, each prefixed with the request's own path. */
export function specViolations(requests: readonly SentRequest[]): string[] {
  return requests.flatMap((r) => violationsOf(r).map((v) => `${v} (sent to ${r.method} ${r.path})`));
}
