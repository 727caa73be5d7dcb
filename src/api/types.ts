// Coder REST API types (codersdk), the one place the shapes live. tests/contract/types.test.ts
// checks them against Coder's own API document: a key is optional exactly where Go may leave it
// out (omitempty), and `| null` exactly where Go sends null for an unset pointer. Interfaces list
// the keys the dashboard and the built-in server use, not every key Coder sends. Enums grow
// upstream: the `| (string & {})` members keep unknown values typed as text instead of crashing a switch.

export type UUID = string;
export type ISODate = string;
type Open<T extends string> = T | (string & {});

// ---- Errors -------------------------------------------------------------------------------

export interface ValidationError {
  field: string;
  detail: string;
}

export interface ApiErrorResponse {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}

// ---- Users, organizations -----------------------------------------------------------------

export interface Role {
  name: string;
  display_name: string;
  organization_id?: UUID;
}

export interface User {
  id: UUID;
  username: string;
  name?: string;
  email: string;
  avatar_url?: string;
  created_at: ISODate;
  updated_at: ISODate;
  last_seen_at: ISODate;
  status: Open<"active" | "suspended" | "dormant">;
  login_type: Open<"password" | "github" | "oidc" | "token" | "none">;
  organization_ids: UUID[];
  roles: Role[];
  theme_preference?: string;
  has_ai_seat: boolean;
}

export interface Organization {
  id: UUID;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  created_at: ISODate;
  updated_at: ISODate;
  is_default: boolean;
  /** Roles every member of the organization gets, besides organization-member. */
  default_org_member_roles: string[];
}

export interface LoginWithPasswordRequest {
  email: string;
  password: string;
}

export interface LoginWithPasswordResponse {
  session_token: string;
}

export interface BuildInfoResponse {
  version: string;
  external_url: string;
  dashboard_url: string;
  deployment_id: string;
  agent_api_version: string;
  provisioner_api_version: string;
  upgrade_message: string;
  workspace_proxy: boolean;
  telemetry: boolean;
}

// ---- Enums --------------------------------------------------------------------------------

export const WORKSPACE_STATUSES = [
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
] as const;
export type WorkspaceStatus = Open<(typeof WORKSPACE_STATUSES)[number]>;

export const JOB_STATUSES = ["pending", "running", "succeeded", "canceling", "canceled", "failed"] as const;
export type ProvisionerJobStatus = Open<(typeof JOB_STATUSES)[number]>;

export const TRANSITIONS = ["start", "stop", "delete"] as const;
export type WorkspaceTransition = Open<(typeof TRANSITIONS)[number]>;

export type BuildReason = Open<
  | "initiator"
  | "autostart"
  | "autostop"
  | "dormancy"
  | "dashboard"
  | "cli"
  | "ssh_connection"
  | "vscode_connection"
  | "jetbrains_connection"
>;

export const JOB_ERROR_CODES = ["REQUIRED_TEMPLATE_VARIABLES", "INSUFFICIENT_QUOTA"] as const;
export type JobErrorCode = Open<(typeof JOB_ERROR_CODES)[number]>;

export type ProvisionerJobType = Open<"template_version_import" | "workspace_build" | "template_version_dry_run">;

export const AGENT_STATUSES = ["connecting", "connected", "disconnected", "timeout"] as const;
export const AGENT_LIFECYCLE_STATES = [
  "created",
  "starting",
  "start_timeout",
  "start_error",
  "ready",
  "shutting_down",
  "shutdown_timeout",
  "shutdown_error",
  "off",
] as const;
export const APP_HEALTHS = ["disabled", "initializing", "healthy", "unhealthy"] as const;
export const APP_STATUS_STATES = ["working", "idle", "complete", "failure"] as const;
export const SCRIPT_STATUSES = ["ok", "exit_failure", "timed_out", "pipes_left_open"] as const;

export type AgentStatus = Open<"connecting" | "connected" | "disconnected" | "timeout">;
export type AgentLifecycleState = Open<
  | "created"
  | "starting"
  | "start_timeout"
  | "start_error"
  | "ready"
  | "shutting_down"
  | "shutdown_timeout"
  | "shutdown_error"
  | "off"
