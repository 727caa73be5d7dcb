// The command palette: workspaces found by the server's search as you type, the app's pages (and a
// found workspace's build history and latest timings), and actions on found workspaces run the way
// the workspace list runs them. cmdk gives the combobox/listbox pattern: focus stays in the box,
// arrows move the active option (aria-activedescendant), Enter runs it.
import { useMemo, useState, type ReactNode } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { ArrowUpCircle, ChartGantt, Hammer, History, LayoutGrid, Monitor, Play, RotateCcw, Square } from "lucide-react";
import { useNavigate } from "react-router";
import { workspacesQuery } from "../../api/queries";
import type { Workspace } from "../../api/types";
import { useRowActions } from "../../components/useRowActions";
import { parsePaletteQuery, rankItems } from "../../lib/palette/query";
import type { RecentItem } from "../../lib/palette/recents";
import { ACTION_LABELS, workspaceActions } from "../../lib/workspace/actions";
import { useMe } from "../auth";
import { canUpdateTemplates } from "../../lib/permissions";
import { buildHistoryPath, timingsPath, workspacePath } from "../params";
import { useDebounced } from "./useDebounced";
import { useRecents } from "./useRecents";

/** Typing pauses this long before the server is asked; a newer query aborts the older request. */
const SEARCH_DEBOUNCE_MS = 150;
const SEARCH_PAGE = { limit: 10, offset: 0 };
/** Workspaces whose pages and actions are offered (the best matches). */
const DETAILED = 3;
const PALETTE_ACTIONS = ["start", "stop", "restart", "update"] as const;
type PaletteAction = (typeof PALETTE_ACTIONS)[number];

const SHORTCUTS: Array<[string, string]> = [
  ["Ctrl K / ⌘ K", "Open or close this palette"],
  ["↑ ↓", "Move through the results"],
  ["Enter", "Open or run the selected item"],
  ["Esc", "Close the palette"],
  ["/", "Search the workspace list (Workspaces page)"],
  ["j / k", "Next / previous row of a list; Enter opens it"],
  ["[ / ]", "Previous / next build (build page)"],
  ["?", "This list (in a log: the log's own shortcuts)"],
];

interface Entry {
  id: string;
  label: string;
  /** What the typed words are matched against. */
  text: string;
  icon: ReactNode;
  hint?: string;
  run: () => void;
}

const icon = (Icon: typeof Play) => <Icon aria-hidden className="size-4 shrink-0 text-muted" />;
const ACTION_ICONS: Record<PaletteAction, ReactNode> = {
  start: icon(Play),
  stop: icon(Square),
  restart: icon(RotateCcw),
  update: icon(ArrowUpCircle),
};

/** Text the box opens with; a new object each time the host opens the palette with it. */
export interface PaletteSeed {
  text: string;
}

