#!/usr/bin/env node
import { endQuietlyOnBrokenPipe } from '../protocol/cli-output.js';
import { runAgentCli } from './cli.js';

endQuietlyOnBrokenPipe({
  name: 'helpline-agent',
  stdout: process.stdout,
  stderr: process.stderr,
  exit: (code) => process.exit(code),
});
await runAgentCli();