>;
export type AppHealth = Open<"disabled" | "initializing" | "healthy" | "unhealthy">;
export type AppStatusState = Open<"working" | "idle" | "complete" | "failure">;
export type LogLevel = Open<"trace" | "debug" | "info" | "warn" | "error">;
export type LogSource = Open<"provisioner_daemon" | "provisioner">;
export type AutomaticUpdates = Open<"always" | "never">;
export type ScriptStatus = Open<"ok" | "exit_failure" | "timed_out" | "pipes_left_open">;
export type TimingStage = Open<"init" | "plan" | "graph" | "apply" | "start" | "stop" | "cron" | "connect">;

// ---- Provisioner jobs ---------------------------------------------------------------------

export interface ProvisionerJobMetadata {
  template_version_name: string;
  template_id: UUID;
  template_name: string;
  template_display_name: string;
  template_icon: string;
  workspace_id?: UUID;
  workspace_name?: string;
  workspace_build_transition?: WorkspaceTransition;
}

export interface ProvisionerJob {
  id: UUID;
  created_at: ISODate;
  started_at?: ISODate;
  completed_at?: ISODate;
  canceled_at?: ISODate;
  error?: string;
  error_code?: JobErrorCode;
  status: ProvisionerJobStatus;
  worker_id?: UUID;
  worker_name?: string;
  file_id: UUID;
  tags: Record<string, string>;
  queue_position: number;
  queue_size: number;
  organization_id: UUID;
  initiator_id: UUID;
  input: { template_version_id?: UUID; workspace_build_id?: UUID; error?: string };
  type: ProvisionerJobType;
  available_workers?: UUID[];
  metadata: ProvisionerJobMetadata;
  logs_overflowed: boolean;
}

export interface ProvisionerJobLog {
  id: number;
  created_at: ISODate;
  log_source: LogSource;
  log_level: LogLevel;
  stage: string;
  output: string;
}

// ---- Agents, apps, resources --------------------------------------------------------------

export interface WorkspaceAppStatus {
  id: UUID;
  created_at: ISODate;
  workspace_id: UUID;
  agent_id: UUID;
  app_id: UUID;
  state: AppStatusState;
  message: string;
  /** The resource the status is about (a pull request, a file); "" when none. */
  uri: string;
  /** Deprecated upstream, still always sent. */
  icon: string;
  /** Deprecated upstream, still always sent; no feature rests on it. */
  needs_user_attention: boolean;
}

export interface WorkspaceApp {
  id: UUID;
  url?: string;
  external: boolean;
  slug: string;
  display_name?: string;
  command?: string;
  icon?: string;
  subdomain: boolean;
  subdomain_name?: string;
  sharing_level: Open<"owner" | "authenticated" | "organization" | "public">;
  /** All zero for an app without a health check. */
  healthcheck: { url: string; interval: number; threshold: number };
  health: AppHealth;
  group?: string;
  hidden: boolean;
  open_in: Open<"slim-window" | "tab">;
  tooltip?: string;
  statuses: WorkspaceAppStatus[];
}

export interface WorkspaceAgentLogSource {
  id: UUID;
  workspace_agent_id: UUID;
  created_at: ISODate;
  display_name: string;
  icon: string;
}

export interface WorkspaceAgentScript {
  id: UUID;
  log_source_id: UUID;
  log_path: string;
  script: string;
  cron: string;
  run_on_start: boolean;
  run_on_stop: boolean;
  start_blocks_login: boolean;
  timeout: number;
  display_name: string;
  exit_code?: number;
  status?: ScriptStatus;
}

export interface WorkspaceAgentHealth {
  healthy: boolean;
  reason?: string;
}

export interface DERPRegionLatency {
  latency_ms: number;
  preferred: boolean;
}

