/** An RFC 9457 answer as the pages show it: the detail, and each field's message. */
export interface Problem {
  status?: number;
  detail?: string;
  title?: string;
  errors?: Array<{ field: string; message: string }>;
}

export function describeProblem(error: unknown): string {
  if (!error) return 'Something went wrong.';
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  const problem = error as Problem;
  const fields = (problem.errors ?? []).map((issue) => `${issue.field}: ${issue.message}`);
  return [problem.detail ?? problem.title ?? 'Something went wrong.', ...fields].join(' — ');
}

/** The message of one field, for the input it belongs to. */
export const fieldError = (error: unknown, field: string): string | undefined => (error as Problem | undefined)?.errors?.find((issue) => issue.field === field || issue.field.endsWith(`.${field}`))?.message;
