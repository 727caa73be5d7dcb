import type { ReactNode } from "react";
import { ChevronDown, ChevronsDownUp, ChevronsUpDown, ChevronUp, CircleX, Download, Maximize2, Minimize2, WrapText } from "lucide-react";
import { DEBUG, ERROR, INFO, TRACE, WARN, type LevelCode } from "../../lib/logs/levels";
import type { TimestampMode } from "../../lib/logs/time";
import { cx } from "../cx";
import { IconButton } from "./IconButton";
import { ShortcutsHelp } from "./ShortcutsHelp";

const LEVEL_OPTIONS: Array<[LevelCode, string]> = [
  [TRACE, "All levels"],
  [DEBUG, "Debug and up"],
  [INFO, "Info and up"],
  [WARN, "Warnings and errors"],
  [ERROR, "Errors only"],
];

const selectClass = "h-8 rounded-md border border-border bg-panel px-2 text-xs text-text hover:bg-raised";

export interface LogToolbarProps {
  search: ReactNode;
  minLevel: LevelCode;
  onMinLevelChange: (level: LevelCode) => void;
  errors: number;
  onPreviousError: () => void;
  onNextError: () => void;
  timestamps: TimestampMode;
  onTimestampsChange: (mode: TimestampMode) => void;
  wrap: boolean;
  onWrapChange: (wrap: boolean) => void;
  /** Build logs: collapse / expand every stage. */
  groups: { allCollapsed: boolean; onToggleAll: () => void } | null;
  download: { href: string; fileName: string } | { onClick: () => void; busy: boolean };
  fullScreen: boolean;
  onFullScreenChange: (on: boolean) => void;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
}

export function LogToolbar(props: LogToolbarProps) {
  const { search, minLevel, onMinLevelChange, errors, onPreviousError, onNextError, timestamps, onTimestampsChange, wrap, onWrapChange, groups, download } = props;
  return (
    <div role="toolbar" aria-label="Log tools" className="flex flex-wrap items-start gap-2 border-b border-border p-2">
      {search}
      <div className="flex flex-wrap items-center gap-1">
        <select aria-label="Levels shown" className={selectClass} value={minLevel} onChange={(e) => onMinLevelChange(Number(e.target.value) as LevelCode)}>
          {LEVEL_OPTIONS.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <div className={cx("flex h-8 items-center rounded-md border border-border pl-2 text-xs", errors > 0 ? "text-failure" : "text-muted")}>
          <CircleX aria-hidden className="mr-1 size-3.5" />
          <span className="mr-1 whitespace-nowrap tabular-nums">
            {errors.toLocaleString("en-US")} {errors === 1 ? "error" : "errors"}
          </span>
          <IconButton label="Previous error" icon={ChevronUp} onClick={onPreviousError} disabled={errors === 0} />
          <IconButton label="Next error" icon={ChevronDown} onClick={onNextError} disabled={errors === 0} />
        </div>
        <select aria-label="Timestamps" className={selectClass} value={timestamps} onChange={(e) => onTimestampsChange(e.target.value as TimestampMode)}>
          <option value="absolute">Clock time</option>
          <option value="relative">Since start</option>
          <option value="off">No time</option>
        </select>
        <IconButton label="Wrap long lines" icon={WrapText} pressed={wrap} onClick={() => onWrapChange(!wrap)} />
        {groups && (
          <IconButton
            label={groups.allCollapsed ? "Expand all stages" : "Collapse all stages"}
            icon={groups.allCollapsed ? ChevronsUpDown : ChevronsDownUp}
            onClick={groups.onToggleAll}
          />
        )}
        {"href" in download ? (
          <a
            href={download.href}
            download={download.fileName}
            aria-label="Download log"
            title="Download log"
            className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-text"
          >
            <Download aria-hidden className="size-4" />
          </a>
        ) : (
          <IconButton label={download.busy ? "Preparing download…" : "Download log"} icon={Download} onClick={download.onClick} disabled={download.busy} />
        )}
        <IconButton
          label={props.fullScreen ? "Exit full screen (Esc)" : "Full screen"}
          icon={props.fullScreen ? Minimize2 : Maximize2}
          pressed={props.fullScreen}
          onClick={() => props.onFullScreenChange(!props.fullScreen)}
        />
        <ShortcutsHelp open={props.helpOpen} onOpenChange={props.onHelpOpenChange} />
      </div>
    </div>
  );
}
