import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SCRIPT_INTERPRETERS,
  SCRIPT_PARAM_NAME_PATTERN,
  isValidParamValue,
  parseScriptHeader,
  scriptParamEnvName,
  type ScriptHeader,
} from '../../protocol/script-header.js';

const LIBRARY = new URL('../../scripts/maintenance/', import.meta.url);
const files = readdirSync(LIBRARY)
  .filter((name) => !name.startsWith('.'))
  .sort();

const HEADER = [
  '#!/bin/sh',
  '# helpline-script: clean-temp',
  '# description: Deletes temporary files and caches older than N days.',
  "# changes: Deletes files under /tmp, /var/tmp and users' ~/.cache older than `days` days.",
  '# interpreter: sh',
  '# platforms: linux',
  '# timeout: 10m',
  '# elevation: required',
  '# param: days integer default=7 Delete files older than this many days (1-3650).',
  '# param: dry_run boolean default=0 Only list what would be deleted.',
  '# param: root path default=/ Resolve every path under this directory (for tests).',
  '',
  '# Free comment after the header: not part of it.',
  'set -u',
];

/** The example header with line `lineNumber` (1-based) replaced, or removed when `text` is null. */
function withLine(lineNumber: number, text: string | null): string {
  const lines = [...HEADER];
  if (text === null) lines.splice(lineNumber - 1, 1);
  else lines[lineNumber - 1] = text;
  return lines.join('\n');
}

function errorOf(text: string): string {
  const result = parseScriptHeader(text);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.header)}`);
  return result.error;
}

describe('parseScriptHeader', () => {
  it('reads the documented example', () => {
    const result = parseScriptHeader(HEADER.join('\n'));
    expect(result).toEqual({
      ok: true,
      header: {
        name: 'clean-temp',
        description: 'Deletes temporary files and caches older than N days.',
        changes: "Deletes files under /tmp, /var/tmp and users' ~/.cache older than `days` days.",
        interpreter: 'sh',
        platforms: ['linux'],
        timeoutMs: 600_000,
        elevation: true,
        params: [
          {
            name: 'days',
            type: 'integer',
            default: '7',
            description: 'Delete files older than this many days (1-3650).',
          },
          { name: 'dry_run', type: 'boolean', default: '0', description: 'Only list what would be deleted.' },
          {
            name: 'root',
            type: 'path',
            default: '/',
            description: 'Resolve every path under this directory (for tests).',
          },
        ],
      } satisfies ScriptHeader,
    });
  });

  it('accepts CRLF line ends, a byte order mark, no shebang, several platforms, no params, empty and missing defaults', () => {
    const text =
      '\uFEFF# helpline-script: tidy\r\n# description: d\r\n# changes: c\r\n# interpreter: powershell\r\n# platforms: windows, linux\r\n' +
      '# timeout: 90s\r\n# elevation: none\r\n\r\nWrite-Output hi\r\n';
    const result = parseScriptHeader(text);
    expect(result.ok && result.header).toMatchObject({
      name: 'tidy',
      interpreter: 'powershell',
      platforms: ['windows', 'linux'],
      timeoutMs: 90_000,
      elevation: false,
      params: [],
    });

    const params = parseScriptHeader(withLine(9, '# param: label string default= Text, may be empty.') + '\n');
    expect(params.ok && params.header.params[0]).toEqual({
      name: 'label',
      type: 'string',
      default: '',
      description: 'Text, may be empty.',
    });
    const required = parseScriptHeader(withLine(9, '# param: dir path Folder of the logs.'));
    expect(required.ok && required.header.params[0]).toEqual({
      name: 'dir',
      type: 'path',
      default: null,
      description: 'Folder of the logs.',
    });
  });

  it('ends the header at the first line that is not "# ..." so later comments are free text', () => {
    const text = withLine(12, '#') + '\n# note: not a header key';
    expect(parseScriptHeader(text).ok).toBe(true);
  });

  it('says when there is no header', () => {
    expect(errorOf('')).toBe('no helpline-script header');
    expect(errorOf('#!/bin/sh\necho hello\n')).toBe('no helpline-script header');
    expect(errorOf('#!/bin/sh\n# Some script\n# helpline-script: x\n')).toBe('no helpline-script header');
  });

  it('names the line and what is wrong', () => {
    expect(errorOf(withLine(5, '# interpreter: perl'))).toBe(
      'line 5: unknown interpreter "perl"; use one of sh, bash, powershell, cmd, python, node',
    );
    expect(errorOf(withLine(2, '# helpline-script: Clean_Temp'))).toMatch(
      /^line 2: script name "Clean_Temp" must be kebab-case/,
    );
    expect(errorOf(withLine(6, '# platforms: linux,beos'))).toMatch(/^line 6: unknown platform "beos"/);
    expect(errorOf(withLine(6, '# platforms: linux,linux'))).toMatch(/^line 6: .*names a platform twice/);
    expect(errorOf(withLine(7, '# timeout: soon'))).toBe(
      'line 7: timeout "soon" is not a duration like 30s, 10m or 1h',
    );
    expect(errorOf(withLine(7, '# timeout: 3d'))).toMatch(/^line 7: timeout "3d" is longer than/);
    expect(errorOf(withLine(8, '# elevation: admin'))).toBe('line 8: elevation "admin" must be "required" or "none"');
    expect(errorOf(withLine(3, '# description:'))).toBe('line 3: "description" has no value');
    expect(errorOf(withLine(3, '# author: me'))).toMatch(
      /^line 3: unknown header key "author"; use one of helpline-script, description/,
    );
    expect(errorOf(withLine(3, '#  description: indented'))).toMatch(/^line 3: expected "# key: value"/);
  });

  it('wants the keys once each and in order, with every required key present', () => {
    expect(errorOf(withLine(4, '# description: again'))).toBe('line 4: "description" given twice');
    expect(errorOf(withLine(4, '# timeout: 5m'))).toMatch(/^line 5: "interpreter" must come before "timeout"/);
    expect(errorOf(withLine(9, '# elevation: none'))).toBe('line 9: "elevation" given twice');
    expect(errorOf(withLine(9, '# interpreter: sh'))).toBe('line 9: "interpreter" given twice');
    const swapped = [...HEADER];
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    expect(errorOf(swapped.join('\n'))).toMatch(/^line 6: "interpreter" must come before "platforms"/);
    expect(errorOf(withLine(4, null))).toBe('header ends at line 11 without "changes"');
    expect(errorOf(HEADER.slice(0, 5).join('\n'))).toBe(
      'header ends at line 6 without "platforms", "timeout", "elevation"',
    );
  });

  it('checks every param: name, type, default and description', () => {
    expect(errorOf(withLine(9, '# param: Days integer default=7 d'))).toMatch(/^line 9: param name "Days" must match/);
    expect(errorOf(withLine(9, '# param: days-old integer default=7 d'))).toMatch(/^line 9: param name "days-old"/);
    expect(errorOf(withLine(9, `# param: ${'a'.repeat(33)} integer default=7 d`))).toMatch(/^line 9: param name/);
    expect(errorOf(withLine(9, '# param: days number default=7 d'))).toBe(
      'line 9: param "days": unknown type "number"; use one of integer, boolean, string, path',
    );
    expect(errorOf(withLine(9, '# param: days integer default=seven d'))).toBe(
      'line 9: param "days": default "seven" is not a valid integer (expected a whole number)',
    );
    expect(errorOf(withLine(9, '# param: days integer default= d'))).toMatch(
      /^line 9: param "days": default "" is not a valid integer/,
    );
    expect(errorOf(withLine(10, '# param: dry_run boolean default=yes d'))).toBe(
      'line 10: param "dry_run": default "yes" is not a valid boolean (expected 0 or 1)',
    );
    expect(errorOf(withLine(9, '# param: days integer default=7'))).toBe('line 9: param "days" has no description');
    expect(errorOf(withLine(9, '# param: days'))).toMatch(
      /^line 9: param must read "<name> <type> \[default=<value>\] <description>"/,
    );
    expect(errorOf(withLine(10, '# param: days boolean default=0 again'))).toBe('line 10: param "days" declared twice');
  });

  it('exports the lists and helpers the runner shares', () => {
    expect(SCRIPT_INTERPRETERS).toEqual(['sh', 'bash', 'powershell', 'cmd', 'python', 'node']);
    for (const good of ['days', 'dry_run', 'a', `a${'b'.repeat(31)}`])
      expect(SCRIPT_PARAM_NAME_PATTERN.test(good)).toBe(true);
    for (const bad of ['Days', '1days', '_x', 'a-b', 'a b', '', `a${'b'.repeat(32)}`, 'days\n'])
      expect(SCRIPT_PARAM_NAME_PATTERN.test(bad)).toBe(false);
    expect(scriptParamEnvName('dry_run')).toBe('HELPLINE_PARAM_DRY_RUN');
    expect(isValidParamValue('integer', '-12')).toBe(true);
    expect(isValidParamValue('integer', '7; touch PWNED')).toBe(false);
    expect(isValidParamValue('boolean', 'true')).toBe(false);
    expect(isValidParamValue('string', '$(touch PWNED)')).toBe(true); // scripts use it literally
    expect(isValidParamValue('path', '/tmp/a\nb')).toBe(false);
  });
});

