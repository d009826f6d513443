// `npm run bench:cli` runs to its end and reports every figure it promises; the figures themselves
// depend on the machine, so none is checked here beyond being there.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../../dist/scripts/dev/bench-cli.js', import.meta.url));

describe('bench:cli', () => {
  it('times every command with --runs 2 and prints the figures as JSON on the last line', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BENCH, '--runs', '2', '--json'], {
      timeout: 170_000,
    });
    const lines = stdout.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    const times = { runs: 2, medianMs: expect.any(Number), p90Ms: expect.any(Number) };
    expect(result).toMatchObject({
      runs: 2,
      devices: 1000,
      baseline: { name: 'node -e 0', ...times },
      commands: [
        { name: 'helpline --help', ...times, ratio: expect.any(Number) },
        { name: 'helpline devices list', ...times, ratio: expect.any(Number) },
        { name: 'helpline-agent status', ...times, ratio: expect.any(Number) },
      ],
      goalRatio: 4,
      withinGoal: expect.any(Boolean),
    });
    expect(stdout).toMatch(/helpline devices list +median +\d+ ms +p90 +\d+ ms +[\d.]+×/);
  }, 180_000);

  it('refuses a bad --runs with what was wrong (exit 2)', async () => {
    const run = promisify(execFile)(process.execPath, [BENCH, '--runs', 'many']);
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--runs must be a positive integer'),
    });
  });
});
