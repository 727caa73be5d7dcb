import { describe, expect, it } from "vitest";
import { RECORDED_START } from "./__fixtures__/recorded";
import { toCsv } from "./exportCsv";
import { buildTimingTree, treeFromDrafts } from "./tree";

describe("toCsv", () => {
  it("writes a header and one row per item with offsets from the build start", () => {
    const csv = toCsv(buildTimingTree(RECORDED_START, { now: 0 }));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "stage,kind,name,action,source,agent,status,script_status,exit_code,start_offset_ms,duration_ms,started_at,ended_at,running",
    );
    expect(lines).toHaveLength(15);
    expect(lines).toContain(
      "apply,resource,docker_container.workspace[0],create,docker,,ok,,,10300,3500,2025-03-04T10:00:10.400Z,2025-03-04T10:00:13.900Z,false",
    );
    expect(lines).toContain(
      'plan,resource,"data.http.versions[""GO""]",read,http,,ok,,,7940,360,2025-03-04T10:00:08.040Z,2025-03-04T10:00:08.400Z,false',
    );
    expect(lines).toContain(
      "start,script,Dotfiles,,,main,failed,exit_failure,1,16000,900,2025-03-04T10:00:16.100Z,2025-03-04T10:00:17.000Z,false",
    );
  });

  it("quotes commas and newlines and defuses formulas; a running item has no end", () => {
    const csv = toCsv(
      treeFromDrafts(
        [
          { stage: "apply", kind: "resource", name: '=HYPERLINK("x")', start: 0, end: 1 },
          { stage: "apply", kind: "resource", name: "a,b\nc", start: 1, end: undefined },
        ],
        { now: 5 },
      ),
    );
    const rows = csv.split("\r\n");
    expect(rows[1].startsWith('apply,resource,"\'=HYPERLINK(""x"")"')).toBe(true);
    expect(csv).toContain('"a,b\nc"');
    expect(rows[2].endsWith(",,true")).toBe(true);
  });
});
