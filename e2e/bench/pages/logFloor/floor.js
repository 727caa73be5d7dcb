// The log-pages floor: the least code that fetches a build's whole log (the same requests the app
// makes: for a build page, the build by its number and then its log), parses it and paints the
// first screen of lines in a bare virtual list (plain DOM, one absolutely placed row per visible line). The log-pages scenario serves it at the app's origin,
// so it reads with the same session cookie and the same server. Not part of the app.
const ROW = 20;
const query = new URLSearchParams(location.search);
// A build page knows only the build's number: it resolves the build first, as the app must.
const buildId =
  query.get("build") ??
  (
    await (
      await fetch(
        `/api/v2/users/${query.get("owner")}/workspace/${query.get("workspace")}/builds/${query.get("number")}`,
      )
    ).json()
  ).id;
const res = await fetch(`/api/v2/workspacebuilds/${encodeURIComponent(buildId)}/logs?after=0`);
const logs = JSON.parse(await res.text());
const box = document.getElementById("list");
const inner = document.createElement("div");
inner.style.cssText = `position:relative;height:${logs.length * ROW}px`;
const visible = Math.min(logs.length, Math.ceil(box.clientHeight / ROW) + 1);
for (let i = 0; i < visible; i++) {
  const row = document.createElement("div");
  row.dataset.line = String(i + 1);
  row.style.cssText = `position:absolute;top:${i * ROW}px;height:${ROW}px;white-space:pre;font:12px monospace`;
  row.textContent = logs[i].output;
  inner.appendChild(row);
}
box.appendChild(inner);
