import type { ProvisionerJobLog, WorkspaceAgent, WorkspaceApp, WorkspaceResource } from "../../api/types";
import { xssCorpus } from "./xssCorpus";
import type { BuildContent } from "../store/records";
import type { ContentGenerator, Store } from "../store/store";

// `--world xss`: the demo world with the XSS corpus placed in every free-text field a real
// deployment lets template authors, users, providers or agents fill (names Coder validates,
// such as workspace and template names, stay valid). The dashboard must show all of it as inert
// text; the e2e XSS suite visits every page of this world.

/** Payloads that are meant as URLs: app links and status links get these. */
export const hostileUrls: readonly string[] = xssCorpus.filter(
  (s) => /^\s*(java|jav|vbscript|data:|https:)/i.test(s) || /script:/i.test(s),
);

/** Deterministic walk over the corpus, so each field gets a different payload. */
class Cursor {
  private i = 0;
  constructor(private readonly list: readonly string[]) {}
  next(): string {
    return this.list[this.i++ % this.list.length];
  }
}

/** Records: organization, users' display names, templates, versions, build reasons and parameters, job errors. */
export function applyHostileRecords(store: Store): void {
  const text = new Cursor(xssCorpus);
  for (const org of store.organizations.values()) {
    org.display_name = text.next();
    org.description = text.next();
  }
  for (const user of store.users.values()) user.name = text.next();
  for (const t of store.templates.values()) {
    t.display_name = text.next();
    t.description = text.next();
  }
  for (const v of store.versions.values()) {
    v.message = text.next();
    v.readme = text.next();
    // Parameter specs come from the shared catalog: copy before changing them.
    v.parameters = v.parameters.map((p) => ({
      ...p,
      display_name: text.next(),
      description: text.next(),
      description_plaintext: text.next(),
    }));
  }
  for (const b of store.builds.values()) {
    b.parameters = b.parameters.map((p) => ({ ...p, value: text.next() }));
    // Unknown reasons must render as text (docs/conventions.md, "Unknown values").
    if (b.build_number % 3 === 0) b.reason = text.next();
  }
  for (const job of store.jobs.values())
    if (job.error && job.error !== "canceled") job.error = `${text.next()}\n${job.error}`;
}

function hostileLogs(logs: ProvisionerJobLog[]): void {
  if (logs.length === 0) return;
  const base = logs[0].id - 1;
  // In the middle, inside a real stage: the viewer groups, colours and linkifies around them.
  const at = Math.floor(logs.length / 2);
  const anchor = logs[at];
  const extra = xssCorpus.map((output, i) => ({
    ...anchor,
    id: 0,
    log_level: i % 5 === 0 ? "error" : anchor.log_level,
    output,
  }));
  logs.splice(at, 0, ...extra);
  logs.forEach((l, i) => (l.id = base + i + 1));
}

function hostileApps(apps: WorkspaceApp[], text: Cursor, urls: Cursor): WorkspaceApp[] {
  const out: WorkspaceApp[] = apps.map((app) => ({
    ...app,
    display_name: text.next(),
    tooltip: text.next(),
    ...(app.external ? { url: urls.next() } : {}),
    statuses: app.statuses.map((s) => ({ ...s, message: text.next(), uri: urls.next() })),
  }));
  const template = apps.find((a) => a.external);
  if (template) {
    hostileUrls.forEach((url, i) =>
      out.push({
        ...template,
        id: `${template.id.slice(0, -4)}${String(i).padStart(4, "0")}`,
        slug: `xss-link-${i + 1}`,
        display_name: text.next(),
        url,
      }),
    );
  }
  return out;
}

function hostileAgent(agent: WorkspaceAgent, content: BuildContent, text: Cursor, urls: Cursor): void {
  // Script and source names stay paired (a timing bar finds its logs by the script's name).
  const renamed = new Map<string, string>();
  for (const script of agent.scripts) {
    const name = text.next();
    renamed.set(script.display_name, name);
    script.display_name = name;
    const source = agent.log_sources.find((s) => s.id === script.log_source_id);
    if (source) source.display_name = name;
  }
  for (const source of agent.log_sources)
    if (!agent.scripts.some((s) => s.log_source_id === source.id)) source.display_name = text.next();
  for (const t of content.timings.agent_script_timings) t.display_name = renamed.get(t.display_name) ?? t.display_name;
  agent.apps = hostileApps(agent.apps, text, urls);
  const logs = content.agentLogs.get(agent.id);
  if (logs && logs.length > 0) {
    const last = logs[logs.length - 1];
    const sources = agent.log_sources.map((s) => s.id);
    xssCorpus.forEach((output, i) =>
      logs.push({
        id: last.id + i + 1,
        created_at: last.created_at,
        level: i % 7 === 0 ? "error" : "info",
        output,
        source_id: sources[i % sources.length],
      }),
    );
    agent.logs_length = logs.length;
  }
}

function hostileResources(resources: WorkspaceResource[], text: Cursor): void {
  for (const r of resources)
    r.metadata = [...(r.metadata ?? []), { key: text.next(), value: text.next(), sensitive: false }];
}

/** Wraps the history generator: each materialized build gets hostile logs, apps, scripts and metadata. */
export function hostileGenerator(base: ContentGenerator): ContentGenerator {
  return {
    materialize(store, build) {
      const content = base.materialize(store, build);
      const text = new Cursor(
        xssCorpus
          .slice(build.build_number % xssCorpus.length)
          .concat(xssCorpus.slice(0, build.build_number % xssCorpus.length)),
      );
      const urls = new Cursor(hostileUrls);
      hostileLogs(content.logs);
      hostileResources(content.resources, text);
      for (const r of content.resources) for (const agent of r.agents ?? []) hostileAgent(agent, content, text, urls);
      return content;
    },
  };
}
