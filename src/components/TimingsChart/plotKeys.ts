import type { PlotController } from "./controller";
import { KEY_ZOOM } from "./PlotToolbar";

export interface PlotKeyTarget {
  controller: PlotController;
  rowCount: number;
  focusIndex: number | undefined;
  /** Moves the keyboard focus to a row (scrolls it and its bar into view, announces it). */
  focusRow: (index: number) => void;
  selectRow: (index: number) => void;
  toggleStage: (index: number) => void;
  clearFocus: () => void;
}

/** The timeline's keys: +/− zoom, 0 resets, ←/→ pan, ↑/↓/Home/End move between bars. Returns whether the key was used. */
export function handlePlotKey(key: string, t: PlotKeyTarget): boolean {
  const { controller } = t;
  const span = controller.width();
  switch (key) {
    case "+":
    case "=":
      controller.zoomCentre(1 / KEY_ZOOM);
      return true;
    case "-":
    case "_":
      controller.zoomCentre(KEY_ZOOM);
      return true;
    case "0":
      controller.reset();
      return true;
    case "ArrowLeft":
      controller.panPx(-span * 0.1);
      return true;
    case "ArrowRight":
      controller.panPx(span * 0.1);
      return true;
    case "ArrowDown":
    case "ArrowUp":
    case "Home":
    case "End": {
      if (t.rowCount === 0) return true;
      const current = t.focusIndex ?? -1;
      const last = t.rowCount - 1;
      t.focusRow(
        key === "Home"
          ? 0
          : key === "End"
            ? last
            : Math.max(0, Math.min(last, current + (key === "ArrowDown" ? 1 : -1))),
      );
      return true;
    }
    case "Enter":
      if (t.focusIndex !== undefined && t.focusIndex < t.rowCount) t.selectRow(t.focusIndex);
      return true;
    case " ":
      if (t.focusIndex !== undefined && t.focusIndex < t.rowCount) t.toggleStage(t.focusIndex);
      return true;
    case "Escape":
      t.clearFocus();
      return true;
    default:
      return false;
  }
}
