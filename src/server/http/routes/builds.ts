import { Hono } from "hono";
import type { CreateWorkspaceBuildRequest, ProvisionerJobLog } from "../../../api/types";
import type { BuildRecord } from "../../store/records";
import { buildView } from "../../store/views";
import { HttpError } from "../../util/errors";
import { NotFound } from "../../store/errors";
import { requireAuth } from "../auth";
import { buildById, userParam, workspaceById } from "../access";
import type { ApiDeps } from "../deps";
import type { ApiEnv } from "../env";
import { expectTypes, intQuery, isUuid, jsonBody, parametersOf } from "../params";
import { SerializedLogs } from "../serializedLogs";
import { json } from "../respond";

const REASONS = ["dashboard", "cli", "ssh_connection", "vscode_connection", "jetbrains_connection"];

/** Parses `after`/`before` log cursors: integers (negative allowed, like Go's int64). */
export function logCursor(raw: string | undefined, field: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new HttpError(400, `Query param "${field}" must be an integer.`, undefined, [
      { field, detail: "Must be an integer" },
    ]);
  }
  return Number(raw);
}

export function logsText(logs: ProvisionerJobLog[]): string {
  return logs.map((l) => `${l.created_at} [${l.log_level}] [${l.stage}] ${l.output}\n`).join("");
}

