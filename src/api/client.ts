// The one fetch wrapper. Same-origin `/api/v2` with the cookie: the dashboard server's session bridge
// copies the HttpOnly cookie into `Coder-Session-Token`, so no token ever exists in JavaScript.
import { fetchOrTakeEarly } from "./earlyResponses";
import type { ApiErrorResponse, ValidationError } from "./types";

export const API_BASE = "/api/v2";

/** Any failed API call. `status` 0 means the request never got an HTTP answer (network down, aborted). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail?: string;
  readonly validations: ValidationError[];
  readonly method: string;
  readonly path: string;

  constructor(init: {
    status: number;
    message: string;
    detail?: string;
    validations?: ValidationError[];
    method: string;
    path: string;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.detail = init.detail;
    this.validations = init.validations ?? [];
    this.method = init.method;
    this.path = init.path;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** 404 or 410: what was asked for does not exist (or not for this user), as opposed to a failure. */
export function isGone(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 410);
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** The login call answers 401 for a wrong password: that must not bounce to /login. */
  redirectOn401?: boolean;
  /** Read the body as text (e.g. raw Terraform state) instead of JSON. */
  responseType?: "json" | "text";
  /** Path prefix; `""` reaches the dashboard server's own routes (e.g. `/auth/token`). */
  base?: string;
}

let unauthorizedHandler: () => void = redirectToLogin;

/** Tests and the app shell may replace what happens on a 401 (default: go to the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** For code outside `request` (streams) that learns of a 401 on its own. */
export function notifyUnauthorized(): void {
  unauthorizedHandler();
}

let redirecting = false;

/** `/login?redirect=<where the user was>`; once, even when several queries fail together. */
export function redirectToLogin(): void {
  if (typeof window === "undefined" || redirecting) return;
  const { pathname, search, hash } = window.location;
  if (pathname === "/login") return;
  redirecting = true;
  window.location.assign(loginHref(pathname + search + hash));
}

export function loginHref(redirectTo: string): string {
  return `/login?redirect=${encodeURIComponent(redirectTo)}`;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>, base: string = API_BASE): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${base}${path}${qs ? `?${qs}` : ""}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const url = buildUrl(path, options.query, options.base);
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetchOrTakeEarly(url, { method, headers, body, credentials: "include", signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, message: "Can't reach the server.", detail: errorText(cause), method, path });
  }
  if (!res.ok) {
    const error = await toApiError(res, method, path);
    if (res.status === 401 && options.redirectOn401 !== false) unauthorizedHandler();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (options.responseType === "text") return text as T;
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({
      status: res.status,
      message: "The server sent a response that is not JSON.",
      detail: text.slice(0, 200),
      method,
      path,
    });
  }
}

export async function toApiError(res: Response, method: string, path: string): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let parsed: Partial<ApiErrorResponse> | undefined;
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === "object") parsed = json;
  } catch {
    // Not JSON (e.g. Coder's CSRF refusal is plain text): keep the text as the message.
  }
  const message =
    typeof parsed?.message === "string" && parsed.message ? parsed.message : text.trim() || defaultMessage(res.status);
  return new ApiError({
    status: res.status,
    message,
    detail: typeof parsed?.detail === "string" && parsed.detail ? parsed.detail : undefined,
    validations: Array.isArray(parsed?.validations) ? parsed.validations : undefined,
    method,
    path,
  });
}

function defaultMessage(status: number): string {
  if (status === 401) return "You are signed out.";
  if (status === 403) return "You don't have permission to do that.";
  if (status === 404) return "Not found.";
  if (status === 410) return "This resource has been deleted.";
  if (status >= 500) return `The server failed (${status}).`;
  return `Request failed (${status}).`;
}

function errorText(cause: unknown): string | undefined {
  return cause instanceof Error ? cause.message : undefined;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    request<T>(path, { method: "POST", body, query }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: "PUT", body }),
  patch: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    request<T>(path, { method: "PATCH", body, query }),
  delete: <T>(path: string) => request<T>(path, { method: "DELETE" }),
};
