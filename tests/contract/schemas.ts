// Runtime schemas for the Coder API shapes the dashboard relies on.
//
// Sources: /work/shared/api (builds.md, workspaces.txt, agents.md are the newest; builds-2025.txt and
// workspaces-older.md are older servers) and SPEC §3/§7. Endpoints the docs do not cover (templates,
// template versions, rich parameters, buildinfo, users, organizations, provisioner jobs, watch-ws)
// follow coder/coder's codersdk structs.
//
// Rules applied throughout:
// - A key is required when every doc version that shows the object has it and codersdk never omits it;
//   keys only newer servers send are optional (the client must tolerate their absence anyway).
// - Optional keys are `.optional()`, never `.nullable()`: real Coder omits empty fields. The few keys
//   Coder sends as JSON null are listed in NULLABLE_KEYS and are the only nullable ones.
// - Enums are closed to the documented values: the built-in server is ours and must emit nothing else.
// - Objects documented in api/ are strict, so a misspelled or invented key fails validation.
//   codersdk-only shapes (templates, users, buildinfo…) vary a lot between releases, so they are loose
//   objects that still require their core keys and type-check every key they know.
import { z } from "zod";

/** Keys Coder serializes as JSON null when unset (SPEC §3; P50/P95 are codersdk `*int64` without omitempty). */
export const NULLABLE_KEYS: ReadonlySet<string> = new Set([
  "deadline",
  "max_deadline",
  "deleting_at",
  "dormant_at",
  "next_start_at",
  "latest_app_status",
  "P50",
  "P95",
]);

// ---- Scalars ---------------------------------------------------------------------------------

// Go's uuid.UUID marshals as canonical 8-4-4-4-12 hex; the version nibble is not part of the contract.
const uuid = z.guid();
// Go's time.Time marshals as RFC 3339 (nanoseconds optional, `Z` or a numeric offset).
const date = z.iso.datetime({ offset: true });
const int = z.number().int();
const nonNegInt = int.nonnegative();
const stringMap = z.record(z.string(), z.string());

// ---- Enums (api/builds.md "Enumerated Values", agents.md, SPEC §3) --------------------------

export const WorkspaceStatus = z.enum([
  "pending",
  "starting",
  "running",
  "stopping",
  "stopped",
  "failed",
  "canceling",
  "canceled",
  "deleting",
  "deleted",
]);
export const JobStatus = z.enum(["pending", "running", "succeeded", "canceling", "canceled", "failed"]);
export const Transition = z.enum(["start", "stop", "delete"]);
// builds.md lists initiator/autostart/autostop for responses; the documented request `reason`
// values (CreateWorkspaceBuildReason: dashboard, cli, *_connection) are stored and echoed back.
export const BuildReason = z.enum([
  "initiator",
  "autostart",
  "autostop",
  "dashboard",
  "cli",
  "ssh_connection",
  "vscode_connection",
  "jetbrains_connection",
]);
export const JobErrorCode = z.enum(["REQUIRED_TEMPLATE_VARIABLES", "INSUFFICIENT_QUOTA"]);
export const JobType = z.enum(["template_version_import", "workspace_build", "template_version_dry_run"]);
export const LogLevel = z.enum(["trace", "debug", "info", "warn", "error"]);
export const LogSource = z.enum(["provisioner", "provisioner_daemon"]);
export const AgentStatus = z.enum(["connecting", "connected", "disconnected", "timeout"]);
export const AgentLifecycle = z.enum([
  "created",
  "starting",
  "start_timeout",
  "start_error",
  "ready",
  "shutting_down",
  "shutdown_timeout",
  "shutdown_error",
  "off",
]);
export const AppHealth = z.enum(["disabled", "initializing", "healthy", "unhealthy"]);
export const AppSharingLevel = z.enum(["owner", "authenticated", "organization", "public"]);
export const AppOpenIn = z.enum(["slim-window", "tab"]);
export const AppStatusState = z.enum(["working", "idle", "complete", "failure"]);
export const ScriptStatus = z.enum(["ok", "exit_failure", "timed_out", "pipes_left_open"]);
export const StartupScriptBehavior = z.enum(["blocking", "non-blocking"]);
export const AutomaticUpdates = z.enum(["always", "never"]);
export const ProvisionerStage = z.enum(["init", "plan", "graph", "apply"]);
export const ScriptStage = z.enum(["start", "stop", "cron"]);

