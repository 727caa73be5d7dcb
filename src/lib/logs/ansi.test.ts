import { describe, expect, it } from "vitest";
import {
  BOLD,
  DEFAULT_COLOR,
  DIM,
  INVERSE,
  ITALIC,
  parseAnsi,
  STRIKE,
  stripAnsi,
  TRUECOLOR,
  UNDERLINE,
  type AnsiSegment,
} from "./ansi";

const E = "\x1b";
const seg = (text: string, fg = DEFAULT_COLOR, bg = DEFAULT_COLOR, flags = 0): AnsiSegment => ({ text, fg, bg, flags });

describe("parseAnsi: Terraform plan output", () => {
  // Captured shapes of `terraform plan` with colour: bold resource headers, green +, red -, yellow ~.
  const corpus: Array<[string, AnsiSegment[]]> = [
    [
      `${E}[0m${E}[1mdocker_container.workspace[0]: Refreshing state... [id=1f2e]${E}[0m`,
      [seg("docker_container.workspace[0]: Refreshing state... [id=1f2e]", DEFAULT_COLOR, DEFAULT_COLOR, BOLD)],
    ],
    [
      `  ${E}[32m+${E}[0m ${E}[0m resource "docker_volume" "home_volume" {`,
      [seg("  "), seg("+", 2), seg('  resource "docker_volume" "home_volume" {')],
    ],
    [
      `      ${E}[31m-${E}[0m${E}[0m name = "old" ${E}[90m# forces replacement${E}[0m`,
      [seg("      "), seg("-", 1), seg(' name = "old" '), seg("# forces replacement", 8)],
    ],
    [
      `${E}[0m${E}[1m${E}[33m~${E}[0m${E}[0m update in-place`,
      [seg("~", 3, DEFAULT_COLOR, BOLD), seg(" update in-place")],
    ],
    [
      `${E}[1mPlan:${E}[0m 3 to add, 0 to change, 0 to destroy.`,
      [seg("Plan:", DEFAULT_COLOR, DEFAULT_COLOR, BOLD), seg(" 3 to add, 0 to change, 0 to destroy.")],
    ],
    [`${E}[31m╷${E}[0m${E}[0m`, [seg("╷", 1)]],
    [
      `${E}[31m│${E}[0m ${E}[0m${E}[1m${E}[31mError: ${E}[0m${E}[0m${E}[1mInsufficient quota${E}[0m`,
      [
        seg("│", 1),
        seg(" "),
        seg("Error: ", 1, DEFAULT_COLOR, BOLD),
        seg("Insufficient quota", DEFAULT_COLOR, DEFAULT_COLOR, BOLD),
      ],
    ],
  ];
  it.each(corpus)("%j", (line, expected) => {
    expect(parseAnsi(line)).toEqual(expected);
  });

  it("strips to exactly the concatenated segment text", () => {
    for (const [line, expected] of corpus) expect(stripAnsi(line)).toBe(expected.map((s) => s.text).join(""));
  });
});

describe("parseAnsi: colours and attributes", () => {
  it("returns one plain segment for plain text and nothing for empty text", () => {
    expect(parseAnsi("hello world")).toEqual([seg("hello world")]);
    expect(parseAnsi("")).toEqual([]);
  });

  it("handles 16 colours, bright colours and backgrounds", () => {
    expect(parseAnsi(`${E}[91;44mx${E}[39my${E}[49;102mz`)).toEqual([
      seg("x", 9, 4),
      seg("y", DEFAULT_COLOR, 4),
      seg("z", DEFAULT_COLOR, 10),
    ]);
  });

  it("handles 256 colours with ; and : separators", () => {
    expect(parseAnsi(`${E}[38;5;208ma${E}[48;5;17mb${E}[38:5:21mc`)).toEqual([
      seg("a", 208),
      seg("b", 208, 17),
      seg("c", 21, 17),
    ]);
  });

  it("handles truecolour, including the ITU colon form with a colour-space id", () => {
    expect(parseAnsi(`${E}[38;2;255;128;0mo${E}[48;2;0;0;255mb${E}[38:2::1:2:3mc`)).toEqual([
      seg("o", TRUECOLOR | 0xff8000),
      seg("b", TRUECOLOR | 0xff8000, TRUECOLOR | 0x0000ff),
      seg("c", TRUECOLOR | 0x010203, TRUECOLOR | 0x0000ff),
    ]);
  });

  it("keeps later parameters after an extended colour in the same sequence", () => {
    expect(parseAnsi(`${E}[38;5;1;1;4mx`)).toEqual([seg("x", 1, DEFAULT_COLOR, BOLD | UNDERLINE)]);
  });

  it("sets and clears bold, dim, italic, underline, inverse, strike", () => {
    expect(parseAnsi(`${E}[1;2;3;4;7;9ma${E}[22mb${E}[23;24mc${E}[27;29md${E}[0me`)).toEqual([
      seg("a", DEFAULT_COLOR, DEFAULT_COLOR, BOLD | DIM | ITALIC | UNDERLINE | INVERSE | STRIKE),
      seg("b", DEFAULT_COLOR, DEFAULT_COLOR, ITALIC | UNDERLINE | INVERSE | STRIKE),
      seg("c", DEFAULT_COLOR, DEFAULT_COLOR, INVERSE | STRIKE),
      seg("de"),
    ]);
  });

  it("treats `ESC[m` and empty parameters as reset", () => {
    expect(parseAnsi(`${E}[31mr${E}[mx${E}[32;mg`)).toEqual([seg("r", 1), seg("xg")]);
  });

  it("merges adjacent text with the same style", () => {
    expect(parseAnsi(`${E}[31ma${E}[31mb${E}[1m${E}[22mc`)).toEqual([seg("abc", 1)]);
  });

  it("underline sub-parameters: 4:3 (curly) underlines, 4:0 clears", () => {
    expect(parseAnsi(`${E}[4:3ma${E}[4:0mb`)).toEqual([seg("a", DEFAULT_COLOR, DEFAULT_COLOR, UNDERLINE), seg("b")]);
  });
});

