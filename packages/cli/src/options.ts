// The command line, declared once as data: commands, their options, and `parseArgs(argv)`,
// which tests call without running anything.
import { closest } from "@batchc/text";

export type OptionKind = "boolean" | "string" | "list";

export interface OptionSpec {
  name: string;
  short?: string;
  kind: OptionKind;
  /** Placeholder shown in help (`FILE`, `N`). */
  value?: string;
  /** Allowed values for string options. */
  choices?: readonly string[];
  /** Other long names of the option (`--output` for `--format`). */
  aliases?: readonly string[];
  description: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments, in order; a trailing `?` marks an optional one, `...` any number (last). */
  args: readonly string[];
  summary: string;
  options: readonly OptionSpec[];
  /** Extra text for `batchc COMMAND --help`. */
  details?: string;
  /** The values the first positional argument takes, when they are fixed (shell completion). */
  argChoices?: readonly string[];
  /** Options the command refuses with a message of their own (a flag whose meaning moved). */
  refused?: Readonly<Record<string, string>>;
}

const region: OptionSpec = { name: "region", kind: "string", value: "REGION", description: "AWS Region (else AWS_REGION or the profile's region)" };
const profile: OptionSpec = { name: "profile", kind: "string", value: "NAME", description: "named profile from the shared AWS config files" };

const connectTimeout: OptionSpec = {
  name: "cli-connect-timeout",
  kind: "string",
  value: "SECONDS",
  description: "seconds to wait for a connection to AWS (default 60)",
};
const readTimeout: OptionSpec = {
  name: "cli-read-timeout",
  kind: "string",
  value: "SECONDS",
  description: "seconds to wait for AWS to answer (default 60)",
};

// One rule in every command: `--endpoint-url` is HealthOmics, `--s3-endpoint-url` is S3.
const s3EndpointUrl: OptionSpec = { name: "s3-endpoint-url", kind: "string", value: "URL", description: "custom S3 endpoint, for s3_glob and the settings file (else AWS_ENDPOINT_URL_S3)" };

const liveOption: OptionSpec = {
  name: "live",
  kind: "boolean",
  description: "also check against the account: the workflow's parameters, every S3 input (HeadObject), the output buckets",
};

/** `--live` and the options that go with it. */
const liveOptions: OptionSpec[] = [
  liveOption,
  { name: "inputs", kind: "list", value: "NAME,…", description: "with --live, also check these parameters' s3:// values (beyond those typed s3uri)" },
  { name: "write-inputs-lock", kind: "string", value: "FILE", description: "with --live, record the ETag and size of every input checked in FILE" },
  { name: "inputs-lock", kind: "string", value: "FILE", description: "with --live, report every input that changed since FILE was written" },
];

const awsOptions: OptionSpec[] = [region, profile, s3EndpointUrl, connectTimeout, readTimeout];

const color: OptionSpec = {
  name: "color",
  kind: "string",
  value: "WHEN",
  choices: ["auto", "always", "never"],
  description: "colour: auto (default; a terminal, NO_COLOR and FORCE_COLOR decide), always or never",
};

const varOption: OptionSpec = {
  name: "var",
  kind: "list",
  value: "NAME=VALUE",
  description: 'value for `var("NAME")` in the program (repeatable)',
};

const allowReadOption: OptionSpec = {
  name: "allow-read",
  kind: "list",
  value: "PATH",
  description: "let data files be read from PATH too (besides the .batch file's folder; repeatable)",
};
const denyWarnings: OptionSpec = { name: "deny-warnings", kind: "boolean", description: "treat warnings as errors (exit 1)" };

const help: OptionSpec = { name: "help", short: "h", kind: "boolean", description: "show this help" };

/** `--format`; outside `compile` (where `-o` names a file) `--output` is another name for it, as in the AWS CLI. */
const format = (choices: readonly string[], description: string): OptionSpec => ({ name: "format", kind: "string", value: "FORMAT", choices, aliases: ["output"], description });

