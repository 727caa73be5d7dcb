import type { TimingItem, TimingTree } from "./types";

/** Chrome Trace Event Format, the subset Perfetto and chrome://tracing read. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: "X" | "M";
  /** Microseconds from the build start. */
  ts: number;
  dur: number;
  pid: number;
  tid: number;
  args?: Record<string, string | number>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: "ms";
  otherData: Record<string, string>;
}

const PID = 1;

/**
 * One track (thread) per stage. Slices on one thread must nest, and a stage's items often overlap
 * without nesting (parallel resources), so such items go to extra lanes of the same stage
 * ("apply · 2"), sorted right below it. Every event, metadata included, carries ph/ts/dur/pid/tid.
 */
export function toChromeTrace(tree: TimingTree, title = "workspace build"): ChromeTrace {
  const events: TraceEvent[] = [
    { name: "process_name", cat: "__metadata", ph: "M", ts: 0, dur: 0, pid: PID, tid: 0, args: { name: title } },
  ];
  let tid = 0;
  for (const stage of tree.stages) {
    const lanes = packLanes(stage.items);
    lanes.forEach((lane, laneIndex) => {
      tid++;
      const name = laneIndex === 0 ? stage.id : `${stage.id} · ${laneIndex + 1}`;
      events.push({ name: "thread_name", cat: "__metadata", ph: "M", ts: 0, dur: 0, pid: PID, tid, args: { name } });
      events.push({
        name: "thread_sort_index",
        cat: "__metadata",
        ph: "M",
        ts: 0,
        dur: 0,
        pid: PID,
        tid,
        args: { sort_index: tid },
      });
      for (const item of lane) events.push(sliceOf(item, tree.start, tid));
    });
  }
  return {
    traceEvents: events,
    displayTimeUnit: "ms",
    otherData: { source: "coder workspaces dashboard", build_start: new Date(tree.start).toISOString() },
  };
}

function sliceOf(item: TimingItem, origin: number, tid: number): TraceEvent {
  const args: Record<string, string | number> = { stage: item.stage, status: item.status };
  if (item.action) args.action = item.action;
  if (item.source) args.source = item.source;
  if (item.agentName) args.agent = item.agentName;
  if (item.scriptStatus) args.script_status = item.scriptStatus;
  if (item.exitCode !== undefined) args.exit_code = item.exitCode;
  if (item.provisional) args.provisional = "true";
  return {
    name: item.name,
    cat: item.stage,
    ph: "X",
    ts: Math.round((item.start - origin) * 1000),
    dur: Math.round(item.duration * 1000),
    pid: PID,
    tid,
    args,
  };
}

/** Greedy interval packing: each item goes to the first lane whose last item has ended. */
function packLanes(items: readonly TimingItem[]): TimingItem[][] {
  const lanes: TimingItem[][] = [];
  const laneEnds: number[] = [];
  for (const item of [...items].sort((a, b) => a.start - b.start || b.end - a.end)) {
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
      laneEnds.push(item.end);
    }
    lanes[lane].push(item);
    laneEnds[lane] = item.end;
  }
  return lanes;
}

/** Problems that would stop a trace viewer from loading the file; empty when it is valid. */
export function traceProblems(trace: unknown): string[] {
  const problems: string[] = [];
  if (typeof trace !== "object" || trace === null || !Array.isArray((trace as ChromeTrace).traceEvents))
    return ["no traceEvents array"];
  const lastTs = new Map<string, number>();
  (trace as ChromeTrace).traceEvents.forEach((e, i) => {
    for (const field of ["ph", "ts", "dur", "pid", "tid"] as const) {
      if (e[field] === undefined || e[field] === null) problems.push(`event ${i} has no ${field}`);
    }
    if (!Number.isFinite(e.ts) || e.ts < 0) problems.push(`event ${i} has a bad ts`);
    if (!Number.isFinite(e.dur) || e.dur < 0) problems.push(`event ${i} has a bad dur`);
    const track = `${e.pid}:${e.tid}`;
    const prev = lastTs.get(track);
    if (prev !== undefined && e.ts < prev) problems.push(`event ${i} goes back in time on track ${track}`);
    lastTs.set(track, e.ts);
  });
  return problems;
}
