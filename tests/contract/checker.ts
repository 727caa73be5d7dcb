// Validates JSON values against Coder's API document (see coderApi.ts) with ajv, and sorts what
// is wrong into the two kinds the contract reports: a key Go always sends that is missing, and any
// other departure from the schema (wrong type, null where Go cannot send null, unknown key, bad enum…).
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { coderSchemaDocument, goFieldsOf, type JsonSchema } from "./coderApi";
import { CHECKED_FORMATS } from "./corrections";

export type FindingKind = "schema" | "always-sent";

export interface Finding {
  kind: FindingKind;
  /** JSON pointer into the value, e.g. `/latest_build/resources/0/agents/0/parent_id`. */
  at: string;
  message: string;
}

// strictTypes off: a nullable wrapper (if/else) leaves `format` without a `type` beside it, by design.
// verbose: errors carry their parentSchema, which names the definition they come from.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, verbose: true });
addFormats(ajv, [...CHECKED_FORMATS]);
ajv.addSchema(coderSchemaDocument);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

const definitionNames = new Map<unknown, string>(
  Object.entries(coderSchemaDocument.definitions as Record<string, JsonSchema>).map(([name, s]) => [s, name]),
);

function definitionOf(error: ErrorObject): string | undefined {
  return definitionNames.get(error.parentSchema);
}

function describe(error: ErrorObject): Finding {
  const definition = definitionOf(error);
  if (error.keyword === "required") {
    const key = (error.params as { missingProperty: string }).missingProperty;
    const goSends = definition !== undefined && goFieldsOf(definition)?.[key]?.canOmit === false;
    return {
      kind: goSends ? "always-sent" : "schema",
      at: `${error.instancePath}/${key}`,
      message: goSends ? `missing: ${definition}.${key} is always sent by Coder` : `missing required key ${key}`,
    };
  }
  if (error.keyword === "additionalProperties") {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return {
      kind: "schema",
      at: `${error.instancePath}/${key}`,
      message: `not a key of ${definition ?? "the schema"}`,
    };
  }
  const allowed = error.keyword === "enum" ? ` ${JSON.stringify(error.params.allowedValues)}` : "";
  const where = definition ? ` (${definition})` : "";
  return {
    kind: "schema",
    at: error.instancePath || "/",
    message: `${error.message ?? error.keyword}${allowed}${where}`,
  };
}

/**
 * Everything wrong with `value` against `schema` (a ref into the Coder document, or a schema built
 * from such refs); an empty list means valid.
 */
export function check(schema: JsonSchema, value: unknown): Finding[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  // An if/else (nullable) wrapper adds "must match else schema" on top of the inner errors.
  return (validate.errors ?? []).filter((e) => e.keyword !== "if").map(describe);
}

export function formatFinding(f: Finding): string {
  return `${f.at}: ${f.message}`;
}
