import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { cancelBuild, cancelTemplateVersion } from "../../api/mutations";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorState } from "../../components/ErrorState";
import { transitionLabel } from "../../lib/builds/labels";
import type { ActiveBuild } from "./model/now";

/** What the confirmation names: the build (workspace, number, transition) or the template version. */
export function jobLabel(job: ActiveBuild): string {
  if (job.kind !== "build") {
    const what = job.kind === "import" ? "import" : "dry run";
    return `the ${what} of ${job.templateName} ${job.templateVersionName}`.trim();
  }
  const name = job.ownerName ? `${job.ownerName}/${job.workspaceName}` : job.workspaceName;
  const number = job.buildNumber !== undefined ? ` #${job.buildNumber}` : "";
  return `the ${transitionLabel(job.transition).toLowerCase()} build of ${name}${number}`;
}

/**
 * Cancel for admins: a build through its workspace build, an import or dry run through its template
 * version. The row then follows the job (Canceling → Canceled) from the next poll, asked at once.
 */
export function CancelJobButton({ job, onCanceled }: { job: ActiveBuild; onCanceled: () => void }) {
  const [open, setOpen] = useState(false);
  const cancel = useMutation({
    mutationFn: () => {
      if (job.kind === "build" && job.buildId) return cancelBuild(job.buildId);
      if (job.templateVersionId) return cancelTemplateVersion(job.templateVersionId);
      return Promise.reject(new Error("This job cannot be canceled from here."));
    },
    onSuccess: () => {
      setOpen(false);
      onCanceled();
    },
  });
  const label = jobLabel(job);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        data-testid="cancel-job"
        aria-label={`Cancel ${label}`}
        onClick={() => {
          cancel.reset();
          setOpen(true);
        }}
        disabled={cancel.isPending}
      >
        Cancel
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Cancel this job?"
        description={
          <>
            This cancels <strong className="text-text">{label}</strong>
            {job.status === "pending" ? ", which has not started yet." : ", which is running now."}
          </>
        }
        confirmLabel="Cancel job"
        variant="danger"
        loading={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      >
        {cancel.error ? <ErrorState title="Couldn't cancel it" error={cancel.error} className="mt-3" /> : null}
      </ConfirmDialog>
    </>
  );
}
