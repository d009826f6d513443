// The scripts and jobs pages' own reading, before or without the server: the run form's checks
// and the request it becomes, which field a server refusal is about, a job's duration in both
// languages, a run's progress, and the jobs list's filters in the address.
import { describe, expect, it } from 'vitest';
import type { ScriptParam } from '../../protocol/api/scripts.js';
import {
  formatJobDuration,
  jobDurationMs,
  jobFilterFromSearch,
  jobSearchOf,
  NO_JOB_FILTER,
  runProgress,
  statusTone,
} from '../../console/web/state/job-view.js';
import { readScriptDraft } from '../../console/web/state/script-draft.js';
import {
  emptyRunForm,
  fieldOfRunMessage,
  matchesDeviceSearch,
  runRequestOf,
} from '../../console/web/state/run-form.js';

const PARAMS: ScriptParam[] = [
  { name: 'who', type: 'string', default: null, description: 'who to greet' },
  { name: 'times', type: 'integer', default: '1', description: 'how many times' },
  { name: 'loud', type: 'boolean', default: '0', description: 'shout' },
];

describe('run form', () => {
  it('names what is missing or wrong before anything is sent', () => {
    expect(runRequestOf('greet', PARAMS, emptyRunForm())).toEqual({
      problems: { target: 'noDevices', 'arg:who': 'required' },
    });
    const typed = { ...emptyRunForm(), targetKind: 'group' as const, args: { who: 'Ada', times: 'two', loud: 'yes' } };
    expect(runRequestOf('greet', PARAMS, typed)).toEqual({
      problems: { target: 'noGroup', 'arg:times': 'badValue', 'arg:loud': 'badValue' },
    });
    expect(
      runRequestOf('greet', PARAMS, { ...emptyRunForm(), targetKind: 'tag', tag: ' ', args: { who: 'a\nb' } }),
    ).toEqual({ problems: { target: 'noTag', 'arg:who': 'badValue' } });
  });

  it('sends only the chosen target and the arguments given, leaving defaults to the server', () => {
    const devices = {
      ...emptyRunForm(),
      deviceIds: ['dev_1', 'dev_2'],
      group: 'ignored',
      args: { who: 'Ada', times: '' },
    };
    expect(runRequestOf('greet', PARAMS, devices)).toEqual({
      request: { script: 'greet', deviceIds: ['dev_1', 'dev_2'], args: { who: 'Ada' } },
    });
    const group = { ...emptyRunForm(), targetKind: 'group' as const, group: ' office ', args: { who: 'x', loud: '1' } };
    expect(runRequestOf('greet', PARAMS, group)).toEqual({
      request: { script: 'greet', group: 'office', args: { who: 'x', loud: '1' } },
    });
    expect(runRequestOf('tidy', [], { ...emptyRunForm(), targetKind: 'tag', tag: 'kiosk' })).toEqual({
      request: { script: 'tidy', tag: 'kiosk' },
    });
  });

  it('puts a server refusal next to the field it is about', () => {
    expect(fieldOfRunMessage('script greet needs the parameter "who" (who to greet)', PARAMS)).toBe('arg:who');
    expect(fieldOfRunMessage('parameter "times" must be a whole number, not "x"', PARAMS)).toBe('arg:times');
    expect(
      fieldOfRunMessage('group x has no active device that runs greet (linux); 0 active devices in it', PARAMS),
    ).toBe('target');
    expect(fieldOfRunMessage('no active device dev_9', PARAMS)).toBe('target');
    expect(fieldOfRunMessage('the job signing key is kept off this server', PARAMS)).toBe('form');
  });

  it('finds devices by every word typed, in name, group or platform', () => {
    const device = { name: 'Lab-PC', group: 'Office 2', platform: 'linux' };
    expect(matchesDeviceSearch(device, '')).toBe(true);
    expect(matchesDeviceSearch(device, 'lab LINUX')).toBe(true);
    expect(matchesDeviceSearch(device, 'office windows')).toBe(false);
  });
});

describe('script draft', () => {
  const text = [
    '# helpline-script: say-name',
    '# description: Prints the name.',
    '# changes: Nothing.',
    '# interpreter: sh',
    '# platforms: linux, macos',
    '# timeout: 2m',
    '# elevation: required',
    '# param: loud boolean default=0 Shout it.',
    'hostname',
  ].join('\n');

  it('reads the request from the header, as the CLI does for a file', () => {
    expect(readScriptDraft(text)).toEqual({
      kind: 'ok',
      request: {
        name: 'say-name',
        description: 'Prints the name.',
        changes: 'Nothing.',
        interpreter: 'sh',
        body: text,
        params: [{ name: 'loud', type: 'boolean', default: '0', description: 'Shout it.' }],
        timeoutMs: 120_000,
        platforms: ['linux', 'macos'],
        elevation: true,
      },
    });
  });

  it('names a missing or wrong header and a script too big for a job', () => {
    expect(readScriptDraft('  \n')).toEqual({ kind: 'empty' });
    expect(readScriptDraft('echo hi\n')).toMatchObject({ kind: 'problem', problem: 'noHeader' });
    expect(readScriptDraft(text.replace('timeout: 2m', 'timeout: soon'))).toMatchObject({
      kind: 'problem',
      problem: 'header',
      message: expect.stringContaining('timeout "soon" is not a duration'),
    });
    expect(readScriptDraft(`${text}\n${'#'.repeat(300 * 1024)}`)).toMatchObject({ kind: 'problem', problem: 'tooBig' });
  });
});

describe('job view', () => {
  it('measures a job from start to finish, or to now while it runs', () => {
    const startedAt = '2026-12-07T12:00:00.000Z';
    expect(jobDurationMs({ startedAt: null, finishedAt: null }, Date.now())).toBeNull();
    expect(jobDurationMs({ startedAt, finishedAt: '2026-12-07T12:02:05.000Z' }, 0)).toBe(125_000);
    expect(jobDurationMs({ startedAt, finishedAt: null }, Date.parse(startedAt) + 3_000)).toBe(3_000);
  });

  it('writes durations in the reader’s language', () => {
    expect(formatJobDuration(400, 'en')).toBe('0.4 sec');
    expect(formatJobDuration(42_000, 'en')).toBe('42 sec');
    expect(formatJobDuration(125_000, 'en')).toBe('2 min 5 sec');
    expect(formatJobDuration(3_780_000, 'en')).toBe('1 hr 3 min');
    expect(formatJobDuration(120_000, 'ru')).toBe('2 мин');
  });

  it('counts a run’s finished, succeeded and other jobs, and colours statuses by outcome', () => {
    const statuses = ['queued', 'running', 'succeeded', 'failed', 'expired'] as const;
    expect(runProgress(statuses.map((status) => ({ status })))).toEqual({
      total: 5,
      finished: 3,
      succeeded: 1,
      unsuccessful: 2,
    });
    expect(statuses.map(statusTone)).toEqual(['waiting', 'running', 'ok', 'bad', 'bad']);
  });

  it('keeps the filters in the address and ignores a status that is not one', () => {
    const filter = { ...NO_JOB_FILTER, run: 'run_abc', script: 'greet' };
    expect(jobSearchOf(filter)).toBe('?run=run_abc&script=greet');
    expect(jobFilterFromSearch(jobSearchOf(filter))).toEqual(filter);
    expect(jobSearchOf(NO_JOB_FILTER)).toBe('');
    expect(jobFilterFromSearch('?status=exploded&device=dev_1')).toEqual({ ...NO_JOB_FILTER, device: 'dev_1' });
  });
});
