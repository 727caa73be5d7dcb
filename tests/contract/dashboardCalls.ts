// Which Coder endpoints the dashboard calls, read from its source: every `api.get|post|put|patch|delete`
// call, every `request(…)` to /api/v2, and every literal `/api/v2/…` URL (streams, downloads).
// Paths are normalized to "METHOD /a/{}/b" so they compare with the swagger templates of endpoints.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const SOURCE = join(ROOT, "src");
/** The built-in server implements the API rather than calling it. */
const NOT_DASHBOARD = [join(SOURCE, "server")];
/** The fetch wrapper: its `api.*` methods pass their caller's path on to `request`. */
const WRAPPER = join(SOURCE, "api", "client.ts");

export interface DashboardCall {
  /** "GET /workspaces/{}/builds". */
  key: string;
  /** Where, as "src/api/queries.ts:136". */
  at: string;
}

export interface ScanResult {
  calls: DashboardCall[];
  /** Calls whose path is not a literal, so the scan cannot tell which endpoint they reach. */
  unreadable: string[];
}

/** `/workspaces/${enc(id)}/builds?x=1` → `/workspaces/{}/builds`. */
export function normalizePath(path: string): string {
  return path
    .split("?")[0]
    .replace(/\$\{[^}]*\}/g, "{}")
    .replace(/\{[^}]+\}/g, "{}");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NOT_DASHBOARD.includes(path) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const TYPE_ARGS = String.raw`(?:<[^(]*?>)?`;
const API_CALL = new RegExp(
  String.raw`\bapi\.(get|post|put|patch|delete)\s*${TYPE_ARGS}\(\s*(?:(["\x60])(.*?)\2)?`,
  "g",
);
const REQUEST_CALL = new RegExp(
  String.raw`(?<!function )\brequest\s*${TYPE_ARGS}\(\s*(?:(["\x60])(.*?)\1\s*(?:,([^)]*))?)?`,
  "g",
);
const API_URL = /["`]\/api\/v2(\/[^"`?]*)/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

export function scanDashboardCalls(): ScanResult {
  const calls: DashboardCall[] = [];
  const unreadable: string[] = [];
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, "utf8");
    const where = (index: number) => `${relative(ROOT, file)}:${lineOf(text, index)}`;
    const add = (method: string, path: string, index: number) =>
      calls.push({ key: `${method.toUpperCase()} ${normalizePath(path)}`, at: where(index) });

    for (const m of text.matchAll(API_CALL)) {
      if (m[3] === undefined) unreadable.push(where(m.index));
      else add(m[1], m[3], m.index);
    }
    for (const m of text.matchAll(REQUEST_CALL)) {
      if (m[2] === undefined) {
        if (file !== WRAPPER) unreadable.push(where(m.index));
        continue;
      }
      const options = m[3] ?? "";
      if (/\bbase:\s*""/.test(options)) continue; // the dashboard server's own routes, not /api/v2
      add(/\bmethod:\s*"(\w+)"/.exec(options)?.[1] ?? "GET", m[2], m.index);
    }
    for (const m of text.matchAll(API_URL)) add("GET", m[1], m.index);
  }
  return { calls, unreadable };
}
