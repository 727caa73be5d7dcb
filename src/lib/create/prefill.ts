// The create page's URL contract, as Coder's own page reads it ("Open in Coder" buttons link to
// `/templates/NAME/workspace?name=…&param.region=eu&mode=auto&version=ID`).
import type { Preset, TemplateVersionParameter } from "../../api/types";
import { validateAll } from "../workspace/parameters";

export type CreateMode = "form" | "auto";

export interface CreatePrefill {
  name: string;
  mode: CreateMode;
  /** A template version id other than the active one. */
  version?: string;
  /** `param.NAME=value` pairs, by parameter name. */
  params: Record<string, string>;
}

export function parseCreateSearch(search: URLSearchParams): CreatePrefill {
  const params: Record<string, string> = {};
  for (const [key, value] of search) if (key.startsWith("param.") && key.length > 6) params[key.slice(6)] = value;
  return {
    name: search.get("name") ?? "",
    mode: search.get("mode") === "auto" ? "auto" : "form",
    version: search.get("version") || undefined,
    params,
  };
}

/** Values to start the form from: each default, then the chosen preset, then what the URL says. */
export function initialCreateValues(
  params: readonly TemplateVersionParameter[],
  prefill: Record<string, string>,
  preset?: Pick<Preset, "Parameters">,
): Record<string, string> {
  const fromPreset = new Map((preset?.Parameters ?? []).map((p) => [p.Name, p.Value]));
  return Object.fromEntries(
    params.map((p) => [p.name, prefill[p.name] ?? fromPreset.get(p.name) ?? p.default_value ?? ""]),
  );
}

/** URL values that name no parameter of the version: shown, so a typo in a link is not silently lost. */
export function unknownPrefill(params: readonly TemplateVersionParameter[], prefill: Record<string, string>): string[] {
  return Object.keys(prefill).filter((name) => !params.some((p) => p.name === name));
}

/**
 * `mode=auto` creates at once only when nothing is left to ask: a name, and every value
 * acceptable. Otherwise the form opens with what the link gave (as Coder falls back to the form).
 */
export function canAutoCreate(
  params: readonly TemplateVersionParameter[],
  values: Record<string, string>,
  name: string,
  nameError: string | null,
): boolean {
  return name !== "" && nameError === null && Object.keys(validateAll(params, values)).length === 0;
}

/** The preset whose values the form holds now, if any (so the picker shows it as chosen). */
export function matchingPreset(presets: readonly Preset[], values: Record<string, string>): Preset | undefined {
  return presets.find((p) => (p.Parameters ?? []).every((v) => values[v.Name] === v.Value));
}

/** What to send: every value but an empty optional one (the server then uses the default). */
export function valuesToSend(
  params: readonly TemplateVersionParameter[],
  values: Record<string, string>,
): Array<{ name: string; value: string }> {
  return params
    .filter((p) => (values[p.name] ?? "") !== "" || p.required)
    .map((p) => ({ name: p.name, value: values[p.name] ?? "" }));
}

/** A name for `mode=auto` links that give none: the template's, plus a short random tail. */
export function suggestName(templateName: string, random: () => number = Math.random): string {
  const base =
    templateName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 26) || "ws";
  const tail = Array.from({ length: 5 }, () => "abcdefghjkmnpqrstuvwxyz23456789"[Math.floor(random() * 31)]).join("");
  return `${base}-${tail}`;
}

export interface MappedProblems {
  name?: string;
  params: Record<string, string>;
  /** Validations that name no field of the form. */
  other: string[];
}

/** A 400's `validations` put back beside the fields they are about. */
export function mapValidations(
  params: readonly TemplateVersionParameter[],
  validations: ReadonlyArray<{ field: string; detail: string }>,
): MappedProblems {
  const out: MappedProblems = { params: {}, other: [] };
  for (const v of validations) {
    if (v.field === "name") out.name = v.detail;
    else if (params.some((p) => p.name === v.field)) out.params[v.field] = v.detail;
    else out.other.push(`${v.field}: ${v.detail}`);
  }
  return out;
}
