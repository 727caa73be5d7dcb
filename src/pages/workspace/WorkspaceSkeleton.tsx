import { Skeleton } from "../../components/Skeleton";

/** The page's shape while the workspace loads, so nothing jumps when it arrives. */
export function WorkspaceSkeleton() {
  return (
    <div role="status" aria-label="Loading workspace" className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-52" />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_340px]">
        <Skeleton className="h-[420px] w-full" />
        <div className="flex flex-col gap-4">
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-48 w-full" />
        </div>
      </div>
    </div>
  );
}
