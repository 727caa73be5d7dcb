// Plain-language guidance for the build failures Coder classifies with an `error_code`. Older
// servers report the same failures only as text in `job.error` (docs/coder-api.md), so the text is matched
// when the code is absent.
import type { JobErrorCode, ProvisionerJob } from "../api/types";

export interface GuidanceAction {
  /** Stable id a page can key behaviour on (e.g. render "retry" as its own Start button). */
  id: "retry" | "running-workspaces" | "docs";
  label: string;
  /** Where the action leads; absent for actions the page performs itself (retry). */
  href?: string;
}

export interface ErrorGuidance {
  code: "INSUFFICIENT_QUOTA" | "REQUIRED_TEMPLATE_VARIABLES";
  title: string;
  body: string;
  actions: GuidanceAction[];
}

const GUIDANCE: Record<ErrorGuidance["code"], Omit<ErrorGuidance, "code">> = {
  INSUFFICIENT_QUOTA: {
    title: "Not enough workspace quota",
    body:
      "Starting this workspace would use more quota than your groups allow. Stop or delete workspaces you are not using " +
      "(a stopped workspace usually costs less than a running one), then start this one again. If you need more, ask an " +
      "administrator to raise your group's quota allowance.",
    actions: [
      {
        id: "running-workspaces",
        label: "See your running workspaces",
        href: `/workspaces?filter=${encodeURIComponent("owner:me status:running")}`,
      },
      { id: "retry", label: "Try again" },
    ],
  },
  REQUIRED_TEMPLATE_VARIABLES: {
    title: "The template is missing required variables",
    body:
      "This template version declares variables that were never given a value, so it cannot be built. This is not " +
      "something you can fix from your workspace: a template administrator has to set the variables and publish a new " +
      "version. Once they have, update the workspace to that version.",
    actions: [
      {
        id: "docs",
        label: "About template variables",
        href: "https://coder.com/docs/admin/templates/extending-templates/variables",
      },
    ],
  },
};

const TEXT_PATTERNS: Array<[RegExp, ErrorGuidance["code"]]> = [
  [/insufficient quota/i, "INSUFFICIENT_QUOTA"],
  [/required template variables/i, "REQUIRED_TEMPLATE_VARIABLES"],
];

/** The failure class of a job: its `error_code` when known, else what its error text says. */
export function errorCodeOf(job: Pick<ProvisionerJob, "error" | "error_code">): ErrorGuidance["code"] | undefined {
  const code: JobErrorCode | undefined = job.error_code;
  if (code && Object.prototype.hasOwnProperty.call(GUIDANCE, code)) return code as ErrorGuidance["code"];
  // An unknown (newer) code is its own class: don't second-guess it from the text.
  if (code) return undefined;
  const text = job.error ?? "";
  for (const [pattern, match] of TEXT_PATTERNS) if (pattern.test(text)) return match;
  return undefined;
}

/** What to tell the user about a failed job, or null when the failure has no known remedy. */
export function errorGuidance(job: Pick<ProvisionerJob, "error" | "error_code">): ErrorGuidance | null {
  const code = errorCodeOf(job);
  return code ? { code, ...GUIDANCE[code] } : null;
}
