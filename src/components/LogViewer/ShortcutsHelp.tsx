import * as Popover from "@radix-ui/react-popover";
import { Keyboard } from "lucide-react";

const SHORTCUTS: Array<[string, string]> = [
  ["/", "Search the log"],
  ["Enter / Shift+Enter", "Next / previous match"],
  ["Esc", "Clear search, leave full screen"],
  ["g / G", "Top / bottom of the log"],
  ["?", "Show these shortcuts"],
  ["Click a line number", "Select the line (link to it)"],
  ["Shift+click", "Select a range of lines"],
];

export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger
        aria-label="Keyboard shortcuts (?)"
        title="Keyboard shortcuts (?)"
        className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-text"
      >
        <Keyboard aria-hidden className="size-4" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          aria-label="Keyboard shortcuts"
          className="z-50 w-80 rounded-md border border-border bg-panel p-3 text-sm text-text shadow-lg"
        >
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Keyboard shortcuts</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-border bg-raised px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
                </dt>
                <dd className="text-muted">{what}</dd>
              </div>
            ))}
          </dl>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
