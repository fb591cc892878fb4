// Entry point of the bundled CLI (CommonJS, started by bin/awardc.cjs through code-cache.ts): run, then
// exit with the code once output is flushed.
import { main } from './main.js';

// A closed pipe (`awardc check … | head`) ends the run quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

void main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
