import { useId, useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { updateAutostartMutation, updateTTLMutation } from "../../api/mutations";
import { templateQuery } from "../../api/queries";
import type { Workspace } from "../../api/types";
import { cx } from "../../components/cx";
import {
  buildAutostartCron,
  DAY_KEYS,
  describeAutostopRequirement,
  describeTtl,
  forbiddenDays,
  parseAutostartCron,
  ttlHours,
  WEEKDAYS,
} from "../../lib/workspace/cron";
import { describeAutostart, ownerTimeZone } from "../../lib/workspace/schedule";
import { SettingsForm } from "./SettingsForm";

const DAY_LABELS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** Monday first, as people read a week. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...all])];
}

/** Autostart days, time and timezone, and autostop after N hours, within the template's rules. */
export function ScheduleSettings({ workspace }: { workspace: Workspace }) {
  const queryClient = useQueryClient();
  const template = useQuery(templateQuery(workspace.template_id));
  const autostart = useMutation(updateAutostartMutation(queryClient));
  const ttl = useMutation(updateTTLMutation(queryClient));
  const zone = ownerTimeZone(workspace);
  const parsed = parseAutostartCron(workspace.autostart_schedule, zone);
  const unreadable = Boolean(workspace.autostart_schedule) && !parsed;
  const [startOn, setStartOn] = useState(Boolean(workspace.autostart_schedule));
  const [days, setDays] = useState<number[]>(parsed?.days ?? WEEKDAYS);
  const [time, setTime] = useState(parsed?.time ?? "09:00");
  const [timeZone, setTimeZone] = useState(parsed?.timeZone ?? zone);
  const [stopOn, setStopOn] = useState(Boolean(workspace.ttl_ms));
  const [hours, setHours] = useState(String(ttlHours(workspace.ttl_ms) ?? 8));
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);
  const ids = { time: useId(), zone: useId(), hours: useId(), start: useId(), stop: useId() };

  const allowStart = template.data?.allow_user_autostart ?? true;
  const allowStop = template.data?.allow_user_autostop ?? true;
  const forbidden = forbiddenDays(template.data?.autostart_requirement?.days_of_week);
  // Days the template forbids are never sent, even when a saved schedule or "Weekdays" has them.
  const chosen = days.filter((d) => !forbidden.includes(d));
  const requiredStop = describeAutostopRequirement(template.data?.autostop_requirement);
  const hoursNumber = Number(hours);
  const problems = {
    days: startOn && chosen.length === 0 ? "Choose at least one day." : undefined,
    time: startOn && !/^\d{2}:\d{2}$/.test(time) ? "Enter a time like 09:30." : undefined,
    hours:
      stopOn && (!Number.isFinite(hoursNumber) || hoursNumber < 1 || hoursNumber > 720)
        ? "Enter between 1 and 720 hours."
        : undefined,
  };
  const valid = !problems.days && !problems.time && !problems.hours;
  const preview =
    startOn && valid ? describeAutostart(buildAutostartCron({ days: chosen, time, timeZone }), zone) : undefined;
  const error = autostart.error ?? ttl.error;

  const save = async () => {
    if (!valid || !template.data) return;
    setSaved(false);
    try {
      // Coder refuses either request outright when the template does not let users set it.
      if (allowStart) {
        await autostart.mutateAsync({
          workspace,
          schedule: startOn ? buildAutostartCron({ days: chosen, time, timeZone }) : undefined,
        });
      }
      if (allowStop) {
        await ttl.mutateAsync({ workspace, ttlMs: stopOn ? Math.round(hoursNumber * 3_600_000) : null });
      }
      setSaved(true);
    } catch {
      // Shown from the mutations' own error state.
    }
  };

  return (
    <SettingsForm
      title="Schedule"
      description="Start the workspace on a schedule, and stop it a set time after each start. Times are in the timezone you choose."
      onSubmit={() => void save()}
      saving={autostart.isPending || ttl.isPending}
      saved={saved}
      error={error}
      disabled={!template.data || (!allowStart && !allowStop)}
    >
      <fieldset className="flex min-w-0 flex-col gap-3" disabled={!allowStart}>
        <legend className="sr-only">Autostart</legend>
        <label htmlFor={ids.start} className="inline-flex items-center gap-2 text-sm font-medium text-text">
          <input
            id={ids.start}
            type="checkbox"
            checked={startOn}
            onChange={(e) => setStartOn(e.target.checked)}
            className="size-4 accent-accent"
          />
          Start automatically
        </label>
        {!allowStart && <p className="text-xs text-muted">The template does not let users set autostart.</p>}
        {unreadable && (
          <p className="text-xs text-muted">
            The current schedule (<span className="font-mono">{workspace.autostart_schedule}</span>) is more than this
            form can show; saving replaces it.
          </p>
        )}
        {startOn && (
          <>
            <fieldset className="flex min-w-0 flex-col gap-1.5">
              <legend className="mb-1 text-sm text-text">Days</legend>
              <div className="flex flex-wrap gap-1.5">
                {DAY_ORDER.map((d) => {
                  const off = forbidden.includes(d);
                  return (
                    <label
                      key={d}
                      title={off ? "The template does not allow autostart on this day" : DAY_KEYS[d]}
                      className={cx(
                        "inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-sm",
                        chosen.includes(d) ? "border-accent bg-accent/5 text-text" : "border-border text-text",
                        off && "opacity-50",
                      )}
                    >
                      <input
                        type="checkbox"
                        checked={chosen.includes(d)}
                        disabled={off}
                        aria-label={DAY_KEYS[d][0].toUpperCase() + DAY_KEYS[d].slice(1)}
                        onChange={(e) =>
                          setDays((all) => (e.target.checked ? [...all, d] : all.filter((x) => x !== d)))
                        }
                        className="accent-accent"
                      />
                      {DAY_LABELS[d]}
                    </label>
                  );
                })}
              </div>
              <div className="flex gap-2 text-xs">
                <button type="button" className="text-accent hover:underline" onClick={() => setDays(WEEKDAYS)}>
                  Weekdays
                </button>
                <button
                  type="button"
                  className="text-accent hover:underline"
                  onClick={() => setDays([0, 1, 2, 3, 4, 5, 6])}
                >
                  Every day
                </button>
              </div>
              {problems.days && <p className="text-xs text-failure">{problems.days}</p>}
            </fieldset>
            <div className="flex flex-wrap gap-4">
              <div className="flex flex-col gap-1">
                <label htmlFor={ids.time} className="text-sm text-text">
                  Start time
                </label>
                <input
                  id={ids.time}
                  type="time"
                  value={time}
                  onChange={(e) => setTime(e.target.value)}
                  aria-invalid={problems.time ? true : undefined}
                  className="h-8 rounded-md border border-border bg-page px-2 text-sm text-text"
                />
                {problems.time && <p className="text-xs text-failure">{problems.time}</p>}
              </div>
              <div className="flex min-w-0 flex-col gap-1">
                <label htmlFor={ids.zone} className="text-sm text-text">
                  Timezone
                </label>
                <select
                  id={ids.zone}
                  value={timeZone}
                  onChange={(e) => setTimeZone(e.target.value)}
                  className="h-8 max-w-64 rounded-md border border-border bg-page px-2 text-sm text-text"
                >
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {z}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {preview && (
              <p data-testid="autostart-preview" className="text-sm text-muted">
                Starts {preview.text.replace(/^\w/, (c) => c.toLowerCase())} ({preview.timeZone}).
              </p>
            )}
          </>
        )}
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-2 border-t border-border pt-3" disabled={!allowStop}>
        <legend className="sr-only">Autostop</legend>
        <label htmlFor={ids.stop} className="inline-flex items-center gap-2 text-sm font-medium text-text">
          <input
            id={ids.stop}
            type="checkbox"
            checked={stopOn}
            onChange={(e) => setStopOn(e.target.checked)}
            className="size-4 accent-accent"
          />
          Stop automatically
        </label>
        {!allowStop && <p className="text-xs text-muted">The template does not let users set autostop.</p>}
        {requiredStop && (
          <p data-testid="autostop-requirement" className="text-xs text-muted">
            {requiredStop}
          </p>
        )}
        {stopOn && (
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.hours} className="text-sm text-text">
              Hours until shutdown
            </label>
            <input
              id={ids.hours}
              type="number"
              min={1}
              max={720}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              aria-invalid={problems.hours ? true : undefined}
              aria-describedby={`${ids.hours}-hint`}
              className="h-8 w-28 rounded-md border border-border bg-page px-2 text-sm text-text"
            />
            <p id={`${ids.hours}-hint`} className={cx("text-xs", problems.hours ? "text-failure" : "text-muted")}>
              {problems.hours ?? describeTtl(hoursNumber, template.data?.activity_bump_ms)}
            </p>
          </div>
        )}
      </fieldset>
    </SettingsForm>
  );
}
