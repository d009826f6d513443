#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { endQuietlyOnBrokenPipe } from '../../protocol/cli-output.js';
import { runCli } from './build-cli.js';

// fetch parses HTTP with a WebAssembly module that V8 starts to recompile, optimised, in the
// background as soon as it has run a little, and node waits for that compilation before it exits:
// 100-250 ms of CPU and of waiting after even the smallest answer. A CLI parses a few answers, for
// which the baseline compiler's code is as good; a budget this size never runs out.
setFlagsFromString('--wasm-tiering-budget=1000000000');
endQuietlyOnBrokenPipe({
  name: 'helpline',
  stdout: process.stdout,
  stderr: process.stderr,
  exit: (code) => process.exit(code),
});
await runCli();
