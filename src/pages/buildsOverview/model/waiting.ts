// Why a pending job waits, from its tags and the organization's daemons, by Coder's matching rule
// (src/lib/provisionerTags.ts): no daemon offers a tag it needs, the only ones that could are
// offline, every one that could is busy, or one is free and about to take it.
import type { ProvisionerDaemon } from "../../../api/types";
import { daemonCanTake, tagsNobodyOffers } from "../../../lib/provisionerTags";

export type WaitReason =
  /** No daemon, online or not, offers these tags (`key=value`). */
  | { kind: "missing-tags"; tags: string[] }
  /** Each tag is offered somewhere, but no single daemon offers them all. */
  | { kind: "no-single-daemon" }
  /** Only offline daemons could take it; `lastSeen` of the one seen most recently. */
  | { kind: "offline"; names: string[]; lastSeen: string | undefined }
  /** Every online daemon that could take it is running another job. */
  | { kind: "busy"; count: number }
  /** An idle daemon can take it: it is about to start. */
  | { kind: "starting" };

type DaemonFacts = Pick<ProvisionerDaemon, "name" | "tags" | "status" | "last_seen_at">;

export function whyWaiting(jobTags: Record<string, string>, daemons: readonly DaemonFacts[]): WaitReason {
  const able = daemons.filter((d) => daemonCanTake(d.tags ?? {}, jobTags));
  if (able.length === 0) {
    const missing = tagsNobodyOffers(
      jobTags,
      daemons.map((d) => d.tags ?? {}),
    );
    return missing.length > 0 ? { kind: "missing-tags", tags: missing } : { kind: "no-single-daemon" };
  }
  const online = able.filter((d) => d.status !== "offline");
  if (online.length === 0) {
    const lastSeen = able
      .map((d) => d.last_seen_at ?? undefined)
      .filter((t): t is string => !!t)
      .sort()
      .pop();
    return { kind: "offline", names: able.map((d) => d.name), lastSeen };
  }
  if (online.every((d) => d.status === "busy")) return { kind: "busy", count: online.length };
  return { kind: "starting" };
}
