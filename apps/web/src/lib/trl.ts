/**
 * The guided TRL self-assessment: a few yes/no questions per readiness level. The suggested level
 * is the highest one whose questions, and those of every level below it, are all answered yes.
 */
import { m } from '$lib/paraglide/messages';

export interface TrlQuestion {
  id: string;
  level: number;
  text: () => string;
}

export const TRL_QUESTIONS: readonly TrlQuestion[] = [
  { id: 'q1a', level: 1, text: m.trlq_1a },
  { id: 'q1b', level: 1, text: m.trlq_1b },
  { id: 'q2a', level: 2, text: m.trlq_2a },
  { id: 'q2b', level: 2, text: m.trlq_2b },
  { id: 'q3a', level: 3, text: m.trlq_3a },
  { id: 'q3b', level: 3, text: m.trlq_3b },
  { id: 'q4a', level: 4, text: m.trlq_4a },
  { id: 'q4b', level: 4, text: m.trlq_4b },
  { id: 'q5a', level: 5, text: m.trlq_5a },
  { id: 'q5b', level: 5, text: m.trlq_5b },
  { id: 'q6a', level: 6, text: m.trlq_6a },
  { id: 'q6b', level: 6, text: m.trlq_6b },
  { id: 'q7a', level: 7, text: m.trlq_7a },
  { id: 'q7b', level: 7, text: m.trlq_7b },
  { id: 'q8a', level: 8, text: m.trlq_8a },
  { id: 'q8b', level: 8, text: m.trlq_8b },
  { id: 'q9a', level: 9, text: m.trlq_9a },
  { id: 'q9b', level: 9, text: m.trlq_9b },
];

/** The suggested TRL for the questions answered yes (0 when even level 1 is not met). */
export function suggestTrl(yes: ReadonlySet<string>): number {
  let level = 0;
  for (let l = 1; l <= 9; l++) {
    const qs = TRL_QUESTIONS.filter((q) => q.level === l);
    if (qs.every((q) => yes.has(q.id))) level = l;
    else break;
  }
  return level;
}
