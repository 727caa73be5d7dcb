import { Hono } from "hono";
import type { CreateWorkspaceRequest } from "../../../api/types";
import { compareWorkspaces, matchesWorkspace, parseWorkspaceQuery } from "../../store/search";
import type { UserRecord } from "../../store/records";
import { workspaceView } from "../../store/views";
import { HttpError } from "../../util/errors";
import { NotFound } from "../../store/errors";
import { requireAuth } from "../auth";
import { userParam, workspaceById } from "../access";
import type { ApiDeps } from "../deps";
import type { ApiEnv } from "../env";
import { boolQuery, expectType, expectTypes, intQuery, isUuid, jsonBody, parametersOf } from "../params";
import { json } from "../respond";
import type { TemplateVersionRecord } from "../../store/records";

const CRON_RE = /^(CRON_TZ=[A-Za-z_/+-]+ )?[\d*,/-]+ [\d*,/-]+ \* \* [\d*,/-]+$/;
const MAX_TTL_MS = 30 * 24 * 3600_000;

/** A preset id must name one of the version's presets, as in Coder. */
function presetOf(version: TemplateVersionRecord, body: Record<string, unknown>): string | undefined {
  expectType(body, "template_version_preset_id", "string");
  const id = body.template_version_preset_id as string | undefined;
  if (!id) return undefined;
  if (!(version.presets ?? []).some((p) => p.id === id)) {
    throw new HttpError(400, "Invalid template version preset.", undefined, [
      { field: "template_version_preset_id", detail: "preset not found for this template version" },
    ]);
  }
  return id;
}

/** Coder's validWorkspaceTTLMillis bounds: at least a minute, under 30 days. */
function ttlError(ttl: unknown, message: string): void {
  let detail = "";
  if (typeof ttl !== "number" || !Number.isInteger(ttl)) detail = "ttl_ms must be an integer number of milliseconds";
  else if (ttl < 60_000) detail = "time until shutdown must be at least one minute";
  else if (ttl > MAX_TTL_MS) detail = "time until shutdown must be less than 30 days";
  if (detail) throw new HttpError(400, message, undefined, [{ field: "ttl_ms", detail }]);
}

