import { describe, expect, it } from "vitest";
import { goJson } from "../util/json";
import { SerializedLogs } from "./serializedLogs";

describe("SerializedLogs", () => {
  it("answers with Go's JSON of the log, and the same text again without serializing anew", () => {
    const cache = new SerializedLogs();
    const logs = [{ id: 1, output: "<b>&</b>" }];
    const first = cache.json("b1:1", logs);
    expect(first).toBe(goJson(logs));
    logs[0].output = "changed";
    expect(cache.json("b1:1", logs)).toBe(first);
  });

  it("keeps only the few most recently read logs", () => {
    const cache = new SerializedLogs();
    for (let i = 0; i < 5; i++) cache.json(`b${i}:1`, [{ id: i }]);
    expect(cache.json("b0:1", [{ id: 99 }])).toBe(goJson([{ id: 99 }]));
    expect(cache.json("b4:1", [{ id: 99 }])).toBe(goJson([{ id: 4 }]));
  });
});
