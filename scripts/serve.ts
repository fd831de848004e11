// Serves GELU Lab in code-server on 127.0.0.1 with the sample workspace (see scripts/start.js).
// Options: --port N (default: a free port); --web runs the extension from its `browser` bundle in
// the workbench's web worker extension host, as VS Code for the Web (vscode.dev) would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageExtension, startCodeServer } from '../test/support/codeServer';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const portArg = process.argv.indexOf('--port');
  const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : undefined;
  const vsix = packageExtension();
  const profile = path.join(root, '.e2e-cache', 'demo');
  fs.mkdirSync(profile, { recursive: true });
  const webOnly = process.argv.includes('--web');
  const server = await startCodeServer(profile, vsix, { port, keepWorkspace: true, webOnly });
  console.log(`\nGELU Lab is running in VS Code (code-server${webOnly ? ', web worker extension host' : ''}): ${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
  console.log(`Desktop VS Code users: code --install-extension ${vsix}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => { void server.stop().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });
