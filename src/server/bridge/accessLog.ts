import type { IncomingMessage, ServerResponse } from "node:http";

export type LogFormat = "text" | "json";

export interface AccessEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  bytes: number;
  remote: string;
}

/** Query parameters that can carry credentials (OAuth codes and state, tokens): never logged. */
const SECRET_PARAM = /token|code|state|secret|password|verifier|key/i;

/** The request path with every credential-like query value replaced, so logs never hold a secret. */
export function redactedPath(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of new Set(params.keys())) {
    if (SECRET_PARAM.test(name)) params.set(name, "redacted");
  }
  const query = params.toString();
  return query ? `${url.slice(0, q)}?${query}` : url.slice(0, q);
}

export function formatAccess(entry: AccessEntry, format: LogFormat): string {
  if (format === "json") return JSON.stringify({ level: "info", msg: "request", ...entry });
  return `${entry.time} ${entry.remote} ${entry.method} ${entry.path} ${entry.status} ${entry.ms}ms ${entry.bytes}B`;
}

type Write = (line: string) => void;

const stdoutLine: Write = (line) => process.stdout.write(line + "\n");

/**
 * Logs one line when the response is done (or the client left), with the bytes of body sent.
 * `remote` is resolved by the caller: behind a trusted proxy it is the person, not the proxy.
 */
export function logResponse(
  req: IncomingMessage,
  res: ServerResponse,
  remote: string,
  format: LogFormat,
  write: Write = stdoutLine,
): void {
  const started = performance.now();
  let bytes = 0;
  const count = (chunk: unknown) => {
    if (typeof chunk === "string") bytes += Buffer.byteLength(chunk);
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const write0 = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end0 = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    count(chunk);
    return write0(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") count(chunk);
    return end0(chunk, ...rest);
  }) as ServerResponse["end"];
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const entry: AccessEntry = {
      time: new Date().toISOString(),
      method: req.method ?? "GET",
      path: redactedPath(req.url ?? "/"),
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      bytes,
      remote,
    };
    write(formatAccess(entry, format));
  };
  res.once("finish", done);
  res.once("close", done);
}

/** A WebSocket upgrade's line, written when the socket closes (status 101, bytes sent on it). */
export function logUpgrade(req: IncomingMessage, remote: string, format: LogFormat, write: Write = stdoutLine): void {
  const started = performance.now();
  const before = req.socket.bytesWritten;
  req.socket.once("close", () => {
    write(
      formatAccess(
        {
          time: new Date().toISOString(),
          method: req.method ?? "GET",
          path: redactedPath(req.url ?? "/"),
          status: 101,
          ms: Math.round(performance.now() - started),
          bytes: req.socket.bytesWritten - before,
          remote,
        },
        format,
      ),
    );
  });
}
