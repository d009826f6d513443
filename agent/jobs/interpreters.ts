// How each interpreter runs a script file, per OS. The script is always a file in a private
// directory and arguments never become part of its text or command line (they are environment
// variables), so no quoting can go wrong.
import type { JobInterpreter } from '../../protocol/messages/jobs.js';

export interface InterpreterCommand {
  command: string;
  args: (file: string) => string[];
  extension: string;
}

export function interpreterCommand(
  interpreter: JobInterpreter,
  platform: NodeJS.Platform = process.platform,
): InterpreterCommand | null {
  const windows = platform === 'win32';
  switch (interpreter) {
    case 'sh':
      return windows ? null : { command: 'sh', args: (file) => [file], extension: '.sh' };
    case 'bash':
      return windows ? null : { command: 'bash', args: (file) => [file], extension: '.sh' };
    case 'powershell':
      return {
        command: windows ? 'powershell.exe' : 'pwsh',
        args: (file) => ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', file],
        extension: '.ps1',
      };
    case 'cmd':
      return windows ? { command: 'cmd.exe', args: (file) => ['/d', '/c', file], extension: '.cmd' } : null;
    case 'python':
      return { command: windows ? 'python.exe' : 'python3', args: (file) => [file], extension: '.py' };
    case 'node':
      // This agent's own Node: always there, whatever the PATH says.
      return { command: process.execPath, args: (file) => [file], extension: '.cjs' };
  }
}
