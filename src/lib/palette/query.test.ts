import { describe, expect, it } from "vitest";
import { matchScore, parsePaletteQuery, rankItems } from "./query";

describe("parsePaletteQuery", () => {
  it("searches names by the first word that is not a command", () => {
    expect(parsePaletteQuery("  Dev ")).toEqual({ words: ["dev"], serverQuery: "name:dev" });
    expect(parsePaletteQuery("stop dev")).toEqual({ words: ["stop", "dev"], serverQuery: "name:dev" });
    expect(parsePaletteQuery("builds")).toEqual({ words: ["builds"], serverQuery: "" });
    expect(parsePaletteQuery("")).toEqual({ words: [], serverQuery: "" });
  });

  it("reads owner/name, and keeps search syntax out of the term", () => {
    expect(parsePaletteQuery("bob/api").serverQuery).toBe("owner:bob name:api");
    expect(parsePaletteQuery("bob/").serverQuery).toBe("owner:bob");
    expect(parsePaletteQuery('status:failed"').serverQuery).toBe("name:statusfailed");
    expect(parsePaletteQuery("::").serverQuery).toBe("");
  });
});

describe("ranking", () => {
  it("needs every word, and prefers a match at the start of the text or a word", () => {
    expect(matchScore(["dev"], "alice/dev")).toBe(2);
    expect(matchScore(["dev"], "dev")).toBe(3);
    expect(matchScore(["ev"], "alice/dev")).toBe(1);
    expect(matchScore(["stop", "dev"], "Stop alice/dev")).toBe(5);
    expect(matchScore(["stop", "ml"], "Stop alice/dev")).toBe(0);
    expect(matchScore([], "anything")).toBe(1);
  });

  it("orders by score, keeping the given order on ties", () => {
    const items = ["Builds", "alice/long-history", "Workspaces", "alice/dev", "alice/devbox"];
    expect(rankItems(items, ["dev"], (s) => s)).toEqual(["alice/dev", "alice/devbox"]);
    expect(rankItems(["xdev", "dev-a", "a-dev", "dev-b"], ["dev"], (s) => s)).toEqual([
      "dev-a",
      "dev-b",
      "a-dev",
      "xdev",
    ]);
    expect(rankItems(items, [], (s) => s)).toEqual(items);
  });
});
