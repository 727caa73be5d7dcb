import type { TemplateVersionParameter } from "../../api/types";

/** What a template provisions: the static description the world and the simulation share. */
export interface TemplateSpec {
  name: "docker" | "kubernetes" | "aws-linux" | "devbox";
  display_name: string;
  description: string;
  icon: string;
  /** Provider shown in timings' `source` and in init logs. */
  provider: { source: string; name: string; version: string };
  allowUserCancel: boolean;
  /** Resource that carries the agent. */
  compute: { type: string; name: string; icon: string; dailyCost: number; metadata: Array<[string, string, boolean]> };
  /** Resources that survive a stop (volumes). */
  persistent: Array<{ type: string; name: string; icon: string; metadata: Array<[string, string, boolean]> }>;
  /** Extra terraform resources that are planned/applied but not shown as workspace resources. */
  hidden: string[];
  agentName: string;
  /** Typical seconds per stage at speed 1. */
  seconds: { init: number; plan: number; graph: number; apply: number; stopApply: number };
  parameters: TemplateVersionParameter[];
  /** Named parameter sets offered on the create page (`GET /templateversions/{id}/presets`). */
  presets?: Array<{ name: string; description: string; default: boolean; parameters: Record<string, string> }>;
}

const param = (
  name: string,
  display_name: string,
  description: string,
  default_value: string,
  options: string[] = [],
  mutable = true,
  type = "string",
): TemplateVersionParameter => ({
  name,
  display_name,
  description,
  description_plaintext: description,
  type,
  form_type: options.length > 0 ? "dropdown" : "input",
  mutable,
  default_value,
  icon: "",
  options: options.map((o) => ({ name: o, description: "", value: o, icon: "" })),
  required: false,
  ephemeral: false,
});

/** The parameter-rich template: required values, a regex with its own message, a range, a list, options, presets. */
const DEVBOX: TemplateSpec = {
  name: "devbox",
  display_name: "Dev Box (parameters)",
  description: "A container cloned from your repository, sized and placed as you choose.",
  icon: "/icon/code.svg",
  provider: { source: "kreuzwerker/docker", name: "docker", version: "3.0.2" },
  allowUserCancel: true,
  compute: {
    type: "docker_container",
    name: "devbox",
    icon: "/icon/memory.svg",
    dailyCost: 2,
    metadata: [["image", "codercom/enterprise-base:ubuntu", false]],
  },
  persistent: [
    { type: "docker_volume", name: "home_volume", icon: "/icon/database.svg", metadata: [["size", "30 GiB", false]] },
  ],
  hidden: ["docker_image.main"],
  agentName: "main",
  seconds: { init: 3, plan: 4, graph: 1, apply: 8, stopApply: 4 },
  parameters: [
    {
      ...param("repo_url", "Repository", "Git repository to clone into `~/src` (**https** only).", ""),
      description_plaintext: "Git repository to clone into ~/src (https only).",
      required: true,
      mutable: false,
      icon: "/icon/git.svg",
      validation_regex: "^https://[^\\s]+\\.git$",
      validation_error: "Use an https:// clone URL ending in .git, like https://github.com/coder/coder.git",
    },
    {
      ...param(
        "region",
        "Region",
        "Where the container runs; cannot change later.",
        "",
        ["eu-west", "us-east", "ap-south"],
        false,
      ),
      form_type: "radio",
      required: true,
      options: [
        {
          name: "Europe (Frankfurt)",
          description: "Lowest latency from Europe.",
          value: "eu-west",
          icon: "/emojis/1f1ea-1f1fa.png",
        },
        {
          name: "US East (Virginia)",
          description: "Lowest latency from the Americas.",
          value: "us-east",
          icon: "/emojis/1f1fa-1f1f8.png",
        },
        {
          name: "Asia (Mumbai)",
          description: "Lowest latency from Asia.",
          value: "ap-south",
          icon: "/emojis/1f1ee-1f1f3.png",
        },
      ],
    },
    {
      ...param("cpu_cores", "CPU cores", "Cores for the container, 2 to 16.", "4", [], true, "number"),
      form_type: "slider",
      validation_min: 2,
      validation_max: 16,
      validation_error: "Pick between {min} and {max} cores (got {value}).",
    },
    {
      ...param("disk_gb", "Home disk (GB)", "Size of the home volume; it can only grow.", "30", [], true, "number"),
      validation_min: 10,
      validation_max: 500,
      validation_monotonic: "increasing",
    },
    {
      ...param(
        "extensions",
        "VS Code extensions",
        "Extension ids installed at start.",
        JSON.stringify(["ms-python.python"]),
        [],
        true,
        "list(string)",
      ),
      form_type: "tag-select",
    },
    {
      ...param(
        "features",
        "Features",
        "Extra tooling to install.",
        JSON.stringify([]),
        ["docker-in-docker", "nix", "gpu-drivers"],
        true,
        "list(string)",
      ),
      form_type: "multi-select",
    },
    {
      ...param(
        "dotfiles",
        "Install dotfiles",
        "Run your dotfiles repository's install script.",
        "false",
        [],
        true,
        "bool",
      ),
      form_type: "switch",
    },
    {
      ...param(
        "debug_build",
        "Verbose start",
        "Log every start script step, for this build only.",
        "false",
        [],
        true,
        "bool",
      ),
      form_type: "checkbox",
      ephemeral: true,
    },
  ],
  presets: [
    {
      name: "Small (Europe)",
      description: "2 cores in Frankfurt, for docs and reviews.",
      default: false,
      parameters: { region: "eu-west", cpu_cores: "2" },
    },
    {
      name: "Large (US East)",
      description: "12 cores in Virginia with Docker-in-Docker.",
      default: false,
      parameters: { region: "us-east", cpu_cores: "12", features: JSON.stringify(["docker-in-docker"]) },
    },
  ],
};

