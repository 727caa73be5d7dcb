import { useState } from "react";
import { Copy, X } from "lucide-react";
import type { LineRange } from "../../lib/logs/permalink";
import { Button } from "../Button";

/** "Lines 120–140 selected · Copy lines · ×" above the log while a permalink range is selected. */
export function SelectionBar({
  selection,
  getText,
  onClear,
}: {
  selection: LineRange;
  getText: () => string;
  onClear: () => void;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const single = selection.start === selection.end;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(getText());
      setStatus("copied");
    } catch {
      // No clipboard permission (or an insecure origin): say so rather than fail silently.
      setStatus("failed");
    }
    setTimeout(() => setStatus("idle"), 1500);
  };

  return (
    <div className="flex items-center gap-2 border-b border-border bg-raised/60 px-3 py-1 text-xs">
      <span className="tabular-nums">
        {single ? `Line ${selection.start}` : `Lines ${selection.start}–${selection.end}`} selected
      </span>
      <Button size="sm" variant="ghost" onClick={() => void copy()}>
        <Copy aria-hidden className="size-3.5" />
        {status === "copied" ? "Copied" : status === "failed" ? "Copy failed" : single ? "Copy line" : "Copy lines"}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear} aria-label="Clear selection">
        <X aria-hidden className="size-3.5" />
      </Button>
    </div>
  );
}
