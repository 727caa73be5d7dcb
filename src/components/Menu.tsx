// Radix dropdown menu (keyboard, typeahead, focus return) with the product's look, loaded on first
// intent: until someone hovers, focuses or presses a menu trigger, the trigger is a plain button and
// Radix (with its positioning and scroll-lock code, ~25 KB gzipped) stays out of the initial JS.
import {
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ButtonHTMLAttributes,
  type ComponentProps,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import type * as Dropdown from "@radix-ui/react-dropdown-menu";
import { createLazyModule } from "./lazyModule";
import { cx } from "./cx";

type DropdownModule = typeof Dropdown;

const dropdown = createLazyModule<DropdownModule>(() => import("@radix-ui/react-dropdown-menu"));

interface MenuContextValue {
  radix: DropdownModule | undefined;
  /** The user pressed the inert trigger: load Radix and open this menu once it is there. */
  activate: () => void;
  /** The inert trigger had focus, so the Radix trigger that replaces it takes it over. */
  focusedBeforeLoad: { current: boolean };
}

const MenuContext = createContext<MenuContextValue | null>(null);

function useMenuContext(): MenuContextValue {
  const context = useContext(MenuContext);
  if (!context) throw new Error("Menu parts must be inside <Menu>");
  return context;
}

/** Non-modal by default: the rest of the page stays readable to assistive tech while a menu is open. */
export type MenuProps = Pick<
  ComponentProps<DropdownModule["Root"]>,
  "open" | "onOpenChange" | "defaultOpen" | "modal"
> & { children: ReactNode };

export function Menu({ children, open, onOpenChange, defaultOpen, modal = false }: MenuProps) {
  const radix = useSyncExternalStore(dropdown.subscribe, dropdown.get, dropdown.get);
  const [openOnLoad, setOpenOnLoad] = useState(false);
  const focusedBeforeLoad = useRef(false);
  const context: MenuContextValue = {
    radix,
    activate: () => {
      setOpenOnLoad(true);
      void dropdown.load();
    },
    focusedBeforeLoad,
  };
  if (!radix) return <MenuContext.Provider value={context}>{children}</MenuContext.Provider>;
  return (
    <MenuContext.Provider value={context}>
      <radix.Root open={open} onOpenChange={onOpenChange} defaultOpen={defaultOpen || openOnLoad} modal={modal}>
        {children}
      </radix.Root>
    </MenuContext.Provider>
  );
}

type TriggerProps = ButtonHTMLAttributes<HTMLButtonElement> & { asChild?: boolean };

/** Opens the menu on pointer down (left button) or Enter / Space / ArrowDown, like Radix's own trigger. */
export function MenuTrigger({ asChild, children, ...props }: TriggerProps) {
  const { radix, activate, focusedBeforeLoad } = useMenuContext();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (radix && focusedBeforeLoad.current) {
      focusedBeforeLoad.current = false;
      ref.current?.focus();
    }
  }, [radix, focusedBeforeLoad]);

  if (radix) {
    return (
      <radix.Trigger ref={ref} asChild={asChild} {...props}>
        {children}
      </radix.Trigger>
    );
  }

  const inert: Record<string, unknown> & ButtonHTMLAttributes<HTMLButtonElement> = {
    "aria-haspopup": "menu" as const,
    "aria-expanded": false,
    onPointerEnter: (e: PointerEvent<HTMLButtonElement>) => {
      props.onPointerEnter?.(e);
      void dropdown.load();
    },
    onFocus: (e: FocusEvent<HTMLButtonElement>) => {
      props.onFocus?.(e);
      focusedBeforeLoad.current = true;
      void dropdown.load();
    },
    onBlur: (e: FocusEvent<HTMLButtonElement>) => {
      props.onBlur?.(e);
      focusedBeforeLoad.current = false;
    },
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      props.onPointerDown?.(e);
      if (e.button === 0 && !e.ctrlKey && !props.disabled) {
        // Keep focus where Radix expects it (on the trigger) rather than letting the click move it.
        e.preventDefault();
        activate();
      }
    },
    onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => {
      props.onKeyDown?.(e);
      if (!props.disabled && (e.key === "Enter" || e.key === " " || e.key === "ArrowDown")) {
        e.preventDefault();
        activate();
      }
    },
  };

  if (asChild && isValidElement(children)) {
    const child = children as ReactElement<Record<string, unknown>>;
    const composed: Record<string, unknown> = { ...props };
    for (const [name, handler] of Object.entries(inert)) {
      const own = child.props[name];
      composed[name] =
        typeof handler === "function" && typeof own === "function"
          ? (e: unknown) => {
              (own as (e: unknown) => void)(e);
              (handler as (e: unknown) => void)(e);
            }
          : handler;
    }
    return cloneElement(child, composed);
  }
  return (
    <button type="button" {...props} {...inert}>
      {children}
    </button>
  );
}

export function MenuContent({
  className,
  align = "end",
  sideOffset = 4,
  ...props
}: ComponentProps<DropdownModule["Content"]>) {
  const { radix } = useMenuContext();
  if (!radix) return null;
  return (
    <radix.Portal>
      <radix.Content
        align={align}
        sideOffset={sideOffset}
        className={cx(
          "z-50 min-w-44 rounded-md border border-border bg-panel p-1 text-sm text-text shadow-lg",
          className,
        )}
        {...props}
      />
    </radix.Portal>
  );
}

const itemClass =
  "flex h-8 cursor-default select-none items-center gap-2 rounded px-2 outline-none data-[highlighted]:bg-raised data-[disabled]:pointer-events-none data-[disabled]:opacity-50";

export function MenuItem({
  className,
  variant = "default",
  ...props
}: ComponentProps<DropdownModule["Item"]> & { variant?: "default" | "danger" }) {
  const { radix } = useMenuContext();
  if (!radix) return null;
  return <radix.Item className={cx(itemClass, variant === "danger" && "text-failure", className)} {...props} />;
}

export function MenuGroup(props: ComponentProps<DropdownModule["Group"]>) {
  const { radix } = useMenuContext();
  return radix ? <radix.Group {...props} /> : null;
}

export function MenuRadioGroup(props: ComponentProps<DropdownModule["RadioGroup"]>) {
  const { radix } = useMenuContext();
  return radix ? <radix.RadioGroup {...props} /> : null;
}

export function MenuRadioItem({ className, children, ...props }: ComponentProps<DropdownModule["RadioItem"]>) {
  const { radix } = useMenuContext();
  if (!radix) return null;
  return (
    <radix.RadioItem className={cx(itemClass, className)} {...props}>
      <span aria-hidden className="inline-flex size-3.5 items-center justify-center">
        <radix.ItemIndicator>
          <span className="block size-1.5 rounded-full bg-text" />
        </radix.ItemIndicator>
      </span>
      {children}
    </radix.RadioItem>
  );
}

export function MenuLabel({ className, ...props }: ComponentProps<DropdownModule["Label"]>) {
  const { radix } = useMenuContext();
  return radix ? <radix.Label className={cx("px-2 py-1.5 text-xs text-muted", className)} {...props} /> : null;
}

export function MenuSeparator({ className, ...props }: ComponentProps<DropdownModule["Separator"]>) {
  const { radix } = useMenuContext();
  return radix ? <radix.Separator className={cx("my-1 h-px bg-border", className)} {...props} /> : null;
}