describe("parseAnsi: malformed and unterminated input", () => {
  it("ignores out-of-range and truncated extended colours", () => {
    expect(parseAnsi(`${E}[38;5;300mx${E}[38;2;1;2mY${E}[38;5mz`)).toEqual([seg("xYz")]);
  });

  it("drops an unterminated CSI at the end of the line", () => {
    expect(parseAnsi(`ok ${E}[31`)).toEqual([seg("ok ")]);
    expect(parseAnsi(`ok ${E}[`)).toEqual([seg("ok ")]);
    expect(parseAnsi(`ok ${E}`)).toEqual([seg("ok ")]);
  });

  it("drops a CSI broken by a control character but keeps the text after it", () => {
    expect(parseAnsi(`a${E}[31\x07b`)).toEqual([seg("ab")]);
  });

  it("keeps text after an ESC that starts no known sequence", () => {
    expect(stripAnsi(`a${E}\x7fb`)).toBe("ab");
  });

  it("ignores non-numeric SGR parameters but applies the others", () => {
    expect(parseAnsi(`${E}[1;=;31mz`)).toEqual([seg("z", 1, DEFAULT_COLOR, BOLD)]);
  });

  it("ends a sequence at the first final byte, as a terminal does", () => {
    expect(stripAnsi(`${E}[1;x;31mz`)).toBe(";31mz");
  });

  it("shows the text of an unterminated OSC instead of swallowing the rest of the line", () => {
    expect(stripAnsi(`a${E}]0;title without end`)).toBe("a0;title without end");
  });

  it("never lets a malformed sequence become markup: output is text only", () => {
    // `ESC[<s` is one (private) CSI sequence; the rest is plain text for a text node.
    expect(parseAnsi(`${E}[<script>alert(1)</script>`)).toEqual([seg("cript>alert(1)</script>")]);
  });
});

describe("stripAnsi: cursor control and other sequences", () => {
  it.each([
    ["cursor up / erase line", `${E}[1A${E}[2Kdone`, "done"],
    ["cursor position", `${E}[10;20Hx`, "x"],
    ["hide / show cursor (private mode)", `${E}[?25lspin${E}[?25h`, "spin"],
    ["erase display", `${E}[2J${E}[Hclear`, "clear"],
    ["OSC title with BEL", `${E}]0;my title\x07text`, "text"],
    ["OSC 8 hyperlink with ST", `${E}]8;;https://x.test${E}\\link${E}]8;;${E}\\`, "link"],
    ["charset designation", `${E}(Bplain`, "plain"],
    ["save / restore cursor", `${E}7a${E}8b`, "ab"],
    ["DCS string", `${E}Pq#0;2;0;0;0${E}\\after`, "after"],
    ["8-bit CSI", `\x9b31mred`, "red"],
    ["bell and backspace", `ding\x07\x08!`, "ding!"],
    ["carriage return progress", `10%\r50%\r100%`, "100%"],
    ["CRLF at end", `line\r\n`, "line "],
    ["tab kept", `a\tb`, "a\tb"],
  ])("%s", (_name, input, expected) => {
    expect(stripAnsi(input)).toBe(expected);
  });

  it("does not apply SGR that carries a private marker", () => {
    expect(parseAnsi(`${E}[>4;2mx`)).toEqual([seg("x")]);
  });

  it("keeps the style across a carriage return", () => {
    expect(parseAnsi(`${E}[32m10%\r100%`)).toEqual([seg("100%", 2)]);
  });
});
