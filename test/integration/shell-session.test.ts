// The agent's side of a remote shell, on a real pseudo-terminal (node-pty) on this machine:
// output, exit status, resize, idle timeout, flow control under a flood, and nothing left
// running afterwards. (The relay through the server comes with the rest of the shell issue.)
import { describe, expect, it } from 'vitest';
import { startShellSession, type ShellEnd, type ShellSession } from '../../agent/shell/pty-session.js';
import { SHELL_CHUNK_BYTES, SHELL_OUTPUT_WINDOW, type ShellOpen } from '../../protocol/messages/shell.js';
import { eventually } from '../helpers/test-agent.js';

const OPEN: ShellOpen = {
  sessionId: 'sh_0123456789abcdef',
  cols: 100,
  rows: 30,
  technician: 'tom',
  notice: 'none',
  idleTimeoutMs: 60_000,
  maxDurationMs: 600_000,
};

function open(request: Partial<ShellOpen> = {}, autoAck = true) {
  const chunks: Buffer[] = [];
  let end: ShellEnd | null = null;
  let session: ShellSession | null = null;
  const started = startShellSession(
    { ...OPEN, shell: 'sh', ...request },
    {
      output: (chunk) => {
        chunks.push(chunk);
        if (autoAck) setImmediate(() => session?.ack(chunk.length));
      },
      exit: (info) => (end = info),
    },
  );
  if ('refused' in started) throw new Error(started.refused);
  session = started;
  return {
    session: started,
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => chunks.reduce((sum, chunk) => sum + chunk.length, 0),
    end: () => end,
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('agent shell sessions (real pty)', () => {
  it('runs a command, shows its output and reports its exit status', async () => {
    const shell = open({ exec: 'echo hello from the pty; exit 7' });
    await eventually(() => shell.end() !== null, 10_000, 'the exit');
    // Line endings as the command wrote them, not the terminal's \r\n.
    expect(shell.text()).toBe('hello from the pty\n');
    expect(shell.end()).toMatchObject({ exitCode: 7, reason: null });
    expect(shell.end()!.bytesOut).toBeGreaterThan(0);
  });

  it('delivers every byte of a short command that prints a lot before it exits', async () => {
    // node-pty alone can lose the end of such output on Linux; the exit marker makes it exact.
    const shell = open({ exec: 'head -c 300000 /dev/zero | tr "\\0" y' });
    await eventually(() => shell.end() !== null, 20_000, 'the exit');
    expect(shell.bytes()).toBe(300_000);
    expect(shell.text()).toBe('y'.repeat(300_000));
    expect(shell.end()!.exitCode).toBe(0);
  });

  it('follows a resize: stty size reports the new size', async () => {
    const shell = open();
    shell.session.input(Buffer.from('stty size\n'));
    await eventually(() => shell.text().includes('30 100'), 10_000, 'the first size');
    expect(shell.session.resize(120, 40)).toBe(true);
    shell.session.input(Buffer.from('stty size\n'));
    await eventually(() => shell.text().includes('40 120'), 10_000, 'the new size');
    // 0×0 and absurd sizes are refused and change nothing.
    expect(shell.session.resize(0, 0)).toBe(false);
    expect(shell.session.resize(100_000, 3)).toBe(false);
    shell.session.input(Buffer.from('exit\n'));
    await eventually(() => shell.end() !== null, 10_000, 'the exit');
    expect(shell.session.input(Buffer.from('echo late\n'))).toBe(false);
  });

  it('ends an idle session and leaves no process behind', async () => {
    const shell = open({ idleTimeoutMs: 1000 });
    shell.session.input(Buffer.from('sleep 300 &\n'));
    await eventually(() => shell.end() !== null, 10_000, 'the idle timeout');
    expect(shell.end()!.reason).toMatch(/^idle for/);
    expect(alive(shell.session.pid)).toBe(false);
  });

  it('stops reading a flood at the window until the output is acknowledged, and kills it on close', async () => {
    const shell = open({ exec: 'yes' }, false);
    await eventually(() => shell.bytes() >= SHELL_OUTPUT_WINDOW, 10_000, 'a full window');
    // Paused: what arrives after the window fills is at most what was already read. Proving that
    // nothing more comes needs a moment of watching; `yes` would send megabytes in it.
    const atPause = shell.bytes();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shell.bytes() - atPause).toBeLessThanOrEqual(4 * SHELL_CHUNK_BYTES);
    shell.session.ack(shell.bytes());
    await eventually(
      () => shell.bytes() > atPause + SHELL_OUTPUT_WINDOW / 2,
      10_000,
      'output after the acknowledgement',
    );
    shell.session.close('technician closed it');
    await eventually(() => shell.end() !== null, 10_000, 'the end');
    expect(shell.end()!.reason).toBe('technician closed it');
    expect(alive(shell.session.pid)).toBe(false);
  });

  it('refuses a shell that is not on the allowed list and a terminal size out of bounds', () => {
    const hooks = { output: () => undefined, exit: () => undefined };
    expect(startShellSession({ ...OPEN, shell: 'python' }, hooks)).toEqual({
      refused: expect.stringMatching(/shell "python" is not allowed here; allowed: sh/),
    });
    expect(startShellSession({ ...OPEN, cols: 0, rows: 0 }, hooks)).toEqual({
      refused: 'terminal size 0×0 is out of bounds',
    });
  });
});
