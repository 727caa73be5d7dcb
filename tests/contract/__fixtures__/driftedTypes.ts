// types.ts as it would read after Coder changed under it: checked by typeDrift.test.ts, used nowhere else.

export interface WorkspaceAppStatus {
  id: string;
  created_at: string;
  workspace_id: string;
  agent_id: string;
  app_id: string;
  state: "working" | "sleeping";
  /** Renamed: Coder calls it `message`. */
  text: string;
  /** Go always sends it. */
  uri?: string;
  icon: string | null;
  needs_user_attention: string;
}

export interface WorkspaceAgent {
  id: string;
  /** Go sends a NullUUID as string or null. */
  parent_id: { uuid: string; valid: boolean };
}
