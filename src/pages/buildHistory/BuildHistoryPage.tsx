import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { isApiError } from "../../api/client";
import { buildsQuery } from "../../api/queries";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonTable } from "../../components/Skeleton";
import { NotFoundView } from "../notFound/NotFoundView";
import { BuildHistoryView } from "./BuildHistoryView";

const PAGE_SIZE = 25;

export default function BuildHistoryPage() {
  const { owner, workspace: name } = useWorkspaceParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const ws = useWorkspaceByName(owner, name);
  const builds = useQuery({
    ...buildsQuery(ws.workspace?.id ?? "", { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
    enabled: ws.workspace !== undefined,
  });

  const frame = (child: ReactNode) => <div className="mx-auto max-w-6xl p-4 sm:p-6">{child}</div>;
  if (ws.isPending) return frame(<SkeletonTable label="Loading builds" />);
  if (!ws.workspace) {
    if (isApiError(ws.error) && ws.error.status === 404) return <NotFoundView title="Workspace not found" />;
    return frame(<ErrorState error={ws.error} onRetry={ws.refetch} />);
  }
  if (builds.isPending) return frame(<SkeletonTable label="Loading builds" />);
  if (builds.isError) return frame(<ErrorState error={builds.error} onRetry={() => void builds.refetch()} />);
  return (
    <BuildHistoryView
      workspace={ws.workspace}
      builds={builds.data.slice(0, PAGE_SIZE)}
      page={page}
      hasMore={builds.data.length > PAGE_SIZE}
      onPageChange={(next) => setParams(next === 1 ? {} : { page: String(next) })}
    />
  );
}