export interface WorkspaceAgent {
  id: UUID;
  /** The parent agent of a dev container's agent; null for a workspace's own agents. */
  parent_id: UUID | null;
  created_at: ISODate;
  updated_at: ISODate;
  first_connected_at?: ISODate;
  last_connected_at?: ISODate;
  disconnected_at?: ISODate;
  started_at?: ISODate;
  ready_at?: ISODate;
  status: AgentStatus;
  lifecycle_state: AgentLifecycleState;
  name: string;
  resource_id: UUID;
  instance_id?: string;
  architecture: string;
  environment_variables: Record<string, string>;
  operating_system: string;
  logs_length: number;
  logs_overflowed: boolean;
  directory?: string;
  expanded_directory?: string;
  version: string;
  api_version: string;
  apps: WorkspaceApp[];
  latency?: Record<string, DERPRegionLatency>;
  connection_timeout_seconds: number;
  troubleshooting_url: string;
  subsystems: string[];
  health: WorkspaceAgentHealth;
  display_apps: string[];
  log_sources: WorkspaceAgentLogSource[];
  scripts: WorkspaceAgentScript[];
  startup_script_behavior: Open<"blocking" | "non-blocking">;
}

export interface WorkspaceResourceMetadata {
  key: string;
  value: string;
  sensitive: boolean;
}

export interface WorkspaceResource {
  id: UUID;
  created_at: ISODate;
  job_id: UUID;
  workspace_transition: WorkspaceTransition;
  type: string;
  name: string;
  hide: boolean;
  icon: string;
  agents?: WorkspaceAgent[];
  metadata?: WorkspaceResourceMetadata[];
  daily_cost: number;
}

export interface WorkspaceAgentLog {
  id: number;
  created_at: ISODate;
  output: string;
  level: LogLevel;
  source_id: UUID;
}

// ---- Builds -------------------------------------------------------------------------------

export interface WorkspaceBuild {
  id: UUID;
  created_at: ISODate;
  updated_at: ISODate;
  workspace_id: UUID;
  workspace_name: string;
  workspace_owner_id: UUID;
  workspace_owner_name: string;
  workspace_owner_avatar_url?: string;
  template_version_id: UUID;
  template_version_name: string;
  build_number: number;
  transition: WorkspaceTransition;
  initiator_id: UUID;
  initiator_name: string;
  job: ProvisionerJob;
  reason: BuildReason;
  resources: WorkspaceResource[];
  /** null when the build has no automatic stop. */
  deadline: ISODate | null;
  max_deadline: ISODate | null;
  status: WorkspaceStatus;
  daily_cost: number;
  matched_provisioners?: { count: number; available: number; most_recently_seen: ISODate | null };
  template_version_preset_id: UUID | null;
  has_ai_task?: boolean;
  has_external_agent?: boolean;
}

export interface WorkspaceBuildParameter {
  name: string;
  value: string;
}

export interface CreateWorkspaceBuildRequest {
  transition: WorkspaceTransition;
  template_version_id?: UUID;
  dry_run?: boolean;
  rich_parameter_values?: WorkspaceBuildParameter[];
  log_level?: "debug";
  orphan?: boolean;
  reason?: string;
  state?: number[];
}

export interface ProvisionerTiming {
  job_id: UUID;
  started_at: ISODate;
  ended_at: ISODate;
  stage: TimingStage;
  source: string;
  action: string;
  resource: string;
}

export interface AgentScriptTiming {
  started_at: ISODate;
  ended_at: ISODate;
  exit_code: number;
  stage: TimingStage;
  status: ScriptStatus;
  display_name: string;
  workspace_agent_id: string;
  workspace_agent_name: string;
}

export interface AgentConnectionTiming {
  started_at: ISODate;
  ended_at: ISODate;
  stage: TimingStage;
  workspace_agent_id: string;
  workspace_agent_name: string;
}

export interface WorkspaceBuildTimings {
  provisioner_timings: ProvisionerTiming[];
  agent_script_timings: AgentScriptTiming[];
  agent_connection_timings: AgentConnectionTiming[];
}

// ---- Workspaces ---------------------------------------------------------------------------

