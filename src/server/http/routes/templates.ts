import { Hono } from "hono";
import type { Preset } from "../../../api/types";
import type { Store } from "../../store/store";
import { templateVersionView, templateView } from "../../store/views";
import { NotFound } from "../../store/errors";
import { requireAuth } from "../auth";
import type { ApiEnv } from "../env";
import { uuidParam } from "../params";
import { json } from "../respond";

/** Templates and template versions: every signed-in member of the organization may read them. */
export function templateRoutes(store: Store): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);
  const sorted = () => [...store.templates.values()].sort((a, b) => a.name.localeCompare(b.name));

  app.get("/templates", auth, (c) =>
    json(
      c,
      200,
      sorted().map((t) => templateView(store, t)),
    ),
  );

  app.get("/templates/:template", auth, (c) => {
    const t = store.templates.get(uuidParam(c, "template"));
    if (!t) throw new NotFound();
    return json(c, 200, templateView(store, t));
  });

  app.get("/organizations/:organization/templates", auth, (c) => {
    const raw = c.req.param("organization");
    const org = [...store.organizations.values()].find(
      (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
    );
    if (!org) throw new NotFound();
    return json(
      c,
      200,
      sorted()
        .filter((t) => t.organization_id === org.id)
        .map((t) => templateView(store, t)),
    );
  });

  app.get("/organizations/:organization/templates/:name", auth, (c) => {
    const raw = c.req.param("organization");
    const org = [...store.organizations.values()].find(
      (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
    );
    const t = org ? store.templateByName(org.id, c.req.param("name")) : undefined;
    if (!t) throw new NotFound();
    return json(c, 200, templateView(store, t));
  });

  app.get("/templates/:template/versions", auth, (c) => {
    const t = store.templates.get(uuidParam(c, "template"));
    if (!t) throw new NotFound();
    const versions = [...store.versions.values()]
      .filter((v) => v.template_id === t.id)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    return json(
      c,
      200,
      versions.map((v) => templateVersionView(store, v)),
    );
  });

  app.get("/templateversions/:templateversion", auth, (c) => {
    const v = store.versions.get(uuidParam(c, "templateversion"));
    if (!v) throw new NotFound();
    return json(c, 200, templateVersionView(store, v));
  });

  app.get("/templateversions/:templateversion/rich-parameters", auth, (c) => {
    const v = store.versions.get(uuidParam(c, "templateversion"));
    if (!v) throw new NotFound();
    return json(c, 200, v.parameters);
  });

  app.get("/templateversions/:templateversion/presets", auth, (c) => {
    const v = store.versions.get(uuidParam(c, "templateversion"));
    if (!v) throw new NotFound();
    const presets: Preset[] = (v.presets ?? []).map((p) => ({
      ID: p.id,
      Name: p.name,
      Parameters: Object.entries(p.parameters).map(([Name, Value]) => ({ Name, Value })),
      Default: p.default,
      DesiredPrebuildInstances: null,
      Description: p.description,
      Icon: "",
    }));
    return json(c, 200, presets);
  });

  return app;
}
