import { useRef, type PointerEvent, type RefObject } from "react";
import type { PlotController } from "./controller";
import type { Viewport } from "./viewport";

const DRAG_THRESHOLD_PX = 4;

export interface PlotHover {
  index: number;
  x: number;
  y: number;
}

interface Drag {
  pointerId: number;
  x: number;
  y: number;
  view: Viewport;
  mode: "pan" | "select";
  moved: boolean;
}

/**
 * Pointer gestures on the timeline: drag pans (or, in select mode or with Shift, zooms to the dragged
 * range), two fingers pinch-zoom, hovering a bar shows its tooltip and a click selects it.
 */
export function usePlotPointer({
  controller,
  plotRef,
  selectMode,
  hover,
  setHover,
  positionTooltip,
  onClickBar,
}: {
  controller: PlotController;
  plotRef: RefObject<HTMLDivElement | null>;
  selectMode: boolean;
  hover: PlotHover | undefined;
  setHover: (hover: PlotHover | undefined) => void;
  positionTooltip: (x: number, y: number) => void;
  onClickBar: (index: number) => void;
}) {
  const dragRef = useRef<Drag | undefined>(undefined);
  const pinchRef = useRef(new Map<number, { x: number; y: number }>());

  const localPoint = (e: { clientX: number; clientY: number }) => {
    const rect = plotRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const p = localPoint(e);
    pinchRef.current.set(e.pointerId, p);
    if (e.button !== 0) return;
    plotRef.current?.setPointerCapture?.(e.pointerId);
    dragRef.current = {
      pointerId: e.pointerId,
      x: p.x,
      y: p.y,
      view: controller.view(),
      mode: e.shiftKey || selectMode ? "select" : "pan",
      moved: false,
    };
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = localPoint(e);
    const pointers = pinchRef.current;
    if (pointers.has(e.pointerId) && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const before = Math.abs(a.x - b.x);
      pointers.set(e.pointerId, p);
      const [c, d] = [...pointers.values()];
      const after = Math.abs(c.x - d.x);
      if (before > 10 && after > 10) controller.zoomAt((c.x + d.x) / 2, before / after);
      dragRef.current = undefined;
      return;
    }
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, p);
    const drag = dragRef.current;
    if (drag && drag.pointerId === e.pointerId) {
      const dx = p.x - drag.x;
      if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD_PX && Math.abs(p.y - drag.y) < DRAG_THRESHOLD_PX) return;
      drag.moved = true;
      if (drag.mode === "pan") controller.panFrom(drag.view, dx);
      else controller.setSelection({ x0: drag.x, x1: p.x });
      setHover(undefined);
      return;
    }
    const hit = controller.hit(p.x, p.y);
    const index = hit?.onBar ? hit.index : undefined;
    controller.setHover(index);
    if (index === undefined) setHover(undefined);
    else if (hover?.index === index) positionTooltip(p.x, p.y);
    else setHover({ index, x: p.x, y: p.y });
  };

  const endPointer = (e: PointerEvent<HTMLDivElement>, cancelled: boolean) => {
    pinchRef.current.delete(e.pointerId);
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== e.pointerId) return;
    dragRef.current = undefined;
    const p = localPoint(e);
    if (drag.mode === "select" && drag.moved) {
      controller.setSelection(undefined);
      if (!cancelled && Math.abs(p.x - drag.x) >= DRAG_THRESHOLD_PX) controller.zoomToPixels(drag.x, p.x);
      return;
    }
    if (drag.moved || cancelled) return;
    const hit = controller.hit(p.x, p.y);
    if (hit?.onBar) onClickBar(hit.index);
  };

  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: (e: PointerEvent<HTMLDivElement>) => endPointer(e, false),
    onPointerCancel: (e: PointerEvent<HTMLDivElement>) => endPointer(e, true),
    onPointerLeave: () => {
      controller.setHover(undefined);
      setHover(undefined);
    },
  };
}
