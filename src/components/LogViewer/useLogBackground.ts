import { useEffect, useState, type RefObject } from "react";

// The panel colours of src/index.css, used until the real one has been read from the page.
const LIGHT_PANEL = 0xffffff;
const DARK_PANEL = 0x111722;

const isDark = () => document.documentElement.classList.contains("dark");

function readBackground(el: HTMLElement | null): number | null {
  if (!el) return null;
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(el).backgroundColor);
  return m ? (Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3]) : null;
}

/** The viewer's background as 0xRRGGBB, following the light/dark class on <html>. */
export function useLogBackground(ref: RefObject<HTMLElement | null>): number {
  const [background, setBackground] = useState(() => (isDark() ? DARK_PANEL : LIGHT_PANEL));
  useEffect(() => {
    const update = () => setBackground(readBackground(ref.current) ?? (isDark() ? DARK_PANEL : LIGHT_PANEL));
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, [ref]);
  return background;
}
