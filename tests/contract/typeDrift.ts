// Compares the interfaces of src/api/types.ts with Coder's definitions (coderApi.ts), through the
// TypeScript compiler: every key must exist upstream with a compatible type, and a key's `?` and
// `| null` must say what Go does. Walks nested objects, arrays and maps, so one root per answer suffices.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { definitionSchema, goFieldsOf, swaggerRequired, type JsonSchema } from "./coderApi";

/** How a types.ts interface is used: answers follow Go's presence rules, requests the documented `required`. */
export type Direction = "response" | "request";

export interface Root {
  name: string;
  definition: string;
  direction: Direction;
}

export interface DriftResult {
  problems: string[];
  /** Names of the types.ts interfaces the walk compared with a definition. */
  reached: Set<string>;
}

interface Resolved {
  schema: JsonSchema;
  definition?: string;
}

/** Follows refs and single-ref allOf to the schema that says what the value is. */
function resolve(schema: JsonSchema, definition?: string): Resolved {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop()!;
    return resolve(definitionSchema(name) ?? {}, name);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1)
    return resolve(schema.allOf[0] as JsonSchema, definition);
  if (schema.else) return resolve(schema.else as JsonSchema, definition);
  return { schema, definition };
}

type Kind = "string" | "number" | "boolean" | "array" | "object" | "other";

function schemaKind(schema: JsonSchema): Kind | undefined {
  const type = schema.type;
  if (type === "integer" || type === "number") return "number";
  if (type === "string" || type === "boolean" || type === "array" || type === "object") return type;
  return undefined;
}

export function checkTypesFile(file: string, roots: Root[]): DriftResult {
  // types.ts needs no more than the ES5 lib (Record, Array); loading the DOM and node types is slow.
  const program = ts.createProgram([file], { strict: true, noEmit: true, lib: ["lib.es5.d.ts"], types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const exported = new Map<string, ts.Type>();
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
    if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
      exported.set(symbol.name, checker.getDeclaredTypeOfSymbol(symbol));
    }
  }
  const problems: string[] = [];
  const reached = new Set<string>();
  const seen = new Set<string>();

  const strip = (type: ts.Type) => {
    const parts = type.isUnion() ? type.types : [type];
    const nullable = parts.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    return { nullable, rest };
  };

  const kindOf = (parts: readonly ts.Type[]): Kind => {
    const kinds = new Set<Kind>(
      parts.map((t) => {
        if (t.flags & ts.TypeFlags.StringLike) return "string";
        // Open<"a"> is "a" | (string & {}): the intersection is still a string.
        if (t.isIntersection() && t.types.some((m) => m.flags & ts.TypeFlags.StringLike)) return "string";
        if (t.flags & ts.TypeFlags.NumberLike) return "number";
        if (t.flags & ts.TypeFlags.BooleanLike) return "boolean";
        if (checker.isArrayType(t)) return "array";
        if (t.flags & ts.TypeFlags.Object) return "object";
        return "other";
      }),
    );
    return kinds.size === 1 ? [...kinds][0] : "other";
  };

  function compare(type: ts.Type, schema: JsonSchema, at: string, direction: Direction): void {
    const { schema: target, definition } = resolve(schema);
    const { rest } = strip(type);
    const want = schemaKind(target);
    if (!want) return; // `{}`: Go interface{}, anything goes
    const have = kindOf(rest);
    if (have !== want) {
      problems.push(`${at}: types.ts says ${have}, Coder (${definition ?? "inline"}) sends ${want}`);
      return;
    }
    if (want === "string" && Array.isArray(target.enum)) {
      const literals = rest.filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
      const unknown = literals.filter((l) => !(target.enum as string[]).includes(l));
      if (unknown.length)
        problems.push(`${at}: ${unknown.join(", ")} not among Coder's values ${target.enum.join(", ")}`);
    }
    if (want === "array") {
      const element = checker.getTypeArguments(rest[0] as ts.TypeReference)[0];
      compare(element, target.items as JsonSchema, `${at}[]`, direction);
    }
    if (want === "object") compareObject(rest[0], target, definition, at, direction);
  }

  function compareObject(
    type: ts.Type,
    target: JsonSchema,
    definition: string | undefined,
    at: string,
    direction: Direction,
  ) {
    const name = type.aliasSymbol?.name ?? type.getSymbol()?.name;
    if (name && exported.has(name)) reached.add(name);
    const key = `${name && exported.has(name) ? name : at}→${definition}`;
    if (seen.has(key)) return;
    seen.add(key);
    const props = target.properties as Record<string, JsonSchema> | undefined;
    if (!props) {
      const values = target.additionalProperties;
      const index = type.getStringIndexType();
      if (values && typeof values === "object" && index) compare(index, values as JsonSchema, `${at}{}`, direction);
      else if (values && !index) problems.push(`${at}: Coder sends a map, types.ts has no index signature`);
      return;
    }
    const go = definition ? goFieldsOf(definition) : undefined;
    const required = new Set(
      direction === "response" ? ((target.required as string[] | undefined) ?? []) : swaggerRequired(definition ?? ""),
    );
    for (const symbol of type.getProperties()) {
      const where = `${at}.${symbol.name}`;
      const upstream = props[symbol.name];
      if (!upstream) {
        problems.push(`${where}: not a key of ${definition ?? "Coder's schema"}`);
        continue;
      }
      const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
      const propType = checker.getTypeOfSymbol(symbol);
      const { nullable } = strip(propType);
      const field = go?.[symbol.name];
      if (direction === "response") {
        if (optional && required.has(symbol.name)) problems.push(`${where}: optional, but Coder always sends it`);
        if (!optional && !required.has(symbol.name)) problems.push(`${where}: required, but Coder omits it when empty`);
        if (nullable && !field?.nullable)
          problems.push(`${where}: may be null in types.ts, never null from Go (${field?.go})`);
        const nullSent =
          field?.nullable && !field.canOmit && ["pointer", "nullstruct", "interface"].includes(field.kind);
        if (nullSent && !nullable) problems.push(`${where}: Coder sends null when unset (${field?.go}); add | null`);
      } else if (optional && required.has(symbol.name)) {
        problems.push(`${where}: optional, but Coder requires it`);
      }
      compare(propType, upstream, where, direction);
    }
  }

  for (const root of roots) {
    const type = exported.get(root.name);
    if (!type) {
      problems.push(`${root.name}: not exported by types.ts`);
      continue;
    }
    compare(type, { $ref: `coder#/definitions/${root.definition}` }, root.name, root.direction);
  }
  return { problems, reached };
}

/** Exported interfaces of the file (the API shapes; enums and unions are checked where they are used). */
export function exportedInterfaces(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  return source.statements
    .filter(ts.isInterfaceDeclaration)
    .filter((s) => s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((s) => s.name.text);
}
