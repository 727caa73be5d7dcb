/**
 * Who and where a request really comes from. Behind a TLS-terminating proxy (`--trust-proxy`)
 * the socket peer is the proxy: scheme, host and client address come from its X-Forwarded-*
 * headers. Without it those headers are ignored, since any client could forge them.
 */
export interface ClientView {
  proto: "http" | "https";
  /** The host the person typed (Origin checks compare against it). */
  host: string;
  /** The person's address. */
  clientIp: string;
  /** The X-Forwarded-For chain to send on: the trusted chain plus our peer. */
  forwardedFor: string;
}

type Get = (name: string) => string | undefined;

const first = (v: string | undefined): string | undefined => v?.split(",")[0]?.trim() || undefined;

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) reads as `10.0.0.1`. */
const plainIp = (ip: string): string => (ip.startsWith("::ffff:") ? ip.slice(7) : ip);

export function clientView(get: Get, peer: string | undefined, trustProxy: boolean): ClientView {
  const peerIp = plainIp(peer ?? "");
  const chain = trustProxy ? get("x-forwarded-for")?.trim() : undefined;
  const proto = trustProxy ? first(get("x-forwarded-proto"))?.toLowerCase() : undefined;
  return {
    proto: proto === "https" ? "https" : "http",
    host: (trustProxy ? first(get("x-forwarded-host")) : undefined) ?? get("host") ?? "",
    clientIp: first(chain) ?? peerIp,
    forwardedFor: chain ? (peerIp ? `${chain}, ${peerIp}` : chain) : peerIp,
  };
}

/** Headers the dashboard sets for the upstream; whatever the client sent under these names is dropped. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded"];
