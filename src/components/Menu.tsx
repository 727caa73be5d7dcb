import type { ComponentProps } from "react";
import * as Dropdown from "@radix-ui/react-dropdown-menu";
import { cx } from "./cx";

/** Radix dropdown menu (keyboard, typeahead, focus return) with the product's look. */
export const Menu = Dropdown.Root;
export const MenuTrigger = Dropdown.Trigger;
export const MenuGroup = Dropdown.Group;

export function MenuContent({ className, align = "end", sideOffset = 4, ...props }: ComponentProps<typeof Dropdown.Content>) {
  return (
    <Dropdown.Portal>
      <Dropdown.Content
        align={align}
        sideOffset={sideOffset}
        className={cx("z-50 min-w-44 rounded-md border border-border bg-panel p-1 text-sm text-text shadow-lg", className)}
        {...props}
      />
    </Dropdown.Portal>
  );
}

export function MenuItem({ className, variant = "default", ...props }: ComponentProps<typeof Dropdown.Item> & { variant?: "default" | "danger" }) {
  return (
    <Dropdown.Item
      className={cx(
        "flex h-8 cursor-default select-none items-center gap-2 rounded px-2 outline-none",
        "data-[highlighted]:bg-raised data-[disabled]:pointer-events-none data-[disabled]:opacity-50",
        variant === "danger" && "text-failure",
        className,
      )}
      {...props}
    />
  );
}

export function MenuRadioGroup(props: ComponentProps<typeof Dropdown.RadioGroup>) {
  return <Dropdown.RadioGroup {...props} />;
}

export function MenuRadioItem({ className, children, ...props }: ComponentProps<typeof Dropdown.RadioItem>) {
  return (
    <Dropdown.RadioItem
      className={cx("flex h-8 cursor-default select-none items-center gap-2 rounded px-2 outline-none data-[highlighted]:bg-raised", className)}
      {...props}
    >
      <span aria-hidden className="inline-flex size-3.5 items-center justify-center">
        <Dropdown.ItemIndicator>
          <span className="block size-1.5 rounded-full bg-text" />
        </Dropdown.ItemIndicator>
      </span>
      {children}
    </Dropdown.RadioItem>
  );
}

export function MenuLabel({ className, ...props }: ComponentProps<typeof Dropdown.Label>) {
  return <Dropdown.Label className={cx("px-2 py-1.5 text-xs text-muted", className)} {...props} />;
}

export function MenuSeparator({ className, ...props }: ComponentProps<typeof Dropdown.Separator>) {
  return <Dropdown.Separator className={cx("my-1 h-px bg-border", className)} {...props} />;
}
