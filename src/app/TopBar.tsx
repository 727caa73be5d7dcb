import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Hammer, LayoutGrid, LogOut, Monitor, Moon, Search, Sun } from "lucide-react";
import { NavLink, useNavigate } from "react-router";
import { logoutMutation } from "../api/mutations";
import { meQuery } from "../api/queries";
import { Avatar } from "../components/Avatar";
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuTrigger,
} from "../components/Menu";
import { Skeleton } from "../components/Skeleton";
import { cx } from "../components/cx";
import { usePalette } from "./palette/PaletteProvider";
import { useTheme, type ThemePreference } from "./theme";

const NAV = [
  { to: "/workspaces", label: "Workspaces", icon: LayoutGrid },
  { to: "/builds", label: "Builds", icon: Hammer },
];

const THEME_ICON = { light: Sun, dark: Moon, system: Monitor } as const;

export function TopBar() {
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-panel/95 backdrop-blur">
      <div className="flex h-12 items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <NavLink
          to="/workspaces"
          className="flex items-center gap-2 rounded font-semibold text-text"
          aria-label="Coder workspaces home"
        >
          <span
            aria-hidden
            className="inline-flex size-6 items-center justify-center rounded bg-text text-[11px] font-bold text-page"
          >
            C
          </span>
          <span className="hidden sm:inline">Coder</span>
        </NavLink>
        <nav aria-label="Main" className="flex items-center gap-1">
          {NAV.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              to={to}
              className={({ isActive }) =>
                cx(
                  "inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm",
                  isActive ? "bg-raised font-medium text-text" : "text-muted hover:bg-raised hover:text-text",
                )
              }
            >
              <Icon aria-hidden className="size-4" />
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <PaletteButton />
          <ThemeMenu />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}

function PaletteButton() {
  const palette = usePalette();
  const apple = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const chord = apple ? "⌘K" : "Ctrl K";
  return (
    <button
      type="button"
      onClick={palette.open}
      aria-keyshortcuts={apple ? "Meta+K" : "Control+K"}
      aria-label={`Search and run commands (${chord})`}
      className="inline-flex h-8 items-center gap-2 rounded-md border border-border px-2 text-sm text-muted hover:bg-raised hover:text-text sm:w-52"
    >
      <Search aria-hidden className="size-4" />
      <span className="hidden flex-1 text-left sm:inline">Search…</span>
      <kbd className="hidden font-mono text-xs sm:inline">{chord}</kbd>
    </button>
  );
}

function ThemeMenu() {
  const [theme, setTheme] = useTheme();
  const Icon = THEME_ICON[theme];
  return (
    <Menu>
      <MenuTrigger
        className="inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-text"
        aria-label={`Theme: ${theme}`}
      >
        <Icon aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>Theme</MenuLabel>
        <MenuRadioGroup value={theme} onValueChange={(v) => setTheme(v as ThemePreference)}>
          <MenuRadioItem value="light">Light</MenuRadioItem>
          <MenuRadioItem value="dark">Dark</MenuRadioItem>
          <MenuRadioItem value="system">System</MenuRadioItem>
        </MenuRadioGroup>
      </MenuContent>
    </Menu>
  );
}

function UserMenu() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(meQuery());
  const signOut = useMutation({
    ...logoutMutation(queryClient),
    // Even if the server call fails the user asked to leave: go to the login page either way.
    onSettled: () => {
      queryClient.clear();
      void navigate("/login", { replace: true });
    },
  });
  if (!me.data) return <Skeleton className="size-7 rounded-full" />;
  const user = me.data;
  return (
    <Menu>
      <MenuTrigger
        className="inline-flex h-8 items-center gap-2 rounded-md px-1.5 hover:bg-raised"
        aria-label={`Account: ${user.username}`}
      >
        <Avatar name={user.username} src={user.avatar_url} size="md" />
        <span className="hidden max-w-32 truncate text-sm text-text md:inline">{user.username}</span>
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>
          Signed in as <span className="font-medium text-text">{user.username}</span>
          <span className="block truncate">{user.email}</span>
        </MenuLabel>
        <MenuSeparator />
        <MenuItem onSelect={() => signOut.mutate()} disabled={signOut.isPending}>
          <LogOut aria-hidden className="size-4" />
          Sign out
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
