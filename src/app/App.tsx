import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { ToastProvider } from "../components/Toast";
import { AppRouter } from "./router";
import { useTheme } from "./theme";

/** The app over its query client (made by the entry, which may have started requests on it already). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  // Every page follows the OS theme while on "system", the sign-in pages (which have no theme menu) too.
  useTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AppRouter />
      </ToastProvider>
    </QueryClientProvider>
  );
}
