import path from "node:path";

const HUES = [210, 150, 30, 280, 0, 180, 330, 90];

/**
 * In built-in mode there is no Coder deployment to serve `/icon/*` and `/emojis/*`; a small
 * lettered badge stands in so the dashboard's images load (same origin, CSP-friendly).
 */
export function placeholderIcon(urlPath: string): Response {
  const name = path.posix.basename(urlPath).replace(/\.[a-z0-9]+$/i, "");
  const letter = (name.match(/[a-z0-9]/i)?.[0] ?? "?").toUpperCase();
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = HUES[h % HUES.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="hsl(${hue} 55% 45%)"/><text x="16" y="21.5" font-family="system-ui,sans-serif" font-size="16" font-weight="600" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  return new Response(svg, {
    status: 200,
    headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" },
  });
}
