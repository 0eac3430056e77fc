/** What a marketer pastes into the company's website (shown with a copy button; the README shows the same). */

export function trackingSnippet(appUrl: string, siteKey: string, requireConsent: boolean): string {
  const consent = requireConsent ? ' data-consent="required"' : "";
  return [
    // The stub queues calls (the cookie banner's consent) made before the script has loaded.
    "<script>window.smk=window.smk||function(){(smk.q=smk.q||[]).push(arguments)}</script>",
    `<script async src="${appUrl}/t.js" data-site="${siteKey}"${consent}></script>`,
  ].join("\n");
}

export function embedSnippet(appUrl: string, formPublicId: string): string {
  return `<script async src="${appUrl}/embed.js" data-form="${formPublicId}"></script>`;
}