// ---- Errors ----------------------------------------------------------------------------------

export const ValidationError = z.strictObject({ field: z.string(), detail: z.string() });

/** codersdk.Response: every error body, and the success body of cancel/extend/logout. */
export const ErrorResponse = z.strictObject({
  message: z.string().min(1),
  detail: z.string().optional(),
  validations: z.array(ValidationError).optional(),
});
export const Response = ErrorResponse;

// ---- Provisioner jobs ------------------------------------------------------------------------

export const ProvisionerJobInput = z.strictObject({
  template_version_id: uuid.optional(),
  workspace_build_id: uuid.optional(),
  error: z.string().optional(),
});

export const ProvisionerJobMetadata = z.strictObject({
  template_version_name: z.string(),
  template_id: uuid,
  template_name: z.string(),
  template_display_name: z.string(),
  template_icon: z.string(),
  workspace_id: uuid.optional(),
  workspace_name: z.string().optional(),
  workspace_build_transition: Transition.optional(),
});

export const ProvisionerJob = z.strictObject({
  id: uuid,
  created_at: date,
  started_at: date.optional(),
  completed_at: date.optional(),
  canceled_at: date.optional(),
  error: z.string().optional(),
  error_code: JobErrorCode.optional(),
  status: JobStatus,
  worker_id: uuid.optional(),
  worker_name: z.string().optional(),
  file_id: uuid,
  tags: stringMap,
  queue_position: nonNegInt.optional(),
  queue_size: nonNegInt.optional(),
  organization_id: uuid.optional(),
  initiator_id: uuid.optional(),
  input: ProvisionerJobInput.optional(),
  type: JobType.optional(),
  available_workers: z.array(uuid).optional(),
  metadata: ProvisionerJobMetadata.optional(),
  logs_overflowed: z.boolean().optional(),
});
export const ProvisionerJobList = z.array(ProvisionerJob);

export const ProvisionerJobLog = z.strictObject({
  id: int,
  created_at: date,
  log_source: LogSource,
  log_level: LogLevel,
  stage: z.string(),
  output: z.string(),
});
export const ProvisionerJobLogList = z.array(ProvisionerJobLog);

// ---- Agents, apps, resources -----------------------------------------------------------------

export const WorkspaceAppStatus = z.strictObject({
  id: uuid,
  created_at: date,
  workspace_id: uuid,
  agent_id: uuid,
  app_id: uuid,
  state: AppStatusState,
  message: z.string(),
  uri: z.string().optional(),
  icon: z.string().optional(),
  needs_user_attention: z.boolean().optional(),
});

export const Healthcheck = z.strictObject({ url: z.string(), interval: int, threshold: int });

export const WorkspaceApp = z.strictObject({
  id: uuid,
  url: z.string().optional(),
  external: z.boolean(),
  slug: z.string().min(1),
  display_name: z.string().optional(),
  command: z.string().optional(),
  icon: z.string().optional(),
  subdomain: z.boolean(),
  subdomain_name: z.string().optional(),
  sharing_level: AppSharingLevel,
  healthcheck: Healthcheck.optional(),
  health: AppHealth,
  group: z.string().optional(),
  hidden: z.boolean().optional(),
  open_in: AppOpenIn.optional(),
  tooltip: z.string().optional(),
  statuses: z.array(WorkspaceAppStatus).optional(),
});

