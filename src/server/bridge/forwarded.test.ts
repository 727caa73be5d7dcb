import { describe, expect, it } from "vitest";
import { clientView } from "./forwarded";

const headers = (h: Record<string, string>) => (name: string) => h[name];

describe("clientView", () => {
  const viaProxy = headers({
    host: "10.0.0.5:3000",
    "x-forwarded-proto": "https",
    "x-forwarded-host": "dashboard.example.com",
    "x-forwarded-for": "203.0.113.7",
  });

  it("behind a trusted proxy: the person's scheme, host and address", () => {
    expect(clientView(viaProxy, "::ffff:10.0.0.9", true)).toEqual({
      proto: "https",
      host: "dashboard.example.com",
      clientIp: "203.0.113.7",
      forwardedFor: "203.0.113.7, 10.0.0.9",
    });
  });

  it("untrusted: forwarded headers are ignored (a client could forge them)", () => {
    expect(clientView(viaProxy, "198.51.100.4", false)).toEqual({
      proto: "http",
      host: "10.0.0.5:3000",
      clientIp: "198.51.100.4",
      forwardedFor: "198.51.100.4",
    });
  });

  it("takes the first value of a multi-hop chain", () => {
    const view = clientView(
      headers({ host: "h", "x-forwarded-for": "203.0.113.7, 10.1.1.1", "x-forwarded-proto": "https, http" }),
      "10.0.0.9",
      true,
    );
    expect(view.clientIp).toBe("203.0.113.7");
    expect(view.proto).toBe("https");
    expect(view.forwardedFor).toBe("203.0.113.7, 10.1.1.1, 10.0.0.9");
  });
});
