import type { ValidationError } from "../../api/types";
import { WORKSPACE_STATUSES } from "../../api/types";
import { KNOWN_KEYS } from "../../lib/searchQuery";
import { Invalid } from "./errors";
import type { UserRecord, WorkspaceRecord } from "./records";
import type { Store } from "./store";

/** A parsed workspace search query (Coder's `q` language). */
export interface WorkspaceFilter {
  owner?: string;
  template?: string;
  name?: string;
  status?: string;
  hasAgent?: string;
  dormant?: boolean;
  lastUsedBefore?: number;
  lastUsedAfter?: number;
  outdated?: boolean;
  deleted?: boolean;
}

// `deleted:` too, which the dashboard never writes but Coder accepts.
const KEYS = new Set<string>([...KNOWN_KEYS, "deleted"]);
const AGENT_STATUSES = ["connecting", "connected", "disconnected", "timeout"];

/** Splits on spaces outside double quotes. */
function terms(q: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of q) {
    if (ch === '"') quoted = !quoted;
    else if (ch === " " && !quoted) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function parseBool(field: string, v: string, errors: ValidationError[]): boolean | undefined {
  if (v === "true") return true;
  if (v === "false") return false;
  errors.push({
    field,
    detail: `Query param "${field}" must be a valid boolean: strconv.ParseBool: parsing "${v}": invalid syntax`,
  });
  return undefined;
}

function parseOneOf(field: string, v: string, allowed: readonly string[], errors: ValidationError[]) {
  if (allowed.includes(v)) return v;
  errors.push({
    field,
    detail: `Query param "${field}" has invalid value: "${v}" must be one of [${allowed.join(" ")}]`,
  });
  return undefined;
}

function parseTime(field: string, v: string, errors: ValidationError[]): number | undefined {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) {
    errors.push({
      field,
      detail: `Query param "${field}" must be a valid date format (2006-01-02T15:04:05Z07:00): parsing time "${v}"`,
    });
    return undefined;
  }
  return ms;
}

/** Parses `q`; unknown keys and bad values become a 400 with validations, like Coder. */
export function parseWorkspaceQuery(q: string): WorkspaceFilter {
  const filter: WorkspaceFilter = {};
  const errors: ValidationError[] = [];
  const seen = new Set<string>();
  for (const term of terms(q.trim())) {
    const idx = term.indexOf(":");
    let key = "name";
    let value = term;
    if (idx >= 0) {
      key = term.slice(0, idx).toLowerCase();
      value = term.slice(idx + 1);
      if (term.indexOf(":", idx + 1) >= 0 && !key.startsWith("last_used")) {
        errors.push({ field: key, detail: `Query element "${term}" can only contain 1 ':'` });
        continue;
      }
    }
    if (!KEYS.has(key)) {
      errors.push({ field: key, detail: `Query param "${key}" is not a valid query param` });
      continue;
    }
    if (seen.has(key)) {
      errors.push({ field: key, detail: `Query param "${key}" provided more than once, found multiple values` });
      continue;
    }
    seen.add(key);
    switch (key) {
      case "owner":
        filter.owner = value;
        break;
      case "template":
        filter.template = value;
        break;
      case "name":
        filter.name = value;
        break;
      case "status":
        filter.status = parseOneOf(key, value, WORKSPACE_STATUSES, errors);
        break;
      case "has-agent":
        filter.hasAgent = parseOneOf(key, value, AGENT_STATUSES, errors);
        break;
      case "dormant":
        filter.dormant = parseBool(key, value, errors);
        break;
      case "outdated":
        filter.outdated = parseBool(key, value, errors);
        break;
      case "deleted":
        filter.deleted = parseBool(key, value, errors);
        break;
      case "last_used_before":
        filter.lastUsedBefore = parseTime(key, value, errors);
        break;
      case "last_used_after":
        filter.lastUsedAfter = parseTime(key, value, errors);
        break;
    }
  }
  if (errors.length > 0) throw new Invalid("Invalid workspace search query.", undefined, errors);
  return filter;
}

/** Whether a workspace matches the filter as seen by `viewer` (who resolves `owner:me`). */
export function matchesWorkspace(store: Store, ws: WorkspaceRecord, f: WorkspaceFilter, viewer: UserRecord): boolean {
  if (ws.deleted !== (f.deleted ?? false)) return false;
  if (f.owner !== undefined) {
    const owner = store.users.get(ws.owner_id)!;
    const want = f.owner === "me" ? viewer.username : f.owner;
    if (owner.username.toLowerCase() !== want.toLowerCase()) return false;
  }
  if (f.template !== undefined) {
    const t = store.templates.get(ws.template_id)!;
    if (t.name.toLowerCase() !== f.template.toLowerCase()) return false;
  }
  if (f.name !== undefined && !ws.name.toLowerCase().includes(f.name.toLowerCase())) return false;
  if (f.status !== undefined && store.workspaceStatus(ws) !== f.status) return false;
  if (f.dormant !== undefined && (ws.dormant_at !== null) !== f.dormant) return false;
  const lastUsed = Date.parse(ws.last_used_at);
  if (f.lastUsedBefore !== undefined && !(lastUsed < f.lastUsedBefore)) return false;
  if (f.lastUsedAfter !== undefined && !(lastUsed > f.lastUsedAfter)) return false;
  if (f.outdated !== undefined) {
    const t = store.templates.get(ws.template_id)!;
    if ((store.latestBuild(ws.id).template_version_id !== t.active_version_id) !== f.outdated) return false;
  }
  if (f.hasAgent !== undefined) {
    const build = store.latestBuild(ws.id);
    const agents = store.content(build).resources.flatMap((r) => r.agents ?? []);
    if (!agents.some((a) => a.status === f.hasAgent)) return false;
  }
  return true;
}

/**
 * Coder's list order: the requester's favorites, then running workspaces, then owner and name.
 */
export function compareWorkspaces(
  store: Store,
  viewer: UserRecord,
): (a: WorkspaceRecord, b: WorkspaceRecord) => number {
  const key = (w: WorkspaceRecord) => {
    const fav = w.owner_id === viewer.id && w.favorite_of.includes(viewer.id) ? 0 : 1;
    const running = store.workspaceStatus(w) === "running" ? 0 : 1;
    const owner = store.users.get(w.owner_id)!.username.toLowerCase();
    return { fav, running, owner, name: w.name.toLowerCase() };
  };
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x.fav - y.fav || x.running - y.running || x.owner.localeCompare(y.owner) || x.name.localeCompare(y.name);
  };
}
