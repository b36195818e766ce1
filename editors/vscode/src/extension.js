// The bdl extension: starts `bdl lsp` for .bdl files and passes it the user's settings. Everything
// the editor shows about a declaration (diagnostics, hover, completion, quick fixes, formatting,
// outline, colours, inlay hints) comes from the server; without it the extension still gives the
// TextMate colours, comment toggling, bracket matching and indentation (package.json).
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

function settings() {
  const config = vscode.workspace.getConfiguration("bdl");
  const path = config.get("server.path") || "bdl";
  const locale = config.get("locale") || vscode.env.language;
  const options = {
    locale,
    pinyinInitials: config.get("completion.pinyinInitials") === true,
  };
  const pages = config.get("diagnosticPages");
  if (pages) {
    options.diagnosticPages = pages;
  }
  return { path, options };
}

async function start(context) {
  const { path, options } = settings();
  const server = { command: path, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "bdl",
    "bdl",
    { run: server, debug: server },
    {
      documentSelector: [{ language: "bdl" }],
      initializationOptions: options,
    },
  );
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    const open = "Open settings";
    const choice = await vscode.window.showErrorMessage(
      `bdl: could not start \`${path} lsp\` (${error && error.message ? error.message : error}). ` +
        "Install bdl (cargo install --path .) or set bdl.server.path.",
      open,
    );
    if (choice === open) {
      vscode.commands.executeCommand("workbench.action.openSettings", "bdl.server.path");
    }
  }
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("bdl.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("bdl")) {
        await vscode.commands.executeCommand("bdl.restartServer");
      }
    }),
  );
  await start(context);
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
