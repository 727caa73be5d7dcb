import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CircleCheck, CircleX, Info, X } from "lucide-react";
import { cx } from "./cx";

export type ToastVariant = "info" | "success" | "error";

export interface ToastInput {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it goes away; errors stay longer by default. */
  durationMs?: number;
  /** One button that follows up on the news (e.g. open what it is about); the toast closes with it. */
  action?: { label: string; onClick: () => void };
}

interface ToastItem extends Required<Omit<ToastInput, "description" | "action">> {
  id: number;
  description?: string;
  action?: ToastInput["action"];
}

interface ToastApi {
  toast: (input: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Holds the toasts and the live region that announces them. Mount once at the root. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);
  const toast = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    const variant = input.variant ?? "info";
    const durationMs = input.durationMs ?? (variant === "error" ? 8_000 : 4_000);
    // Keep at most five so a burst of failures cannot cover the page.
    setItems((all) => [
      ...all.slice(-4),
      { id, title: input.title, description: input.description, variant, durationMs, action: input.action },
    ]);
    return id;
  }, []);
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-[calc(100vw-2rem)] max-w-sm flex-col gap-2"
      >
        {items.map((item) => (
          <ToastCard key={item.id} item={item} onDismiss={() => dismiss(item.id)} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}

const ICONS = { info: Info, success: CircleCheck, error: CircleX } as const;
const ICON_COLOURS = { info: "text-progress", success: "text-ok", error: "text-failure" } as const;

function ToastCard({ item, onDismiss }: { item: ToastItem; onDismiss: () => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(onDismiss, item.durationMs);
    return () => clearTimeout(timer);
  }, [paused, item.durationMs, onDismiss]);
  const Icon = ICONS[item.variant];
  return (
    <div
      role={item.variant === "error" ? "alert" : "status"}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      className="pointer-events-auto flex items-start gap-2 rounded-md border border-border bg-panel p-3 text-sm shadow-lg"
    >
      <Icon aria-hidden className={cx("mt-0.5 size-4 shrink-0", ICON_COLOURS[item.variant])} />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-text">{item.title}</p>
        {item.description && <p className="mt-0.5 break-words text-muted">{item.description}</p>}
        {item.action && (
          <button
            type="button"
            onClick={() => {
              item.action?.onClick();
              onDismiss();
            }}
            className="mt-1.5 rounded font-medium text-accent hover:underline"
          >
            {item.action.label}
          </button>
        )}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss notification"
        className="rounded p-0.5 text-muted hover:bg-raised hover:text-text"
      >
        <X aria-hidden className="size-3.5" />
      </button>
    </div>
  );
}
