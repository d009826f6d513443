// Every maintenance script: parameters read from their variables, never evaluated, and valid syntax.
// How the sandbox works: test/helpers/maintenance-sandbox.ts.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptParamEnvName } from '../../protocol/script-header.js';
import {
  allScripts,
  checkSandboxesAfterEach,
  DAY,
  headers,
  LIBRARY,
  linuxScripts,
  NASTY,
  sandbox,
} from '../helpers/maintenance-sandbox.js';

checkSandboxesAfterEach();

describe('every maintenance script', () => {
  it.each(allScripts)(
    '%s reads each declared parameter from its HELPLINE_PARAM_ variable and never evaluates it',
    (file) => {
      const text = readFileSync(join(LIBRARY, file), 'utf8');
      const code = text
        .split('\n')
        .filter((line) => !/^\s*#/.test(line))
        .join('\n');
      const declared = headers
        .get(file)!
        .params.map((param) => scriptParamEnvName(param.name))
        .sort();
      if (file.endsWith('.ps1')) {
        const used = [
          ...new Set([...code.matchAll(/\$env:(HELPLINE_PARAM_[A-Z0-9_]+)/g)].map((match) => match[1]!)),
        ].sort();
        expect(used).toEqual(declared);
        expect(code).not.toMatch(/Invoke-Expression|\biex\b|\[scriptblock\]::Create|Add-Type|-EncodedCommand/i);
      } else {
        const used = [
          ...new Set([...code.matchAll(/\$\{?(HELPLINE_PARAM_[A-Z0-9_]+)/g)].map((match) => match[1]!)),
        ].sort();
        expect(used).toEqual(declared);
        expect(code).not.toMatch(/\beval\b|\b(sh|bash) -c\b|\bsource\b|^\s*\. /m);
        // Each parameter is copied once into a shell variable with a default: ${HELPLINE_PARAM_X:-...}.
        for (const name of declared) expect(code).toMatch(new RegExp(`=\\$\\{${name}:-`));
      }
      // No placeholder a runner could paste values into.
      expect(code).not.toMatch(/\{\{|%HELPLINE_PARAM|\$HELPLINE_PARAM_[A-Z_]+%/);
    },
  );

  it.each(linuxScripts)('%s (Linux) takes a root parameter defaulting to /', (file) => {
    expect(headers.get(file)!.params.find((param) => param.name === 'root')).toMatchObject({
      type: 'path',
      default: '/',
    });
  });

  it.each(allScripts.filter((file) => file.endsWith('.sh')))(
    '%s is valid shell syntax for its interpreter',
    async (file) => {
      const shell = headers.get(file)!.interpreter === 'bash' ? '/bin/bash' : '/bin/sh';
      const result = await new Promise<number | null>((resolve) =>
        spawn(shell, ['-n', join(LIBRARY, file)], { stdio: 'ignore' }).on('close', resolve),
      );
      expect(result).toBe(0);
    },
  );

  // Every integer, boolean and string parameter refuses a value with shell syntax in it (exit 2).
  const badValues = linuxScripts.flatMap((file) =>
    headers
      .get(file)!
      .params.filter((param) => param.type !== 'path')
      .map((param) => [file, param.name] as const),
  );
  it.each(badValues)('%s refuses %s="1; touch PWNED" with exit 2', async (file, name) => {
    const sb = sandbox();
    const result = await sb.run(file, { [name]: '1; touch PWNED', root: sb.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(name);
    expect(result.stderr).toContain('"1; touch PWNED"');
  });

  it.each(linuxScripts)('%s uses a root full of shell syntax literally', async (file) => {
    const sb = sandbox();
    const root = sb.path(NASTY);
    for (const dir of ['tmp', 'var/tmp', 'var/log', 'home/ann/.cache', 'run'])
      mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'tmp', 'old'), 'x');
    writeFileSync(join(root, 'run', 'reboot-required'), '');
    utimesSync(join(root, 'tmp', 'old'), Date.now() / 1000 - 30 * DAY, Date.now() / 1000 - 30 * DAY);
    const params: Record<string, string> = { root };
    const declared = headers.get(file)!.params.map((param) => param.name);
    if (declared.includes('dry_run')) params.dry_run = '1';
    if (declared.includes('refresh')) params.refresh = '0';
    const result = await sb.run(file, params);
    expect([0, 1, 3]).toContain(result.code);
    expect(result.stderr).not.toMatch(/syntax error|bad substitution|unexpected/i);
    const mentioned = result.stdout.includes(root) || sb.calls().some((call) => call.some((arg) => arg.includes(root)));
    if (file !== 'check-disks.sh' && file !== 'os-updates.sh' && file !== 'flush-dns-renew-dhcp.sh')
      expect(mentioned).toBe(true);
  });

  it.each(linuxScripts.filter((file) => headers.get(file)!.params.some((param) => param.name === 'root')))(
    '%s refuses a relative or missing root',
    async (file) => {
      const sb = sandbox();
      expect((await sb.run(file, { root: 'relative/dir' })).code).toBe(2);
      const missing = await sb.run(file, { root: sb.path('missing') });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('is not a directory');
    },
  );
});
