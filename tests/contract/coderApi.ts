// Coder's API document (coder-api/swagger.json) turned into JSON schema, with the wire rules of
// its Go structs (coder-api/gofields.json) folded in and the corrections of corrections.ts applied.
// One document, `coder`, holds every definition; refs look like `coder#/definitions/codersdk.Workspace`.
import { readFileSync } from "node:fs";
import { CHECKED_FORMATS, DEFINITION_CORRECTIONS, RESPONSE_CORRECTIONS, type SwaggerSchema } from "./corrections";

export type JsonSchema = Record<string, unknown>;

/** What Go's encoding/json does with one struct field (see coder-api/README.md). */
export interface GoField {
  go: string;
  kind: string;
  canOmit: boolean | null;
  nullable: boolean | null;
}

interface SwaggerOperation {
  responses?: Record<string, { schema?: SwaggerSchema }>;
}

interface Swagger {
  paths: Record<string, Record<string, SwaggerOperation>>;
  definitions: Record<string, SwaggerSchema>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./coder-api/${name}`, import.meta.url), "utf8")) as T;
}

const swagger = readJson<Swagger>("swagger.json");
const goStructs = readJson<{ structs: Record<string, Record<string, GoField>> }>("gofields.json").structs;

/** Coder serves every path of the document under this prefix; paths here are written without it. */
export const API_PREFIX = "/api/v2";
export const SCHEMA_ID = "coder";

export function definitionRef(name: string): JsonSchema {
  return { $ref: `${SCHEMA_ID}#/definitions/${name}` };
}

/** The Go wire rules of a definition's fields, when it is a Go struct gofields.json knows. */
export function goFieldsOf(definition: string): Record<string, GoField> | undefined {
  return goStructs[definition];
}

/** Keys Go always writes for a struct: not omitempty, or a kind omitempty cannot drop. */
function alwaysSentKeys(definition: string): string[] {
  const fields = goFieldsOf(definition) ?? {};
  return Object.keys(fields).filter((k) => fields[k].canOmit === false && !k.startsWith("<"));
}

/** Keys a request body must carry (`validate:"required"` in Go), as the swagger lists them. */
export function swaggerRequired(definition: string): string[] {
  return (swagger.definitions[definition]?.required as string[] | undefined) ?? [];
}

// ---- Swagger 2.0 → JSON schema ---------------------------------------------------------------

/** Keywords carried over; everything else (description, example, x-*) is documentation. */
const KEPT = ["type", "enum", "required", "minimum", "maximum", "minLength", "maxLength", "pattern"];

function convert(node: SwaggerSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const key of KEPT) if (node[key] !== undefined) out[key] = node[key];
  if (typeof node.$ref === "string") out.$ref = node.$ref.replace(/^#\/definitions\//, `${SCHEMA_ID}#/definitions/`);
  if (typeof node.format === "string" && (CHECKED_FORMATS as readonly string[]).includes(node.format))
    out.format = node.format;
  if (node.items) out.items = convert(node.items as SwaggerSchema);
  if (Array.isArray(node.allOf)) out.allOf = (node.allOf as SwaggerSchema[]).map(convert);
  if (node.additionalProperties !== undefined) {
    const extra = node.additionalProperties;
    out.additionalProperties = typeof extra === "object" && extra !== null ? convert(extra as SwaggerSchema) : extra;
  }
  if (node.properties) {
    const props = node.properties as Record<string, SwaggerSchema>;
    out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, convert(v)]));
  }
  return out;
}

/**
 * `null`, or a value valid against `schema`. Written as if/else rather than anyOf so that a wrong
 * non-null value reports the inner schema's own errors, not one per branch.
 */
function orNull(schema: JsonSchema): JsonSchema {
  return { if: { type: "null" }, else: schema };
}

/** A definition with Go's presence and nullability rules: Go structs send exactly their keys. */
function convertDefinition(name: string, node: SwaggerSchema): JsonSchema {
  const schema = convert(node);
  const fields = goFieldsOf(name);
  if (!fields || !schema.properties) return schema;
  const props = schema.properties as Record<string, JsonSchema>;
  for (const [key, field] of Object.entries(fields)) {
    if (field.nullable && props[key]) props[key] = orNull(props[key]);
  }
  schema.required = alwaysSentKeys(name).filter((k) => k in props);
  schema.additionalProperties = false;
  return schema;
}

function buildDocument(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const [name, node] of Object.entries(swagger.definitions)) {
    definitions[name] = convertDefinition(name, DEFINITION_CORRECTIONS[name]?.schema ?? node);
  }
  return { $id: SCHEMA_ID, definitions };
}

/** Every definition of the document, corrected and with Go's rules, as one JSON-schema document. */
export const coderSchemaDocument: JsonSchema = buildDocument();

export function definitionSchema(name: string): JsonSchema | undefined {
  return (coderSchemaDocument.definitions as Record<string, JsonSchema>)[name];
}

// ---- Operations ------------------------------------------------------------------------------

export interface Operation {
  method: string;
  /** Swagger path template without the /api/v2 prefix, e.g. `/workspaces/{workspace}`. */
  template: string;
  /** "GET /workspaces/{workspace}", the form endpoint lists use. */
  key: string;
}

const templates = Object.keys(swagger.paths)
  .filter((p) => p.startsWith(API_PREFIX + "/"))
  .map((p) => p.slice(API_PREFIX.length));

/** Literal segments beat parameters, left to right (`/users/authmethods` before `/users/{user}`). */
function matchScore(template: string, path: string): number[] | undefined {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const score: number[] = [];
  for (let i = 0; i < want.length; i++) {
    const param = want[i].startsWith("{");
    if (!param && want[i] !== got[i]) return undefined;
    if (param && got[i] === "") return undefined;
    score.push(param ? 0 : 1);
  }
  return score;
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** The documented operation a concrete request reaches, e.g. GET /api/v2/users/me/workspace/dev?x=1. */
export function findOperation(method: string, url: string): Operation | undefined {
  const path = decodeURI(url.split("?")[0]).replace(new RegExp(`^${API_PREFIX}`), "");
  let best: { template: string; score: number[] } | undefined;
  for (const template of templates) {
    if (!swagger.paths[API_PREFIX + template][method.toLowerCase()]) continue;
    const score = matchScore(template, path);
    if (score && (!best || better(score, best.score))) best = { template, score };
  }
  if (!best) return undefined;
  const m = method.toUpperCase();
  return { method: m, template: best.template, key: `${m} ${best.template}` };
}

/** Whether "METHOD /template" is in the document at all. */
export function isDocumented(key: string): boolean {
  const [method, template] = key.split(" ");
  return Boolean(swagger.paths[API_PREFIX + template]?.[method.toLowerCase()]);
}

/**
 * The body schema Coder documents for an answer, corrected; undefined when the document declares
 * none for that status (streams, 204, errors it does not list).
 */
export function responseSchema(op: Operation, status: number): JsonSchema | undefined {
  const corrected = RESPONSE_CORRECTIONS[`${op.key} ${status}`];
  if (corrected) return convert(corrected.schema);
  const declared = swagger.paths[API_PREFIX + op.template][op.method.toLowerCase()].responses?.[String(status)];
  if (!declared?.schema || Object.keys(declared.schema).length === 0) return undefined;
  return convert(declared.schema);
}
