/**
 * A real OpenID Connect provider for the tests: the `oidc-provider` package (certified by the OpenID
 * Foundation) on a local port, with its development login screen (any login, any password: the login is
 * the person's e-mail). Logins starting with "unverified" get `email_verified: false`.
 *
 * To prove the app refuses a bad ID token, the provider can be told to misbehave on its token endpoint
 * (POST /__test/mode?mode=…): "wrong-audience" re-signs the ID token, with the provider's own key, for
 * another client; "bad-signature" breaks its signature. "none" is the honest provider.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import Provider from "oidc-provider";

export type IdpMode = "none" | "wrong-audience" | "bad-signature";

export type TestIdp = { issuer: string; port: number; close(): Promise<void> };

export async function startOidcProvider(options: {
  port?: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}): Promise<TestIdp> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-key-1", alg: "RS256", use: "sig" };
  let mode: IdpMode = "none";

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["smarketing-test-idp-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "locale"] },
    // The e-mail in the ID token itself (next-auth reads the claims from it).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const email = id.toLowerCase();
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email,
            email_verified: !email.startsWith("unverified"),
            name: email.split("@")[0]?.replace(/[.-]/g, " ") ?? email,
            locale: "en",
          };
        },
      };
    },
  });
  provider.on("server_error", (_ctx, error) => console.error("[test-idp]", error));

  // Misbehaviour on demand, on the token endpoint's answer.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== "/token" || mode === "none") return;
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    if (mode === "bad-signature") {
      const [header, payload, signature = ""] = body.id_token.split(".");
      const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
      ctx.body = { ...body, id_token: `${header}.${payload}.${flipped}` };
    } else if (mode === "wrong-audience") {
      const claims = decodeJwt(body.id_token);
      const header = decodeProtectedHeader(body.id_token);
      const resigned = await new SignJWT({ ...claims, aud: "some-other-client" })
        .setProtectedHeader({ alg: "RS256", kid: header.kid })
        .sign(privateKey);
      ctx.body = { ...body, id_token: resigned };
    }
  });

  const handle = provider.callback();
  server.on("request", (request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    if (request.method === "POST" && url.pathname === "/__test/mode") {
      const next = url.searchParams.get("mode");
      if (next === "none" || next === "wrong-audience" || next === "bad-signature") {
        mode = next;
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ mode }));
      } else response.writeHead(400).end("unknown mode");
      return;
    }
    handle(request, response);
  });

  return {
    issuer,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
