// Radix tooltip, loaded on first hover or focus of any tooltip trigger (see Menu.tsx for why).
import {
  cloneElement,
  isValidElement,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
  type ReactNode,
  type Ref,
} from "react";
import type * as RadixTooltip from "@radix-ui/react-tooltip";
import { createLazyModule } from "./lazyModule";

const tooltip = createLazyModule<typeof RadixTooltip>(() => import("@radix-ui/react-tooltip"));

export interface TooltipProps {
  content: ReactNode;
  /** One focusable element (a button or link): the tooltip opens on its hover and focus. */
  children: ReactNode;
  side?: "top" | "right" | "bottom" | "left";
}

type Handler = (e: unknown) => void;

export function Tooltip({ content, children, side = "top" }: TooltipProps) {
  const radix = useSyncExternalStore(tooltip.subscribe, tooltip.get, tooltip.get);
  const [wanted, setWanted] = useState(false);
  const focused = useRef(false);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (radix && focused.current) {
      focused.current = false;
      ref.current?.focus();
    }
  }, [radix]);

  if (!radix) {
    if (!isValidElement(children)) return <>{children}</>;
    const child = children as ReactElement<Record<string, unknown>>;
    const chain = (name: string, extra: Handler) => (e: unknown) => {
      (child.props[name] as Handler | undefined)?.(e);
      extra(e);
    };
    return cloneElement(child, {
      onPointerEnter: chain("onPointerEnter", () => {
        setWanted(true);
        void tooltip.load();
      }),
      onPointerLeave: chain("onPointerLeave", () => setWanted(false)),
      onFocus: chain("onFocus", () => {
        focused.current = true;
        setWanted(true);
        void tooltip.load();
      }),
      onBlur: chain("onBlur", () => {
        focused.current = false;
        setWanted(false);
      }),
    });
  }

  return (
    <radix.Provider delayDuration={300} skipDelayDuration={100}>
      <radix.Root defaultOpen={wanted}>
        <radix.Trigger ref={ref as Ref<HTMLButtonElement>} asChild>
          {children}
        </radix.Trigger>
        <radix.Portal>
          <radix.Content
            side={side}
            sideOffset={4}
            className="z-50 max-w-xs rounded bg-text px-2 py-1 text-xs text-page shadow-md"
          >
            {content}
          </radix.Content>
        </radix.Portal>
      </radix.Root>
    </radix.Provider>
  );
}
