import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createTokenFor } from "@/server/api-tokens/service";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { ZEmail, ZPassword, ZRole } from "@/server/members/schema";
import { exportWorkspace } from "@/server/portability/export";
import { importWorkspace } from "@/server/portability/import";
import { seedDemo } from "@/server/seed/demo";
import {
  createUser,
  createWorkspace,
  findUserByEmail,
  findWorkspace,
  listMembersOf,
  resetPassword,
  setMembership,
} from "@/server/workspaces/service";

const HELP = `Smarketing Workspace admin CLI

Usage: npm run cli -- <command> [options]

Commands:
  workspace:create --name <name> [--slug <slug>] [--time-zone <IANA zone>]
  user:create      --email <email> --name <name> --workspace <slug> --role <ADMIN|MANAGER|MARKETER|SALES> [--password <pw>]
                   (an existing user is just added to the workspace with that role)
  token:create     --email <email> --workspace <slug> --name <token name>   (prints the token once)
  members:list     --workspace <slug>
  password:reset   --email <email> [--password <pw>]   (prints a generated password when none is given)
  workspace:export --workspace <slug> --file <archive.jsonl>   (everything but API tokens and sessions)
  workspace:import --workspace <slug> --file <archive.jsonl>   (into an empty workspace; all or nothing)
  seed             [--force]   (the demo workspace; refused on production databases without --force)
`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    slug: { type: "string" },
    "time-zone": { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    workspace: { type: "string" },
    role: { type: "string" },
    force: { type: "boolean" },
    file: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== "string" || !value.trim()) throw new UsageError(`--${name} is required`);
  return value.trim();
}

class UsageError extends Error {}

const generatedPassword = () => randomBytes(12).toString("base64url");

/** The CLI acts as the workspace's first admin (the audit log names them). */
async function adminOf(slug: string) {
  const workspace = await findWorkspace(slug);
  const admin = await db.membership.findFirst({
    where: { workspaceId: workspace.id, role: "ADMIN" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  if (!admin) throw new UsageError(`${slug} has no admin`);
  return { userId: admin.userId, workspaceId: workspace.id, role: "ADMIN" as const };
}

async function main(command: string | undefined) {
  switch (command) {
    case "workspace:create": {
      const timeZone = values["time-zone"];
      if (timeZone && !Intl.supportedValuesOf("timeZone").includes(timeZone))
        throw new UsageError(`Unknown time zone ${timeZone}`);
      const ws = await createWorkspace({ name: required("name"), slug: values.slug, timeZone });
      console.log(`Created workspace "${ws.name}" (slug ${ws.slug}).`);
      return;
    }
    case "user:create": {
      const email = ZEmail.parse(required("email"));
      const role = ZRole.parse(required("role").toUpperCase());
      const workspace = await findWorkspace(required("workspace"));
      let user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
      let password: string | undefined;
      if (!user) {
        password = values.password ? ZPassword.parse(values.password) : generatedPassword();
        user = await createUser({ email, name: required("name"), password });
      }
      await setMembership({ workspaceId: workspace.id, userId: user.id, role });
      console.log(`${user.email} is ${role} in "${workspace.name}".`);
      if (password && !values.password) console.log(`Password (shown once): ${password}`);
      return;
    }
    case "token:create": {
      const user = await findUserByEmail(required("email"));
      const workspace = await findWorkspace(required("workspace"));
      const member = await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      });
      if (!member) throw new UsageError(`${user.email} is not a member of ${workspace.slug}`);
      const token = await createTokenFor(
        { userId: user.id, workspaceId: workspace.id, name: required("name") },
        { userId: null, workspaceId: workspace.id },
      );
      console.log(token.secret);
      return;
    }
    case "members:list": {
      const workspace = await findWorkspace(required("workspace"));
      const members = await listMembersOf(workspace.id);
      for (const m of members) console.log(`${m.user.email}\t${m.role}\t${m.user.name}`);
      return;
    }
    case "password:reset": {
      const password = values.password ? ZPassword.parse(values.password) : generatedPassword();
      const user = await resetPassword({ email: required("email"), password });
      console.log(`Password of ${user.email} reset; their sessions were ended.`);
      if (!values.password) console.log(`New password (shown once): ${password}`);
      return;
    }
    case "workspace:export": {
      const actor = await adminOf(required("workspace"));
      const out = createWriteStream(required("file"));
      for await (const chunk of exportWorkspace(actor)) {
        if (!out.write(chunk)) await once(out, "drain");
      }
      await new Promise((resolve) => out.end(resolve));
      console.log(`Exported to ${values.file}.`);
      return;
    }
    case "workspace:import": {
      const actor = await adminOf(required("workspace"));
      const file = required("file");
      // Read twice (ids first, then rows), line by line: archives of any size.
      const lines = () => createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
      const summary = await importWorkspace(actor, lines);
      console.log(
        `Imported ${summary.rows} records; members matched ${summary.users.matched}, new accounts ${summary.users.created} (set their passwords with password:reset).`,
      );
      return;
    }
    case "seed": {
      if (process.env.NODE_ENV === "production" && process.env.SMARKETING_EMBEDDED_DB !== "1" && !values.force) {
        throw new UsageError("Refusing to seed demo data into a production database. Use --force to override.");
      }
      await seedDemo();
      console.log("Demo data ready.");
      return;
    }
    default:
      console.log(HELP);
      if (command && command !== "help" && !values.help) throw new UsageError(`Unknown command: ${command}`);
  }
}

try {
  await main(positionals[0]);
  process.exit(0);
} catch (error) {
  if (error instanceof UsageError) console.error(`Error: ${error.message}`);
  else if (error instanceof z.ZodError) console.error(`Error: ${error.issues.map((i) => i.message).join("; ")}`);
  else if (isAppError(error)) console.error(`Error: ${error.message}`);
  else console.error(error);
  process.exit(1);
}
