// The timings model: a build's timings as a tree (build → stages → items), with plain epoch-ms
// numbers so the chart, the exports and the comparisons never re-parse timestamps.

/** How a bar is coloured and announced; failure overrides the stage hue. */
export type BarStatus = "ok" | "failed" | "attention" | "running";

/** What an item stands for. `phase` is a provisional stage bar drawn from the log while the job runs. */
export type ItemKind = "resource" | "script" | "connection" | "phase";

/** What an entry says about itself, the same before and after its key and status are settled. */
export interface ItemFacts {
  stage: string;
  kind: ItemKind;
  /** Resource address, script display name, agent name, or the log's phase name. */
  name: string;
  action?: string;
  source?: string;
  agentId?: string;
  agentName?: string;
  /** Raw API script status (`ok`, `exit_failure`, …), kept as text because the enum grows. */
  scriptStatus?: string;
  exitCode?: number;
}

export interface TimingItem extends ItemFacts {
  /** Unique in its tree: `${stage}/${key}`. */
  id: string;
  /** Stable across builds within a stage (resource address, agent + script name), used to compare. */
  key: string;
  status: BarStatus;
  start: number;
  end: number;
  duration: number;
  /** No end yet: `end` is the `now` the tree was built with. */
  running: boolean;
  /** Synthesised from job state and logs, to be replaced by real timings. */
  provisional: boolean;
}

export interface TimingStage {
  id: string;
  label: string;
  group: "provisioner" | "agent";
  hue: StageHue;
  start: number;
  end: number;
  duration: number;
  status: BarStatus;
  running: boolean;
  provisional: boolean;
  items: TimingItem[];
}

export type StageHue = "init" | "plan" | "graph" | "apply" | "connect" | "script" | "other";

export interface TimingTree {
  start: number;
  end: number;
  duration: number;
  stages: TimingStage[];
  /** Every item of every stage, sorted by start. */
  items: TimingItem[];
  running: boolean;
  /** Entries dropped because they had no usable start time. */
  skipped: number;
}

/** The fields an adapter knows about an entry before keys, status and running-ness are settled. */
export interface ItemDraft extends ItemFacts {
  start: number | undefined;
  end: number | undefined;
  failed?: boolean;
  provisional?: boolean;
}
