import { useId, type ReactNode } from "react";
import type { TemplateVersionParameter } from "../../api/types";
import { inlineMarkdown, type InlineToken } from "../../lib/markdownInline";
import { parseListValue } from "../../lib/workspace/parameters";
import { cx } from "../cx";

export interface ParameterFieldProps {
  param: TemplateVersionParameter;
  value: string;
  problem?: string;
  /** Immutable parameters of an existing workspace are shown but cannot change. */
  disabled?: boolean;
  onChange: (value: string) => void;
}

const INPUT = "h-8 w-full rounded-md border bg-page px-2 text-sm text-text disabled:opacity-60";

/** One rich parameter as the control its type and form call for, with its marks and its problem beside it. */
export function ParameterField({ param, value, problem, disabled, onChange }: ParameterFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const description = param.description || param.description_plaintext;
  const describedBy = [description ? hintId : "", problem ? problemId : ""].filter(Boolean).join(" ") || undefined;
  const label = param.display_name || param.name;
  const common = {
    "aria-describedby": describedBy,
    "aria-invalid": problem ? true : undefined,
    disabled,
  };
  const options = param.options ?? [];
  const grouped = param.type === "list(string)" ? options.length > 0 : options.length > 0 && prefersRadios(param);

  const control: ReactNode =
    param.type === "list(string)" ? (
      options.length > 0 ? (
        <MultiSelect
          param={param}
          value={value}
          onChange={onChange}
          disabled={disabled}
          labelledBy={`${id}-label`}
          describedBy={describedBy}
        />
      ) : (
        <textarea
          id={id}
          {...common}
          rows={3}
          value={(parseListValue(value) ?? []).join("\n")}
          // One value per line; blank lines are dropped when the field is left.
          onChange={(e) => onChange(JSON.stringify(e.target.value.split("\n")))}
          onBlur={(e) =>
            onChange(
              JSON.stringify(
                e.target.value
                  .split("\n")
                  .map((v) => v.trim())
                  .filter(Boolean),
              ),
            )
          }
          className={cx(INPUT, "h-auto py-1 font-mono", problem ? "border-failure" : "border-border")}
          spellCheck={false}
        />
      )
    ) : options.length > 0 ? (
      grouped ? (
        <div role="radiogroup" aria-labelledby={`${id}-label`} {...common} className="flex flex-col gap-1.5">
          {options.map((o) => (
            <label
              key={o.value}
              className={cx(
                "flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm",
                value === o.value ? "border-accent bg-accent/5" : "border-border hover:bg-raised",
              )}
            >
              <input
                type="radio"
                name={id}
                value={o.value}
                checked={value === o.value}
                disabled={disabled}
                onChange={() => onChange(o.value)}
                className="mt-0.5 accent-accent"
              />
              {o.icon && <img src={o.icon} alt="" className="mt-0.5 size-4" />}
              <span className="min-w-0">
                <span className="block font-medium text-text">{o.name || o.value}</span>
                {o.description && <span className="block text-xs text-muted">{o.description}</span>}
              </span>
            </label>
          ))}
        </div>
      ) : (
        <select
          id={id}
          {...common}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={cx(INPUT, problem ? "border-failure" : "border-border")}
        >
          {!options.some((o) => o.value === value) && (
            <option value={value}>{value ? `${value} (no longer offered)` : "Choose…"}</option>
          )}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.name || o.value}
            </option>
          ))}
        </select>
      )
    ) : param.type === "bool" ? (
      <label className="inline-flex items-center gap-2 text-sm text-text">
        <input
          id={id}
          type="checkbox"
          role={param.form_type === "switch" ? "switch" : undefined}
          {...common}
          checked={value === "true"}
          onChange={(e) => onChange(e.target.checked ? "true" : "false")}
          className="size-4 accent-accent"
        />
        {value === "true" ? "On" : "Off"}
      </label>
    ) : (
      <input
        id={id}
        {...common}
        type={param.type === "number" ? "number" : "text"}
        inputMode={param.type === "number" ? "numeric" : undefined}
        min={param.validation_min ?? undefined}
        max={param.validation_max ?? undefined}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        className={cx(INPUT, problem ? "border-failure" : "border-border")}
      />
    );

  return (
    <div className="flex flex-col gap-1" data-testid="parameter" data-parameter={param.name}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        {param.icon && <img src={param.icon} alt="" className="size-4" />}
        {grouped || param.type === "bool" ? (
          <span id={`${id}-label`} className="text-sm font-medium text-text">
            {label}
            {param.required && <RequiredMark />}
          </span>
        ) : (
          <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-text">
            {label}
            {param.required && <RequiredMark />}
          </label>
        )}
        {!param.mutable && <Mark>Cannot be changed later</Mark>}
        {param.ephemeral && <Mark>This build only</Mark>}
      </div>
      {description && (
        <p id={hintId} className="text-xs text-muted">
          <Markdown source={description} />
        </p>
      )}
      {param.type === "bool" ? <div aria-labelledby={`${id}-label`}>{control}</div> : control}
      {problem && (
        <p id={problemId} role="alert" data-testid="parameter-problem" className="text-xs text-failure">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Radios for a short option list or when the template asks for them; a dropdown otherwise. */
function prefersRadios(param: TemplateVersionParameter): boolean {
  if (param.form_type === "radio") return true;
  if (param.form_type === "dropdown") return false;
  return param.options.length <= 4 && param.options.some((o) => o.description);
}

function MultiSelect({
  param,
  value,
  onChange,
  disabled,
  labelledBy,
  describedBy,
}: {
  param: TemplateVersionParameter;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  labelledBy: string;
  describedBy?: string;
}) {
  const chosen = parseListValue(value) ?? [];
  return (
    <div role="group" aria-labelledby={labelledBy} aria-describedby={describedBy} className="flex flex-wrap gap-2">
      {param.options.map((o) => (
        <label
          key={o.value}
          className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-border px-2 py-1 text-sm text-text"
        >
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            disabled={disabled}
            onChange={(e) =>
              onChange(JSON.stringify(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value)))
            }
            className="accent-accent"
          />
          {o.name || o.value}
        </label>
      ))}
    </div>
  );
}

function RequiredMark() {
  return (
    <span className="text-failure" title="Required">
      {" "}
      *<span className="sr-only"> (required)</span>
    </span>
  );
}

function Mark({ children }: { children: ReactNode }) {
  return <span className="rounded bg-raised px-1.5 py-0.5 text-[11px] text-muted">{children}</span>;
}

function Markdown({ source }: { source: string }) {
  return (
    <>
      {inlineMarkdown(source).map((t, i) => (
        <InlineNode key={i} token={t} />
      ))}
    </>
  );
}

function InlineNode({ token }: { token: InlineToken }) {
  switch (token.kind) {
    case "strong":
      return <strong>{token.text}</strong>;
    case "em":
      return <em>{token.text}</em>;
    case "code":
      return <code className="rounded bg-raised px-1 font-mono">{token.text}</code>;
    case "link":
      return (
        <a href={token.href} target="_blank" rel="noreferrer noopener" className="text-accent hover:underline">
          {token.text}
        </a>
      );
    default:
      return <>{token.text}</>;
  }
}
