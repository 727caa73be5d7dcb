import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { readCookie } from "../bridge/cookies";
import { authenticate, pickToken } from "../http/auth";
import { SESSION_COOKIE } from "../http/env";
import type { UserRecord } from "../store/records";
import type { Store } from "../store/store";
import { type HttpError } from "../util/errors";
import { goJson } from "../util/json";

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  410: "Gone",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

/** Answers an upgrade request with a plain HTTP error (before any WebSocket exists). */
export function rejectUpgrade(socket: Duplex, err: HttpError): void {
  const body = goJson(err.body());
  socket.end(
    `HTTP/1.1 ${err.status} ${REASONS[err.status] ?? "Error"}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The upgrade's user, by the same token rule and 401 as every HTTP route. */
export function upgradeUser(store: Store, req: IncomingMessage, url: URL): UserRecord {
  const header = req.headers["coder-session-token"];
  const token = pickToken({
    cookie: readCookie(req.headers.cookie, SESSION_COOKIE),
    query: url.searchParams.get(SESSION_COOKIE),
    header: Array.isArray(header) ? header[0] : header,
  });
  return authenticate(store, token).user;
}
