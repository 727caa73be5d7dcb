import type { WorkspaceBuild } from "../../api/types";

/** `?compare=N` or `?compare=prev` (docs/conventions.md); anything else means no comparison. */
export type CompareParam =
  { kind: "none" } | { kind: "prev" } | { kind: "number"; number: number } | { kind: "invalid"; value: string };

export function parseCompareParam(value: string | null): CompareParam {
  if (value === null || value === "") return { kind: "none" };
  if (value === "prev") return { kind: "prev" };
  if (/^\d+$/.test(value) && Number(value) > 0) return { kind: "number", number: Number(value) };
  return { kind: "invalid", value };
}

/**
 * The build `?compare=prev` means: the newest earlier build of the same workspace that succeeded
 * with the same transition (a start compared with a start).
 */
export function previousSuccessfulBuild(
  builds: readonly WorkspaceBuild[],
  current: Pick<WorkspaceBuild, "id" | "build_number" | "transition">,
): WorkspaceBuild | undefined {
  let best: WorkspaceBuild | undefined;
  for (const b of builds) {
    if (b.id === current.id || b.build_number >= current.build_number) continue;
    if (b.transition !== current.transition || b.job.status !== "succeeded") continue;
    if (!best || b.build_number > best.build_number) best = b;
  }
  return best;
}