export interface WorkspaceHealth {
  healthy: boolean;
  failing_agents: UUID[];
}

export interface Workspace {
  id: UUID;
  created_at: ISODate;
  updated_at: ISODate;
  owner_id: UUID;
  owner_name: string;
  owner_avatar_url: string;
  organization_id: UUID;
  organization_name: string;
  template_id: UUID;
  template_name: string;
  template_display_name: string;
  template_icon: string;
  template_allow_user_cancel_workspace_jobs: boolean;
  template_active_version_id: UUID;
  template_require_active_version: boolean;
  template_use_classic_parameter_flow: boolean;
  latest_build: WorkspaceBuild;
  latest_app_status: WorkspaceAppStatus | null;
  outdated: boolean;
  name: string;
  autostart_schedule?: string;
  ttl_ms?: number;
  last_used_at: ISODate;
  deleting_at: ISODate | null;
  dormant_at: ISODate | null;
  next_start_at: ISODate | null;
  health: WorkspaceHealth;
  automatic_updates: AutomaticUpdates;
  allow_renames: boolean;
  favorite: boolean;
  is_prebuild: boolean;
  /** The AI task this workspace runs, if any. */
  task_id: UUID | null;
}

export interface WorkspacesResponse {
  workspaces: Workspace[];
  count: number;
}

export interface CreateWorkspaceRequest {
  template_id?: UUID;
  template_version_id?: UUID;
  name: string;
  autostart_schedule?: string;
  ttl_ms?: number;
  rich_parameter_values?: WorkspaceBuildParameter[];
  automatic_updates?: AutomaticUpdates;
  template_version_preset_id?: UUID;
}

export interface UpdateWorkspaceRequest {
  name?: string;
}

export interface UpdateWorkspaceAutostartRequest {
  schedule?: string;
}

export interface UpdateWorkspaceTTLRequest {
  ttl_ms: number | null;
}

export interface PutExtendWorkspaceRequest {
  deadline: ISODate;
}

export interface UpdateWorkspaceDormancy {
  dormant: boolean;
}

export interface UpdateWorkspaceAutomaticUpdatesRequest {
  automatic_updates: AutomaticUpdates;
}

// ---- Templates ----------------------------------------------------------------------------

export interface Template {
  id: UUID;
  created_at: ISODate;
  updated_at: ISODate;
  organization_id: UUID;
  organization_name: string;
  organization_display_name: string;
  organization_icon: string;
  name: string;
  display_name: string;
  provisioner: Open<"terraform">;
  active_version_id: UUID;
  active_user_count: number;
  build_time_stats: Record<string, { P50: number | null; P95: number | null }>;
  description: string;
  deprecated: boolean;
  deprecation_message: string;
  deleted: boolean;
  icon: string;
  default_ttl_ms: number;
  activity_bump_ms: number;
  /** 0 disables the reminder before autostop. */
  time_til_autostop_notify_ms: number;
  autostop_requirement: TemplateAutostopRequirement;
  autostart_requirement: TemplateAutostartRequirement;
  allow_user_cancel_workspace_jobs: boolean;
  allow_user_autostart: boolean;
  allow_user_autostop: boolean;
  failure_ttl_ms: number;
  time_til_dormant_ms: number;
  time_til_dormant_autodelete_ms: number;
  created_by_id: UUID;
  created_by_name: string;
  require_active_version: boolean;
  max_port_share_level: Open<"owner" | "authenticated" | "organization" | "public">;
  cors_behavior: Open<"simple" | "passthru">;
  use_classic_parameter_flow: boolean;
  agents_allowed: boolean;
  disable_module_cache: boolean;
}

export type Weekday = Open<"monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday">;

export interface TemplateAutostopRequirement {
  /** Days on which a restart is required; none means never. */
  days_of_week: Weekday[];
  /** Weeks between required restarts (0 or 1: weekly). */
  weeks: number;
}

export interface TemplateAutostartRequirement {
  /** Days on which autostart may run; none means never. */
  days_of_week: Weekday[];
}

