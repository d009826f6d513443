#!/usr/bin/env node
import { runAgentCli } from './cli.js';

await runAgentCli();
