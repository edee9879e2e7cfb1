// `batchc sandbox`: a local HealthOmics (and S3 store) to try submit, status, runs and resubmit
// without an AWS account. This file only reads the flags and prints; the sandbox is
// @batchc/sandbox, loaded only by this command.
import { resolve } from "node:path";
import { CommandError, type Io } from "../io.js";

/** A whole number in `[min, max]` from a flag, or a usage error. */
function whole(options: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max || String(value).trim() === "") {
    throw new CommandError(`\`--${name}\` takes a whole number from ${min} to ${max}, not \`${String(value)}\``, 2);
  }
  return n;
}

/** `--clock read|SECONDS`: a step per GetBatch, or every SECONDS (default 1). */
function clock(options: Record<string, unknown>): "read" | number {
  const value = options.clock;
  if (value === undefined) return 1000;
  if (value === "read") return "read";
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0 || s > 3600 || String(value).trim() === "") {
    throw new CommandError(`\`--clock\` takes \`read\` or a number of seconds above 0 (at most 3600), not \`${String(value)}\``, 2, "for example `--clock 0.5` or `--clock read`");
  }
  return Math.max(1, Math.round(s * 1000));
}

/** `--fail-share PERCENT` (0–100, default 4). */
function failPercent(options: Record<string, unknown>): number {
  const value = options["fail-share"];
  if (value === undefined) return 4;
  const p = Number(value);
  if (!Number.isFinite(p) || p < 0 || p > 100 || String(value).trim() === "") {
    throw new CommandError(`\`--fail-share\` takes a percentage from 0 to 100, not \`${String(value)}\``, 2, "for example `--fail-share 10`");
  }
  return p;
}

export async function sandboxCommand(_args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const port = whole(options, "port", 4599, 0, 65535);
  const startRate = whole(options, "start-rate", 100, 1, 100_000);
  const percent = failPercent(options);
  const steps = clock(options);
  const dataDir = options.data as string | undefined;
  const configFile = options.config as string | undefined;
  const sandbox = await import("@batchc/sandbox");
  let config = sandbox.DEFAULT_CONFIG;
  if (configFile !== undefined) {
    try {
      config = sandbox.readConfig(resolve(io.cwd, configFile));
    } catch (err) {
      if (err instanceof sandbox.ConfigError) throw new CommandError(`${configFile}: ${err.message}`, 1);
      throw err;
    }
  }
  let running: Awaited<ReturnType<typeof sandbox.startSandbox>>;
  try {
    running = await sandbox.startSandbox({
      port,
      ...(dataDir !== undefined ? { dataDir: resolve(io.cwd, dataDir) } : {}),
      config,
      clock: steps,
      startRate,
      failShare: percent / 100,
      ...(options.quiet === true ? {} : { log: (line: string) => void io.stderr.write(`${line}\n`) }),
    });
  } catch (err) {
    if (err instanceof sandbox.StateFileError) throw new CommandError(`${dataDir ?? ""}: ${err.message}`, 1, "start the sandbox with another `--data` folder, or remove this one");
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new CommandError(`port ${port} is in use`, 3, "pass another port with `--port N` (`--port 0` picks a free one)");
    if (code === "EACCES") throw new CommandError(`port ${port} cannot be opened here`, 3, "pass another port with `--port N` (`--port 0` picks a free one)");
    throw err;
  }
  const workflows = Object.keys(config.workflows);
  const pace = steps === "read" ? "one step each time the batch is read (GetBatch), times simulated" : `one step every ${steps / 1000} s`;
  io.stdout.write(
    [
      `batchc sandbox: a local HealthOmics and S3 store on ${running.url}`,
      `data       ${dataDir ?? "in memory (gone when the sandbox stops; keep it with --data DIR)"}`,
      `workflows  ${workflows.length === 0 ? "none" : workflows.join(", ")}`,
      `clock      ${pace}; ${startRate} runs start per step; ${percent}% of new runs fail to start`,
      "",
      "Point batchc (or any AWS SDK) at it, in another shell:",
      "",
      ...Object.entries(running.env).map(([k, v]) => `export ${k}=${v}`),
      "",
      "Stop it with Ctrl-C.",
      "",
    ].join("\n"),
  );
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
  io.stderr.write("batchc sandbox: stopped\n");
  return 0;
}
