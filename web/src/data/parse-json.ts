import * as z from 'zod/mini';

/** JSON text checked against its schema: what the page reads is trusted only once it has the shape the views expect. */
export function parseJson<T>(text: string, schema: z.ZodMiniType<T>, what: string): T {
  const result = z.safeParse(schema, JSON.parse(text));
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new Error(`${what} is not what this page reads: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}
