import { memo } from "react";
import {
  ChevronDown,
  ChevronsDownUp,
  ChevronsUpDown,
  ChevronUp,
  CircleX,
  Download,
  Maximize2,
  Minimize2,
  WrapText,
} from "lucide-react";
import { DEBUG, ERROR, INFO, TRACE, WARN, type LevelCode } from "../../lib/logs/levels";
import type { TimestampMode } from "../../lib/logs/time";
import { cx } from "../cx";
import { IconButton } from "./IconButton";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { formatCount } from "../../lib/format";

const LEVEL_OPTIONS: Array<[LevelCode, string]> = [
  [TRACE, "All levels"],
  [DEBUG, "Debug and up"],
  [INFO, "Info and up"],
  [WARN, "Warnings and errors"],
  [ERROR, "Errors only"],
];

const selectClass = "h-8 rounded-md border border-border bg-panel px-2 text-xs text-text hover:bg-raised";

export interface LogControlsProps {
  minLevel: LevelCode;
  onMinLevelChange: (level: LevelCode) => void;
  errors: number;
  onPreviousError: () => void;
  onNextError: () => void;
  timestamps: TimestampMode;
  onTimestampsChange: (mode: TimestampMode) => void;
  wrap: boolean;
  onWrapChange: (wrap: boolean) => void;
  /** Build logs: a collapse / expand every stage button. */
  hasGroups: boolean;
  allCollapsed: boolean;
  onToggleAll: () => void;
  /** A server-side download link; without it `onDownload` generates the file. */
  downloadHref: string | undefined;
  downloadName: string;
  onDownload: () => void;
  downloadBusy: boolean;
  fullScreen: boolean;
  onFullScreenChange: (on: boolean) => void;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
}

/** Everything in the toolbar but search. Memoized: it must not re-render on every streamed frame. */
export const LogControls = memo(function LogControls(props: LogControlsProps) {
  const {
    minLevel,
    onMinLevelChange,
    errors,
    onPreviousError,
    onNextError,
    timestamps,
    onTimestampsChange,
    wrap,
    onWrapChange,
  } = props;
  return (
    <div className="flex flex-wrap items-center gap-1">
      <select
        aria-label="Levels shown"
        className={selectClass}
        value={minLevel}
        onChange={(e) => onMinLevelChange(Number(e.target.value) as LevelCode)}
      >
        {LEVEL_OPTIONS.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
      <div
        className={cx(
          "flex h-8 items-center rounded-md border border-border pl-2 text-xs",
          errors > 0 ? "text-failure" : "text-muted",
        )}
      >
        <CircleX aria-hidden className="mr-1 size-3.5" />
        <span className="mr-1 whitespace-nowrap tabular-nums">
          {formatCount(errors)} {errors === 1 ? "error" : "errors"}
        </span>
        <IconButton label="Previous error" icon={ChevronUp} onClick={onPreviousError} disabled={errors === 0} />
        <IconButton label="Next error" icon={ChevronDown} onClick={onNextError} disabled={errors === 0} />
      </div>
      <select
        aria-label="Timestamps"
        className={selectClass}
        value={timestamps}
        onChange={(e) => onTimestampsChange(e.target.value as TimestampMode)}
      >
        <option value="absolute">Clock time</option>
        <option value="relative">Since start</option>
        <option value="off">No time</option>
      </select>
      <IconButton label="Wrap long lines" icon={WrapText} pressed={wrap} onClick={() => onWrapChange(!wrap)} />
      {props.hasGroups && (
        <IconButton
          label={props.allCollapsed ? "Expand all stages" : "Collapse all stages"}
          icon={props.allCollapsed ? ChevronsUpDown : ChevronsDownUp}
          onClick={props.onToggleAll}
        />
      )}
      {props.downloadHref ? (
        <a
          href={props.downloadHref}
          download={props.downloadName}
          aria-label="Download log"
          title="Download log"
          className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-text"
        >
          <Download aria-hidden className="size-4" />
        </a>
      ) : (
        <IconButton
          label={props.downloadBusy ? "Preparing download…" : "Download log"}
          icon={Download}
          onClick={props.onDownload}
          disabled={props.downloadBusy}
        />
      )}
      <IconButton
        label={props.fullScreen ? "Exit full screen (Esc)" : "Full screen"}
        icon={props.fullScreen ? Minimize2 : Maximize2}
        pressed={props.fullScreen}
        onClick={() => props.onFullScreenChange(!props.fullScreen)}
      />
      <ShortcutsHelp open={props.helpOpen} onOpenChange={props.onHelpOpenChange} />
    </div>
  );
});
