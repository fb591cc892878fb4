// Entry point of the bundled CLI: run, then exit with the code once output is flushed.
import { main } from './main.js';

// A closed pipe (`awardc check … | head`) ends the run quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const code = await main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
