import type { Context } from "hono";
import type { WorkspaceBuildParameter } from "../../api/types";
import { HttpError } from "../util/errors";
import { badRequest } from "./respond";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_BODY_BYTES = 1 << 20;

/** A path segment that must be a UUID (Coder's httpmw.ParseUUIDParam message). */
export function uuidParam(c: Context, name: string): string {
  return parseUuid(c.req.param(name) ?? "");
}

/** Same check for a segment read outside Hono (WebSocket upgrades). */
export function parseUuid(v: string): string {
  if (!UUID_RE.test(v)) throw new HttpError(400, `Invalid UUID "${v}".`, `invalid UUID length: ${v.length}`);
  return v.toLowerCase();
}

export function isUuid(v: string): boolean {
  return UUID_RE.test(v);
}

const INT32_MAX = 2_147_483_647;

/** Non-negative integer query parameter (Coder parses pagination as int32); absent → fallback. */
export function intQuery(c: Context, name: string, fallback: number, max = INT32_MAX): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new HttpError(400, "Query parameters have invalid values.", undefined, [
      { field: name, detail: `Query param "${name}" must be a valid integer: ${JSON.stringify(raw).slice(1, -1)}` },
    ]);
  }
  const n = Number(raw);
  if (n > max) {
    throw new HttpError(400, "Query parameters have invalid values.", undefined, [
      { field: name, detail: `Query param "${name}" is out of range` },
    ]);
  }
  return n;
}

export function boolQuery(c: Context, name: string): boolean {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return false;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new HttpError(400, "Query parameters have invalid values.", undefined, [
    { field: name, detail: `Query param "${name}" must be a valid boolean` },
  ]);
}

/** Past this, an oversized body is not even drained: the connection is dropped. */
const MAX_DRAIN_BYTES = 16 << 20;

/**
 * Reads at most `limit` bytes of the body (chunked bodies too); beyond that 413. The rest of a
 * moderately oversized body is drained and discarded so the client reads the 413 instead of a
 * reset connection.
 */
async function readLimited(c: Context, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, "Request body too large.", `The limit is ${limit} bytes.`);
  const declared = Number(c.req.header("content-length") ?? "0");
  const body = c.req.raw.body;
  if (!body) return "";
  if (declared > MAX_DRAIN_BYTES) throw tooLarge();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_DRAIN_BYTES) {
        await reader.cancel();
        break;
      }
      if (size <= limit) chunks.push(value);
    }
  } catch {
    throw badRequest("Request body could not be read.");
  }
  if (size > limit) throw tooLarge();
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a JSON object body: 413 past 1 MB, 400 for malformed JSON or a non-object. */
export async function jsonBody<T extends object>(c: Context): Promise<Partial<T>> {
  const text = await readLimited(c, MAX_BODY_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, "Request body must be valid JSON.", err instanceof Error ? err.message : undefined);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new HttpError(400, "Request body must be valid JSON.", "expected a JSON object");
  }
  return parsed;
}

type FieldType = "string" | "number" | "boolean" | "array" | "object";

/** Field type checks that produce Coder-style validations. */
export function expectType(body: Record<string, unknown>, field: string, type: FieldType, required = false): void {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required)
      throw new HttpError(400, "Validation failed.", undefined, [
        { field, detail: `Validation failed for tag "required" with value: ""` },
      ]);
    return;
  }
  const ok =
    type === "array"
      ? Array.isArray(v)
      : type === "object"
        ? typeof v === "object" && !Array.isArray(v)
        : typeof v === type;
  if (!ok)
    throw new HttpError(400, "Request body has invalid fields.", undefined, [{ field, detail: `expected ${type}` }]);
}

/** expectType for each field in turn: the first wrong one is refused. */
export function expectTypes(
  body: Record<string, unknown>,
  types: Record<string, FieldType>,
  required: readonly string[] = [],
): void {
  for (const [field, type] of Object.entries(types)) expectType(body, field, type, required.includes(field));
}

/** `rich_parameter_values` of a create request: absent, or a list of string name/value pairs. */
export function parametersOf(body: Record<string, unknown>): WorkspaceBuildParameter[] | undefined {
  const v = body.rich_parameter_values;
  if (v === undefined || v === null) return undefined;
  if (
    !Array.isArray(v) ||
    !v.every((p) => p && typeof p === "object" && typeof p.name === "string" && typeof p.value === "string")
  ) {
    throw new HttpError(400, "Request body has invalid fields.", undefined, [
      { field: "rich_parameter_values", detail: "expected [{name, value}] of strings" },
    ]);
  }
  return v as WorkspaceBuildParameter[];
}
