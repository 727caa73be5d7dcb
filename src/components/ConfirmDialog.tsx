import { useId, useState, type ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Button } from "./Button";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Destructive actions get a red button. */
  variant?: "primary" | "danger";
  /** The user must type this text (e.g. the workspace name) before confirming. */
  typeToConfirm?: string;
  loading?: boolean;
  /** Shown under the description, e.g. the error from a failed attempt. */
  children?: ReactNode;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-panel p-5 shadow-xl">
          {/* Remounted on every open so a half-typed confirmation never survives a close. */}
          {props.open && <ConfirmBody {...props} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ConfirmBody({
  title,
  description,
  confirmLabel,
  onConfirm,
  onOpenChange,
  variant = "primary",
  typeToConfirm,
  loading,
  children,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const ready = typeToConfirm === undefined || typed === typeToConfirm;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !loading) onConfirm();
      }}
    >
      <Dialog.Title className="text-base font-semibold text-text">{title}</Dialog.Title>
      {description ? (
        <Dialog.Description asChild>
          <div className="mt-2 text-sm text-muted">{description}</div>
        </Dialog.Description>
      ) : (
        <Dialog.Description className="sr-only">{title}</Dialog.Description>
      )}
      {typeToConfirm !== undefined && (
        <div className="mt-4 flex flex-col gap-1.5">
          <label htmlFor={inputId} className="text-sm text-text">
            Type <span className="font-mono font-semibold">{typeToConfirm}</span> to confirm
          </label>
          <input
            id={inputId}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="h-8 rounded-md border border-border bg-page px-2 font-mono text-sm text-text"
          />
        </div>
      )}
      {children && <div className="mt-3">{children}</div>}
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={() => onOpenChange(false)}>Cancel</Button>
        <Button type="submit" variant={variant} disabled={!ready} loading={loading}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
}
