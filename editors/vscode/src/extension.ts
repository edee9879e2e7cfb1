// The VS Code extension for .batch files: highlighting comes from the TextMate grammar; the
// rest (diagnostics, completion, hover, navigation, formatting, rename) from `batchc lsp
// --stdio`, started with the `batchc` the `batchc.path` setting names.
import { commands, window, workspace, type ExtensionContext } from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const command = workspace.getConfiguration("batchc").get<string>("path") || "batchc";
  const server: ServerOptions = { command, args: ["lsp", "--stdio"] };
  const options: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "batch" }, { scheme: "untitled", language: "batch" }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.{csv,tsv,json,txt}") },
  };
  client = new LanguageClient("batchc", "batchc", server, options);
  context.subscriptions.push(
    commands.registerCommand("batchc.refreshDataFiles", () => client?.sendRequest("workspace/executeCommand", { command: "batch.refreshDataFiles", arguments: [] })),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("batchc.path")) void window.showInformationMessage("batchc: reload the window to use the new batchc.path");
    }),
  );
  try {
    await client.start();
  } catch (err) {
    void window.showErrorMessage(`batchc: cannot start \`${command} lsp --stdio\` (${err instanceof Error ? err.message : String(err)}); set batchc.path to the batchc executable`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
