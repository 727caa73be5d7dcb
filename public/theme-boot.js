// Runs before first paint (an external file, so the CSP needs no inline script) to avoid a light flash in dark mode.
(function () {
  try {
    var pref = localStorage.getItem("theme") || "system";
    var dark = pref === "dark" || (pref === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  } catch {
    /* storage may be blocked; the app applies the theme once it boots */
  }
})();
