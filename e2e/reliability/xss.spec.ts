// XSS across pages (issue 11): a server with `--world xss` puts the corpus of src/server/world/xssCorpus
// in every free-text field (template and user names, descriptions, parameter values, build
// reasons, job errors, provisioner and agent log lines, app names and `javascript:` app URLs, app
// status messages and links, script/log source names, resource metadata). Every page must show
// it as text: no hook fires, no element or URL from a payload exists, the page does not scroll
// sideways at 1280 px.
import { expect, test, type Page } from "@playwright/test";
import type { Workspace, WorkspaceBuild } from "../../src/api/types";
import { auditDom, installDomAudit, pageOverflowX, textsShown, walkScrollables } from "../support/domAudit";
import { navigate } from "../support/routes";
import {
  Api,
  blockForeignRequests,
  collectErrors,
  installProbes,
  ownServer,
  readProbes,
  signInAt,
} from "../support/reliability";
import type { SpawnedServer } from "../support/server";
import { xssCorpus } from "../../src/server/world/xssCorpus";

test.describe.configure({ mode: "serial" });

// Texts that show a payload reached the page as text: short enough to be shown untruncated, and
// without control characters (a log viewer rightly interprets ANSI escapes, CR and NUL).
// eslint-disable-next-line no-control-regex -- control characters are what this filter looks for
const probeTexts = xssCorpus.filter((s) => s.includes("<") && s.length < 80 && !/[\u0000-\u001f]/.test(s));

let server: SpawnedServer;
let dev: Workspace;
let failed: Workspace;
let hostileReason: WorkspaceBuild;

test.beforeAll(async ({}, workerInfo) => {
  server = await ownServer(workerInfo, ["--world", "xss"]);
  const alice = await Api.login(server.url, "alice");
  dev = await alice.workspace("alice", "dev");
  failed = await alice.workspace("alice", "failed-ws");
  const history = await alice.get<WorkspaceBuild[]>(`/workspaces/${dev.id}/builds`);
  const reason = history.find((b) => !["initiator", "autostart", "autostop", "dormancy"].includes(b.reason));
  if (!reason) throw new Error("the xss world has no build with a hostile reason");
  hostileReason = reason;
});

test.afterAll(async () => {
  await server?.stop();
});

interface Visit {
  name: string;
  user: "alice" | "admin";
  path: () => string;
  /** The page shows free text from the world (so some payload must be visible as text). */
  showsPayloads: boolean;
  /** A log pane holds every payload as a line: this many are seen scrolling through it. */
  logPayloads?: number;
}

const buildPath =
  (ws: () => Workspace, suffix = "") =>
  () =>
    `/@alice/${ws().name}/builds/${ws().latest_build.build_number}${suffix}`;

const VISITS: Visit[] = [
  { name: "workspace list", user: "alice", path: () => "/workspaces", showsPayloads: true },
  { name: "workspace list, all (admin)", user: "admin", path: () => "/workspaces?filter=", showsPayloads: true },
  {
    name: "workspace page (apps, agent logs, resources)",
    user: "alice",
    path: () => `/@alice/${dev.name}`,
    showsPayloads: true,
    logPayloads: probeTexts.length,
  },
  {
    name: "workspace page of a failed build",
    user: "alice",
    path: () => `/@alice/${failed.name}`,
    showsPayloads: true,
  },
  { name: "workspace page, quota failure", user: "alice", path: () => "/@alice/quota-fail", showsPayloads: true },
  { name: "workspace page, failing script", user: "alice", path: () => "/@alice/script-error", showsPayloads: true },
  { name: "build history", user: "alice", path: () => `/@alice/${dev.name}/builds`, showsPayloads: true },
  {
    name: "build page: logs",
    user: "alice",
    path: buildPath(() => dev, "?tab=logs"),
    showsPayloads: true,
    logPayloads: probeTexts.length,
  },
  {
    name: "build page: agent logs",
    user: "alice",
    path: buildPath(() => dev, "?tab=agent-logs"),
    showsPayloads: true,
    logPayloads: probeTexts.length,
  },
  { name: "build page: timings", user: "alice", path: buildPath(() => dev, "?tab=timings"), showsPayloads: true },
  { name: "build page: resources", user: "alice", path: buildPath(() => dev, "?tab=resources"), showsPayloads: true },
  { name: "build page: parameters", user: "alice", path: buildPath(() => dev, "?tab=parameters"), showsPayloads: true },
  { name: "build page: state (admin)", user: "admin", path: buildPath(() => dev, "?tab=state"), showsPayloads: false },
  { name: "build page of a failed build", user: "alice", path: buildPath(() => failed), showsPayloads: true },
  {
    name: "build page, hostile reason",
    user: "alice",
    path: () => `/@alice/${dev.name}/builds/${hostileReason.build_number}`,
    showsPayloads: true,
  },
  { name: "timings page", user: "alice", path: buildPath(() => dev, "/timings"), showsPayloads: true },
  {
    name: "timings page, compare with previous",
    user: "alice",
    path: buildPath(() => dev, "/timings?compare=prev"),
    showsPayloads: true,
  },
  { name: "builds overview (admin)", user: "admin", path: () => "/builds", showsPayloads: true },
];

/** Waits until the route has rendered data from the world (some payload shown as text). */
async function settle(page: Page, visit: Visit): Promise<void> {
  if (visit.showsPayloads) {
    await expect
      .poll(() => textsShown(page, probeTexts), {
        message: `${visit.name}: some payload is shown as text`,
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
  }
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
}

for (const user of ["alice", "admin"] as const) {
  test(`hostile strings stay inert on every page (${user})`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await installProbes(context);
    await installDomAudit(context);
    const foreign = await blockForeignRequests(context, server.url);
    const errors = collectErrors(page);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await signInAt(page, server.url, user);
    const visits = VISITS.filter((v) => v.user === user);
    await page.goto(`${server.url}${visits[0].path()}`);
    for (const visit of visits) {
      await navigate(page, visit.path());
      await expect(page, visit.name).toHaveURL(`${server.url}${visit.path()}`);
      await settle(page, visit);
      const injected = new Set(await auditDom(page));
      expect.soft(await pageOverflowX(page), `${visit.name}: page scrolls sideways at 1280 px`).toBeLessThanOrEqual(0);
      const walk = await walkScrollables(page, probeTexts);
      walk.injected.forEach((x) => injected.add(x));
      if (visit.logPayloads)
        expect
          .soft(walk.textsSeen, `${visit.name}: payload log lines shown while scrolling`)
          .toBeGreaterThanOrEqual(visit.logPayloads);
      expect.soft([...injected], `${visit.name}: elements/attributes/URLs from payloads`).toEqual([]);
      const probes = await readProbes(page);
      expect.soft(probes.hits, `${visit.name}: alert/confirm/prompt/xss()/foreign requests`).toEqual([]);
      expect.soft(foreign, `${visit.name}: requests to other origins`).toEqual([]);
    }
    // No on* attribute exists (audited above), so nothing can fire on hover or focus either; the
    // probes would still catch it: move over the last page and tab through it.
    await page.mouse.move(640, 400);
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    expect((await readProbes(page)).hits).toEqual([]);
    expect(dialogs, "dialogs").toEqual([]);
    expect(errors.pageErrors, "uncaught errors").toEqual([]);
  });
}
