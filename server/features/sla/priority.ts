// Priority from impact and urgency, through the configured 5×5 matrix.
import {
  DEFAULT_PRIORITY_MATRIX,
  checkPriorityMatrix,
  type Priority,
  type PriorityMatrix,
} from '../../../protocol/api/sla.js';

function assertScale(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new RangeError(`${name} must be a whole number from 1 (highest) to 5 (lowest), got ${String(value)}`);
  }
}

/**
 * matrix[impact - 1][urgency - 1]. Impact, urgency and priority all count 1 as the most pressing.
 * Throws a RangeError on values off the scale, and on a malformed matrix: both are caller bugs,
 * since API input is checked against the schemas before it gets here.
 */
export function priorityFor(matrix: PriorityMatrix, impact: number, urgency: number): Priority {
  assertScale('impact', impact);
  assertScale('urgency', urgency);
  const priority = matrix[impact - 1]?.[urgency - 1];
  if (priority === undefined) {
    const checked = checkPriorityMatrix(matrix);
    throw new RangeError(`priority matrix is malformed: ${checked.ok ? 'missing a cell' : checked.errors.join('; ')}`);
  }
  return priority;
}

export function defaultPriorityFor(impact: number, urgency: number): Priority {
  return priorityFor(DEFAULT_PRIORITY_MATRIX, impact, urgency);
}
