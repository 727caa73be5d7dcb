import { useState } from "react";
import { Box } from "lucide-react";
import { cx } from "../../components/cx";

/** Same-origin paths and https only: a template's icon URL is author-controlled text. */
function isSafeIcon(url: string): boolean {
  return /^(https:\/\/|\/(?!\/))/i.test(url);
}

/** A template's icon, or a neutral box when it has none or it fails to load. Decorative. */
export function TemplateIcon({ src, className }: { src: string | undefined; className?: string }) {
  const [failed, setFailed] = useState(false);
  const size = cx("size-5 shrink-0", className);
  if (!src || failed || !isSafeIcon(src)) return <Box aria-hidden className={cx(size, "text-muted")} />;
  return <img src={src} alt="" loading="lazy" className={cx(size, "object-contain")} onError={() => setFailed(true)} />;
}