export const WorkspaceAgentLogSource = z.strictObject({
  id: uuid,
  workspace_agent_id: uuid,
  created_at: date,
  display_name: z.string(),
  icon: z.string(),
});

export const WorkspaceAgentScript = z.strictObject({
  id: uuid.optional(),
  log_source_id: uuid,
  log_path: z.string(),
  script: z.string(),
  cron: z.string(),
  run_on_start: z.boolean(),
  run_on_stop: z.boolean(),
  start_blocks_login: z.boolean(),
  timeout: int,
  display_name: z.string().optional(),
  exit_code: int.optional(),
  status: ScriptStatus.optional(),
});

export const WorkspaceAgent = z.strictObject({
  id: uuid,
  parent_id: z.strictObject({ uuid: z.string(), valid: z.boolean() }).optional(),
  created_at: date,
  updated_at: date,
  first_connected_at: date.optional(),
  last_connected_at: date.optional(),
  disconnected_at: date.optional(),
  started_at: date.optional(),
  ready_at: date.optional(),
  status: AgentStatus,
  lifecycle_state: AgentLifecycle.optional(),
  name: z.string().min(1),
  resource_id: uuid,
  instance_id: z.string().optional(),
  architecture: z.string(),
  environment_variables: stringMap.optional(),
  operating_system: z.string(),
  logs_length: nonNegInt.optional(),
  logs_overflowed: z.boolean().optional(),
  directory: z.string().optional(),
  expanded_directory: z.string().optional(),
  version: z.string(),
  api_version: z.string().optional(),
  apps: z.array(WorkspaceApp),
  latency: z.record(z.string(), z.strictObject({ latency_ms: z.number(), preferred: z.boolean() })).optional(),
  connection_timeout_seconds: int,
  troubleshooting_url: z.string(),
  subsystems: z.array(z.string()).optional(),
  health: z.strictObject({ healthy: z.boolean(), reason: z.string().optional() }).optional(),
  display_apps: z.array(z.string()).optional(),
  log_sources: z.array(WorkspaceAgentLogSource).optional(),
  scripts: z.array(WorkspaceAgentScript).optional(),
  startup_script_behavior: StartupScriptBehavior.optional(),
  /** Older servers only (workspaces-older.md). */
  startup_script: z.string().optional(),
});

export const WorkspaceResource = z.strictObject({
  id: uuid,
  created_at: date,
  job_id: uuid,
  workspace_transition: Transition,
  type: z.string(),
  name: z.string(),
  hide: z.boolean(),
  icon: z.string(),
  agents: z.array(WorkspaceAgent).optional(),
  metadata: z.array(z.strictObject({ key: z.string(), value: z.string(), sensitive: z.boolean() })).optional(),
  daily_cost: int,
});
export const WorkspaceResourceList = z.array(WorkspaceResource);

export const WorkspaceAgentLog = z.strictObject({
  id: int,
  created_at: date,
  output: z.string(),
  level: LogLevel,
  source_id: uuid,
});
export const WorkspaceAgentLogList = z.array(WorkspaceAgentLog);

// ---- Builds ----------------------------------------------------------------------------------

export const WorkspaceBuild = z.strictObject({
  id: uuid,
  created_at: date,
  updated_at: date,
  workspace_id: uuid,
  workspace_name: z.string(),
  workspace_owner_id: uuid,
  workspace_owner_name: z.string(),
  workspace_owner_avatar_url: z.string().optional(),
  template_version_id: uuid,
  template_version_name: z.string(),
  build_number: int.positive(),
  transition: Transition,
  initiator_id: uuid,
  initiator_name: z.string(),
  job: ProvisionerJob,
  reason: BuildReason,
  resources: z.array(WorkspaceResource),
  deadline: date.nullable().optional(),
  max_deadline: date.nullable().optional(),
  status: WorkspaceStatus,
  daily_cost: int,
  matched_provisioners: z.strictObject({ count: int, available: int, most_recently_seen: date.optional() }).optional(),
  template_version_preset_id: uuid.optional(),
  has_ai_task: z.boolean().optional(),
  has_external_agent: z.boolean().optional(),
  /** builds-2025.txt only. */
  ai_task_sidebar_app_id: uuid.optional(),
});
export const WorkspaceBuildList = z.array(WorkspaceBuild);

