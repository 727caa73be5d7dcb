// A cold open: before any module has loaded, ask for what the page reads first (the signed-in
// user; on a workspace or build URL also the workspace or build, then its build log) and start
// loading that page's own code. The app's API client adopts these answers instead of asking again
// (src/api/earlyResponses.ts), so the log arrives while the app is still starting rather than after.
// An external file, so the CSP needs no inline script.
(function () {
  if (typeof fetch !== "function" || location.pathname === "/login") return;
  var responses = {};
  window.__earlyResponses = { at: Date.now(), responses: responses };
  var get = function (path) {
    var answer = fetch(path, { credentials: "include", headers: { Accept: "application/json" } });
    // A failure is the app's to report, when it adopts the answer.
    answer.catch(function () {});
    responses[path] = answer;
    return answer;
  };
  // Every page but sign-in starts from who is signed in.
  get("/api/v2/users/me");

  var match = /^\/@([^/]+)\/([^/]+)(?:\/builds\/([1-9]\d{0,9}))?\/?$/.exec(location.pathname);
  if (!match) return;
  var segment = function (text) {
    return encodeURIComponent(decodeURIComponent(text));
  };
  var owner, name;
  try {
    owner = segment(match[1]);
    name = segment(match[2]);
  } catch {
    return;
  }
  var readLog = function (build) {
    if (build && typeof build.id === "string") get("/api/v2/workspacebuilds/" + segment(build.id) + "/logs?after=0");
  };
  var json = function (res) {
    return res.ok ? res.clone().json() : null;
  };

  var workspace = get("/api/v2/users/" + owner + "/workspace/" + name);
  var build = match[3]
    ? get("/api/v2/users/" + owner + "/workspace/" + name + "/builds/" + match[3]).then(json)
    : workspace.then(json).then(function (ws) {
        return ws && ws.latest_build;
      });
  // The log is asked for once the build is known; until then the app waits for it rather than
  // asking too (src/api/earlyResponses.ts).
  window.__earlyResponses.later = {
    prefix: "/api/v2/workspacebuilds/",
    settled: build.then(readLog).catch(function () {}),
  };

  // The page's chunks, listed at build time by tools/routeChunks.ts.
  var meta = document.querySelector('meta[name="route-chunks"]');
  var chunks;
  try {
    chunks = JSON.parse((meta && meta.getAttribute("content")) || "{}")[match[3] ? "build" : "workspace"];
  } catch {
    return;
  }
  if (!Array.isArray(chunks)) return;
  for (var i = 0; i < chunks.length; i++) {
    var link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = chunks[i];
    link.crossOrigin = "";
    document.head.appendChild(link);
  }
})();
