import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";

/** The page around every signed-out step (sign in, forgot password, reset it, an invitation, second-factor set-up). */
export async function AuthFrame({ children, wide = false }: { children: React.ReactNode; wide?: boolean }) {
  const t = await getTranslations("app");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className={`w-full ${wide ? "max-w-md" : "max-w-sm"}`}>
        <div className="mb-6 flex items-center justify-between">
          <p className="text-lg font-semibold text-brand-900">{t("name")}</p>
          <LocaleSwitcher />
        </div>
        <div className="card">{children}</div>
        <p className="mt-4 text-center text-xs text-slate-500">{t("tagline")}</p>
      </div>
    </main>
  );
}
