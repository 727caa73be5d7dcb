import { analyzeRoute, heavyModulesIn } from "../harness/bundle";
import type { Sample, Scenario } from "../harness/types";

const ROUTES: Array<[string, string]> = [
  ["/workspaces", "src/pages/workspaces/WorkspacesPage.tsx"],
  ["/@:owner/:workspace", "src/pages/workspace/WorkspacePage.tsx"],
  ["/…/builds", "src/pages/buildHistory/BuildHistoryPage.tsx"],
  ["/…/builds/:n", "src/pages/build/BuildPage.tsx"],
  ["/…/timings", "src/pages/timings/TimingsPage.tsx"],
  ["/builds", "src/pages/buildsOverview/BuildsOverviewPage.tsx"],
  ["/login", "src/pages/login/LoginPage.tsx"],
];

/** Scenario 1: initial JS/CSS per route from the Vite manifest, gzip and brotli. */
export const bundleScenario: Scenario = {
  id: "bundle",
  title: "Initial JS and CSS per route (KB)",
  singleRun: true,
  goals: { "/workspaces JS gz": 150 },
  async run() {
    const samples: Sample[] = [];
    const failures: string[] = [];
    for (const [route, page] of ROUTES) {
      const b = analyzeRoute("dist", route, page);
      samples.push(
        { metric: `${route} JS gz`, variant: "ours", value: b.jsGzip, unit: "KB" },
        { metric: `${route} JS br`, variant: "ours", value: b.jsBrotli, unit: "KB" },
        { metric: `${route} CSS gz`, variant: "ours", value: b.cssGzip, unit: "KB" },
      );
      if (route === "/workspaces") {
        if (b.jsGzip > 150) failures.push(`list route initial JS is ${b.jsGzip.toFixed(1)} KB gz (budget 150)`);
        for (const heavy of heavyModulesIn(b)) failures.push(`list route's initial load contains ${heavy} code`);
      }
      // A build's log comes first on its page; the Gantt loads with the Timings tab.
      if (route === "/…/builds/:n" && b.modules.some((m) => /src\/components\/TimingsChart\/GanttPlot/.test(m))) {
        failures.push("the build page's initial load contains the timings Gantt");
      }
    }
    return { samples, failures };
  },
};
