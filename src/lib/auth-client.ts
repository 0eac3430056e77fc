/**
 * The two next-auth calls the browser makes — credentials sign-in and sign-out —
 * as plain requests to next-auth's endpoints, instead of `next-auth/react`
 * (≈10 kB of JavaScript on every page for two POSTs).
 */
async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>) {
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
}

/**
 * Signs in with e-mail and password (and the second factor's code, when the account has one); `error` is
 * next-auth's error code (ours: invalidCredentials, secondFactorRequired, invalidCode, rateLimited:<s>).
 */
export async function signInWithCredentials(
  email: string,
  password: string,
  code = "",
): Promise<{ ok: boolean; error: string | null }> {
  const response = await post("/api/auth/callback/credentials", {
    email,
    password,
    code,
    callbackUrl: window.location.href,
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : "unexpected";
  return { ok: response.ok && !error, error };
}

/** Ends the session (the server revokes it) and goes to `callbackUrl`. */
export async function signOutTo(callbackUrl: string) {
  await post("/api/auth/signout", { callbackUrl });
  window.location.assign(callbackUrl);
}

/** Starts single sign-on with one of the installation's providers: next-auth answers with the provider's URL. */
export async function signInWithProvider(providerId: string, callbackUrl: string) {
  const response = await post(`/api/auth/signin/${encodeURIComponent(providerId)}`, { callbackUrl });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.assign(data.url ?? `/signin?error=OAuthSignin`);
}
