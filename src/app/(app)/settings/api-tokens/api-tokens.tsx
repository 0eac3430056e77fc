"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/copy-button";
import { FieldError, FormError } from "@/components/form-error";
import { ScrollRegion } from "@/components/scroll-region";
import type { ActionError } from "@/server/action";
import { createApiTokenAction, revokeApiTokenAction } from "@/server/api-tokens/actions";

type TokenRow = { id: string; name: string; prefix: string; owner: string; created: string; lastUsed: string };

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t("intro", { header: "Authorization: Bearer <token>" })}</p>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const name = String(new FormData(form).get("name") ?? "");
            setError(null);
            setSecret(null);
            startTransition(async () => {
              const result = await createApiTokenAction({ name });
              if (result.ok) {
                setSecret(result.data.secret);
                form.reset();
                router.refresh();
              } else setError(result.error);
            });
          }}
        >
          <div className="min-w-64 flex-1">
            <label htmlFor="token-name" className="label">
              {t("name")}
            </label>
            <input
              id="token-name"
              name="name"
              required
              maxLength={80}
              placeholder={t("namePlaceholder")}
              className="input"
            />
            <FieldError error={error} field="name" />
          </div>
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </button>
        </form>
        <div className="mt-3">
          <FormError error={error && error.code !== "validation" ? error : null} />
        </div>
        {secret && (
          <div className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" role="status">
            <p className="font-medium">{t("createdTitle")}</p>
            <p className="mb-2">{t("createdBody")}</p>
            <div className="flex gap-2">
              <input
                readOnly
                value={secret}
                data-testid="new-token"
                aria-label={t("createdTitle")}
                className="input font-mono"
              />
              <CopyButton value={secret} label={t("copy")} />
            </div>
          </div>
        )}
      </section>
      <section className="card overflow-x-auto" aria-labelledby="tokens-list">
        <h2 id="tokens-list" className="mb-3 text-lg font-semibold">
          {t("list")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ScrollRegion label={t("title")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("prefix")}</th>
                  <th scope="col">{t("owner")}</th>
                  <th scope="col">{t("created")}</th>
                  <th scope="col">{t("lastUsed")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} data-testid={`token-${token.name}`}>
                    <td>{token.name}</td>
                    <td className="font-mono">{token.prefix}…</td>
                    <td>{token.owner}</td>
                    <td>{token.created}</td>
                    <td>{token.lastUsed}</td>
                    <td>
                      <button
                        type="button"
                        className="btn-danger py-1"
                        disabled={pending}
                        onClick={() => {
                          if (!window.confirm(t("confirmRevoke", { name: token.name }))) return;
                          startTransition(async () => {
                            const result = await revokeApiTokenAction({ tokenId: token.id });
                            setError(result.ok ? null : result.error);
                            router.refresh();
                          });
                        }}
                      >
                        {t("revoke")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
