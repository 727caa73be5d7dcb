import { describe, expect, it } from "vitest";
import { portForwardHref, sshCommand, terminalHref, vscodeHref } from "./connect";

const ref = { owner: "alice", workspace: "dev", agent: "main" };

describe("sshCommand", () => {
  it("prefers the hostname suffix, then the prefix, then the CLI", () => {
    expect(sshCommand({ hostname_prefix: "coder.", hostname_suffix: "coder" }, ref)).toBe("ssh main.dev.alice.coder");
    expect(sshCommand({ hostname_prefix: "coder.", hostname_suffix: "" }, ref)).toBe("ssh coder.dev.main");
    expect(sshCommand(undefined, ref)).toBe("coder ssh alice/dev.main");
  });
});

describe("vscodeHref", () => {
  it("carries owner, workspace, agent, folder, deployment URL and token", () => {
    const href = vscodeHref({ ...ref, token: "abc-123", url: "https://coder.example.com", folder: "/home/coder" });
    expect(href.startsWith("vscode://coder.coder-remote/open?")).toBe(true);
    const q = new URL(href).searchParams;
    expect(Object.fromEntries(q)).toEqual({
      owner: "alice",
      workspace: "dev",
      agent: "main",
      url: "https://coder.example.com",
      token: "abc-123",
      openRecent: "true",
      folder: "/home/coder",
    });
  });

  it("leaves the folder out when the agent has none", () => {
    expect(new URL(vscodeHref({ ...ref, token: "t", url: "https://c" })).searchParams.has("folder")).toBe(false);
  });
});

describe("terminal and ports", () => {
  it("links the deployment's terminal page", () => {
    expect(terminalHref("https://coder.example.com", ref)).toBe("https://coder.example.com/@alice/dev.main/terminal");
  });

  it("builds a forwarded port under the wildcard host only", () => {
    expect(portForwardHref("https://c.example.com", "*.apps.example.com", ref, 8080)).toBe(
      "https://8080--main--dev--alice.apps.example.com/",
    );
    expect(portForwardHref("https://c.example.com", "", ref, 8080)).toBeUndefined();
    expect(portForwardHref("https://c.example.com", "*.apps.example.com", ref, 70000)).toBeUndefined();
  });
});
