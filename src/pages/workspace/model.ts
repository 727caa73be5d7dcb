// The shapes the container hands the View: plain data and callbacks, no network.
import type { TemplateVersionParameter, WorkspaceBuildParameter } from "../../api/types";
import type { WorkspaceAction } from "../../lib/workspace/actions";

/** Parameters the user has to look at before the build can be created. */
export interface ParameterAsk {
  title: string;
  description: string;
  submitLabel: string;
  params: TemplateVersionParameter[];
  current: WorkspaceBuildParameter[];
}

export type ActionResult = { ok: true } | { ok: false; ask?: ParameterAsk };

export interface ActionsModel {
  available: WorkspaceAction[];
  /** The action whose request is in flight; every action button is disabled meanwhile. */
  pending: WorkspaceAction | null;
  /** The last refusal (409, 403, …), shown beside the buttons; the page state stays as the server says. */
  error: { action: WorkspaceAction; message: string } | null;
  /**
   * Runs an action. "update" and "buildWithParameters" may answer with parameters to ask for;
   * calling again with `values` builds with them.
   */
  run: (action: WorkspaceAction, values?: WorkspaceBuildParameter[]) => Promise<ActionResult>;
  dismissError: () => void;
}

export interface ExtendModel {
  pending: boolean;
  error: string | null;
  extend: (hours: number) => void;
}
