import { Route } from "lucide-react";
import { formatDuration } from "../../lib/format";
import {
  BASELINE_MAX,
  BASELINE_MIN,
  verdictLabel,
  type Baseline,
  type SlowItem,
  type TimingItem,
} from "../../lib/timings";
import { cx } from "../cx";

/** What the chart knows about the usual times of this build's stages and items. */
export type UsualTimes =
  | { status: "loading" }
  | { status: "error"; message: string }
  | {
      status: "ready";
      baseline: Baseline;
      /** Which builds the baseline is made of, e.g. "10 start builds of this workspace, Nov 22 – Dec 5". */
      note: string;
    };

export interface UsualSize {
  value: number;
  onChange: (n: number) => void;
}

const SIZES = [BASELINE_MIN, 10, 20, BASELINE_MAX];
/** Rows listed, worst first, like "Slowest 10": a build where hundreds of items ran long would
 * otherwise render hundreds of rows before the chart's first frame; the bars stay tinted for all. */
const SHOWN = 10;

/** "Slower than usual": items past their p90, most excess first, with the build's one-line verdict. */
export function SlowerList({
  usual,
  slow,
  summary,
  size,
  selectedId,
  onPick,
}: {
  usual: UsualTimes;
  /** Undefined while it is being worked out (just after the chart's first frame). */
  slow?: readonly SlowItem[];
  summary?: string;
  size?: UsualSize;
  selectedId?: string;
  onPick: (item: TimingItem) => void;
}) {
  return (
    <section
      aria-labelledby="timings-slower"
      className="rounded-md border border-border bg-panel"
      data-testid="slower-than-usual"
      data-baseline={usual.status}
    >
      <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
        <h2 id="timings-slower" className="text-xs font-semibold text-text">
          Slower than usual
        </h2>
        {size && (
          <label className="flex items-center gap-1 text-[11px] text-muted">
            over
            <select
              value={SIZES.includes(size.value) ? size.value : ""}
              onChange={(e) => size.onChange(Number(e.target.value))}
              className="h-6 rounded border border-border bg-panel px-1 text-xs text-text"
              aria-label="Builds the usual times are taken from"
            >
              {!SIZES.includes(size.value) && <option value="">{size.value}</option>}
              {SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            builds
          </label>
        )}
      </div>
      {usual.status === "loading" && (
        <p className="px-3 py-3 text-xs text-muted" role="status">
          Working out the usual times from earlier builds…
        </p>
      )}
      {usual.status === "error" && <p className="px-3 py-3 text-xs text-text">{usual.message}</p>}
      {usual.status === "ready" && (
        <>
          <div className="space-y-1 border-b border-border/60 px-3 py-2 text-[11px]">
            {summary && (
              <p className="text-xs text-text" data-testid="baseline-summary">
                <WithCode text={summary} />
              </p>
            )}
            <p className="text-muted" data-testid="baseline-note">
              {usual.note}
            </p>
          </div>
          {!slow ? (
            <p className="px-3 py-3 text-xs text-muted" role="status">
              Comparing each item with its usual time…
            </p>
          ) : slow.length === 0 ? (
            <p className="px-3 py-3 text-xs text-muted">Nothing took longer than its usual p90.</p>
          ) : (
            <ol className="divide-y divide-border/60">
              {slow.slice(0, SHOWN).map(({ item, verdict, critical }) => (
                <li key={item.id}>
                  <button
                    type="button"
                    onClick={() => onPick(item)}
                    className={cx(
                      "flex w-full items-start gap-2 px-3 py-1.5 text-left text-xs hover:bg-raised",
                      item.id === selectedId && "bg-accent/10",
                    )}
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-mono text-text" title={item.name}>
                        {item.name}
                      </span>
                      <span className="block text-[11px] text-muted">
                        {item.stage} · usually {formatDuration(verdict.typical.median)}
                      </span>
                      <span
                        className={cx("flex items-center gap-1 text-[11px]", critical ? "text-text" : "text-muted")}
                      >
                        {critical ? (
                          <>
                            <Route aria-hidden className="size-3" />
                            On the critical path
                          </>
                        ) : (
                          "Off the critical path: did not lengthen the build"
                        )}
                      </span>
                    </span>
                    <span className="shrink-0 text-right font-mono tabular-nums text-attention">
                      {verdictLabel(verdict)}
                    </span>
                  </button>
                </li>
              ))}
              {slow.length > SHOWN && (
                <li className="px-3 py-1.5 text-[11px] text-muted">
                  {slow.length - SHOWN} more ran longer than usual: their bars are tinted in the chart.
                </li>
              )}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** The summary names items between backticks: shown as code. */
function WithCode({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="font-mono">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