export interface TemplateVersion {
  id: UUID;
  template_id?: UUID;
  organization_id: UUID;
  created_at: ISODate;
  updated_at: ISODate;
  name: string;
  message: string;
  job: ProvisionerJob;
  readme: string;
  created_by: { id: UUID; username: string; avatar_url?: string; name?: string };
  archived: boolean;
  has_external_agent: boolean;
}

export interface TemplateVersionParameterOption {
  name: string;
  description: string;
  value: string;
  icon: string;
}

export interface TemplateVersionParameter {
  name: string;
  display_name?: string;
  description: string;
  description_plaintext: string;
  type: Open<"string" | "number" | "bool" | "list(string)">;
  form_type: string;
  mutable: boolean;
  default_value: string;
  icon: string;
  options: TemplateVersionParameterOption[];
  /** The template's own message for a value the regex refuses. */
  validation_error?: string;
  validation_regex?: string;
  validation_min?: number;
  validation_max?: number;
  validation_monotonic?: Open<"increasing" | "decreasing">;
  required: boolean;
  ephemeral: boolean;
}

// ---- Create, connect, settings -----------------------------------------------------------

/** `GET /templateversions/{id}/presets`. The Go struct has no JSON tags, so the keys are capitalised. */
export interface PresetParameter {
  Name: string;
  Value: string;
}

export interface Preset {
  ID: UUID;
  Name: string;
  Parameters: PresetParameter[] | null;
  Default: boolean;
  DesiredPrebuildInstances: number | null;
  Description: string;
  Icon: string;
}

/** `GET /deployment/ssh`. */
export interface SSHConfigResponse {
  /** Deprecated upstream in favour of `hostname_suffix`, still sent. */
  hostname_prefix: string;
  hostname_suffix: string;
  ssh_config_options: Record<string, string> | null;
}

/** `GET /applications/host`: the wildcard app host (`*.apps.example.com`), empty when none is set. */
export interface AppHostResponse {
  host: string;
}

/** `POST /users/{user}/keys`. */
export interface GenerateAPIKeyResponse {
  key: string;
}

/** `GET /organizations/{org}/members/{user}/workspace-quota`: a budget of 0 means no quota. */
export interface WorkspaceQuota {
  credits_consumed: number;
  budget: number;
}

// ---- Watch stream -------------------------------------------------------------------------

/** SSE `event:` names and watch-ws message `type`s. */
export type WatchEventType = "ping" | "data" | "error";

export type WatchMessage =
  { type: "ping"; data: null } | { type: "data"; data: Workspace } | { type: "error"; data: ApiErrorResponse };

// ---- Sign-in methods (GET /users/authmethods, public) -------------------------------------------

export interface AuthMethod {
  enabled: boolean;
}

export interface GithubAuthMethod {
  enabled: boolean;
  default_provider_configured: boolean;
}

export interface OIDCAuthMethod {
  enabled: boolean;
  signInText: string;
  iconUrl: string;
}

export interface AuthMethods {
  terms_of_service_url?: string;
  password: AuthMethod;
  github: GithubAuthMethod;
  oidc: OIDCAuthMethod;
}

// ---- Provisioner daemons ------------------------------------------------------------------

export type ProvisionerDaemonStatus = Open<"offline" | "idle" | "busy">;

/** The job a daemon runs now or ran last (`GET /organizations/{org}/provisionerdaemons`). */
export interface ProvisionerDaemonJob {
  id: UUID;
  status: ProvisionerJobStatus;
  template_name: string;
  template_icon: string;
  template_display_name: string;
}

export interface ProvisionerDaemon {
  id: UUID;
  organization_id: UUID;
  key_id: UUID;
  created_at: ISODate;
  last_seen_at: ISODate | null;
  name: string;
  version: string;
  api_version: string;
  provisioners: string[] | null;
  tags: Record<string, string> | null;
  key_name: string | null;
  status: ProvisionerDaemonStatus | null;
  current_job: ProvisionerDaemonJob | null;
  previous_job: ProvisionerDaemonJob | null;
}
