// The sandbox the maintenance script tests run the real scripts in (scripts/maintenance/*.sh).
//
// How the sandbox works:
// - Every test gets its own directory from mkdtemp and passes it as the script's `root` parameter,
//   so every path a script reads or changes (/tmp, /var/log, /etc/cups, /run/...) is resolved in
//   there. The scripts run with cwd = the sandbox and a cleaned environment: only PATH, HOME (in
//   the sandbox), LANG=C and the HELPLINE_PARAM_* variables, as the runner passes them.
// - Commands that would change this machine (apt-get, dnf, zypper, systemctl, service, cancel,
//   resolvectl, nscd, nmcli, networkctl, dhclient, dhcpcd, journalctl) and tools that are not
//   installed here (smartctl, clamscan, lpstat, needrestart, needs-restarting) are replaced by
//   recording fakes: small sh scripts in <sandbox>/.fakebin, first on PATH, that append their
//   name and arguments (tab-separated) to <sandbox>/.calls.log and print canned output. The
//   scripts look those commands up on PATH by plain name, which is what makes this work. Every
//   sandbox has all of the fakes unless a test removes one.
// - Read-only commands that exist here run for real: find, df, apt-get -s (in one test), awk...
// - To test "tool not installed", PATH is rebuilt from symlinks to this machine's commands
//   minus the hidden ones, so the result does not depend on what this machine has installed.
// - After every test no file named PWNED/PWNED2 may exist in the sandbox, the working directory
//   of the tests or the temp directory: parameters full of shell metacharacters must be refused
//   or used literally, never executed.
// Nothing here waits for a fixed time or looks at how long anything took.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { parseScriptHeader, scriptParamEnvName, type ScriptHeader } from '../../protocol/script-header.js';

export const LIBRARY = fileURLToPath(new URL('../../scripts/maintenance/', import.meta.url));
const SYSTEM_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const FAKED = [
  'apt-get',
  'dnf',
  'zypper',
  'systemctl',
  'service',
  'cancel',
  'lpstat',
  'resolvectl',
  'systemd-resolve',
  'nscd',
  'nmcli',
  'networkctl',
  'dhclient',
  'dhcpcd',
  'smartctl',
  'clamscan',
  'needrestart',
  'needs-restarting',
  'journalctl',
];
const PWNED_NAMES = ['PWNED', 'PWNED2'];
/** A directory name full of shell syntax; a script that evaluated it would create PWNED files. */
export const NASTY = 'odd $(touch PWNED) `touch PWNED2` ; touch PWNED & \'q\' "dq" * |touch PWNED';

export const allScripts = readdirSync(LIBRARY).sort();
export const linuxScripts = allScripts.filter((file) => file.endsWith('.sh') && !file.endsWith('.macos.sh'));
export const headers = new Map<string, ScriptHeader>(
  allScripts.map((file) => {
    const result = parseScriptHeader(readFileSync(join(LIBRARY, file), 'utf8'));
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    return [file, result.header];
  }),
);
export const hasCommand = (name: string) => SYSTEM_PATH.some((dir) => existsSync(join(dir, name)));
export const q = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
export const DAY = 86_400;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'helpline-maint-'));
  readonly bin = join(this.dir, '.fakebin');
  readonly logFile = join(this.dir, '.calls.log');
  private systemPath = SYSTEM_PATH.join(':');

  constructor() {
    mkdirSync(this.bin);
    mkdirSync(join(this.dir, '.home'));
    writeFileSync(this.logFile, '');
    for (const name of FAKED) this.fake(name);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** A recording fake: logs "name<TAB>arg<TAB>arg..." then runs `body` (sh) for its output and exit status. */
  fake(name: string, body = 'exit 0'): void {
    const file = join(this.bin, name);
    writeFileSync(
      file,
      `#!/bin/sh\n{ printf '%s' ${q(name)}; for a in "$@"; do printf '\\t%s' "$a"; done; echo; } >>${q(this.logFile)}\n${body}\n`,
    );
    chmodSync(file, 0o755);
  }

  /** Takes the fake away so that this machine's real (read-only) command runs. */
  real(name: string): void {
    rmSync(join(this.bin, name), { force: true });
  }

  /** Takes the fake away and hides the real command too: PATH becomes symlinks to everything else. */
  remove(...names: string[]): void {
    for (const name of names) rmSync(join(this.bin, name), { force: true });
    const sysbin = join(this.dir, '.sysbin');
    rmSync(sysbin, { recursive: true, force: true });
    mkdirSync(sysbin);
    const hidden = new Set([...names, ...this.hidden]);
    this.hidden = [...hidden];
    for (const dir of SYSTEM_PATH) {
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir)) {
        if (hidden.has(entry) || existsSync(join(sysbin, entry))) continue;
        symlinkSync(join(dir, entry), join(sysbin, entry));
      }
    }
    this.systemPath = sysbin;
  }
  private hidden: string[] = [];

  /** Creates a file (and its directories) last modified `ageDays` ago. */
  file(relative: string, content: string | Buffer = '', ageDays = 0): string {
    const file = this.path(relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    const time = Date.now() / 1000 - ageDays * DAY;
    utimesSync(file, time, time);
    return file;
  }

  mkdir(...relative: string[]): void {
    for (const dir of relative) mkdirSync(this.path(dir), { recursive: true });
  }

  /** The fakes' calls, oldest first, each as [command, ...args]. */
  calls(): string[][] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
  }

  run(script: string, params: Record<string, string> = {}): Promise<Run> {
    const header = headers.get(script);
    if (!header) throw new Error(`no script ${script}`);
    const env: Record<string, string> = { PATH: `${this.bin}:${this.systemPath}`, HOME: this.path('.home'), LANG: 'C' };
    for (const [name, value] of Object.entries(params)) {
      // Only declared parameters, as the runner does: a typo in a test must not pass silently.
      if (!header.params.some((param) => param.name === name)) throw new Error(`${script} has no parameter ${name}`);
      env[scriptParamEnvName(name)] = value;
    }
    const shell = header.interpreter === 'bash' ? '/bin/bash' : '/bin/sh';
    return new Promise((resolve, reject) => {
      const child = spawn(shell, [join(LIBRARY, script)], { cwd: this.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
}

let sandboxes: Sandbox[] = [];
/** Files a test made outside any sandbox (to show a script leaves them alone); removed after each test. */
export const outsideFiles: string[] = [];
export function sandbox(): Sandbox {
  const created = new Sandbox();
  sandboxes.push(created);
  return created;
}

/** Paths below `dir` named PWNED or PWNED2 (symlinks are not followed). */
function pwnedFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (PWNED_NAMES.includes(entry.name)) found.push(full);
    if (entry.isDirectory()) found.push(...pwnedFiles(full));
  }
  return found;
}

/**
 * After every test: no PWNED file anywhere a script could have made one (a parameter executed as
 * shell code), and every sandbox and outside file removed. Each test file calls this once.
 */
export function checkSandboxesAfterEach(): void {
  afterEach(() => {
    const pwned = sandboxes.flatMap((created) => pwnedFiles(created.dir));
    for (const dir of [process.cwd(), tmpdir()])
      for (const name of PWNED_NAMES) if (existsSync(join(dir, name))) pwned.push(join(dir, name));
    for (const created of sandboxes) rmSync(created.dir, { recursive: true, force: true });
    for (const file of outsideFiles.splice(0)) rmSync(file, { recursive: true, force: true });
    sandboxes = [];
    expect(pwned, 'a parameter was executed as shell code').toEqual([]);
  });
}