export const WorkspaceBuildParameter = z.strictObject({ name: z.string(), value: z.string() });
export const WorkspaceBuildParameterList = z.array(WorkspaceBuildParameter);

export const ProvisionerTiming = z.strictObject({
  job_id: uuid,
  started_at: date,
  ended_at: date,
  stage: ProvisionerStage,
  source: z.string(),
  action: z.string(),
  resource: z.string(),
});

export const AgentScriptTiming = z.strictObject({
  started_at: date,
  ended_at: date,
  exit_code: int,
  stage: ScriptStage,
  status: ScriptStatus,
  display_name: z.string(),
  workspace_agent_id: z.string(),
  workspace_agent_name: z.string(),
});

export const AgentConnectionTiming = z.strictObject({
  started_at: date,
  ended_at: date,
  stage: z.literal("connect"),
  workspace_agent_id: z.string(),
  workspace_agent_name: z.string(),
});

/** `/workspacebuilds/{id}/timings`: all three arrays (builds.md and builds-2025.txt agree). */
export const WorkspaceBuildTimings = z.strictObject({
  provisioner_timings: z.array(ProvisionerTiming),
  agent_script_timings: z.array(AgentScriptTiming),
  agent_connection_timings: z.array(AgentConnectionTiming),
});

/** `/workspaces/{id}/timings`: the agent arrays are missing on some servers (SPEC §7). */
export const WorkspaceTimings = z.strictObject({
  provisioner_timings: z.array(ProvisionerTiming),
  agent_script_timings: z.array(AgentScriptTiming).optional(),
  agent_connection_timings: z.array(AgentConnectionTiming).optional(),
});

// ---- Workspaces ------------------------------------------------------------------------------

export const Workspace = z.strictObject({
  id: uuid,
  created_at: date,
  updated_at: date,
  owner_id: uuid,
  owner_name: z.string(),
  owner_avatar_url: z.string().optional(),
  organization_id: uuid.optional(),
  organization_name: z.string().optional(),
  template_id: uuid,
  template_name: z.string(),
  template_display_name: z.string(),
  template_icon: z.string(),
  template_allow_user_cancel_workspace_jobs: z.boolean(),
  template_active_version_id: uuid.optional(),
  template_require_active_version: z.boolean().optional(),
  latest_build: WorkspaceBuild,
  latest_app_status: WorkspaceAppStatus.nullable().optional(),
  outdated: z.boolean(),
  name: z.string().min(1),
  autostart_schedule: z.string().optional(),
  ttl_ms: int.optional(),
  last_used_at: date,
  deleting_at: date.nullable().optional(),
  dormant_at: date.nullable().optional(),
  next_start_at: date.nullable().optional(),
  health: z.strictObject({ healthy: z.boolean(), failing_agents: z.array(uuid) }).optional(),
  automatic_updates: AutomaticUpdates.optional(),
  allow_renames: z.boolean().optional(),
  favorite: z.boolean().optional(),
});

export const WorkspacesResponse = z.strictObject({
  workspaces: z.array(Workspace),
  count: nonNegInt,
});

export const ResolveAutostartResponse = z.strictObject({ parameter_mismatch: z.boolean() });

/** watch-ws text messages (codersdk.ServerSentEvent). Coder marshals a ping's nil data as null. */
export const WatchPing = z.strictObject({ type: z.literal("ping"), data: z.null().optional() });
export const WatchData = z.strictObject({ type: z.literal("data"), data: Workspace });
export const WatchError = z.strictObject({ type: z.literal("error"), data: ErrorResponse });

// ---- codersdk-only shapes --------------------------------------------------------------------

