// Which shells a technician may ask for on this PC, by name, and how each runs one command.
// The list is the agent's, not the server's: a compromised server cannot name a program.
import { existsSync } from 'node:fs';

export interface ShellProgram {
  name: string;
  file: string;
  /** Arguments that make it run one command and exit with its status. */
  execArgs: (command: string) => string[];
  /** Unix shells end a command with EXIT_MARKER (see below); others rely on the exit event. */
  marksExit: boolean;
}

/**
 * node-pty on Linux can report a short command's exit before the last of its output has been
 * read, and that output is then lost (microsoft/node-pty#72, #726). So on Unix a command runs in
 * a subshell, then the shell prints an invisible terminal sequence with the exit status and
 * waits: once the agent reads the sequence, every byte before it has arrived, and it ends the
 * session itself.
 */
export const EXIT_MARKER_PREFIX = '\u001b]7777;helpline-exit;';
export const EXIT_MARKER_SUFFIX = '\u0007';
// `stty -onlcr` first: a command's output arrives with the line endings it wrote ("\n", not the
// terminal's "\r\n"), as from ssh without a terminal, so it can be redirected to a file as is.
const markedCommand = (command: string) =>
  `stty -onlcr 2>/dev/null\n(\n${command}\n)\n__helpline_status=$?\nprintf '\\033]7777;helpline-exit;%d\\007' "$__helpline_status"\nread __helpline_wait\n`;

const UNIX_SHELLS: Record<string, string[]> = {
  sh: ['/bin/sh'],
  bash: ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'],
  zsh: ['/bin/zsh', '/usr/bin/zsh'],
};

export function availableShells(platform: NodeJS.Platform = process.platform): ShellProgram[] {
  if (platform === 'win32') {
    return [
      {
        name: 'powershell',
        file: 'powershell.exe',
        execArgs: (command) => ['-NoProfile', '-NonInteractive', '-Command', command],
        marksExit: false,
      },
      { name: 'cmd', file: 'cmd.exe', execArgs: (command) => ['/d', '/c', command], marksExit: false },
    ];
  }
  return Object.entries(UNIX_SHELLS).flatMap(([name, candidates]) => {
    const file = candidates.find((candidate) => existsSync(candidate));
    return file ? [{ name, file, execArgs: (command: string) => ['-c', markedCommand(command)], marksExit: true }] : [];
  });
}

/** The named shell, or the platform's default (bash where there is one, else sh; PowerShell on Windows). */
export function pickShell(name: string | undefined, shells = availableShells()): ShellProgram | { refused: string } {
  if (name === undefined)
    return (
      shells.find((shell) => shell.name === 'bash') ?? shells[0] ?? { refused: 'no shell is available on this PC' }
    );
  return (
    shells.find((shell) => shell.name === name) ?? {
      refused: `shell "${name}" is not allowed here; allowed: ${shells.map((shell) => shell.name).join(', ') || 'none'}`,
    }
  );
}
