#!/usr/bin/env node
import { runServerCli } from './cli.js';

await runServerCli();
