// Serves GELU Lab in code-server on 127.0.0.1 with the sample workspace; started by scripts/start.js
// (`npm start -- --help` lists the options). Everything one run writes lives in
// .e2e-cache/demo-<port>/, claimed with a lock for the run, so a second `npm start` never touches a
// running one's profile or log.
import * as path from 'node:path';
import { packageExtension, startCodeServer, type CodeServer } from '../test/support/codeServer';
import { HELP, StartUsageError, assertPortFree, claimDemoDir, demoDir, parseStartArgs } from './startOptions';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const options = parseStartArgs(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  const { port, web } = options;
  const runDir = demoDir(root, port);
  const release = claimDemoDir(runDir, port);
  let startup: Promise<CodeServer | undefined> = Promise.resolve(undefined);
  let stopping = false;
  // A signal during startup waits for code-server to be up (or to fail), then stops it: it runs in
  // its own process group and would outlive this process.
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    void startup.catch(() => undefined).then((running) => running?.stop()).finally(() => {
      release();
      if (code === 0) console.log('GELU Lab stopped.');
      process.exit(code);
    });
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  let server: CodeServer;
  let vsix: string;
  try {
    await assertPortFree(port);
    console.log('Packaging GELU Lab…');
    vsix = packageExtension({ quiet: true });
    await assertPortFree(port); // again: packaging takes a while
    console.log(`Starting VS Code (code-server) on port ${port}…`);
    startup = startCodeServer(runDir, vsix, { port, keepWorkspace: true, webOnly: web, quiet: true });
    server = (await startup) as CodeServer;
  } catch (error) {
    console.error(`npm start: ${error instanceof StartUsageError ? error.message : error instanceof Error ? error.stack ?? error.message : String(error)}`);
    stop(1);
    return;
  }
  if (stopping) return;
  void server.exited.then((code) => {
    if (stopping) return;
    console.error(`npm start: code-server stopped unexpectedly (exit ${code}); see ${path.relative(root, server.logFile)}`);
    stop(1);
  });
  console.log(`
GELU Lab is running in VS Code${web ? ' (extension in a web worker, as on vscode.dev)' : ''}:

    ${server.url}/?folder=${encodeURIComponent(server.workspace)}

Log: ${path.relative(root, server.logFile)}
Desktop VS Code: code --install-extension ${path.relative(root, vsix)}
Ctrl+C stops it.`);
}

void main();
