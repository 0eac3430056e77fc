"use client";

import { useTranslations } from "next-intl";
import { signOutTo } from "@/lib/auth-client";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="btn-secondary py-1" onClick={() => void signOutTo("/signin")}>
      {t("signOut")}
    </button>
  );
}
