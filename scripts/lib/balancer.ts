/**
 * A small round-robin HTTP load balancer for the test run (production puts
 * nginx or a cloud load balancer here): each request goes to the next app
 * server. A server that refuses the connection (down, restarting) is skipped
 * — like nginx's `proxy_next_upstream error` — which is safe for any method
 * because nothing reached it. Responses stream through (server-sent events
 * included) and carry `x-upstream` naming the server that answered.
 */
import http from "node:http";

export function startBalancer(port: number, upstreams: number[], log: (line: string) => void): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const upstream = upstreams[next++ % upstreams.length] as number;
        const proxied = http.request(
          {
            host: "127.0.0.1",
            port: upstream,
            method: request.method,
            path: request.url,
            headers: { ...request.headers, "x-forwarded-for": request.socket.remoteAddress ?? "" },
          },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-upstream": String(upstream) });
            answer.pipe(response);
          },
        );
        proxied.on("error", (error: NodeJS.ErrnoException) => {
          // The browser went away first (a closed page's event stream): nothing to answer.
          if (response.destroyed) return;
          if (error.code === "ECONNREFUSED" && tries < upstreams.length && !response.headersSent) {
            return attempt(tries + 1);
          }
          log(`upstream ${upstream}: ${error.message}`);
          if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
          response.end("Bad gateway");
        });
        response.on("close", () => proxied.destroy());
        proxied.end(body);
      };
      attempt(1);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
