import { cx } from "../cx";
import { STAGE_HUE_CLASS, STAGE_HUE_LABEL } from "../stagePalette";

const HUES = ["init", "plan", "graph", "apply", "connect", "script"] as const;
const ENTRIES = [
  ...HUES.map((hue) => ({ label: STAGE_HUE_LABEL[hue], swatch: STAGE_HUE_CLASS[hue] })),
  { label: "Failed", swatch: "bg-failure" },
];

export function Legend({
  compare,
  provisional,
  usual = false,
}: {
  compare: boolean;
  provisional: boolean;
  usual?: boolean;
}) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
      {ENTRIES.map((e) => (
        <li key={e.label} className="flex items-center gap-1.5">
          <span aria-hidden className={cx("inline-block h-2.5 w-4 rounded-sm", e.swatch)} />
          {e.label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-2.5 w-4 rounded-sm border border-dashed border-text" />
        Running{provisional ? " / provisional (from the log)" : ""}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-2.5 w-4 rounded-sm border-2 border-text" />
        Critical path
      </li>
      {usual && (
        <>
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="relative inline-block h-2.5 w-4 rounded-sm bg-muted/25">
              <span className="absolute inset-y-0 left-0 w-0.5 bg-text/75" />
            </span>
            Usual end (median) and p90
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-4 rounded-sm bg-attention" />
            Past its usual p90
          </li>
        </>
      )}
      {compare && (
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-1 w-4 rounded-sm bg-muted" />
          Baseline build
        </li>
      )}
    </ul>
  );
}