export const Role = z.looseObject({
  name: z.string().min(1),
  display_name: z.string(),
  organization_id: z.string().optional(),
});

export const User = z.looseObject({
  id: uuid,
  username: z.string().min(1),
  name: z.string().optional(),
  email: z.email(),
  avatar_url: z.string().optional(),
  created_at: date,
  updated_at: date.optional(),
  last_seen_at: date.optional(),
  status: z.enum(["active", "suspended", "dormant"]),
  login_type: z.enum(["", "password", "github", "oidc", "token", "none"]).optional(),
  organization_ids: z.array(uuid),
  roles: z.array(Role),
  theme_preference: z.string().optional(),
});

export const Organization = z.looseObject({
  id: uuid,
  name: z.string().min(1),
  display_name: z.string(),
  description: z.string().optional(),
  icon: z.string().optional(),
  created_at: date,
  updated_at: date,
  is_default: z.boolean(),
});
export const OrganizationList = z.array(Organization);

export const LoginResponse = z.strictObject({ session_token: z.string().min(1) });

export const BuildInfo = z.looseObject({
  external_url: z.string(),
  version: z.string().min(1),
  dashboard_url: z.string().optional(),
  deployment_id: z.string().optional(),
  agent_api_version: z.string().optional(),
  provisioner_api_version: z.string().optional(),
  upgrade_message: z.string().optional(),
  workspace_proxy: z.boolean().optional(),
  telemetry: z.boolean().optional(),
});

export const Template = z.looseObject({
  id: uuid,
  created_at: date,
  updated_at: date,
  organization_id: uuid,
  organization_name: z.string().optional(),
  name: z.string().min(1),
  display_name: z.string(),
  provisioner: z.enum(["terraform", "echo"]),
  active_version_id: uuid,
  active_user_count: int,
  build_time_stats: z.partialRecord(Transition, z.looseObject({ P50: int.nullable(), P95: int.nullable() })),
  description: z.string(),
  deprecated: z.boolean().optional(),
  deprecation_message: z.string().optional(),
  icon: z.string(),
  default_ttl_ms: int,
  allow_user_cancel_workspace_jobs: z.boolean(),
  allow_user_autostart: z.boolean(),
  allow_user_autostop: z.boolean(),
  created_by_id: uuid,
  created_by_name: z.string(),
  require_active_version: z.boolean().optional(),
});
export const TemplateList = z.array(Template);

export const MinimalUser = z.looseObject({
  id: uuid,
  username: z.string().min(1),
  avatar_url: z.string().optional(),
  name: z.string().optional(),
});

export const TemplateVersion = z.looseObject({
  id: uuid,
  template_id: uuid.optional(),
  organization_id: uuid.optional(),
  created_at: date,
  updated_at: date,
  name: z.string().min(1),
  message: z.string().optional(),
  job: ProvisionerJob,
  readme: z.string(),
  created_by: MinimalUser,
  archived: z.boolean().optional(),
  warnings: z.array(z.string()).optional(),
});
export const TemplateVersionList = z.array(TemplateVersion);

export const TemplateVersionParameter = z.looseObject({
  name: z.string().min(1),
  display_name: z.string().optional(),
  description: z.string(),
  description_plaintext: z.string(),
  type: z.enum(["string", "number", "bool", "list(string)"]),
  form_type: z.string().optional(),
  mutable: z.boolean(),
  default_value: z.string(),
  icon: z.string(),
  options: z.array(z.strictObject({ name: z.string(), description: z.string(), value: z.string(), icon: z.string() })),
  validation_error: z.string().optional(),
  validation_regex: z.string().optional(),
  validation_min: int.optional(),
  validation_max: int.optional(),
  validation_monotonic: z.enum(["increasing", "decreasing"]).optional(),
  required: z.boolean(),
  ephemeral: z.boolean().optional(),
});
export const TemplateVersionParameterList = z.array(TemplateVersionParameter);
