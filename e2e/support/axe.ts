// axe-core in both themes on one loaded page. Structural rules (names, roles, ARIA, landmarks) do
// not depend on the theme; colours do. So light runs every rule and dark only the colour rules,
// after flipping the theme in place: the app's theme is the `dark` class on <html>, which every
// themed part follows (CSS tokens, the log viewer's ANSI palette), so the same page state is
// checked twice without a reload. That halves the time axe costs on a 2-core CI machine.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

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
  let axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  if (include) axe = axe.include(include);
  if (rules) axe = axe.withRules(rules);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
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
