// The tab's own signal when the browser will not show a notification: a count before the title and
// a dot on the favicon, until the person comes back to the tab. Pages set `document.title` as they
// like; the prefix is put back whenever they do.

const PREFIX = /^\(\d+\) /;
const DOT = '<circle cx="25" cy="7" r="6.5" fill="#dc2626" stroke="#ffffff" stroke-width="1.5"/></svg>';

let count = 0;
let originalIcon: string | null = null;
let observer: MutationObserver | null = null;

function iconLink(): HTMLLinkElement | null {
  return document.querySelector<HTMLLinkElement>('link[rel="icon"]');
}

function applyTitle() {
  const bare = document.title.replace(PREFIX, "");
  const next = count > 0 ? `(${count}) ${bare}` : bare;
  if (document.title !== next) document.title = next;
}

async function applyIcon() {
  const link = iconLink();
  if (!link) return;
  if (count === 0) {
    if (originalIcon !== null) link.setAttribute("href", originalIcon);
    originalIcon = null;
    return;
  }
  if (originalIcon !== null) return;
  const href = link.getAttribute("href") ?? "/favicon.svg";
  originalIcon = href;
  try {
    const svg = await (await fetch(href)).text();
    if (count > 0)
      link.setAttribute("href", `data:image/svg+xml,${encodeURIComponent(svg.replace(/<\/svg>\s*$/, DOT))}`);
  } catch {
    // The title still carries the count.
  }
}

function clear() {
  if (count === 0) return;
  count = 0;
  observer?.disconnect();
  observer = null;
  for (const type of ["focus", "pointerdown", "keydown"] as const) window.removeEventListener(type, clear, true);
  document.removeEventListener("visibilitychange", onVisible);
  applyTitle();
  void applyIcon();
}

function onVisible() {
  if (document.visibilityState === "visible" && document.hasFocus()) clear();
}

/** One more thing happened while the person was away; cleared when they use the tab again. */
export function raiseTabBadge(): void {
  count += 1;
  applyTitle();
  void applyIcon();
  if (observer) return;
  observer = new MutationObserver(applyTitle);
  observer.observe(document.head, { subtree: true, childList: true, characterData: true });
  for (const type of ["focus", "pointerdown", "keydown"] as const) window.addEventListener(type, clear, true);
  document.addEventListener("visibilitychange", onVisible);
}
