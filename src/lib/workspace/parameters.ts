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

/** Why `value` is not acceptable for `param`, or undefined when it is. */
export function validateParameter(param: TemplateVersionParameter, value: string): string | undefined {
  if (value === "") return param.required ? "A value is required." : undefined;
  if (param.options.length > 0 && param.type !== "list(string)" && !param.options.some((o) => o.value === value)) {
    return "Choose one of the offered values.";
  }
  if (param.type === "number") {
    const n = Number(value);
    if (!Number.isFinite(n)) return "Enter a number.";
    if (param.validation_min !== undefined && n < param.validation_min)
      return `Must be at least ${param.validation_min}.`;
    if (param.validation_max !== undefined && n > param.validation_max)
      return `Must be at most ${param.validation_max}.`;
  }
  if (param.type === "bool" && value !== "true" && value !== "false") return "Must be true or false.";
  if (param.validation_regex && param.type === "string") {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(param.validation_regex);
    } catch {
      // A pattern the browser cannot compile (Go syntax differs) is left to the server.
    }
    if (pattern && !pattern.test(value)) return "Does not match the required format.";
  }
  return undefined;
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
