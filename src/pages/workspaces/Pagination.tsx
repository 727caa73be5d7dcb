import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "../../components/Button";
import { pageCount, showingLabel } from "./model/paging";

export interface PaginationProps {
  page: number;
  total: number;
  rowsOnPage: number;
  onPageChange: (page: number) => void;
}

export function Pagination({ page, total, rowsOnPage, onPageChange }: PaginationProps) {
  const pages = pageCount(total);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
      <p className="tabular-nums" aria-live="polite">
        {showingLabel(page, total, rowsOnPage)}
      </p>
      {pages > 1 && (
        <div className="flex items-center gap-2">
          <Button size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1} aria-label="Previous page">
            <ChevronLeft aria-hidden className="size-3.5" />
            Previous
          </Button>
          <span className="tabular-nums">
            Page {page} of {pages}
          </span>
          <Button size="sm" onClick={() => onPageChange(page + 1)} disabled={page >= pages} aria-label="Next page">
            Next
            <ChevronRight aria-hidden className="size-3.5" />
          </Button>
        </div>
      )}
    </nav>
  );
}
