#!/usr/bin/env node
// The bundle of dist/agent/main.js (scripts/dev/bundle-cli.mjs): loads in a fraction of the time.
import '../dist/bundle/helpline-agent.mjs';
