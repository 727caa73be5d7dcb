import { Maximize2, SquareDashedMousePointer, ZoomIn, ZoomOut } from "lucide-react";
import { Button } from "../Button";
import type { PlotController } from "./controller";

/** A keyboard or toolbar zoom step: one and a half times in or out. */
export const KEY_ZOOM = 1.5;

/** Zoom buttons, the range-select toggle and the one-line help the timeline refers to. */
export function PlotToolbar({
  controller,
  selectMode,
  onToggleSelectMode,
  helpId,
}: {
  controller: PlotController;
  selectMode: boolean;
  onToggleSelectMode: () => void;
  helpId: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-border px-2 py-1">
      <Button
        size="sm"
        variant="ghost"
        aria-label="Zoom out"
        title="Zoom out (−)"
        onClick={() => controller.zoomCentre(KEY_ZOOM)}
      >
        <ZoomOut aria-hidden className="size-3.5" />
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={() => controller.zoomCentre(1 / KEY_ZOOM)}
      >
        <ZoomIn aria-hidden className="size-3.5" />
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label="Reset zoom"
        title="Reset zoom (0 or double-click)"
        onClick={() => controller.reset()}
      >
        <Maximize2 aria-hidden className="size-3.5" />
      </Button>
      <Button
        size="sm"
        variant={selectMode ? "secondary" : "ghost"}
        aria-pressed={selectMode}
        title="Drag to zoom to a range (or hold Shift while dragging)"
        onClick={onToggleSelectMode}
      >
        <SquareDashedMousePointer aria-hidden className="size-3.5" />
        <span className="hidden sm:inline">Select range</span>
      </Button>
      <p id={helpId} className="ml-auto hidden text-[11px] text-muted md:block">
        Wheel to zoom · drag to pan · Shift+drag to zoom to a range · double-click or 0 to reset · ↑↓ to move between
        bars, Enter for logs
      </p>
    </div>
  );
}
