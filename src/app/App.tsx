import { useState } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { ToastProvider } from "../components/Toast";
import { createAppQueryClient } from "./queryClient";
import { AppRouter } from "./router";

export function App() {
  const [queryClient] = useState(createAppQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AppRouter />
      </ToastProvider>
    </QueryClientProvider>
  );
}
