import { useId, useState, type FormEvent } from "react";
import { ExternalLink, KeyRound, LogIn, Mail } from "lucide-react";
import type { SignInOptions, SsoButton } from "../../lib/signIn/options";
import { Button, buttonClasses } from "../../components/Button";
import { cx } from "../../components/cx";
import { SkeletonBlock } from "../../components/Skeleton";

export type LoginMethod = "password" | "token";

export interface LoginViewProps {
  onPasswordLogin: (email: string, password: string) => void;
  onTokenLogin: (token: string) => void;
  submitting: boolean;
  /** Shown inline under the form (e.g. "Incorrect email or password."). */
  error?: string;
  /** What the deployment offers; undefined while it is being asked. */
  options?: SignInOptions;
  /** The deployment's sign-in methods are still being asked for. */
  loading?: boolean;
}

const DEFAULT_OPTIONS: SignInOptions = { password: true, sso: [], token: true };

const inputClass = "h-9 w-full rounded-md border border-border bg-page px-3 text-sm text-text placeholder:text-muted";

export function LoginView({
  onPasswordLogin,
  onTokenLogin,
  submitting,
  error,
  options = DEFAULT_OPTIONS,
  loading = false,
}: LoginViewProps) {
  const [chosen, setMethod] = useState<LoginMethod>();
  const method: LoginMethod = chosen ?? (options.password ? "password" : "token");
  /** The person opened Coder's /cli-auth page: the token field says what to do with its answer. */
  const [awaitingToken, setAwaitingToken] = useState(false);
  const ids = { email: useId(), password: useId(), token: useId(), error: useId() };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (method === "password")
      onPasswordLogin(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
    else onTokenLogin(String(form.get("token") ?? "").trim());
  };

  return (
    <div className="flex min-h-full items-center justify-center bg-page px-4 py-12">
      <main className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span
            aria-hidden
            className="inline-flex size-10 items-center justify-center rounded-lg bg-text text-lg font-bold text-page"
          >
            C
          </span>
          <h1 className="text-xl font-semibold text-text">Sign in to Coder</h1>
        </div>
        <div className="rounded-lg border border-border bg-panel p-5 shadow-sm">
          {loading ? (
            <SkeletonBlock label="Loading sign-in methods" lines={4} />
          ) : (
            <>
              {options.sso.length > 0 && (
                <SsoButtons
                  buttons={options.sso}
                  primary={!options.password}
                  onOpenedCliAuth={() => {
                    setMethod("token");
                    setAwaitingToken(true);
                  }}
                />
              )}
              {options.password && (
                <div
                  role="radiogroup"
                  aria-label="Sign-in method"
                  className="mb-4 grid grid-cols-2 gap-1 rounded-md bg-raised p-1 text-sm"
                >
                  {(["password", "token"] as const).map((m) => (
                    <button
                      key={m}
                      type="button"
                      role="radio"
                      aria-checked={method === m}
                      onClick={() => setMethod(m)}
                      className={cx(
                        "inline-flex h-7 items-center justify-center gap-1.5 rounded",
                        method === m ? "bg-panel font-medium text-text shadow-sm" : "text-muted hover:text-text",
                      )}
                    >
                      {m === "password" ? (
                        <Mail aria-hidden className="size-3.5" />
                      ) : (
                        <KeyRound aria-hidden className="size-3.5" />
                      )}
                      {m === "password" ? "Email" : "Session token"}
                    </button>
                  ))}
                </div>
              )}
              <form
                onSubmit={submit}
                className="flex flex-col gap-3"
                aria-describedby={error ? ids.error : undefined}
                noValidate={false}
              >
                {method === "password" ? (
                  <>
                    <div className="flex flex-col gap-1.5">
                      <label htmlFor={ids.email} className="text-sm font-medium text-text">
                        Email
                      </label>
                      <input
                        id={ids.email}
                        name="email"
                        type="email"
                        autoComplete="username"
                        required
                        autoFocus
                        className={inputClass}
                        aria-invalid={Boolean(error) || undefined}
                      />
                    </div>
                    <div className="flex flex-col gap-1.5">
                      <label htmlFor={ids.password} className="text-sm font-medium text-text">
                        Password
                      </label>
                      <input
                        id={ids.password}
                        name="password"
                        type="password"
                        autoComplete="current-password"
                        required
                        className={inputClass}
                        aria-invalid={Boolean(error) || undefined}
                      />
                    </div>
                  </>
                ) : (
                  <div className="flex flex-col gap-1.5">
                    <label htmlFor={ids.token} className="text-sm font-medium text-text">
                      Session token
                    </label>
                    <input
                      id={ids.token}
                      name="token"
                      type="password"
                      autoComplete="off"
                      spellCheck={false}
                      required
                      autoFocus
                      className={cx(inputClass, "font-mono")}
                      aria-invalid={Boolean(error) || undefined}
                    />
                    <p className="text-xs text-muted">
                      {awaitingToken
                        ? "Sign in on Coder in the new tab, copy the session token it shows, and paste it here."
                        : "From coder login token or Coder's /cli-auth page. It is kept in an HttpOnly cookie, never in this page."}
                    </p>
                  </div>
                )}
                {error && (
                  <p
                    id={ids.error}
                    role="alert"
                    className="rounded-md border border-failure/30 bg-failure/5 px-3 py-2 text-sm text-failure"
                  >
                    {error}
                  </p>
                )}
                <Button
                  type="submit"
                  variant={options.sso.length > 0 && !options.password ? "secondary" : "primary"}
                  size="lg"
                  loading={submitting}
                  className="mt-1 w-full"
                >
                  Sign in
                </Button>
              </form>
            </>
          )}
        </div>
      </main>
    </div>
  );
}

function SsoButtons({
  buttons,
  primary,
  onOpenedCliAuth,
}: {
  buttons: SsoButton[];
  primary: boolean;
  onOpenedCliAuth: () => void;
}) {
  const cliAuth = buttons.some((b) => b.kind === "cli-auth");
  return (
    <div className="mb-4 flex flex-col gap-2">
      {buttons.map((b) =>
        b.kind === "oauth" ? (
          <a
            key={b.label}
            href={b.href}
            className={buttonClasses({ variant: primary ? "primary" : "secondary", size: "lg", className: "w-full" })}
          >
            <LogIn aria-hidden className="size-4" />
            {b.label}
          </a>
        ) : (
          <a
            key={b.label}
            href={b.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={onOpenedCliAuth}
            className={buttonClasses({ variant: primary ? "primary" : "secondary", size: "lg", className: "w-full" })}
          >
            <LogIn aria-hidden className="size-4" />
            {b.label}
            <ExternalLink aria-hidden className="size-3.5 opacity-70" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        ),
      )}
      {cliAuth && (
        <p className="text-xs text-muted">
          Opens Coder in a new tab: sign in there, then paste the session token it shows below.
        </p>
      )}
      <div className="mt-2 flex items-center gap-3 text-xs text-muted" aria-hidden>
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
    </div>
  );
}
