import type { ReactNode } from "react";
import { FileQuestion } from "lucide-react";
import { Link } from "react-router";
import { buttonClasses } from "./Button";

export interface NotFoundViewProps {
  title?: string;
  description?: ReactNode;
}

export function NotFoundView({
  title = "Page not found",
  description = "There is nothing at this address, or you don't have access to it.",
}: NotFoundViewProps) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-20 text-center">
      <FileQuestion aria-hidden className="size-8 text-muted" />
      <h1 className="text-lg font-semibold text-text">{title}</h1>
      <p className="text-sm text-muted">{description}</p>
      <Link to="/workspaces" className={buttonClasses({ variant: "secondary", className: "mt-2" })}>
        Go to workspaces
      </Link>
    </div>
  );
}
