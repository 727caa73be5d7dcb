import type {
  AutomaticUpdates,
  JobErrorCode,
  Organization,
  ProvisionerJobLog,
  ProvisionerJobStatus,
  TemplateVersionParameter,
  WorkspaceAgentLog,
  WorkspaceBuildParameter,
  WorkspaceBuildTimings,
  WorkspaceResource,
  WorkspaceTransition,
} from "../../api/types";

// Internal records. Nested build content (resources with agents and apps) is kept in the API
// shape itself, because the simulation mutates it in place and every reader wants that shape.

export interface UserRecord {
  id: string;
  username: string;
  name: string;
  email: string;
  password: string;
  admin: boolean;
  created_at: string;
  avatar_url: string;
}

export interface SessionRecord {
  token: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export type OrganizationRecord = Organization;

export interface TemplateRecord {
  id: string;
  organization_id: string;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  created_at: string;
  updated_at: string;
  active_version_id: string;
  allow_user_cancel_workspace_jobs: boolean;
  require_active_version: boolean;
  default_ttl_ms: number;
  created_by_id: string;
  deprecated: boolean;
  deprecation_message: string;
}

export interface TemplateVersionRecord {
  id: string;
  template_id: string;
  organization_id: string;
  name: string;
  message: string;
  readme: string;
  created_at: string;
  created_by_id: string;
  job_id: string;
  parameters: TemplateVersionParameter[];
  /** Optional: versions persisted before presets existed have none. */
  presets?: PresetRecord[];
  archived: boolean;
}

export interface PresetRecord {
  id: string;
  name: string;
  description: string;
  default: boolean;
  parameters: Record<string, string>;
}

/**
 * How the simulation treats a job. `hold` jobs never advance on their own (a stuck provisioner,
 * unmatched tags, a provider that ignores cancellation) so the world keeps one workspace in each
 * transitional status until someone acts on it.
 */
export type JobHold = "pending" | "running" | "canceling";

export interface JobRecord {
  id: string;
  ordinal: number;
  type: "workspace_build" | "template_version_import";
  organization_id: string;
  created_at: string;
  started_at?: string;
  completed_at?: string;
  canceled_at?: string;
  updated_at: string;
  status: ProvisionerJobStatus;
  error?: string;
  error_code?: JobErrorCode;
  worker_id?: string;
  worker_name?: string;
  file_id: string;
  tags: Record<string, string>;
  initiator_id: string;
  build_id?: string;
  template_version_id?: string;
  hold?: JobHold;
  logs_overflowed: boolean;
}

/** Outcome the simulation will give a build; also what history generation decided. */
export type BuildOutcome =
  "succeeded" | "failed" | "insufficient_quota" | "canceled" | "script_timeout" | "script_error";

export interface BuildRecord {
  id: string;
  workspace_id: string;
  build_number: number;
  transition: WorkspaceTransition;
  template_version_id: string;
  initiator_id: string;
  reason: string;
  job_id: string;
  created_at: string;
  updated_at: string;
  deadline: string | null;
  max_deadline: string | null;
  daily_cost: number;
  parameters: WorkspaceBuildParameter[];
  /** Seed for content generated on demand (logs, resources, timings of historical builds). */
  seed: number;
  /** Historical builds materialize their content lazily; live builds have it from the start. */
  lazy: boolean;
  /** Big synthetic logs / timings for the bench world. */
  bench?: { logLines?: number; timingItems?: number };
  outcome: BuildOutcome;
  /** One resource and one agent script made slower than the build's history (timings baseline demo). */
  slowdown?: BuildSlowdown;
}

export interface BuildSlowdown {
  /** Terraform address in the apply, and how many times its usual time it takes. */
  resource: string;
  resourceFactor: number;
  /** Agent script key (`startup`, `code-server`, `dotfiles`). */
  script: string;
  scriptFactor: number;
}

export interface BuildContent {
  resources: WorkspaceResource[];
  logs: ProvisionerJobLog[];
  timings: Required<WorkspaceBuildTimings>;
  agentLogs: Map<string, WorkspaceAgentLog[]>;
  state: string;
}

export interface WorkspaceRecord {
  id: string;
  organization_id: string;
  owner_id: string;
  template_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  last_used_at: string;
  autostart_schedule?: string;
  ttl_ms?: number;
  dormant_at: string | null;
  deleting_at: string | null;
  automatic_updates: AutomaticUpdates;
  favorite_of: string[];
  deleted: boolean;
  /** Ambient background builds may act on it (never on the documented well-known ones). */
  ambient: boolean;
}

/** A provisioner daemon. Online daemons are seen continuously; an offline one stopped reporting at `offline_since`. */
export interface ProvisionerRecord {
  id: string;
  name: string;
  tags: Record<string, string>;
  created_at: string;
  offline_since?: string;
  current_job_id?: string;
  previous_job_id?: string;
}
