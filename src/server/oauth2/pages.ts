import { securityHeaders } from "../bridge/static";

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );
}

// No script (the CSP forbids inline scripts); light and dark follow the system setting.
const STYLE = `
:root { color-scheme: light dark; --bg:#f6f7f9; --panel:#fff; --text:#16181d; --muted:#5b6270; --border:#d9dde3;
  --accent:#16181d; --on-accent:#fff; --bad:#b42318; }
@media (prefers-color-scheme: dark) { :root { --bg:#0f1115; --panel:#171a21; --text:#e7e9ee; --muted:#a0a7b4;
  --border:#2b303b; --accent:#e7e9ee; --on-accent:#0f1115; --bad:#f97066; } }
* { box-sizing: border-box; }
body { margin:0; min-height:100vh; display:flex; align-items:center; justify-content:center; padding:48px 16px;
  background:var(--bg); color:var(--text); font:14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { width:100%; max-width:400px; }
h1 { font-size:20px; margin:0 0 4px; text-align:center; }
.sub { color:var(--muted); text-align:center; margin:0 0 20px; }
.card { background:var(--panel); border:1px solid var(--border); border-radius:8px; padding:20px; }
label { display:block; font-weight:600; margin:0 0 4px; }
input { width:100%; height:36px; padding:0 10px; border:1px solid var(--border); border-radius:6px;
  background:var(--bg); color:var(--text); font:inherit; margin-bottom:12px; }
/* 13px: at 14px DejaVu Sans Mono (Linux) draws "_" below the field's text box, where it is cut off. */
input.token { font-family: ui-monospace, monospace; font-size:13px; }
.row { display:flex; gap:8px; margin-top:4px; }
button, a.button { flex:1; display:inline-flex; align-items:center; justify-content:center; height:38px; padding:0 12px;
  border-radius:6px; font:inherit; font-weight:600; cursor:pointer; text-decoration:none; }
button { background:var(--accent); color:var(--on-accent); border:1px solid var(--accent); }
a.button { background:transparent; color:var(--text); border:1px solid var(--border); }
.error { color:var(--bad); border:1px solid currentColor; border-radius:6px; padding:8px 10px; margin:0 0 12px; }
.note { color:var(--muted); font-size:13px; margin:12px 0 0; }
ul { margin:8px 0 16px; padding-left:20px; }
code { font-family: ui-monospace, monospace; }
`;

export function htmlPage(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...securityHeaders() },
  });
}

/** A page that says what went wrong and where to go next. */
export function errorPage(status: number, title: string, description: string, action?: { href: string; text: string }) {
  return htmlPage(
    status,
    title,
    `<h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(description)}</p>${
      action
        ? `<div class="row"><a class="button" href="${escapeHtml(action.href)}">${escapeHtml(action.text)}</a></div>`
        : ""
    }`,
  );
}

export interface SignInFields {
  /** The person already has a session here: no credentials asked. */
  signedInAs?: string;
  error?: string;
  email?: string;
}

/** Email + password, or "signed in as", for the built-in deployment's own pages. */
export function signInFields(f: SignInFields): string {
  const error = f.error ? `<p class="error" role="alert">${escapeHtml(f.error)}</p>` : "";
  if (f.signedInAs) return `${error}<p>Signed in as <strong>${escapeHtml(f.signedInAs)}</strong>.</p>`;
  return `${error}<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(f.email ?? "")}" autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>`;
}
