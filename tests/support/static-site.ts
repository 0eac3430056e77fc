import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Another web site, on a port of its own (so another origin than the app's):
 * serves the given HTML pages by path, query strings ignored, like a
 * company's static website would.
 */
export async function startStaticSite(pages: Record<string, string>) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://site").pathname;
    const html = pages[path];
    response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(html ?? "<!doctype html><title>Not found</title><h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A page of the site: its title, the site's snippets in the head, and a body. */
export function sitePage(title: string, head: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main>${body}</main></body></html>`;
}
