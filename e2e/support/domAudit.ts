// In-page audits for the XSS suite: what a hostile string could have left in the DOM if it were
// rendered as markup, whether the page scrolls sideways, and a walk through every scrollable
// pane (virtualized lists only render what is in view). The audit lives in the page (installed
// before load) so a walk costs one round trip per step.
import type { BrowserContext, Page } from "@playwright/test";

interface AuditWindow {
  __auditDom(): string[];
  __auditTexts(texts: string[]): string[];
}

/** Adds `__auditDom()` and `__auditTexts()` to every page of the context. */
export async function installDomAudit(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as AuditWindow;
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}>`;
    const badUrl = (raw: string, image: boolean): boolean => {
      let url: URL;
      try {
        url = new URL(raw, location.href);
      } catch {
        return false; // not a URL the browser would follow
      }
      if (["http:", "https:", "blob:", "mailto:"].includes(url.protocol)) return false;
      return !(image && /^data:image\//i.test(raw.trim()));
    };
    const URL_ATTRS = new Set([
      "href",
      "src",
      "action",
      "formaction",
      "data",
      "xlink:href",
      "poster",
      "background",
      "srcset",
      "ping",
    ]);
    // Elements the app never renders, each the landing place of some payload in the corpus.
    const FOREIGN =
      "iframe, frame, frameset, object, embed, applet, base, marquee, video, audio, source, math, mglyph, noscript, xss, x, meta[http-equiv], body body, body link, body style, svg script, svg animate, svg set, details[ontoggle], h1[style]";
    // React never writes `on*` attributes, inline scripts, frames or `javascript:` URLs: any of
    // them in the DOM came from data rendered as HTML.
    w.__auditDom = () => {
      const found: string[] = [];
      for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          const value = attr.value.slice(0, 60);
          if (name.startsWith("on") || name === "srcdoc") found.push(`${describe(el)} ${name}="${value}"`);
          else if (URL_ATTRS.has(name) && badUrl(attr.value, el.tagName === "IMG" || el.tagName === "image"))
            found.push(`${describe(el)} ${name}="${value}"`);
          else if (
            name === "style" &&
            /expression\(|javascript:|url\(\s*['"]?\s*(javascript|data:text)/i.test(attr.value)
          )
            found.push(`${describe(el)} style="${value}"`);
        }
      }
      for (const s of document.querySelectorAll("script")) {
        if (!s.src || new URL(s.src).origin !== location.origin)
          found.push(`<script> ${s.src || s.textContent?.slice(0, 60)}`);
      }
      for (const el of document.querySelectorAll(FOREIGN)) found.push(`${describe(el)} ${el.outerHTML.slice(0, 80)}`);
      return found;
    };
    w.__auditTexts = (texts) => {
      const body = document.body.innerText;
      return texts.filter((t) => body.includes(t));
    };
  });
}

/** Injected elements/attributes/URLs in the DOM right now. */
export const auditDom = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as AuditWindow).__auditDom());

/** How many of `texts` the page shows as text. */
export const textsShown = (page: Page, texts: readonly string[]): Promise<number> =>
  page.evaluate((t) => (window as unknown as AuditWindow).__auditTexts(t).length, [...texts]);

/** How far the page itself scrolls sideways (panes with their own scrollbars are fine). */
export function pageOverflowX(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/**
 * Scrolls every vertically scrollable pane from its top to its bottom, most of a pane at a time, and
 * audits the DOM after each step; returns everything found, and which of `texts` were shown.
 */
export async function walkScrollables(
  page: Page,
  texts: readonly string[],
  maxSteps = 40,
): Promise<{ injected: string[]; textsSeen: number }> {
  return page.evaluate(
    async ({ maxSteps, texts }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const found = new Set<string>();
      const seen = new Set<string>();
      const panes = [...document.querySelectorAll<HTMLElement>("*")].filter((el) => {
        const s = getComputedStyle(el);
        return /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 4 && el.clientHeight > 40;
      });
      const w = window as unknown as AuditWindow;
      const audit = () => {
        w.__auditDom().forEach((x) => found.add(x));
        w.__auditTexts(texts).forEach((t) => seen.add(t));
      };
      for (const el of panes) {
        // From the top: log panes open at their end (follow mode).
        el.scrollTop = 0;
        await frame();
        audit();
        for (let step = 0; step < maxSteps && el.isConnected; step++) {
          const before = el.scrollTop;
          el.scrollTop = before + Math.max(40, el.clientHeight * 0.9);
          if (el.scrollTop === before) break;
          await frame();
          audit();
        }
      }
      return { injected: [...found], textsSeen: seen.size };
    },
    { maxSteps, texts: [...texts] },
  );
}
