import { describe, expect, it } from "vitest";
import { readChartUrlState, writeChartUrlState } from "./urlState";

describe("chart URL state", () => {
  it("round-trips range, expanded stages and toggles, leaving other parameters alone", () => {
    const params = writeChartUrlState(new URLSearchParams("compare=prev"), {
      range: [1200.4, 5300.6],
      expanded: ["apply", "start"],
      critical: true,
      compress: true,
    });
    expect(params.toString()).toBe("compare=prev&range=1200-5301&expand=apply%2Cstart&cp=1&gaps=1");
    expect(readChartUrlState(params)).toEqual({
      range: [1200, 5301],
      expanded: ["apply", "start"],
      critical: true,
      compress: true,
    });
  });

  it("drops its parameters at defaults and ignores malformed ones", () => {
    expect(
      writeChartUrlState(new URLSearchParams("range=1-2&cp=1&tab=x"), {
        expanded: [],
        critical: false,
        compress: false,
      }).toString(),
    ).toBe("tab=x");
    expect(readChartUrlState(new URLSearchParams("range=9-3&expand=&cp=yes"))).toEqual({
      expanded: [],
      critical: false,
      compress: false,
    });
    expect(readChartUrlState(new URLSearchParams("range=abc"))).toEqual({
      expanded: [],
      critical: false,
      compress: false,
    });
  });
});