describe('the shipped maintenance library', () => {
  it('has the scripts the issue asks for, for Linux and Windows, and macOS where they apply', () => {
    const names = [
      'clean-temp',
      'check-disks',
      'os-updates',
      'restart-print-spooler',
      'flush-dns-renew-dhcp',
      'pending-reboot',
      'antivirus-quick-scan',
      'rotate-logs',
    ];
    for (const name of names) expect(files).toEqual(expect.arrayContaining([`${name}.sh`, `${name}.ps1`]));
    for (const name of ['clean-temp', 'flush-dns-renew-dhcp', 'pending-reboot', 'os-updates', 'rotate-logs'])
      expect(files).toContain(`${name}.macos.sh`);
    for (const file of files) expect(file).toMatch(/^[a-z0-9-]+(\.macos\.sh|\.sh|\.ps1)$/);
  });

  it.each(files)('%s has a valid header matching its file name and extension', (file) => {
    const text = readFileSync(new URL(file, LIBRARY), 'utf8');
    const result = parseScriptHeader(text);
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    const header = result.header;
    expect(header.name).toBe(file.replace(/(\.macos)?\.(sh|ps1)$/, ''));
    if (file.endsWith('.ps1')) {
      expect(header.platforms).toEqual(['windows']);
      expect(header.interpreter).toBe('powershell');
    } else {
      expect(header.platforms).toEqual([file.endsWith('.macos.sh') ? 'macos' : 'linux']);
      expect(['sh', 'bash']).toContain(header.interpreter);
      // The shebang and the header say the same shell.
      expect(text.split('\n')[0]).toBe(header.interpreter === 'sh' ? '#!/bin/sh' : '#!/bin/bash');
    }
    expect(header.description.length).toBeGreaterThan(20);
    expect(header.changes.length).toBeGreaterThan(5);
    expect(text.split('\n').length).toBeLessThanOrEqual(160);
    // A script that changes something can be tried first.
    if (!/^Nothing/.test(header.changes) && header.name !== 'antivirus-quick-scan') {
      expect(header.params.map((param) => param.name)).toContain('dry_run');
    }
  });
});
