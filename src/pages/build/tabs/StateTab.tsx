import { useMemo, useState } from "react";
import { Check, Copy, Download, FileJson } from "lucide-react";
import { Button } from "../../../components/Button";
import { EmptyState } from "../../../components/EmptyState";
import { formatCount } from "../../../lib/format";

/** Pretty-printed when it is JSON (Terraform state is); shown as it came otherwise. */
function formatState(raw: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), json: true };
  } catch {
    return { text: raw, json: false };
  }
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** The build's raw Terraform state (template administrators only). */
export function StateTab({ raw, fileName }: { raw: string; fileName: string }) {
  const state = useMemo(() => formatState(raw), [raw]);
  const [copied, setCopied] = useState(false);
  if (!raw.trim() || state.text === "{}") {
    return <EmptyState icon={FileJson} title="No state" description="This build recorded no Terraform state." />;
  }
  const lines = state.text.split("\n").length;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">
          Terraform state, {formatCount(lines)} lines{state.json ? "" : " (not JSON: shown as received)"}. It can hold
          secrets: share with care.
        </p>
        <div className="flex gap-2">
          <Button
            size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(state.text).then(() => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              });
            }}
          >
            {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
            {copied ? "Copied" : "Copy"}
          </Button>
          <Button
            size="sm"
            onClick={() => download(state.text, fileName, state.json ? "application/json" : "text/plain")}
          >
            <Download aria-hidden className="size-3.5" />
            Download
          </Button>
        </div>
      </div>
      <pre
        tabIndex={0}
        aria-label="Terraform state"
        data-testid="build-state"
        className="max-h-[65vh] overflow-auto rounded-md border border-border bg-panel p-3 font-mono text-xs leading-5 text-text"
      >
        {state.text}
      </pre>
    </div>
  );
}
