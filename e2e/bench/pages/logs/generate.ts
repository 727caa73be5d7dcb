// Deterministic Terraform-like build output with ANSI colours, the same for every variant.
// Lines are produced as columns (text, time, level, stage) so a million of them stay cheap
// and each variant converts them the way it needs inside its measured time.

import { DEBUG, ERROR, INFO, WARN, type LevelCode } from "../../../../src/lib/logs/levels";
import { mulberry32 } from "../../../../src/lib/random";

export const STAGES = [
  "Setting up",
  "Parsing template parameters",
  "Planning infrastructure",
  "Starting workspace",
  "Cleaning Up",
];
const STAGE_SHARE = [0.02, 0.03, 0.45, 0.48, 0.02];

export const T0 = Date.UTC(2025, 2, 4, 10, 0, 0);
const E = "\x1b";

export interface LogColumns {
  count: number;
  texts: string[];
  times: Float64Array;
  levels: Uint8Array;
  stages: Uint8Array;
}

const RESOURCES = [
  "docker_container.workspace[0]",
  "docker_volume.home_volume",
  "coder_agent.main",
  "docker_image.main",
  "coder_app.code-server",
  "kubernetes_pod.main[0]",
];
const ATTRS = [
  "name",
  "image",
  "hostname",
  "entrypoint",
  "env",
  "labels",
  "memory",
  "cpu_shares",
  "restart",
  "network_mode",
];

function line(i: number, rand: () => number): [string, LevelCode] {
  const r = rand();
  const res = RESOURCES[i % RESOURCES.length];
  const attr = ATTRS[i % ATTRS.length];
  if (r < 0.002)
    return [
      `${E}[31m│${E}[0m ${E}[1m${E}[31mError: ${E}[0m${E}[1mfailed to pull image "codercom/enterprise-base:ubuntu-${i}": timeout${E}[0m`,
      ERROR,
    ];
  if (r < 0.01)
    return [`${E}[33mWarning:${E}[0m ${E}[1mArgument is deprecated${E}[0m (at main.tf line ${i % 400})`, WARN];
  if (r < 0.05)
    return [
      `${E}[2mTF_LOG: provider "registry.terraform.io/coder/coder" took ${(rand() * 900) | 0}ms to plan ${res}${E}[0m`,
      DEBUG,
    ];
  if (r < 0.25) return [`  ${E}[32m+${E}[0m ${E}[0m${attr} = "${res.replace(/[^a-z]/g, "-")}-${i.toString(36)}"`, INFO];
  if (r < 0.35) return [`${E}[0m${E}[1m${res}: Still creating... [${(i % 300) + 10}s elapsed]${E}[0m${E}[0m`, INFO];
  if (r < 0.42) return [`      ${E}[31m-${E}[0m ${E}[0m${attr} = "old-${i}" ${E}[90m# forces replacement${E}[0m`, INFO];
  if (r < 0.47) return [`  ${E}[33m~${E}[0m ${E}[0mresource "${res.split(".")[0]}" "${attr}" {`, INFO];
  if (r < 0.5)
    return [
      `${E}[38;5;208m[provisioner]${E}[0m ${E}[38;2;110;160;255mdownloading${E}[0m layer ${i.toString(16)} from https://registry.example.com/v2/blobs/sha256:${(i * 2654435761).toString(16)}`,
      INFO,
    ];
  if (r < 0.52) return [`${E}[1mPlan:${E}[0m ${(i % 9) + 1} to add, ${i % 3} to change, 0 to destroy.`, INFO];
  if (r < 0.53)
    return [`${"x".repeat(40)} a very long line ${"lorem ipsum dolor sit amet ".repeat(12)} end ${i}`, INFO];
  return [`${res}: Creation complete after ${(i % 60) + 1}s [id=${(i * 40503).toString(16).padStart(12, "0")}]`, INFO];
}

/** `count` lines starting at line `from` (appends continue the same sequence and clock). */
export function generateColumns(count: number, from = 0, total = count): LogColumns {
  const rand = mulberry32(0xc0de + from);
  const texts = new Array<string>(count);
  const times = new Float64Array(count);
  const levels = new Uint8Array(count);
  const stages = new Uint8Array(count);
  const bounds: number[] = [];
  let acc = 0;
  for (const share of STAGE_SHARE) bounds.push((acc += share) * total);
  for (let k = 0; k < count; k++) {
    const i = from + k;
    const [text, level] = line(i, rand);
    texts[k] = text;
    // ~2 ms apart with a long wait every 5,000 lines (what the gap marker is for).
    times[k] = T0 + i * 2 + Math.floor(i / 5000) * 15_000;
    levels[k] = level;
    let s = 0;
    while (s < bounds.length - 1 && i >= bounds[s]) s++;
    stages[k] = i < total ? s : STAGES.length - 2;
  }
  return { count, texts, times, levels, stages };
}

/** Number from the query string with a default. */
export function param(name: string, fallback: number): number {
  const v = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
