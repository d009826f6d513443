// `npm run bench:web` runs to its end in chromium and reports every figure it promises; the
// figures depend on the machine, so none is checked beyond being there and being sane.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../../dist/scripts/dev/bench-web.js', import.meta.url));

describe('bench:web', () => {
  it('loads the fleet page of 300 devices, types 6 keys, loads a queue of 500 tickets and prints the figures as JSON on the last line', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [BENCH, '--devices', '300', '--tickets', '500', '--loads', '2', '--keystrokes', '6', '--json'],
      { timeout: 170_000 },
    );
    const lines = stdout.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    const spread = {
      median: expect.any(Number),
      max: expect.any(Number),
      runs: [expect.any(Number), expect.any(Number)],
    };
    expect(result).toMatchObject({
      devices: 300,
      loads: 2,
      firstRowsMs: spread,
      interactiveMs: spread,
      keystrokeMs: { count: 6, p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) },
      bundle: { bytes: expect.any(Number), gzipBytes: expect.any(Number) },
      tickets: 500,
      queueFirstRowsMs: spread,
      withinGoals: expect.any(Boolean),
    });
    const bundle = result.bundle as { files: Array<{ file: string }>; gzipBytes: number; bytes: number };
    // The first page is one script and one stylesheet at least, and gzip made them smaller.
    expect(bundle.files.map((file) => file.file.split('.').pop()).sort()).toEqual(
      expect.arrayContaining(['css', 'js']),
    );
    expect(bundle.gzipBytes).toBeLessThan(bundle.bytes);
    const interactive = result.interactiveMs as { runs: number[] };
    const firstRows = result.firstRowsMs as { runs: number[] };
    // Interactive never comes before the rows are there.
    interactive.runs.forEach((ms, index) => expect(ms).toBeGreaterThanOrEqual(firstRows.runs[index]!));
    expect(stdout).toMatch(/search keystroke +p50 [\d.]+ ms +p99 [\d.]+ ms/);
  }, 180_000);
});