export default function CommandPalette({
  open,
  onOpenChange,
  seed,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  seed: PaletteSeed;
}) {
  const me = useMe();
  const admin = canUpdateTemplates(me);
  const navigate = useNavigate();
  const rowActions = useRowActions();
  const [recents, remember] = useRecents(me?.id);
  const [text, setText] = useState(seed.text);
  const [seeded, setSeeded] = useState(seed);
  if (seeded !== seed) {
    setSeeded(seed);
    setText(seed.text);
  }
  const query = useMemo(() => parsePaletteQuery(text), [text]);
  const serverQuery = useDebounced(query.serverQuery, SEARCH_DEBOUNCE_MS);
  const help = text.trim() === "?";
  const words = query.words;
  const nameWords = words.filter(isNameWord);
  // Only a name (or owner/name) is searched: "builds" alone is a page, not every workspace.
  const searching = open && !help && query.serverQuery !== "";
  const search = useQuery({ ...workspacesQuery(serverQuery, SEARCH_PAGE), enabled: searching });

  const close = () => {
    onOpenChange(false);
    setText("");
  };
  const go = (item: RecentItem) => {
    remember(item);
    close();
    void navigate(item.path);
  };
  const nameOf = (ws: Workspace) => (admin ? `${ws.owner_name}/${ws.name}` : ws.name);

  const pages: Entry[] = [
    { id: "page:workspaces", label: "Workspaces", path: "/workspaces", Icon: LayoutGrid },
    { id: "page:builds", label: "Builds", path: "/builds", Icon: Hammer },
  ].map(({ id, label, path, Icon }) => ({
    id,
    label,
    text: `${label} page`,
    icon: icon(Icon),
    hint: "Page",
    run: () => go({ id, label, path }),
  }));

  const found = searching ? (search.data?.workspaces ?? []) : [];
  const workspaces: Entry[] = found.map((ws) => {
    const path = workspacePath(ws.owner_name, ws.name);
    const label = nameOf(ws);
    return {
      id: `ws:${ws.id}`,
      label,
      text: `${ws.owner_name}/${ws.name}`,
      icon: icon(Monitor),
      hint: ws.latest_build.status,
      run: () => go({ id: `ws:${ws.id}`, label, path }),
    };
  });
  const best = rankItems(found, nameWords, (ws) => `${ws.owner_name}/${ws.name}`).slice(0, DETAILED);
  for (const ws of best) {
    const label = nameOf(ws);
    const history = buildHistoryPath(ws.owner_name, ws.name);
    const timings = timingsPath(ws.owner_name, ws.name, ws.latest_build.build_number);
    pages.push(
      {
        id: `history:${ws.id}`,
        label: `Build history · ${label}`,
        text: `builds build history ${ws.owner_name}/${ws.name}`,
        icon: icon(History),
        run: () => go({ id: `history:${ws.id}`, label: `Build history · ${label}`, path: history }),
      },
      {
        id: `timings:${ws.id}`,
        label: `Timings · ${label} #${ws.latest_build.build_number}`,
        text: `timings ${ws.owner_name}/${ws.name}`,
        icon: icon(ChartGantt),
        run: () => go({ id: `timings:${ws.id}`, label: `Timings · ${label}`, path: timings }),
      },
    );
  }
  const actions: Entry[] = best.flatMap((ws) =>
    workspaceActions(ws, { mayUpdateTemplates: admin })
      .filter((a): a is PaletteAction => (PALETTE_ACTIONS as readonly string[]).includes(a))
      .map((action) => ({
        id: `${action}:${ws.id}`,
        label: `${ACTION_LABELS[action]} ${nameOf(ws)}`,
        text: `${action} ${ws.owner_name}/${ws.name}`,
        icon: ACTION_ICONS[action],
        hint: "Action",
        run: () => {
          close();
          rowActions.run(ws, action);
        },
      })),
  );

  const groups: Array<[string, Entry[]]> = help
    ? []
    : text.trim() === ""
      ? [
          [
            "Recent",
            recents.map((r) => ({
              id: `recent:${r.id}`,
              label: r.label,
              text: r.label,
              icon: icon(History),
              run: () => go(r),
            })),
          ],
          ["Pages", pages],
        ]
      : [
          ["Workspaces", rankItems(workspaces, nameWords, (e) => e.text)],
          ["Pages", rankItems(pages, words, (e) => e.text)],
          ["Actions", rankItems(actions, words, (e) => e.text)],
        ];

  return (
    <Dialog.Root open={open} onOpenChange={(o) => (o ? onOpenChange(true) : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          aria-describedby={undefined}
          // Live pages re-render under the palette; only a click outside or Esc closes it.
          onFocusOutside={(e) => e.preventDefault()}
          className="fixed left-1/2 top-[10vh] z-50 w-[calc(100vw-1.5rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-panel shadow-xl"
          data-testid="command-palette"
        >
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Command shouldFilter={false} loop label="Command palette" className="flex flex-col">
            <Command.Input
              value={text}
              onValueChange={setText}
              placeholder="Search workspaces, pages and actions…"
              className="h-12 w-full border-b border-border bg-transparent px-4 text-sm text-text outline-none placeholder:text-muted focus-visible:bg-raised/40"
            />
            <Command.List
              label="Results"
              // Empty while the shortcuts show: no padding, so no blank strip above them.
              className={help ? undefined : "max-h-[min(60vh,26rem)] overflow-y-auto p-1.5"}
            >
              {searching && search.isFetching && !search.data && (
                <Command.Loading label="Searching workspaces">
                  <p className="px-3 py-2 text-sm text-muted">Searching workspaces…</p>
                </Command.Loading>
              )}
              {!help && (
                <Command.Empty className="px-3 py-6 text-center text-sm text-muted">
                  {search.isError ? "The search failed. Keep typing to try again." : "Nothing matches."}
                </Command.Empty>
              )}
              {groups.map(([heading, entries]) =>
                entries.length === 0 ? null : (
                  <Command.Group
                    key={heading}
                    heading={heading}
                    className="[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-muted"
                  >
                    {entries.map((entry) => (
                      <Command.Item
                        key={entry.id}
                        value={entry.id}
                        onSelect={entry.run}
                        className="flex cursor-pointer items-center gap-2.5 rounded-md border-l-2 border-transparent px-3 py-2 text-sm text-text data-[selected=true]:border-accent data-[selected=true]:bg-raised"
                      >
                        {entry.icon}
                        <span className="min-w-0 flex-1 truncate">{entry.label}</span>
                        {entry.hint && <span className="shrink-0 text-xs capitalize text-muted">{entry.hint}</span>}
                      </Command.Item>
                    ))}
                  </Command.Group>
                ),
              )}
            </Command.List>
            {help ? (
              <section aria-label="Keyboard shortcuts" className="px-4 py-3">
                <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Keyboard shortcuts</h2>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
                  {SHORTCUTS.map(([keys, what]) => (
                    <div key={keys} className="contents">
                      <dt>
                        <kbd className="rounded border border-border bg-raised px-1.5 py-0.5 font-mono text-xs text-text">
                          {keys}
                        </kbd>
                      </dt>
                      <dd className="text-muted">{what}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : (
              <p className="border-t border-border px-4 py-2 text-xs text-muted">
                <kbd className="font-mono">↑↓</kbd> move · <kbd className="font-mono">Enter</kbd> open ·{" "}
                <kbd className="font-mono">Esc</kbd> close · type <kbd className="font-mono">?</kbd> for shortcuts
              </p>
            )}
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Command words ("stop", "timings") say what to do, not which workspace: they do not rank workspaces. */
function isNameWord(word: string): boolean {
  return parsePaletteQuery(word).serverQuery !== "";
}
