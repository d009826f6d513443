#!/usr/bin/env node
import { endQuietlyOnBrokenPipe } from '../../protocol/cli-output.js';
import { runCli } from './build-cli.js';

endQuietlyOnBrokenPipe({
  name: 'helpline',
  stdout: process.stdout,
  stderr: process.stderr,
  exit: (code) => process.exit(code),
});
await runCli();
