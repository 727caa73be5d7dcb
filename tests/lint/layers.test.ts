// The import rules of eslint.layers.js, run through ESLint itself on snippets placed inside each layer.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const refused: [string, string, string][] = [
  ["src/api/client.ts", `import { formatDuration } from "../lib/format";`, "bottom layer"],
  ["src/api/testing/env.ts", `import { Button } from "../../components/Button";`, "bottom layer"],
  ["src/lib/format.ts", `import { api } from "../api/client";`, "src/lib imports only"],
  ["src/lib/logs/store.ts", `import { useState } from "react";`, "no React"],
  ["src/lib/logs/store.ts", `import { Button } from "../../components/Button";`, "src/lib imports only"],
  ["src/components/StatusBadge.tsx", `import { useMe } from "../app/auth";`, "never a page"],
  ["src/components/LogViewer/LogRow.tsx", `import x from "../../pages/build/BuildPage";`, "never a page"],
  ["src/pages/workspace/WorkspacePage.tsx", `import { x } from "../buildHistory/useBuildHistory";`, "another page"],
  ["src/pages/workspace/sections/Header.tsx", `import { x } from "../../build/BuildView";`, "another page"],
  ["src/pages/buildsOverview/data/store.ts", `import { x } from "../../../pages/build/BuildView";`, "another page"],
  ["src/pages/build/BuildPage.tsx", `import { router } from "../../app/router";`, "public pieces"],
  ["src/pages/build/BuildPage.tsx", `import { startServer } from "../../server/main";`, "server"],
  ["src/app/router.tsx", `import { startServer } from "../server/main";`, "never imports src/server"],
  ["src/main.tsx", `import { startServer } from "./server/main";`, "never imports src/server"],
  ["src/server/http/routes/builds.ts", `import { api } from "../../../api/client";`, "src/server is apart"],
  ["src/server/store/store.ts", `import { StatusBadge } from "../../components/StatusBadge";`, "src/server is apart"],
];

const allowed: [string, string][] = [
  ["src/api/watch.ts", `import { Backoff } from "./retryPolicy";`],
  [
    "src/lib/logs/store.ts",
    `import type { ProvisionerJobLog } from "../../api/types";\nimport { LOCALE } from "../format";`,
  ],
  [
    "src/components/StatusBadge.tsx",
    `import { statusInfo } from "../lib/status";\nimport { api } from "../api/client";`,
  ],
  [
    "src/pages/workspace/sections/Header.tsx",
    `import { x } from "../model";\nimport { y } from "../../../lib/status";`,
  ],
  [
    "src/pages/build/BuildPage.tsx",
    `import { useMe } from "../../app/auth";\nimport { buildPath } from "../../app/params";`,
  ],
  ["src/app/pages.ts", `import x from "../pages/build/BuildPage";`],
  [
    "src/server/store/status.ts",
    `import type { Workspace } from "../../api/types";\nimport { isActiveJob } from "../../api/jobStatus";\nimport { x } from "../../lib/random";`,
  ],
];

describe("layer boundaries", () => {
  it.each(refused)("%s may not: %s", async (file, code, reason) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it.each(allowed)("%s may: %s", async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
