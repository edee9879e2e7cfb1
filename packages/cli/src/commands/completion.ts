// `batchc completion bash|zsh|fish`: a shell completion script generated from the option
// table the CLI parses (options.ts), so the two never disagree.
import { CommandError, type Io } from "../io.js";
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "../options.js";

const SHELLS = COMMANDS.find((c) => c.name === "completion")?.argChoices ?? [];
type Shell = "bash" | "zsh" | "fish";

export async function completionCommand(args: string[], _options: Record<string, unknown>, io: Io): Promise<number> {
  const shell = args[0] as string;
  if (!SHELLS.includes(shell)) {
    throw new CommandError(`no completion for the shell \`${shell}\``, 2, `the shells are ${SHELLS.map((s) => `\`${s}\``).join(", ")}`);
  }
  io.stdout.write(completionScript(shell as Shell));
  return 0;
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case "bash":
      return bash();
    case "zsh":
      return zsh();
    case "fish":
      return fish();
  }
}

/** Whether a positional argument or an option value names a file. */
const isPath = (placeholder: string | undefined): boolean => placeholder !== undefined && /FILE|DIR|FOLDER/.test(placeholder);
const takesValue = (o: OptionSpec): boolean => o.kind !== "boolean";
const flags = (o: OptionSpec): string[] => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])];
/** What a command's positional arguments complete to: files, fixed words, or nothing. */
function positional(c: CommandSpec): { files: boolean; words: readonly string[] } {
  return { files: c.args.some(isPath), words: c.argChoices ?? [] };
}

function bash(): string {
  const lines = [
    "# batchc completion for bash: eval \"$(batchc completion bash)\" (e.g. in ~/.bashrc)",
    "_batchc() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    "  COMPREPLY=()",
    "  if [[ $COMP_CWORD -eq 1 ]]; then",
    `    COMPREPLY=($(compgen -W "${[...COMMANDS.map((c) => c.name), ...GLOBAL_OPTIONS.flatMap(flags)].join(" ")}" -- "$cur"))`,
    "    return",
    "  fi",
    '  case "${COMP_WORDS[1]}" in',
  ];
  for (const c of COMMANDS) {
    lines.push(`    ${c.name})`);
    lines.push('      case "$prev" in');
    for (const o of c.options.filter(takesValue)) {
      const reply = o.choices ? `compgen -W "${o.choices.join(" ")}" -- "$cur"` : isPath(o.value) ? 'compgen -f -- "$cur"' : "";
      lines.push(`        ${flags(o).join("|")}) ${reply === "" ? "return" : `COMPREPLY=($(${reply})); return`} ;;`);
    }
    lines.push("      esac");
    lines.push(`      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${c.options.flatMap(flags).join(" ")}" -- "$cur")); return; fi`);
    const p = positional(c);
    if (p.words.length > 0) lines.push(`      COMPREPLY=($(compgen -W "${p.words.join(" ")}" -- "$cur"))`);
    else if (p.files) lines.push('      COMPREPLY=($(compgen -f -- "$cur"))');
    lines.push("      ;;");
  }
  lines.push("  esac", "}", "complete -o filenames -F _batchc batchc", "");
  return lines.join("\n");
}

/** Text inside a zsh single-quoted `_arguments` spec: no `'`, `[`, `]` or `:` of its own. */
const zshText = (s: string): string => s.replace(/'/g, "'\\''").replace(/\[/g, "(").replace(/\]/g, ")").replace(/:/g, "\\:");

function zsh(): string {
  const lines = [
    "#compdef batchc",
    "# batchc completion for zsh: batchc completion zsh > \"${fpath[1]}/_batchc\" (or eval it after compinit)",
    "_batchc() {",
    "  local -a commands",
    "  commands=(",
    ...COMMANDS.map((c) => `    '${c.name}:${zshText(c.summary)}'`),
    "  )",
    "  if (( CURRENT == 2 )); then",
    `    _describe -t commands 'batchc command' commands`,
    `    _arguments ${GLOBAL_OPTIONS.map((o) => `'${flags(o)[0]}[${zshText(o.description)}]'`).join(" ")}`,
    "    return",
    "  fi",
    "  shift words",
    "  (( CURRENT-- ))",
    '  case "${words[1]}" in',
  ];
  for (const c of COMMANDS) {
    const specs = c.options.map((o) => {
      const action = o.choices ? `(${o.choices.join(" ")})` : isPath(o.value) ? "_files" : " ";
      const value = takesValue(o) ? `:${zshText(o.value ?? "VALUE")}:${action}` : "";
      const rest = `[${zshText(o.description)}]${value}'`;
      if (o.short) return `'${o.kind === "list" ? "*" : `(-${o.short} --${o.name})`}'{-${o.short},--${o.name}}'${rest}`;
      return `'${o.kind === "list" ? "*" : ""}--${o.name}${rest}`;
    });
    const p = positional(c);
    if (p.words.length > 0) specs.push(`':${zshText(c.args[0] ?? "ARG")}:(${p.words.join(" ")})'`);
    else if (p.files) specs.push(`'*:file:_files'`);
    lines.push(`    ${c.name}) _arguments ${specs.join(" ")} ;;`);
  }
  lines.push("  esac", "}", 'if [[ "${zsh_eval_context[-1]}" == loadautofunc ]]; then _batchc "$@"; else compdef _batchc batchc; fi', "");
  return lines.join("\n");
}

/** A fish single-quoted string. */
const fishText = (s: string): string => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fish(): string {
  const names = COMMANDS.map((c) => c.name).join(" ");
  const lines = [
    "# batchc completion for fish: batchc completion fish > ~/.config/fish/completions/batchc.fish",
    "complete -c batchc -f",
    ...COMMANDS.map((c) => `complete -c batchc -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d ${fishText(c.summary)}`),
    ...GLOBAL_OPTIONS.map(
      (o) => `complete -c batchc -n 'not __fish_seen_subcommand_from ${names}' -l ${o.name}${o.short ? ` -s ${o.short}` : ""} -d ${fishText(o.description)}`,
    ),
  ];
  for (const c of COMMANDS) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    for (const o of c.options) {
      let line = `complete -c batchc ${when} -l ${o.name}${o.short ? ` -s ${o.short}` : ""}`;
      if (o.choices) line += ` -x -a ${fishText(o.choices.join(" "))}`;
      else if (takesValue(o)) line += isPath(o.value) ? " -r -F" : " -x";
      lines.push(`${line} -d ${fishText(o.description)}`);
    }
    const p = positional(c);
    if (p.words.length > 0) lines.push(`complete -c batchc ${when} -a ${fishText(p.words.join(" "))}`);
    else if (p.files) lines.push(`complete -c batchc ${when} -F`);
  }
  return `${lines.join("\n")}\n`;
}
