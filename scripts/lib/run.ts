import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./postgres";

export type EnvOverrides = Record<string, string | undefined>;

/** Runs a command from the project root, inheriting stdio; resolves with its exit code. */
export function run(
  command: string,
  args: string[],
  options: { env?: EnvOverrides; quiet?: boolean } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: projectRoot(),
      env: { ...process.env, ...options.env },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 && options.quiet) process.stderr.write(output);
      resolve(code ?? 1);
    });
  });
}

export async function runOrThrow(
  command: string,
  args: string[],
  options: { env?: EnvOverrides; quiet?: boolean } = {},
) {
  const code = await run(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${code}`);
}

export const bin = (name: string) => path.join(projectRoot(), "node_modules", ".bin", name);
