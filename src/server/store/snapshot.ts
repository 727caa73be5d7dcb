import type { Counters, IdSource } from "./ids";
import type { Jobs } from "./jobs";
import type * as R from "./records";
import type { Sessions } from "./sessions";
import type { Tables } from "./tables";

/** What a restart must keep of the store. */
export interface StoreSnapshot {
  counters: Counters;
  provisioners: R.ProvisionerRecord[];
  users: R.UserRecord[];
  sessions: R.SessionRecord[];
  organizations: R.OrganizationRecord[];
  templates: R.TemplateRecord[];
  versions: R.TemplateVersionRecord[];
  workspaces: R.WorkspaceRecord[];
  jobs: R.JobRecord[];
  builds: R.BuildRecord[];
  /** Only live builds: historical content is regenerated from seeds on demand. */
  contents: Array<[string, R.BuildContent]>;
}

export function takeSnapshot(t: Tables, ids: IdSource, sessions: Sessions): StoreSnapshot {
  const contents: StoreSnapshot["contents"] = [];
  for (const [id, c] of t.contents) {
    const build = t.builds.get(id);
    if (build && !build.lazy) contents.push([id, c]);
  }
  return {
    counters: ids.counters(),
    provisioners: t.provisioners,
    users: [...t.users.values()],
    sessions: sessions.all(),
    organizations: [...t.organizations.values()],
    templates: [...t.templates.values()],
    versions: [...t.versions.values()],
    workspaces: [...t.workspaces.values()],
    jobs: [...t.jobs.values()],
    builds: [...t.builds.values()],
    contents,
  };
}

/** Fills empty tables from a snapshot; pending jobs queue again in the order they were created. */
export function restoreSnapshot(s: StoreSnapshot, t: Tables, ids: IdSource, sessions: Sessions, jobs: Jobs): void {
  t.provisioners.push(...s.provisioners);
  for (const u of s.users) t.users.set(u.id, u);
  sessions.restore(s.sessions);
  for (const o of s.organizations) t.organizations.set(o.id, o);
  for (const tpl of s.templates) t.templates.set(tpl.id, tpl);
  for (const v of s.versions) t.versions.set(v.id, v);
  for (const w of s.workspaces) t.insertWorkspace(w);
  for (const job of [...s.jobs].sort((a, b) => a.created_at.localeCompare(b.created_at))) jobs.insert(job);
  const contents = new Map(s.contents);
  for (const b of s.builds) t.insertBuild(b, contents.get(b.id));
  ids.restore(s.counters);
}
