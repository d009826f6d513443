#!/usr/bin/env node
import { runCli } from './build-cli.js';

await runCli();