const omicsOptions: OptionSpec[] = [
  region,
  profile,
  { name: "endpoint-url", kind: "string", value: "URL", description: "custom HealthOmics endpoint (else AWS_ENDPOINT_URL_OMICS)" },
  { name: "max-attempts", kind: "string", value: "N", description: "attempts per API call, with standard exponential back-off (default 3)" },
  connectTimeout,
  readTimeout,
];

const tableFormat = format(["table", "json", "jsonl", "csv"], "table (default), json, jsonl or csv");

const yes: OptionSpec = { name: "yes", short: "y", kind: "boolean", description: "do not ask for confirmation (needed when not on a terminal)" };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "check",
    args: ["FILE"],
    summary: "type-check a .batch file and validate every run it expands to",
    options: [
      varOption,
      allowReadOption,
      format(["text", "json", "jsonl", "sarif"], "diagnostics as text (default), json, jsonl (one per line) or sarif (SARIF 2.1.0)"),
      denyWarnings,
      ...liveOptions,
      region,
      profile,
      { name: "endpoint-url", kind: "string", value: "URL", description: "custom HealthOmics endpoint for --live (else AWS_ENDPOINT_URL_OMICS)" },
      s3EndpointUrl,
      connectTimeout,
      readTimeout,
      color,
      help,
    ],
    details:
      "Parses, type-checks and expands the program, reading its data files, and checks every\n" +
      "effective run against the StartRunBatch limits. Writes nothing. Exit 0 when clean, 1 on errors.",
  },
  {
    name: "compile",
    args: ["FILE"],
    summary: "expand a .batch file into the StartRunBatch request body",
    options: [
      { name: "output", short: "o", kind: "string", value: "FILE", description: "write the request body to FILE (default, or `-`: stdout); with maxRunsPerBatch, a folder" },
      { name: "dry-run", kind: "boolean", description: "preview the expanded runs; write and upload nothing" },
      {
        name: "format",
        kind: "string",
        value: "FORMAT",
        choices: ["table", "json", "jsonl", "csv"],
        description: "preview format with --dry-run: table (default), json, jsonl (one effective run per line), csv",
      },
      { name: "limit", kind: "string", value: "N", description: "runs shown in the --dry-run table (default 20; all for other formats)" },
      { name: "settings-out", kind: "string", value: "FILE", description: "also write the per-run settings array (above 100 runs) to FILE; with maxRunsPerBatch, a folder" },
      { name: "no-upload", kind: "boolean", description: "do not upload the settings file; still emit the request that points to it" },
      { name: "request-id", kind: "string", value: "ID", description: "use this requestId instead of one derived from the content" },
      { name: "no-hoist", kind: "boolean", description: "keep values shared by every run in the runs instead of moving them to the defaults" },
      denyWarnings,
      varOption,
      allowReadOption,
      ...liveOptions,
      ...awsOptions,
      color,
      help,
    ],
    details:
      "1 to 100 runs go inline (batchRunSettings.inlineSettings). 101 to 100,000 runs are written as a\n" +
      "JSON array to the batch's `settings` prefix, named after the batch and a hash of the content,\n" +
      "and uploaded to S3 (never overwriting a different file); the request then carries s3UriSettings.\n" +
      "\n" +
      "With `maxRunsPerBatch = N` in the `batch` block, the runs are cut in order into parts of at most N\n" +
      "runs, each its own request: -o and --settings-out then name folders, which get one\n" +
      "NAME-part-K-of-P.json per part (even for one part; --settings-out only for parts above 100 runs),\n" +
      "and the requests are never written to standard output.",
    refused: {
      "endpoint-url": "`--endpoint-url` is the HealthOmics endpoint, which `compile` does not call; give the S3 endpoint with `--s3-endpoint-url`",
    },
  },
  {
    name: "submit",
    args: ["FILE"],
    summary: "compile a .batch file (or read a request .json) and start the batch on HealthOmics",
    options: [
      { name: "dry-run", kind: "boolean", description: "show what would be sent; upload and start nothing" },
      { name: "wait", kind: "boolean", description: "poll the batch until it reaches a final status" },
      { name: "poll-interval", kind: "string", value: "SECONDS", description: "seconds between polls with --wait (default 15)" },
      format(["text", "json"], "result as text (default) or json"),
      { name: "request-id", kind: "string", value: "ID", description: "use this requestId instead of one derived from the content" },
      { name: "allow-duplicate", kind: "boolean", description: "start the batch even when one of the same name is still under way from a different request" },
      varOption,
      allowReadOption,
      ...liveOptions,
      ...omicsOptions,
      s3EndpointUrl,
      color,
      help,
    ],
    details:
      "The requestId is derived from the request's content, so submitting the same batch twice\n" +
      "starts it once. With --wait, exits 1 if the batch FAILED or any run failed to start.",
  },
  {
    name: "status",
    args: ["BATCH_ID"],
    summary: "show a batch's status and its submission and run counts (GetBatch)",
    options: [
      { name: "chain", kind: "boolean", description: "show the batch's resubmission chain: each batch and the runs started across them" },
      format(["text", "json"], "text (default) or json"),
      ...omicsOptions,
      color,
      help,
    ],
  },
  {
    name: "list",
    args: [],
    summary: "list run batches (ListBatch), optionally filtered by one of status, name or run group",
    options: [
      { name: "status", kind: "string", value: "STATUS", description: "only batches in this status (PENDING, INPROGRESS, PROCESSED, ...)" },
      { name: "name", kind: "string", value: "NAME", description: "only batches with this name" },
      { name: "run-group-id", kind: "string", value: "ID", description: "only batches of this run group" },
      tableFormat,
      ...omicsOptions,
      color,
      help,
    ],
    details: "The API takes one filter per call: give at most one of --status, --name and --run-group-id.",
  },
  {
    name: "runs",
    args: ["BATCH_ID"],
    summary: "list a batch's runs: runSettingId to runId, with failure reasons (ListRunsInBatch)",
    options: [
      { name: "status", kind: "list", value: "STATUS", description: "only runs with this submission status (SUCCESS, FAILED, ...; repeatable)" },
      tableFormat,
      ...omicsOptions,
      color,
      help,
    ],
  },
  {
    name: "cancel",
    args: ["BATCH_ID"],
    summary: "cancel a batch: stop runs not yet started and cancel the started ones (CancelRunBatch)",
    options: [yes, ...omicsOptions, color, help],
  },
  {
    name: "delete",
    args: ["BATCH_ID"],
    summary: "delete a finished batch's record (DeleteBatch); with --runs, delete its runs first (DeleteRunBatch)",
    options: [{ name: "runs", kind: "boolean", description: "also delete the batch's runs, before the batch record" }, yes, ...omicsOptions, color, help],
  },
  {
    name: "resubmit",
    args: ["BATCH_ID", "FILE"],
    summary: "start a new batch of the runs of FILE that never started in BATCH_ID or any resubmission of it",
    options: [
      { name: "dry-run", kind: "boolean", description: "list the runs that would be resubmitted; start nothing" },
      { name: "include-cancelled", kind: "boolean", description: "also start the runs a CANCELLED or STOPPING batch of the chain never started" },
      { name: "all", kind: "boolean", description: "start every run even when no batch of the chain started any" },
      { name: "accept-changed-defaults", kind: "boolean", description: "start the runs even though FILE's defaults differ from the original batch's" },
      { name: "no-hoist", kind: "boolean", description: "as `compile --no-hoist` (pass it if the original batch was compiled so)" },
      { name: "wait", kind: "boolean", description: "poll the new batch until it reaches a final status" },
      { name: "poll-interval", kind: "string", value: "SECONDS", description: "seconds between polls with --wait (default 15)" },
      format(["text", "json"], "result as text (default) or json"),
      varOption,
      allowReadOption,
      ...omicsOptions,
      s3EndpointUrl,
      color,
      help,
    ],
    details:
      "BATCH_ID is the original batch or any resubmission of it: the chain is found through the\n" +
      "`batchc:resubmit-of` tag and the original's name. A run is done when it started in any batch of\n" +
      "the chain. The new batch has the same settings for exactly the runs that never started, and a\n" +
      "requestId derived from its content and the chain, so repeating the command starts nothing new.",
  },
  {
    name: "fmt",
    args: ["FILE..."],
    summary: "format .batch files in the canonical layout, keeping every comment",
    options: [
      { name: "check", kind: "boolean", description: "write nothing; list the files that would change and exit 1 if any would" },
      { name: "diff", kind: "boolean", description: "write nothing; print the changes as a unified diff" },
      help,
    ],
    details:
      "Rewrites each FILE in place (only when its layout changes). A folder stands for the .batch files\n" +
      "below it; no FILE means the working folder; `-` reads standard input and writes the result to\n" +
      "standard output. A file with syntax errors is left as it is: its errors are shown and the exit\n" +
      "code is 1.",
  },
  {
    name: "completion",
    args: ["SHELL"],
    argChoices: ["bash", "zsh", "fish"],
    summary: "print a completion script for bash, zsh or fish",
    options: [help],
    details:
      "bash: eval \"$(batchc completion bash)\" in ~/.bashrc. zsh: batchc completion zsh > \"${fpath[1]}/_batchc\".\n" +
      "fish: batchc completion fish > ~/.config/fish/completions/batchc.fish. The script is generated\n" +
      "from the same option table the command line is parsed with.",
  },
  {
    name: "lsp",
    args: [],
    summary: "start the language server for editors (diagnostics, completion, hover, formatting)",
    options: [
      { name: "stdio", kind: "boolean", description: "speak the Language Server Protocol over standard input and output" },
      { name: "clientProcessId", kind: "string", value: "PID", description: "the editor's process id (editors pass it; the server ends with the editor)" },
      help,
    ],
    details: "Editors start it as `batchc lsp --stdio`; editors/vscode is an extension that does.",
  },
  {
    name: "explain",
    args: ["CODE"],
    summary: "explain a diagnostic code (BC2003): what it means, an example and the fix",
    options: [help],
  },
  {
    name: "sandbox",
    args: [],
    summary: "start a local HealthOmics and S3 store to try submit, status, runs and resubmit without AWS",
    options: [
      { name: "port", kind: "string", value: "N", description: "port on 127.0.0.1 (default 4599; 0 picks a free one)" },
      { name: "data", kind: "string", value: "DIR", description: "keep batches and stored objects in DIR across restarts (default: in memory)" },
      { name: "config", kind: "string", value: "FILE", description: "JSON file of the workflows the sandbox knows (default: workflow 1234567)" },
      { name: "clock", kind: "string", value: "WHEN", description: "`read`: a batch moves one step each time it is read; SECONDS: one step every SECONDS (default 1)" },
      { name: "start-rate", kind: "string", value: "N", description: "runs started per step while a batch is SUBMITTING (default 100)" },
      { name: "fail-share", kind: "string", value: "PERCENT", description: "share of new runs that fail to start, chosen by a hash of runSettingId (default 4)" },
      { name: "quiet", kind: "boolean", description: "do not log each request on stderr" },
      help,
    ],
    details:
      "Prints the environment that points batchc at it (AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL_S3,\n" +
      "dummy credentials, AWS_REGION) and runs until Ctrl-C. Batches go CREATING, PENDING, SUBMITTING,\n" +
      "INPROGRESS, PROCESSED. The S3 store keeps objects as files (DIR/s3/BUCKET/KEY, percent-encoded);\n" +
      "it serves PutObject, GetObject, HeadObject and ListObjectsV2 and checks no signatures.",
  },
];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  help,
  { name: "version", short: "v", kind: "boolean", description: "print the version" },
];

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export type ParsedArgs =
  | { kind: "help"; command?: string }
  | { kind: "version" }
  | { kind: "run"; command: string; args: string[]; options: OptionValues }
  | { kind: "usage-error"; message: string; command?: string };

