// Validation at the edge: zod issues become one AppError listing every field problem.
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export type FieldProblem = { field: string; message: string };

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({
    field: i.path.length ? i.path.join('.') : '(body)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
}

export function validationError(error: z.ZodError): AppError {
  const fields = fieldProblems(error);
  const summary = fields
    .slice(0, 5)
    .map((f) => `${f.field}: ${f.message}`)
    .join('; ');
  return new AppError('invalid', 'VALIDATION_FAILED', `The request is not valid: ${summary}`, { fields });
}

/** Parses with the schema or throws VALIDATION_FAILED. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}
