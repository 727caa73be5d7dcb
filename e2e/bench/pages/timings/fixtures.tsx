// The chart on fixed data, without a server: for screenshots (light, dark, 390 px) and for
// trying interactions. ?scenario=recorded|compare|live|big|states&theme=dark
import { useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import type { WorkspaceBuildTimings } from "../../../../src/api/types";
import { TimingsChart, TimingsEmpty, TimingsSkeleton, type TimingBar } from "../../../../src/components/TimingsChart";
import { buildLiveTimings, buildTimingTree } from "../../../../src/lib/timings";
import { agent, at, build, log, T0 } from "../../../../src/lib/timings/__fixtures__/builds";
import { RECORDED_START } from "../../../../src/lib/timings/__fixtures__/recorded";
import { syntheticTimings } from "../../../../src/lib/timings/synthetic";
import { applyTheme } from "./hooks";
import "./bench.css";

applyTheme();
const scenario = new URLSearchParams(location.search).get("scenario") ?? "recorded";

/** The recorded build a week earlier: the container was faster and one resource had another name. */
function baselineOf(t: WorkspaceBuildTimings): WorkspaceBuildTimings {
  const shift = (iso: string, ms: number) => new Date(Date.parse(iso) - 7 * 86_400_000 + ms).toISOString();
  return {
    ...t,
    provisioner_timings: t.provisioner_timings.map((p) => ({
      ...p,
      resource: p.resource === "coder_metadata.info[0]" ? "coder_metadata.container_info[0]" : p.resource,
      started_at: shift(p.started_at, 0),
      ended_at: shift(p.ended_at, p.resource === "docker_container.workspace[0]" ? -2500 : 0),
    })),
    agent_connection_timings: t.agent_connection_timings?.map((c) => ({
      ...c,
      started_at: shift(c.started_at, 0),
      ended_at: shift(c.ended_at, 0),
    })),
    agent_script_timings: t.agent_script_timings?.map((s) => ({
      ...s,
      started_at: shift(s.started_at, 0),
      ended_at: shift(s.ended_at, s.display_name === "Startup Script" ? -6000 : 0),
    })),
  };
}

function Selected({ bar }: { bar?: TimingBar }) {
  return (
    <p className="text-xs text-muted" data-testid="selected-bar">
      {bar ? `Selected: ${bar.item?.name ?? bar.stage.label}` : "Click a bar to open its logs"}
    </p>
  );
}

function Recorded({ compare }: { compare: boolean }) {
  const tree = useMemo(() => buildTimingTree(RECORDED_START), []);
  const base = useMemo(() => buildTimingTree(baselineOf(RECORDED_START)), []);
  const [bar, setBar] = useState<TimingBar>();
  return (
    <>
      <Selected bar={bar} />
      <TimingsChart
        tree={tree}
        label="#42"
        exportName="dev-42"
        compare={compare ? { tree: base, label: "#41" } : undefined}
        onSelectBar={setBar}
        shareUrl={(s) => `${location.origin}/?${JSON.stringify(s)}`}
      />
    </>
  );
}

/** A build that runs through its stages in ~20 s, then its agent starts. */
function Live() {
  const [now, setNow] = useState(T0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setNow(T0 + (Date.now() - started)), 250);
    return () => clearInterval(timer);
  }, []);
  const elapsed = now - T0;
  const logs = [
    log(1, 200, "Setting up"),
    log(2, 3000, "Planning infrastructure"),
    log(3, 7000, "Starting workspace"),
  ].filter((l) => Date.parse(l.created_at) <= now);
  const done = elapsed > 12_000;
  const b = build(
    done
      ? { status: "succeeded", started_at: at(100), completed_at: at(12_000) }
      : { status: "running", started_at: at(100) },
    [
      agent({
        created_at: at(11_000),
        first_connected_at: elapsed > 14_000 ? at(14_000) : undefined,
        started_at: elapsed > 14_000 ? at(14_100) : undefined,
        status: elapsed > 14_000 ? "connected" : "connecting",
        lifecycle_state: elapsed > 20_000 ? "ready" : elapsed > 14_000 ? "starting" : "created",
      }),
    ],
  );
  // The recorded provisioner timings share T0, so they stand in for what the job wrote at completion.
  const timings = done ? { provisioner_timings: RECORDED_START.provisioner_timings } : undefined;
  const live = buildLiveTimings({ build: b, timings, logs, now });
  return (
    <>
      <p className="text-xs text-muted">Phase: {live.phase}</p>
      {live.tree.items.length ? (
        <TimingsChart tree={live.tree} live={live.live} label="#43" />
      ) : (
        <TimingsEmpty reason="queued" />
      )}
    </>
  );
}

function Big() {
  const tree = useMemo(() => buildTimingTree(syntheticTimings(5000)), []);
  return (
    <TimingsChart tree={tree} label="#bench" initialState={{ expanded: ["apply"], critical: true, compress: false }} />
  );
}

function States() {
  return (
    <div className="flex flex-col gap-6">
      <TimingsSkeleton />
      <TimingsEmpty reason="queued" />
      <TimingsEmpty reason="no-timings" />
      <TimingsEmpty reason="unsupported" />
    </div>
  );
}

function App() {
  return (
    <main className="mx-auto flex max-w-[1280px] flex-col gap-3 p-4">
      <h1 className="text-lg font-semibold">Timings · {scenario}</h1>
      {scenario === "compare" ? (
        <Recorded compare />
      ) : scenario === "live" ? (
        <Live />
      ) : scenario === "big" ? (
        <Big />
      ) : scenario === "states" ? (
        <States />
      ) : (
        <Recorded compare={false} />
      )}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
