import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="card max-w-md space-y-3">
        <h1 className="text-xl font-semibold">{t("pageNotFound")}</h1>
        <p className="text-sm text-slate-600">{t("pageNotFoundBody")}</p>
        <Link href="/" className="btn-primary">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