/** Parses argv (without `node` and the script). Never throws. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const first = argv[0];
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? argv[1] : undefined;
    return topic === undefined ? { kind: "help" } : { kind: "help", command: topic };
  }
  if (first === "--version" || first === "-v") return { kind: "version" };
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    if (first.startsWith("-")) return { kind: "usage-error", message: `unknown option \`${first}\`` };
    const names = COMMANDS.map((c) => c.name);
    return { kind: "usage-error", message: `unknown command \`${first}\`${suggest(first, names)}` };
  }
  const options: OptionValues = {};
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-") {
      args.push(token);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (token.startsWith("--")) {
      const eq = token.indexOf("=");
      name = eq === -1 ? token.slice(2) : token.slice(2, eq);
      inline = eq === -1 ? undefined : token.slice(eq + 1);
    } else {
      name = token.slice(1, 2);
      inline = token.length > 2 ? token.slice(2) : undefined;
    }
    const spec = command.options.find((o) => o.name === name || o.short === name || o.aliases?.includes(name));
    const refused = command.refused?.[name];
    if (!spec && refused !== undefined) return { kind: "usage-error", command: command.name, message: refused };
    if (!spec) {
      const names = command.options.map((o) => o.name);
      return { kind: "usage-error", command: command.name, message: `unknown option \`${token}\` for \`${command.name}\`${suggest(name, names, "--")}` };
    }
    if (spec.kind === "boolean") {
      if (inline !== undefined) return { kind: "usage-error", command: command.name, message: `option \`--${spec.name}\` takes no value` };
      options[spec.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined) return { kind: "usage-error", command: command.name, message: `option \`--${spec.name}\` needs a value (${spec.value ?? "VALUE"})` };
      value = next;
      i++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      return {
        kind: "usage-error",
        command: command.name,
        message: `\`--${spec.name}\` must be one of ${spec.choices.map((c) => `\`${c}\``).join(", ")}, not \`${value}\``,
      };
    }
    if (spec.kind === "list") {
      const list = (options[spec.name] as string[] | undefined) ?? [];
      list.push(value);
      options[spec.name] = list;
    } else {
      options[spec.name] = value;
    }
  }
  if (options.help === true) return { kind: "help", command: command.name };
  const required = command.args.filter((a) => !a.endsWith("?") && !a.endsWith("..."));
  if (args.length < required.length) {
    return { kind: "usage-error", command: command.name, message: `\`${command.name}\` needs ${required.join(" ")}` };
  }
  if (args.length > command.args.length && !command.args[command.args.length - 1]?.endsWith("...")) {
    return { kind: "usage-error", command: command.name, message: `unexpected argument \`${args[command.args.length]}\`` };
  }
  return { kind: "run", command: command.name, args, options };
}

function suggest(input: string, names: readonly string[], prefix = ""): string {
  const best = closest(input, names);
  return best === undefined ? "" : ` (did you mean \`${prefix}${best}\`?)`;
}

/** The text of `batchc --help` or `batchc COMMAND --help`. */
export function helpText(command?: string): string {
  if (command !== undefined) {
    const spec = COMMANDS.find((c) => c.name === command);
    if (spec) {
      const lines = [`batchc ${spec.name} ${spec.args.join(" ")} [options]`, "", spec.summary, ""];
      if (spec.details) lines.push(spec.details, "");
      lines.push("Options:");
      lines.push(...formatOptions(spec.options));
      return `${lines.join("\n")}\n`;
    }
  }
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = [
    "batchc: compile .batch files into AWS HealthOmics StartRunBatch requests",
    "",
    "Usage: batchc COMMAND [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    ...formatOptions(GLOBAL_OPTIONS),
    "",
    "Run `batchc COMMAND --help` for a command's options.",
    "Exit codes: 0 success, 1 errors in the program, 2 usage error, 3 AWS or S3 failure, 70 internal error.",
  ];
  return `${lines.join("\n")}\n`;
}

function formatOptions(options: readonly OptionSpec[]): string[] {
  const left = options.map((o) => `${o.short ? `-${o.short}, ` : "    "}--${[o.name, ...(o.aliases ?? [])].join(", --")}${o.value ? ` ${o.value}` : ""}`);
  const width = Math.max(...left.map((l) => l.length));
  return options.map((o, i) => `  ${(left[i] as string).padEnd(width)}  ${o.description}`);
}
