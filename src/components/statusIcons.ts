import {
  Ban,
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleStop,
  CircleX,
  Clock,
  Hourglass,
  LoaderCircle,
  Moon,
  Power,
  PowerOff,
  Trash2,
  TriangleAlert,
  Unplug,
  type LucideIcon,
} from "lucide-react";
import type { StatusIcon } from "../lib/status";

/** The drawing of each status icon the status map names. */
export const STATUS_ICONS: Record<StatusIcon, LucideIcon> = {
  ban: Ban,
  check: CircleCheck,
  dashed: CircleDashed,
  help: CircleHelp,
  stop: CircleStop,
  cross: CircleX,
  clock: Clock,
  hourglass: Hourglass,
  spinner: LoaderCircle,
  moon: Moon,
  power: Power,
  "power-off": PowerOff,
  trash: Trash2,
  alert: TriangleAlert,
  unplug: Unplug,
};
