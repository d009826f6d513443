#!/usr/bin/env node
import '../dist/console/cli/main.js';
