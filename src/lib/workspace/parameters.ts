// Rich parameters for "Update" and "Build with parameters": which ones the user must be asked
// about, and checking what they typed before the server does.
import type { TemplateVersionParameter, WorkspaceBuildParameter } from "../../api/types";

/**
 * Parameters an update to a new template version cannot fill on its own: new required ones with
 * no value yet, and ones whose current value the new version no longer accepts (option removed,
 * out of range). Ephemeral parameters are per-build and never carried over, so never "missing".
 */
export function missingParameters(
  templateParams: readonly TemplateVersionParameter[],
  current: readonly WorkspaceBuildParameter[],
): TemplateVersionParameter[] {
  const values = new Map(current.map((p) => [p.name, p.value]));
  return templateParams.filter((param) => {
    if (param.ephemeral) return false;
    const value = values.get(param.name);
    if (value === undefined) return param.required;
    return validateParameter(param, value) !== undefined;
  });
}

/** Values to start a form from: the build's current value, else the parameter's default. */
export function initialValues(
  templateParams: readonly TemplateVersionParameter[],
  current: readonly WorkspaceBuildParameter[],
): Record<string, string> {
  const values = new Map(current.map((p) => [p.name, p.value]));
  return Object.fromEntries(templateParams.map((p) => [p.name, values.get(p.name) ?? p.default_value ?? ""]));
}

/** A `list(string)` value as Coder stores it (a JSON array of strings), or undefined when it is not one. */
export function parseListValue(value: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((v) => typeof v === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The template's own error text, with Coder's `{min}`, `{max}` and `{value}` placeholders filled in. */
function templateMessage(param: TemplateVersionParameter, value: string, fallback: string): string {
  const text = param.validation_error?.trim();
  if (!text) return fallback;
  return text
    .replaceAll("{min}", String(param.validation_min ?? ""))
    .replaceAll("{max}", String(param.validation_max ?? ""))
    .replaceAll("{value}", value);
}

/**
 * Why `value` is not acceptable for `param`, or undefined when it is. `previous` is the value of
 * the workspace's current build, for monotonic numbers (they may only go one way).
 */
export function validateParameter(
  param: TemplateVersionParameter,
  value: string,
  previous?: string,
): string | undefined {
  if (value === "") return param.required ? "A value is required." : undefined;
  const options = param.options ?? [];
  if (param.type === "list(string)") {
    const list = parseListValue(value);
    if (!list) return "Must be a list of text values.";
    if (options.length > 0 && !list.every((v) => options.some((o) => o.value === v))) {
      return "Choose only offered values.";
    }
    if (param.required && list.length === 0) return "Choose at least one value.";
    return undefined;
  }
  if (options.length > 0 && !options.some((o) => o.value === value)) return "Choose one of the offered values.";
  if (param.type === "number") {
    const n = Number(value);
    if (!/^-?\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n)) return "Enter a number.";
    if (param.validation_min !== undefined && param.validation_min !== null && n < param.validation_min)
      return templateMessage(param, value, `Must be at least ${param.validation_min}.`);
    if (param.validation_max !== undefined && param.validation_max !== null && n > param.validation_max)
      return templateMessage(param, value, `Must be at most ${param.validation_max}.`);
    const before = previous !== undefined && previous !== "" ? Number(previous) : NaN;
    if (param.validation_monotonic === "increasing" && n < before) return `Can only grow (now ${previous}).`;
    if (param.validation_monotonic === "decreasing" && n > before) return `Can only shrink (now ${previous}).`;
  }
  if (param.type === "bool" && value !== "true" && value !== "false") return "Must be true or false.";
  if (param.validation_regex && param.type === "string") {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(param.validation_regex);
    } catch {
      // A pattern the browser cannot compile (Go syntax differs) is left to the server.
    }
    if (pattern && !pattern.test(value)) return templateMessage(param, value, "Does not match the required format.");
  }
  return undefined;
}

/** Every problem of a set of values, by parameter name (empty when all are acceptable). */
export function validateAll(
  params: readonly TemplateVersionParameter[],
  values: Record<string, string>,
  previous: Record<string, string> = {},
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const p of params) {
    const problem = validateParameter(p, values[p.name] ?? "", previous[p.name]);
    if (problem) problems[p.name] = problem;
  }
  return problems;
}

/**
 * What to send as `rich_parameter_values`: the values of the shown parameters that differ from
 * the build's current ones (the server keeps the rest), and every ephemeral one that was set.
 */
export function changedValues(
  shown: readonly TemplateVersionParameter[],
  values: Record<string, string>,
  current: readonly WorkspaceBuildParameter[],
): WorkspaceBuildParameter[] {
  const before = new Map(current.map((p) => [p.name, p.value]));
  return shown
    .filter(
      (p) =>
        values[p.name] !== undefined && (p.ephemeral ? values[p.name] !== "" : values[p.name] !== before.get(p.name)),
    )
    .map((p) => ({ name: p.name, value: values[p.name] }));
}
