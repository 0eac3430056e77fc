"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { signOutTo } from "@/lib/auth-client";

export function SignOutButton() {
  const t = useTranslations("nav");
  // Signing out needs the script (CSRF token, then the redirect): until it runs, the button is disabled rather
  // than a click that silently does nothing on a slow connection.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button type="button" className="btn-secondary py-1" disabled={!ready} onClick={() => void signOutTo("/signin")}>
      {t("signOut")}
    </button>
  );
}
