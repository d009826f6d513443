// A job's arguments against the script's declared parameters: unknown names and values of the
// wrong type are refused, missing ones take their defaults. Values are never interpreted here
// or on the PC: the agent hands them to the script as environment variables, so "; rm -rf /"
// stays a string.
import type { ScriptParam } from '../../../protocol/api/scripts.js';
import type { JobArgs } from '../../../protocol/messages/jobs.js';
import { isValidParamValue } from '../../../protocol/script-header.js';
import { ApiError } from '../../errors.js';

const EXPECTED: Record<ScriptParam['type'], string> = {
  integer: 'a whole number',
  boolean: '0 or 1',
  string: 'one line of text',
  path: 'a path on one line',
};

export function resolveJobArgs(scriptName: string, params: ScriptParam[], given: JobArgs = {}): JobArgs {
  const declared = new Map(params.map((param) => [param.name, param]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) {
      const known = params.map((param) => param.name).join(', ') || 'none';
      throw new ApiError(
        'validation_failed',
        `script ${scriptName} has no parameter "${name}" (its parameters: ${known})`,
      );
    }
  }
  const args: JobArgs = {};
  for (const param of params) {
    const value = given[param.name] ?? param.default;
    if (value === null)
      throw new ApiError(
        'validation_failed',
        `script ${scriptName} needs the parameter "${param.name}" (${param.description})`,
      );
    if (!isValidParamValue(param.type, value))
      throw new ApiError(
        'validation_failed',
        `parameter "${param.name}" must be ${EXPECTED[param.type]}, not ${JSON.stringify(value)}`,
      );
    args[param.name] = value;
  }
  return args;
}
