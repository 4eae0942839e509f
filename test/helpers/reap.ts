import type { ChildProcess } from 'node:child_process';

/**
 * Children a test file started (redis-server, proxy processes), stopped if the file itself is ended
 * early: Stryker's TAP runner ends a test file with SIGTERM at its first failure, which skips the
 * file's `after` hooks and used to leave redis-servers and proxies running (13 after one run).
 */
const children = new Set<ChildProcess>();
let installed = false;

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
  children.clear();
}

export function reapOnExit(child: ChildProcess): ChildProcess {
  if (!installed) {
    installed = true;
    process.on('exit', stopAll);
    process.once('SIGTERM', () => {
      stopAll();
      process.exit(143);
    });
  }
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
