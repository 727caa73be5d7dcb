import { Outlet, useParams } from "react-router";
import { parseOwnerSegment } from "./params";
import { notFoundPage } from "./pages";

/** `/:owner/...` only belongs to workspaces when the owner is written `@name`; anything else is a 404. */
export function OwnerGate() {
  const { owner } = useParams();
  return parseOwnerSegment(owner) === undefined ? <notFoundPage.Component /> : <Outlet />;
}
