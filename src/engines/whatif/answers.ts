/** An answer the data gives: yes, no, or that it cannot say, naming the condition it could not answer. */
export type Answer = 'yes' | 'no' | { unknown: string };

export function unknown(condition: string): Answer {
  return { unknown: condition };
}

export function isUnknown(answer: Answer): answer is { unknown: string } {
  return typeof answer === 'object';
}

/** Any of the answers: yes if one is yes, no if all are no, else the first unknown. */
export function anyOf(answers: readonly Answer[]): Answer {
  let undecided: Answer | null = null;
  for (const answer of answers) {
    if (answer === 'yes') return 'yes';
    if (isUnknown(answer)) undecided ??= answer;
  }
  return undecided ?? 'no';
}

/** All of the answers: no if one is no, yes if all are yes, else the first unknown. */
export function allOf(answers: readonly Answer[]): Answer {
  let undecided: Answer | null = null;
  for (const answer of answers) {
    if (answer === 'no') return 'no';
    if (isUnknown(answer)) undecided ??= answer;
  }
  return undecided ?? 'yes';
}

export function not(answer: Answer): Answer {
  if (answer === 'yes') return 'no';
  if (answer === 'no') return 'yes';
  return answer;
}
