import { useState } from "react";
import { cx } from "./cx";

const SIZES = { sm: "size-5 text-[10px]", md: "size-7 text-xs", lg: "size-9 text-sm" } as const;

/**
 * A user's picture, or their initials on a colour derived from the name when there is none.
 * Decorative by default (the name is usually printed beside it); `labelled` makes it speak the name.
 */
export function Avatar({
  name,
  src,
  size = "md",
  labelled = false,
  className,
}: {
  name: string;
  src?: string;
  size?: keyof typeof SIZES;
  labelled?: boolean;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  const showImage = Boolean(src) && !failed && isSafeImageUrl(src ?? "");
  return (
    <span
      aria-hidden={!labelled || undefined}
      className={cx(
        "inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold uppercase text-white",
        SIZES[size],
        !showImage && hueClass(name),
        className,
      )}
    >
      {showImage ? (
        <img src={src} alt="" className="size-full object-cover" onError={() => setFailed(true)} />
      ) : (
        <span aria-hidden>{initials(name)}</span>
      )}
      {labelled && <span className="sr-only">{name}</span>}
    </span>
  );
}

const HUES = [
  "bg-sky-700",
  "bg-emerald-700",
  "bg-violet-700",
  "bg-amber-700",
  "bg-rose-700",
  "bg-teal-700",
  "bg-indigo-700",
];

function hueClass(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return HUES[h % HUES.length];
}

function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (parts.length === 0) return "?";
  return (parts.length === 1 ? parts[0].slice(0, 2) : parts[0][0] + parts[1][0]).toUpperCase();
}

/** Only http(s), same-origin paths and data: images; anything else (e.g. `javascript:`) falls back to initials. */
function isSafeImageUrl(url: string): boolean {
  return /^(https?:\/\/|\/(?!\/)|data:image\/)/i.test(url);
}
