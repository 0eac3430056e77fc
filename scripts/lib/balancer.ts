/**
 * A small round-robin HTTP load balancer for the test run (production puts
 * nginx or a cloud load balancer here): each request goes to the next app
 * server; a server that refuses connections is skipped for idempotent
 * requests. Responses stream through (server-sent events included) and carry
 * `x-upstream` naming the server that answered.
 */
import http from "node:http";

export function startBalancer(port: number, upstreams: number[], log: (line: string) => void): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((request, response) => {
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
      proxied.on("error", (error) => {
        const idempotent = request.method === "GET" || request.method === "HEAD";
        if (idempotent && tries < upstreams.length && !response.headersSent) return attempt(tries + 1);
        log(`upstream ${upstream}: ${error.message}`);
        if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
        response.end("Bad gateway");
      });
      response.on("close", () => proxied.destroy());
      if (request.method === "GET" || request.method === "HEAD") proxied.end();
      else request.pipe(proxied);
    };
    attempt(1);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
