import type { WorkspaceBuildParameter } from "../../api/types";
import { validateParameter } from "../../lib/workspace/parameters";
import { Invalid } from "./errors";
import type { TemplateVersionRecord } from "./records";

/**
 * A build's parameter values: the given ones over the previous build's over the version's
 * defaults. Refuses, with every problem listed by field as Coder does, names the version lacks,
 * changes to immutable parameters, invalid values and (on a first build) missing required ones.
 */
export function mergeParameters(
  version: TemplateVersionRecord,
  previous: WorkspaceBuildParameter[],
  given: WorkspaceBuildParameter[],
): WorkspaceBuildParameter[] {
  const byName = new Map(version.parameters.map((p) => [p.name, p]));
  const validations = [];
  for (const g of given) {
    const p = byName.get(g.name);
    if (!p) {
      validations.push({ field: g.name, detail: `Parameter "${g.name}" is not present in the template.` });
      continue;
    }
    const prev = previous.find((x) => x.name === g.name);
    if (!p.mutable && prev && prev.value !== g.value) {
      validations.push({
        field: g.name,
        detail: `Parameter "${g.name}" is not mutable, so it can't be updated after creating a workspace.`,
      });
    }
    const problem = validateParameter(p, g.value, prev?.value);
    if (problem) validations.push({ field: g.name, detail: `Invalid parameter value; ${problem}` });
  }
  // A first build has no previous values: required parameters must be given (Coder's wording).
  if (previous.length === 0) {
    for (const p of version.parameters) {
      if (p.required && !given.some((g) => g.name === p.name && g.value !== ""))
        validations.push({ field: p.name, detail: "Required parameter not provided; parameter value is null" });
    }
  }
  if (validations.length > 0) {
    validations.sort((a, b) => a.field.localeCompare(b.field));
    throw new Invalid("Unable to validate parameters", undefined, validations);
  }
  return version.parameters.map((p) => {
    const value =
      given.find((g) => g.name === p.name)?.value ?? previous.find((x) => x.name === p.name)?.value ?? p.default_value;
    return { name: p.name, value };
  });
}
