// axe-core in both themes on one loaded page. Structural rules (names, roles, ARIA, landmarks) do
// not depend on the theme; colours do. So light runs every rule and dark only the colour rules,
// after flipping the theme in place: the app's theme is the `dark` class on <html>, which every
// themed part follows (CSS tokens, the log viewer's ANSI palette), so the same page state is
// checked twice without a reload. That halves the time axe costs on a 2-core CI machine.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

// The axe-core @axe-core/playwright itself runs (the version the lockfile pins), loaded into the
// page once per document: AxeBuilder evaluates its 570 KB twice per call and merges results in a
// new blank tab each time, seconds per route on a loaded machine. axe.run() in the page is what
// AxeBuilder's legacy mode does; the app has no iframes for the per-frame mode to reach.
const fromAxeBuilder = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const AXE_SOURCE = readFileSync(fromAxeBuilder.resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: Array<{ target: unknown[] }>;
}
interface AxeGlobal {
  run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }>;
}

export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export type Theme = "light" | "dark";

async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate(async (dark) => {
    document.documentElement.classList.toggle("dark", dark);
    // Components that follow the class re-render on the next frames; colour transitions (buttons
    // fade their colours over 100 ms) must end before axe reads the colours.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Only transitions: pulses and spinners loop forever.
    const transitions = document.getAnimations().filter((a) => a instanceof CSSTransition);
    await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
  }, theme === "dark");
}

async function run(page: Page, rules: string[] | null, include?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: AxeGlobal }).axe?.run === "function");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ rules, include }) => {
      const axe = (window as unknown as { axe: AxeGlobal }).axe;
      const options = { resultTypes: ["violations"], ...(rules && { runOnly: { type: "rule", values: rules } }) };
      const { violations } = await axe.run(include ? { include: [include] } : document, options);
      return violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
    },
    { rules, include },
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(", ")}`);
}

/** Serious and critical violations, each prefixed with its theme; the page is left in the theme it had. */
export async function axeBothThemes(page: Page, options: { include?: string } = {}): Promise<string[]> {
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  const found: string[] = [];
  await setTheme(page, "light");
  for (const v of await run(page, null, options.include)) found.push(`light: ${v}`);
  await setTheme(page, "dark");
  for (const v of await run(page, COLOUR_RULES, options.include)) found.push(`dark: ${v}`);
  await setTheme(page, wasDark ? "dark" : "light");
  return found;
}
