import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../../api/client";
import { loginMutation } from "../../api/mutations";
import { authMethodsQuery, oauthStatusQuery } from "../../api/queries";
import { useAppOrigin } from "../../api/useAppOrigin";
import { signInOptions } from "../../lib/signIn/options";
import { safeRedirect } from "../../app/auth";
import { LoginView } from "./LoginView";

function loginErrorMessage(error: unknown, method: "password" | "token"): string {
  if (isApiError(error)) {
    if (error.status === 401 || error.status === 400) {
      return method === "password" ? "Incorrect email or password." : "That session token is not valid or has expired.";
    }
    if (error.status === 0) return "Can't reach the server. Check your connection and try again.";
    return error.message;
  }
  return "Sign-in failed. Try again.";
}

export default function LoginPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useMutation({
    ...loginMutation(queryClient),
    onSuccess: () => {
      queryClient.clear();
      void navigate(redirect, { replace: true });
    },
  });
  const methods = useQuery(authMethodsQuery());
  const oauth = useQuery(oauthStatusQuery());
  const coderOrigin = useAppOrigin();
  const redirect = safeRedirect(params.get("redirect"));
  const method = login.variables?.kind ?? "password";
  return (
    <LoginView
      submitting={login.isPending}
      error={login.isError ? loginErrorMessage(login.error, method) : undefined}
      onPasswordLogin={(email, password) => login.mutate({ kind: "password", email, password })}
      onTokenLogin={(token) => login.mutate({ kind: "token", token })}
      loading={methods.isPending || oauth.isPending}
      options={signInOptions(methods.data, oauth.data?.available ?? false, coderOrigin, redirect)}
    />
  );
}
