// The command palette's host: Ctrl+K / ⌘K from every signed-in page (also from inside a text box:
// the chord types nothing), `?` outside text boxes for the shortcuts, and an `open` for the top
// bar's button. The palette itself (and the cmdk library) is fetched on first open, keeping it out
// of every route's initial JavaScript.
import { createContext, lazy, Suspense, useContext, useMemo, useState, type ReactNode } from "react";
import { isTyping } from "../../components/isTyping";
import { useKeydown } from "../../components/useKeydown";
import type { PaletteSeed } from "./CommandPalette";

const CommandPalette = lazy(() => import("./CommandPalette"));

interface PaletteApi {
  open: () => void;
}

const PaletteContext = createContext<PaletteApi | null>(null);

/** Ctrl+K everywhere; ⌘K on Apple keyboards (where Ctrl+K is a text-editing key). */
function isPaletteChord(e: KeyboardEvent): boolean {
  return e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey;
}

export function PaletteProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [seed, setSeed] = useState<PaletteSeed>({ text: "" });

  // Capture: a widget that stops its keys' propagation (charts, tables) must not swallow the chord.
  useKeydown(
    (e) => {
      if (!isPaletteChord(e)) return;
      e.preventDefault();
      setLoaded(true);
      setOpen((o) => !o);
    },
    { target: "window", capture: true },
  );
  // Bubble: a log viewer's own `?` (its shortcuts) is handled first and prevents this one.
  useKeydown(
    (e) => {
      if (e.key !== "?" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      setLoaded(true);
      setSeed({ text: "?" });
      setOpen(true);
    },
    { target: "window" },
  );

  const api = useMemo<PaletteApi>(
    () => ({
      open: () => {
        setLoaded(true);
        setOpen(true);
      },
    }),
    [],
  );

  return (
    <PaletteContext.Provider value={api}>
      {children}
      {loaded && (
        <Suspense fallback={null}>
          <CommandPalette open={open} onOpenChange={setOpen} seed={seed} />
        </Suspense>
      )}
    </PaletteContext.Provider>
  );
}

export function usePalette(): PaletteApi {
  const api = useContext(PaletteContext);
  if (!api) throw new Error("usePalette must be used inside <PaletteProvider>");
  return api;
}