export const TEMPLATES: TemplateSpec[] = [
  {
    name: "docker",
    display_name: "Docker Containers",
    description: "Develop in a Docker container on the Coder host.",
    icon: "/icon/docker.png",
    provider: { source: "kreuzwerker/docker", name: "docker", version: "3.0.2" },
    allowUserCancel: true,
    compute: {
      type: "docker_container",
      name: "workspace",
      icon: "/icon/memory.svg",
      dailyCost: 0,
      metadata: [
        ["image", "codercom/enterprise-base:ubuntu", false],
        ["cpu cores", "4", false],
      ],
    },
    persistent: [
      { type: "docker_volume", name: "home_volume", icon: "/icon/database.svg", metadata: [["size", "20 GiB", false]] },
    ],
    hidden: ["docker_image.main"],
    agentName: "main",
    seconds: { init: 3, plan: 4, graph: 1, apply: 8, stopApply: 4 },
    parameters: [
      param("image", "Container image", "Base image of the workspace container.", "codercom/enterprise-base:ubuntu", [
        "codercom/enterprise-base:ubuntu",
        "codercom/enterprise-node:ubuntu",
        "codercom/enterprise-golang:ubuntu",
      ]),
      param("dotfiles_uri", "Dotfiles URL", "Git repository with your dotfiles.", ""),
    ],
  },
  {
    name: "kubernetes",
    display_name: "Kubernetes (Deployment)",
    description: "Provision a Kubernetes deployment with a persistent home volume.",
    icon: "/icon/k8s.png",
    provider: { source: "hashicorp/kubernetes", name: "kubernetes", version: "2.35.1" },
    allowUserCancel: false,
    compute: {
      type: "kubernetes_deployment",
      name: "main",
      icon: "/icon/k8s.png",
      dailyCost: 4,
      metadata: [
        ["namespace", "coder-workspaces", false],
        ["cpu", "2 cores", false],
        ["memory", "4 GiB", false],
        ["service_account_token", "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.c2ltdWxhdGVk", true],
      ],
    },
    persistent: [
      {
        type: "kubernetes_persistent_volume_claim",
        name: "home",
        icon: "/icon/database.svg",
        metadata: [["storage", "10Gi", false]],
      },
    ],
    hidden: ["kubernetes_secret.env"],
    agentName: "main",
    seconds: { init: 4, plan: 6, graph: 1, apply: 14, stopApply: 6 },
    parameters: [
      param("cpu", "CPU", "Number of CPU cores.", "2", ["2", "4", "8"]),
      param("memory", "Memory (GB)", "Amount of memory in GB.", "4", ["4", "8", "16"]),
      param(
        "home_disk_size",
        "Home disk size (GB)",
        "Size of the home volume; cannot change later.",
        "10",
        [],
        false,
        "number",
      ),
    ],
  },
  {
    name: "aws-linux",
    display_name: "AWS EC2 (Linux)",
    description: "Provision an EC2 instance running Ubuntu as a Coder workspace.",
    icon: "/icon/aws.svg",
    provider: { source: "hashicorp/aws", name: "aws", version: "5.82.2" },
    allowUserCancel: true,
    compute: {
      type: "aws_instance",
      name: "dev",
      icon: "/icon/aws.svg",
      dailyCost: 8,
      metadata: [
        ["region", "us-east-1", false],
        ["instance type", "t3.large", false],
        ["ami", "ami-0c7217cdde317cfec", false],
        ["admin_password", "hunter2-simulated", true],
      ],
    },
    persistent: [
      { type: "aws_ebs_volume", name: "home", icon: "/icon/database.svg", metadata: [["size", "50 GiB", false]] },
    ],
    hidden: ["aws_security_group.dev", "aws_volume_attachment.home"],
    agentName: "dev",
    seconds: { init: 5, plan: 7, graph: 1, apply: 35, stopApply: 20 },
    parameters: [
      param(
        "region",
        "Region",
        "The AWS region to deploy in.",
        "us-east-1",
        ["us-east-1", "us-west-2", "eu-central-1"],
        false,
      ),
      param("instance_type", "Instance type", "EC2 instance size.", "t3.large", ["t3.medium", "t3.large", "t3.xlarge"]),
    ],
  },
  DEVBOX,
];

export function templateSpec(name: string): TemplateSpec {
  return TEMPLATES.find((t) => t.name === name) ?? TEMPLATES[0];
}

/** Agent start scripts; each has its own log source. */
export const SCRIPTS = [
  { key: "startup", display_name: "Startup Script", icon: "/emojis/25b6-fe0f.png", blocks: true, seconds: 6 },
  { key: "code-server", display_name: "code-server", icon: "/icon/code.svg", blocks: false, seconds: 9 },
  { key: "dotfiles", display_name: "Dotfiles", icon: "/icon/dotfiles.svg", blocks: false, seconds: 4 },
] as const;

export const AGENT_LOG_SOURCE = { display_name: "Coder Agent", icon: "/icon/coder.svg" };