/** Builds: create, cancel, lookups, and what hangs off a build (resources, parameters, state, timings, logs). */
export function buildRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);
  const finishedLogs = new SerializedLogs();

  app.post("/workspaces/:workspace/builds", auth, async (c) => {
    const ws = workspaceById(store, c);
    const body = await jsonBody<CreateWorkspaceBuildRequest>(c);
    const raw = body as Record<string, unknown>;
    expectTypes(
      raw,
      {
        transition: "string",
        template_version_id: "string",
        orphan: "boolean",
        reason: "string",
        log_level: "string",
        dry_run: "boolean",
        rich_parameter_values: "array",
      },
      ["transition"],
    );
    if (body.template_version_id && !isUuid(body.template_version_id)) {
      throw new HttpError(400, "Validation failed.", undefined, [
        { field: "template_version_id", detail: "must be a UUID" },
      ]);
    }
    if (body.reason && !REASONS.includes(body.reason)) {
      throw new HttpError(400, "Validation failed.", undefined, [
        { field: "reason", detail: `must be one of [${REASONS.join(" ")}]` },
      ]);
    }
    if (body.log_level && body.log_level !== "debug") {
      throw new HttpError(400, "Validation failed.", undefined, [
        { field: "log_level", detail: "must be one of [debug]" },
      ]);
    }
    const params = parametersOf(raw);
    const build = store.createBuild(
      ws,
      {
        transition: body.transition!,
        template_version_id: body.template_version_id,
        rich_parameter_values: params,
        orphan: body.orphan,
        reason: body.reason,
      },
      c.get("user"),
      deps.nextOutcome(ws.id),
    );
    return json(c, 201, buildView(store, build));
  });

  app.get("/workspaces/:workspace/builds", auth, (c) => {
    const ws = workspaceById(store, c);
    const limit = intQuery(c, "limit", 0);
    const offset = intQuery(c, "offset", 0);
    const since = c.req.query("since");
    let sinceMs = -Infinity;
    if (since) {
      sinceMs = Date.parse(since);
      if (Number.isNaN(sinceMs))
        throw new HttpError(400, "Query parameters have invalid values.", undefined, [
          { field: "since", detail: "must be an RFC 3339 time" },
        ]);
    }
    let builds = store.buildsOf(ws.id).filter((b) => Date.parse(b.created_at) > sinceMs);
    const afterId = c.req.query("after_id");
    if (afterId) {
      const cursor = isUuid(afterId) ? store.builds.get(afterId.toLowerCase()) : undefined;
      if (!isUuid(afterId))
        throw new HttpError(400, "Query parameters have invalid values.", undefined, [
          { field: "after_id", detail: "must be a UUID" },
        ]);
      if (!cursor || cursor.workspace_id !== ws.id)
        throw new HttpError(400, `Record at "after_id" (${afterId}) does not exist.`);
      builds = builds.filter((b) => b.build_number > cursor.build_number);
    }
    const desc = [...builds].reverse();
    const page = limit > 0 ? desc.slice(offset, offset + limit) : desc.slice(offset);
    return json(
      c,
      200,
      page.map((b) => buildView(store, b)),
    );
  });

  app.get("/users/:user/workspace/:name/builds/:number", auth, (c) => {
    const owner = userParam(store, c);
    const raw = c.req.param("number");
    if (!/^\d+$/.test(raw))
      throw new HttpError(
        400,
        "Failed to parse build number as integer.",
        `strconv.ParseInt: parsing "${raw}": invalid syntax`,
      );
    const ws = store.workspaceByName(owner.id, c.req.param("name"), true);
    if (!ws || !store.canSeeWorkspace(c.get("user"), ws)) throw new NotFound();
    const build = store.buildByNumber(ws.id, Number(raw));
    if (!build) throw new NotFound();
    return json(c, 200, buildView(store, build));
  });

  app.get("/workspacebuilds/:workspacebuild", auth, (c) => json(c, 200, buildView(store, buildById(store, c))));

  app.patch("/workspacebuilds/:workspacebuild/cancel", auth, (c) => {
    const build = buildById(store, c);
    const expect = c.req.query("expect_status");
    if (expect !== undefined && expect !== "running" && expect !== "pending") {
      throw new HttpError(400, "Invalid expect_status. Only 'running' or 'pending' are allowed.", undefined, [
        { field: "expect_status", detail: "must be one of [running pending]" },
      ]);
    }
    store.cancelBuild(build, c.get("user"), expect);
    return json(c, 200, { message: "Job has been marked as canceled..." });
  });

  app.get("/workspacebuilds/:workspacebuild/resources", auth, (c) => {
    const build = buildById(store, c);
    return json(c, 200, buildView(store, build).resources);
  });

  app.get("/workspacebuilds/:workspacebuild/parameters", auth, (c) => json(c, 200, buildById(store, c).parameters));

  app.get("/workspacebuilds/:workspacebuild/state", auth, (c) => {
    const build = buildById(store, c);
    // Raw Terraform state: only for those who may update the template (admins here).
    if (!c.get("user").admin) throw new NotFound();
    c.header("content-type", "application/json");
    return c.body(store.content(build).state || "{}", 200);
  });

  const timings = (build: BuildRecord) => {
    const t = store.content(build).timings;
    return {
      provisioner_timings: t.provisioner_timings,
      agent_script_timings: t.agent_script_timings,
      agent_connection_timings: t.agent_connection_timings,
    };
  };

  app.get("/workspacebuilds/:workspacebuild/timings", auth, (c) => json(c, 200, timings(buildById(store, c))));

  app.get("/workspaces/:workspace/timings", auth, (c) => {
    const ws = workspaceById(store, c);
    return json(c, 200, timings(store.latestBuild(ws.id)));
  });

  app.get("/workspacebuilds/:workspacebuild/logs", auth, (c) => {
    const build = buildById(store, c);
    const after = logCursor(c.req.query("after"), "after");
    const before = logCursor(c.req.query("before"), "before");
    if (c.req.query("follow") !== undefined) {
      throw new HttpError(400, "Follow requires a WebSocket upgrade.", "Send the request with Connection: Upgrade.");
    }
    const logs = store
      .content(build)
      .logs.filter(
        (l) => (after === undefined || l.id > after) && (before === undefined || before <= 0 || l.id < before),
      );
    const format = c.req.query("format") ?? "json";
    if (format !== "json" && format !== "text") {
      throw new HttpError(400, "Invalid format.", undefined, [
        { field: "format", detail: `must be one of [json text], got "${format}"` },
      ]);
    }
    if (format === "text") {
      c.header("content-type", "text/plain; charset=utf-8");
      return c.body(logsText(logs), 200);
    }
    const whole = (after === undefined || after === 0) && (before === undefined || before <= 0);
    if (!whole || !store.jobOf(build).completed_at) return json(c, 200, logs);
    c.header("content-type", "application/json; charset=utf-8");
    return c.body(finishedLogs.json(`${build.id}:${logs.length}`, logs), 200);
  });

  return app;
}