/** Workspaces: list/search, lookups, create, rename and per-workspace settings. */
export function workspaceRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);

  app.get("/workspaces", auth, (c) => {
    const user = c.get("user");
    const filter = parseWorkspaceQuery(c.req.query("q") ?? "");
    const limit = intQuery(c, "limit", 0);
    const offset = intQuery(c, "offset", 0);
    const matched = [...store.workspaces.values()].filter(
      (w) => store.canSeeWorkspace(user, w) && matchesWorkspace(store, w, filter, user),
    );
    matched.sort(compareWorkspaces(store, user));
    const page = limit > 0 ? matched.slice(offset, offset + limit) : matched.slice(offset);
    return json(c, 200, { workspaces: page.map((w) => workspaceView(store, w, user)), count: matched.length });
  });

  app.get("/users/:user/workspace/:name", auth, (c) => {
    const viewer = c.get("user");
    const owner = userParam(store, c);
    const ws = store.workspaceByName(owner.id, c.req.param("name"), boolQuery(c, "include_deleted"));
    if (!ws || !store.canSeeWorkspace(viewer, ws)) throw new NotFound();
    return json(c, 200, workspaceView(store, ws, viewer));
  });

  app.get("/workspaces/:workspace", auth, (c) => {
    const viewer = c.get("user");
    if (boolQuery(c, "include_deleted")) {
      const id = c.req.param("workspace");
      const ws = isUuid(id) ? store.workspaces.get(id.toLowerCase()) : undefined;
      if (ws && store.canSeeWorkspace(viewer, ws)) return json(c, 200, workspaceView(store, ws, viewer));
    }
    return json(c, 200, workspaceView(store, workspaceById(store, c), viewer));
  });

  const create = async (owner: UserRecord, viewer: UserRecord, body: Partial<CreateWorkspaceRequest>) => {
    const raw = body as Record<string, unknown>;
    expectTypes(
      raw,
      {
        name: "string",
        template_id: "string",
        template_version_id: "string",
        autostart_schedule: "string",
        ttl_ms: "number",
      },
      ["name"],
    );
    let version = body.template_version_id ? store.versions.get(body.template_version_id) : undefined;
    if (body.template_version_id && !version) {
      throw new HttpError(
        400,
        `Template version ${JSON.stringify(body.template_version_id)} doesn't exist.`,
        undefined,
        [{ field: "template_version_id", detail: "template not found" }],
      );
    }
    const templateId = version?.template_id ?? body.template_id ?? "";
    const template = store.templates.get(templateId);
    if (!template) {
      throw new HttpError(400, `Template ${JSON.stringify(templateId)} doesn't exist.`, undefined, [
        { field: "template_id", detail: "template not found" },
      ]);
    }
    // A member cannot even resolve another member of the organization: 404, as in Coder.
    if (!viewer.admin && owner.id !== viewer.id) throw new NotFound();
    version ??= store.versions.get(template.active_version_id)!;
    if (body.autostart_schedule && !CRON_RE.test(body.autostart_schedule)) {
      throw new HttpError(400, "Invalid Autostart Schedule.", undefined, [
        { field: "schedule", detail: "parse schedule: expected 5 cron fields" },
      ]);
    }
    if (body.ttl_ms !== undefined && body.ttl_ms !== null) ttlError(body.ttl_ms, "Invalid Workspace Time to Shutdown.");
    if (
      body.automatic_updates !== undefined &&
      body.automatic_updates !== "always" &&
      body.automatic_updates !== "never"
    ) {
      throw new HttpError(400, "Invalid Workspace Automatic Updates setting.", undefined, [
        { field: "automatic_updates", detail: "must be always or never" },
      ]);
    }
    presetOf(version, raw);
    const ws = store.createWorkspace(
      {
        owner,
        template,
        version,
        name: body.name!,
        autostart_schedule: body.autostart_schedule,
        ttl_ms: body.ttl_ms,
        automatic_updates: body.automatic_updates,
        rich_parameter_values: parametersOf(raw),
      },
      viewer,
    );
    return workspaceView(store, ws, viewer);
  };

  app.post("/users/:user/workspaces", auth, async (c) => {
    const owner = userParam(store, c);
    const body = await jsonBody<CreateWorkspaceRequest>(c);
    return json(c, 201, await create(owner, c.get("user"), body));
  });

  app.post("/organizations/:organization/members/:user/workspaces", auth, async (c) => {
    const raw = c.req.param("organization");
    const org = [...store.organizations.values()].find(
      (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
    );
    if (!org) throw new NotFound();
    const owner = userParam(store, c);
    const body = await jsonBody<CreateWorkspaceRequest>(c);
    return json(c, 201, await create(owner, c.get("user"), body));
  });

  app.patch("/workspaces/:workspace", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<{ name: string }>(c);
    expectType(body, "name", "string");
    // An empty or unchanged name is "nothing changed", as in Coder.
    if (body.name && body.name !== ws.name) store.renameWorkspace(ws, body.name);
    return c.body(null, 204);
  });

  app.put("/workspaces/:workspace/autostart", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<{ schedule: string }>(c);
    expectType(body, "schedule", "string");
    if (body.schedule && !CRON_RE.test(body.schedule)) {
      throw new HttpError(400, "Invalid autostart schedule.", undefined, [
        { field: "schedule", detail: "parse schedule: expected 5 cron fields" },
      ]);
    }
    ws.autostart_schedule = body.schedule || undefined;
    store.updateWorkspace(ws);
    return c.body(null, 204);
  });

  app.put("/workspaces/:workspace/ttl", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<{ ttl_ms: number | null }>(c);
    expectType(body, "ttl_ms", "number");
    const ttl = body.ttl_ms || null;
    if (ttl !== null) ttlError(ttl, "Error updating workspace time until shutdown.");
    ws.ttl_ms = ttl ?? undefined;
    // Autostop turned off: the running build loses its deadline.
    const latest = store.latestBuild(ws.id);
    if (ttl === null && latest.transition === "start" && latest.deadline) store.setDeadline(latest, null);
    store.updateWorkspace(ws);
    return c.body(null, 204);
  });

  app.put("/workspaces/:workspace/extend", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<{ deadline: string }>(c);
    expectType(body, "deadline", "string", true);
    const deadline = Date.parse(body.deadline!);
    if (Number.isNaN(deadline))
      throw new HttpError(400, "Request body has invalid fields.", undefined, [
        { field: "deadline", detail: "must be an RFC 3339 time" },
      ]);
    const build = store.latestBuild(ws.id);
    const job = store.jobOf(build);
    if (build.transition !== "start")
      throw new HttpError(409, "Workspace must be started, current status: " + build.transition);
    if (!job.completed_at) throw new HttpError(409, "Workspace is still building!");
    if (!build.deadline) throw new HttpError(409, "Workspace shutdown is manual.");
    if (deadline < store.now() + 29 * 60_000) {
      throw new HttpError(400, "Cannot extend workspace: new deadline must be at least 30 minutes in the future");
    }
    if (build.max_deadline && deadline > Date.parse(build.max_deadline))
      throw new HttpError(400, "Cannot extend workspace beyond max deadline.");
    const rfc3339 = new Date(deadline).toISOString().replace(/\.\d{3}Z$/, "Z");
    store.setDeadline(build, rfc3339);
    return json(c, 200, { message: `Deadline updated to ${rfc3339}.` });
  });

  app.put("/workspaces/:workspace/dormant", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<{ dormant: boolean }>(c);
    expectType(body, "dormant", "boolean", true);
    if ((ws.dormant_at !== null) === body.dormant) return c.body(null, 304);
    if (body.dormant) {
      ws.dormant_at = store.iso();
      ws.deleting_at = store.iso(store.now() + 30 * 24 * 3600_000);
    } else {
      ws.dormant_at = null;
      ws.deleting_at = null;
    }
    store.updateWorkspace(ws);
    return json(c, 200, workspaceView(store, ws, c.get("user")));
  });

  app.put("/workspaces/:workspace/autoupdates", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<{ automatic_updates: string }>(c);
    if (body.automatic_updates !== "always" && body.automatic_updates !== "never") {
      throw new HttpError(400, "Invalid request", undefined, [
        { field: "automatic_updates", detail: "must be always or never" },
      ]);
    }
    ws.automatic_updates = body.automatic_updates;
    store.updateWorkspace(ws);
    return c.body(null, 204);
  });

  app.put("/workspaces/:workspace/favorite", auth, (c) => {
    const ws = workspaceById(store, c);
    if (ws.owner_id !== c.get("user").id) throw new HttpError(403, "You can only favorite workspaces that you own.");
    store.setFavorite(ws, c.get("user"), true);
    return c.body(null, 204);
  });

  app.delete("/workspaces/:workspace/favorite", auth, (c) => {
    const ws = workspaceById(store, c);
    if (ws.owner_id !== c.get("user").id) throw new HttpError(403, "You can only un-favorite workspaces that you own.");
    store.setFavorite(ws, c.get("user"), false);
    return c.body(null, 204);
  });

  return app;
}
