import type { ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { Button } from "./Button";

export interface FormDialogProps {
  title: ReactNode;
  description: ReactNode;
  /** Cancel, Escape, the overlay and the close button all call this. */
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: ReactNode;
  submitting?: boolean;
  submitDisabled?: boolean;
  /** The form's fields; the body scrolls between a fixed header and footer on short screens. */
  children: ReactNode;
}

/** A modal form: title, scrolling fields, Cancel + submit. Enter submits; the dialog owns focus. */
export function FormDialog({
  title,
  description,
  onClose,
  onSubmit,
  submitLabel,
  submitting,
  submitDisabled,
  children,
}: FormDialogProps) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-border bg-panel shadow-xl"
          onOpenAutoFocus={(e) => {
            // Start on the first field (the user came to fill it in), not on the close button.
            const field =
              e.currentTarget instanceof HTMLElement
                ? e.currentTarget.querySelector<HTMLElement>(
                    "[data-form-body] :is(input, select, textarea):not([disabled])",
                  )
                : null;
            if (field) {
              e.preventDefault();
              field.focus();
            }
          }}
        >
          <form
            className="flex min-h-0 flex-col"
            onSubmit={(e) => {
              e.preventDefault();
              onSubmit();
            }}
          >
            <div className="flex items-start justify-between gap-2 border-b border-border p-4">
              <div>
                <Dialog.Title className="text-base font-semibold text-text">{title}</Dialog.Title>
                <Dialog.Description className="mt-0.5 text-sm text-muted">{description}</Dialog.Description>
              </div>
              <Dialog.Close className="rounded p-1 text-muted hover:bg-raised hover:text-text" aria-label="Close">
                <X aria-hidden className="size-4" />
              </Dialog.Close>
            </div>
            <div data-form-body className="flex min-h-0 flex-col gap-4 overflow-y-auto p-4">
              {children}
            </div>
            <div className="flex justify-end gap-2 border-t border-border p-4">
              <Button onClick={onClose}>Cancel</Button>
              <Button type="submit" variant="primary" loading={submitting} disabled={submitDisabled}>
                {submitLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
