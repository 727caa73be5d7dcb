import { useMemo, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { buildByNumberQuery, buildTimingsQuery } from "../../api/queries";
import { useBuildNumberParam, useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonTable } from "../../components/Skeleton";
import { NotFoundView } from "../notFound/NotFoundView";
import { timingRows } from "./timingRows";
import { TimingsView } from "./TimingsView";

export default function TimingsPage() {
  const { owner, workspace } = useWorkspaceParams();
  const number = useBuildNumberParam();
  const build = useQuery({ ...buildByNumberQuery(owner, workspace, number ?? 0), enabled: number !== undefined });
  const timings = useQuery({ ...buildTimingsQuery(build.data?.id ?? ""), enabled: build.data !== undefined });
  const rows = useMemo(() => (timings.data ? timingRows(timings.data) : []), [timings.data]);

  const frame = (child: ReactNode) => <div className="mx-auto max-w-6xl p-4 sm:p-6">{child}</div>;
  if (number === undefined) return <NotFoundView title="Build not found" />;
  if (build.isError) {
    if (isApiError(build.error) && build.error.status === 404) return <NotFoundView title="Build not found" />;
    return frame(<ErrorState error={build.error} onRetry={() => void build.refetch()} />);
  }
  if (timings.isError) return frame(<ErrorState error={timings.error} onRetry={() => void timings.refetch()} />);
  if (build.isPending || timings.isPending) return frame(<SkeletonTable label="Loading timings" columns={5} />);
  return <TimingsView owner={owner} workspaceName={workspace} build={build.data} rows={rows} />;
}
