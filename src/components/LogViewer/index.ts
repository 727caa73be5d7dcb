/**
 * LogViewer: one virtualized viewer for build (provisioner) logs and agent logs.
 *
 *   const store = useMemo(() => new LogStore("build"), [buildId]);   // or fromBuildLogs(logs)
 *   // stream handler, any number of times, without re-rendering the parent:
 *   store.appendBuildLogs(batch);            // agent: store.setSources(agent.log_sources); store.appendAgentLogs(batch)
 *   <LogViewer source={store} live={jobRunning} loading={!backlogArrived}
 *              error={streamError} onRetry={reconnect} truncated={job.logs_overflowed}
 *              downloadUrl={`/api/v2/workspacebuilds/${id}/logs?format=text`} ref={handle} />
 *
 * - The kind comes from the store: "build" groups lines by `stage` (collapsible headers) and
 *   owns `#L120` / `#L120-L140` in the URL; "agent" shows source tabs (All + one per source)
 *   and keeps selection local. Override with `permalinks` / `globalShortcuts`.
 * - Appends are drawn once per animation frame; `store.lastId` is the `after=` for a resumed stream
 *   (lines with an id not above it are dropped, so an overlapping backlog is harmless).
 * - `ref` gives `scrollToLine(n)`, `scrollToTime(ms)` (timing bar → its logs), `showSource(id)`.
 * - Without `downloadUrl`/`onDownload` the download is generated from the store as plain text.
 * - Give it a height (it fills its parent; `className` is applied to the root).
 */
export { LogViewer, type LogViewerHandle, type LogViewerProps } from "./LogViewer";
export { useLogStoreSnapshot } from "./useLogStoreSnapshot";
export {
  LogStore,
  fromAgentLogs,
  fromBuildLogs,
  type LogGroup,
  type LogKind,
  type LogLineInput,
} from "../../lib/logs/store";
