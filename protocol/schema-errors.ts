// One readable sentence for the first thing wrong with a value, from a compiled TypeBox validator.

interface ValidationIssue {
  instancePath: string;
  message: string;
  keyword?: string;
  params?: unknown;
}

export function describeFirstError(
  validator: { Errors(value: unknown): Iterable<ValidationIssue> },
  value: unknown,
): string {
  const issues = [...validator.Errors(value)];
  // TypeBox reports an unknown property twice: as "schema is false" at the property, and as
  // additionalProperties at the object. The second one names the field; prefer it.
  const issue = issues.find((candidate) => candidate.message !== 'schema is false') ?? issues[0];
  if (!issue) return 'invalid';
  const extra = (issue.params as { additionalProperties?: string[] } | undefined)?.additionalProperties;
  if (issue.keyword === 'additionalProperties' && extra?.length)
    return `${issue.instancePath || '/'} has an unknown field "${extra[0]}"`;
  return `${issue.instancePath || '/'} ${issue.message}`;
}
