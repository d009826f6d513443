import { describe, expect, it } from 'vitest';
import { CommandError, createRun, defaultRun, isOnPath } from '../../agent/platform/software/command.js';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('the command should have failed'),
    (error: unknown) => error as CommandError,
  );

describe('running the commands the collectors read', () => {
  it('returns standard output of a real program', async () => {
    expect(await defaultRun('sh', ['-c', 'printf "a\\tb\\n"'])).toBe('a\tb\n');
  });

  it('names the program, its exit code and the first line it wrote to stderr', async () => {
    const error = await failure(defaultRun('sh', ['-c', 'echo; echo "no database" >&2; echo more >&2; exit 3']));
    expect(error).toBeInstanceOf(CommandError);
    expect(error.message).toBe('sh failed (exit code 3): no database');
    expect(error.notFound).toBe(false);
  });

  it('tells a missing program apart from a failing one', async () => {
    const error = await failure(defaultRun('helpline-no-such-tool', []));
    expect(error).toMatchObject({ message: 'helpline-no-such-tool was not found', notFound: true });
  });

  it('stops a program at the time limit and refuses output over the size limit', async () => {
    const slow = await failure(createRun({ timeoutMs: 100 })('sleep', ['5']));
    expect(slow.message).toBe('sleep did not finish within 100 ms');
    const chatty = await failure(createRun({ maxBufferBytes: 1000 })('sh', ['-c', 'head -c 5000 /dev/zero']));
    expect(chatty.message).toBe('sh printed more than 1000 bytes');
  });

  it('finds executables in a search path', () => {
    expect(isOnPath('sh', '/nonexistent:/bin:/usr/bin')).toBe(true);
    expect(isOnPath('helpline-no-such-tool', '/bin:/usr/bin')).toBe(false);
    // A directory or a file without the execute bit is not a program.
    expect(isOnPath('passwd', '/etc')).toBe(false);
  });
});
