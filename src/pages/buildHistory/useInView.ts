import { useEffect, useState, type RefObject } from "react";

/**
 * Whether an element is on (or within `margin` of) the screen. With `once`, it stays true after the
 * first sighting, for work that only needs starting (fetching a row's timings).
 */
export function useInView(
  ref: RefObject<Element | null>,
  { margin = "0px", once = false }: { margin?: string; once?: boolean } = {},
): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === "undefined") {
      setInView(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        setInView(visible);
        if (visible && once) observer.disconnect();
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, margin, once]);
  return inView;
}
