// A refetch that left the server before the latest watch event can land after it; without a guard
// its older snapshot would overwrite the newer state for good (e.g. a cancel stuck on "Canceling").
// Coder sends no version counter, but a build only moves forward: a newer build number, or the
// same build further along its job's life, is newer.
import { replaceEqualDeep } from "@tanstack/react-query";
import { jobProgress } from "./jobStatus";
import type { Workspace } from "./types";

/** True when `incoming` describes an earlier moment of the workspace than `current`. */
export function isOlderWorkspace(incoming: Workspace, current: Workspace): boolean {
  if (incoming.id !== current.id) return false;
  const a = incoming.latest_build;
  const b = current.latest_build;
  if (a.build_number !== b.build_number) return a.build_number < b.build_number;
  return jobProgress(a.job.status) < jobProgress(b.job.status);
}

/** `structuralSharing` for workspace queries: keep what the cache has when the answer is older. */
export function keepNewerWorkspace(current: unknown, incoming: unknown): unknown {
  const cur = current as Workspace | undefined;
  const inc = incoming as Workspace;
  if (cur && inc && isOlderWorkspace(inc, cur)) return cur;
  return replaceEqualDeep(current, incoming);
}
