import { z } from 'zod';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * A calendar day as YYYY-MM-DD. zod's ISO date check is one pattern that knows month lengths and leap years, so the
 * JSON Schema generated from it rejects the same days zod does.
 */
export const isoDateSchema = z.iso.date({
  error: (issue) => (typeof issue.input === 'string' && DATE_SHAPE.test(issue.input) ? 'a real calendar date' : 'a date as YYYY-MM-DD'),
});
