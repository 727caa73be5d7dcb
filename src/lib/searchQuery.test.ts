import { describe, expect, it } from "vitest";
import {
  detectPreset,
  formatSearchQuery,
  isKnownKey,
  isOwnWorkspacesOnly,
  parseSearchQuery,
  SEARCH_PRESETS,
  termsForValidation,
  termValues,
  withTerm,
} from "./searchQuery";

describe("parseSearchQuery", () => {
  it("splits key:value terms and reads a bare word as a name", () => {
    expect(parseSearchQuery("owner:me status:running dev")).toEqual([
      { key: "owner", value: "me" },
      { key: "status", value: "running" },
      { key: null, value: "dev" },
    ]);
  });

  it("ignores repeated and surrounding whitespace", () => {
    expect(parseSearchQuery("  owner:me \t  template:docker  ")).toEqual([
      { key: "owner", value: "me" },
      { key: "template", value: "docker" },
    ]);
    expect(parseSearchQuery("")).toEqual([]);
    expect(parseSearchQuery("   ")).toEqual([]);
  });

  it("keeps spaces and colons inside quotes", () => {
    expect(parseSearchQuery('name:"a b" owner:me')).toEqual([
      { key: "name", value: "a b" },
      { key: "owner", value: "me" },
    ]);
    expect(parseSearchQuery('last_used_after:"2025-01-02T03:04:05Z"')).toEqual([
      { key: "last_used_after", value: "2025-01-02T03:04:05Z" },
    ]);
    expect(parseSearchQuery('"my ws"')).toEqual([{ key: null, value: "my ws" }]);
  });

  it("splits at the first unquoted colon only", () => {
    expect(parseSearchQuery("a:b:c")).toEqual([{ key: "a", value: "b:c" }]);
  });

  it("lower-cases keys but keeps values as typed", () => {
    expect(parseSearchQuery("STATUS:Running Owner:Alice")).toEqual([
      { key: "status", value: "Running" },
      { key: "owner", value: "Alice" },
    ]);
  });

  it("keeps duplicate keys in order for the server to judge", () => {
    expect(parseSearchQuery("status:running status:stopped")).toEqual([
      { key: "status", value: "running" },
      { key: "status", value: "stopped" },
    ]);
  });

  it("keeps an empty value (the server rejects it, not the client)", () => {
    expect(parseSearchQuery("owner: status:running")).toEqual([
      { key: "owner", value: "" },
      { key: "status", value: "running" },
    ]);
  });

  it("keeps unknown keys, so the server can name them", () => {
    const terms = parseSearchQuery("color:blue");
    expect(terms).toEqual([{ key: "color", value: "blue" }]);
    expect(isKnownKey(terms[0].key)).toBe(false);
    expect(isKnownKey("outdated")).toBe(true);
    expect(isKnownKey(null)).toBe(false);
  });

  it("handles an unterminated quote by quoting to the end", () => {
    expect(parseSearchQuery('name:"a b')).toEqual([{ key: "name", value: "a b" }]);
  });
});

describe("formatSearchQuery round trip", () => {
  const canonicalQueries = [
    "owner:me",
    "owner:me status:running",
    'name:"a b" template:docker',
    'last_used_before:"2025-01-02T03:04:05Z"',
    "dev owner:alice",
    '"two words"',
    "owner: status:running",
    "status:running status:stopped",
    "color:blue",
    "",
  ];
  it.each(canonicalQueries)("format(parse(%j)) gives the same text", (q) => {
    expect(formatSearchQuery(parseSearchQuery(q))).toBe(q);
  });

  it("parse(format(terms)) gives the same terms", () => {
    const terms = [
      { key: "name", value: "with space" },
      { key: "last_used_after", value: "2025-01-01T00:00:00Z" },
      { key: null, value: "bare" },
      { key: "owner", value: "" },
      { key: "odd key", value: "v" },
    ];
    expect(parseSearchQuery(formatSearchQuery(terms))).toEqual(terms);
  });

  it("normalises spacing and key case", () => {
    expect(formatSearchQuery(parseSearchQuery("  OWNER:me   Status:running "))).toBe("owner:me status:running");
  });
});

describe("helpers", () => {
  it("termValues counts bare words as names", () => {
    const terms = parseSearchQuery("dev name:api owner:me");
    expect(termValues(terms, "name")).toEqual(["dev", "api"]);
    expect(termValues(terms, "OWNER")).toEqual(["me"]);
  });

  it("withTerm replaces or removes every term of a key", () => {
    expect(withTerm("owner:me status:running status:failed", "status", "stopped")).toBe("owner:me status:stopped");
    expect(withTerm("owner:me status:running", "status", null)).toBe("owner:me");
    expect(withTerm("", "name", "a b")).toBe('name:"a b"');
  });

  it("isOwnWorkspacesOnly needs owner:me and nothing else as owner", () => {
    expect(isOwnWorkspacesOnly("owner:me")).toBe(true);
    expect(isOwnWorkspacesOnly("OWNER:ME status:running")).toBe(true);
    expect(isOwnWorkspacesOnly("")).toBe(false);
    expect(isOwnWorkspacesOnly("owner:alice")).toBe(false);
    expect(isOwnWorkspacesOnly("owner:me owner:bob")).toBe(false);
  });

  it("termsForValidation names the offending term by key, or by the quoted element", () => {
    expect(termsForValidation("owner:me status:bogus", "status", 'invalid value "bogus"')).toEqual(["status:bogus"]);
    expect(
      termsForValidation("owner:me Color:blue", "color", 'Query param "color" is not a valid query param'),
    ).toEqual(["color:blue"]);
    expect(termsForValidation("owner:me a:b:c", "q", `Query element "a:b:c" can only contain 1 ':'`)).toEqual([
      "a:b:c",
    ]);
    expect(termsForValidation("owner:me", "q", "something else")).toEqual([]);
  });
});

describe("detectPreset", () => {
  it("recognises every preset from its own query", () => {
    for (const preset of SEARCH_PRESETS) expect(detectPreset(preset.query)?.id).toBe(preset.id);
  });

  it("ignores case, order and spacing", () => {
    expect(detectPreset("  Status:RUNNING ")?.id).toBe("running");
    expect(detectPreset("OWNER:me")?.id).toBe("mine");
  });

  it("is undefined for anything else, including duplicates and extra terms", () => {
    expect(detectPreset("owner:me status:running")).toBeUndefined();
    expect(detectPreset("status:running status:running")).toBeUndefined();
    expect(detectPreset("running")).toBeUndefined();
    expect(detectPreset("owner:")).toBeUndefined();
  });
});
