// `--world xss` is what the e2e XSS suite renders: check the corpus really lands in each kind of
// field, and that the world stays consistent (log ids, script ↔ source names, untouched catalog).
import { describe, expect, it } from "vitest";
import { xssCorpus } from "../../src/server/world/xssCorpus";
import { TEMPLATES } from "../../src/server/world/catalog";
import { createWorld } from "../../src/server/world/index";
import { hostileUrls } from "../../src/server/world/xss";

const corpus = new Set(xssCorpus);

describe("--world xss", () => {
  const store = createWorld({ seed: 1, world: "xss", provisioners: 2 });
  const alice = [...store.users.values()].find((u) => u.username === "alice")!;
  const dev = [...store.workspaces.values()].find((w) => w.owner_id === alice.id && w.name === "dev")!;
  const latest = store.latestBuild(dev.id);
  const content = store.content(latest);
  const agent = content.resources.flatMap((r) => r.agents ?? [])[0];

  it("puts payloads in records: users, templates, versions, parameters, reasons, job errors", () => {
    expect(corpus.has(alice.name)).toBe(true);
    for (const t of store.templates.values())
      expect(corpus.has(t.display_name) && corpus.has(t.description)).toBe(true);
    for (const v of store.versions.values()) expect(v.parameters.every((p) => corpus.has(p.description))).toBe(true);
    for (const b of store.builds.values()) expect(b.parameters.every((p) => corpus.has(p.value))).toBe(true);
    expect([...store.builds.values()].some((b) => corpus.has(b.reason))).toBe(true);
    const errors = [...store.jobs.values()].filter((j) => j.error && j.error !== "canceled");
    expect(errors.length).toBeGreaterThan(0);
    for (const j of errors) expect(corpus.has(j.error!.split("\n")[0])).toBe(true);
  });

  it("keeps names Coder validates valid and the shared catalog untouched", () => {
    for (const w of store.workspaces.values()) expect(w.name).toMatch(/^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/);
    for (const t of store.templates.values()) expect(TEMPLATES.map((s) => s.name)).toContain(t.name);
    for (const spec of TEMPLATES) for (const p of spec.parameters) expect(corpus.has(p.description)).toBe(false);
  });

  it("puts every payload in the build log once, with ids still strictly increasing", () => {
    const outputs = content.logs.map((l) => l.output);
    for (const s of xssCorpus) expect(outputs.filter((o) => o === s)).toHaveLength(1);
    for (let i = 1; i < content.logs.length; i++) expect(content.logs[i].id).toBe(content.logs[i - 1].id + 1);
  });

  it("puts payloads in apps (names, javascript: URLs, statuses), scripts, sources, metadata and agent logs", () => {
    expect(agent.apps.every((a) => corpus.has(a.display_name!))).toBe(true);
    const urls = agent.apps.filter((a) => a.external).map((a) => a.url);
    for (const u of hostileUrls) expect(urls).toContain(u);
    expect(hostileUrls.some((u) => /^javascript:/.test(u))).toBe(true);
    for (const s of agent.scripts)
      expect(agent.log_sources.find((x) => x.id === s.log_source_id)!.display_name).toBe(s.display_name);
    for (const t of content.timings.agent_script_timings)
      expect(agent.scripts.map((s) => s.display_name)).toContain(t.display_name);
    expect(content.resources.every((r) => r.metadata!.some((m) => corpus.has(m.value)))).toBe(true);
    const agentLogs = content.agentLogs.get(agent.id)!;
    for (const s of xssCorpus) expect(agentLogs.some((l) => l.output === s)).toBe(true);
    expect(new Set(agentLogs.map((l) => l.id)).size).toBe(agentLogs.length);
  });

  it("leaves the demo world as it was", () => {
    const demo = createWorld({ seed: 1, world: "demo", provisioners: 2 });
    for (const t of demo.templates.values()) expect(corpus.has(t.display_name)).toBe(false);
    const b = [...demo.builds.values()][0];
    expect(demo.content(b).logs.some((l) => corpus.has(l.output))).toBe(false);
  });
});
