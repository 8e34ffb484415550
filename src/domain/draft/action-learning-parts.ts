/**
 * ILM M3.37 criterion 2.1 has three parts: the nature and benefits of action learning, the responsibilities of an
 * individual within a set, and the role of action learning in the learner's own development. This reads which
 * parts a learner's action-learning entries seem to touch, from simple word patterns, to prompt for the rest.
 * It is advice: an assessor reads the words, not these patterns.
 */

export type ActionLearningPart = "nature" | "responsibilities" | "development";

export const ACTION_LEARNING_PARTS: { part: ActionLearningPart; name: string; hint: string }[] = [
  {
    part: "nature",
    name: "the nature and benefits of action learning",
    hint: "what it is and what it gives you: Revans's L = P + Q, programmed knowledge plus questioning, on real work problems",
  },
  {
    part: "responsibilities",
    name: "the responsibilities of a member of a set",
    hint: "what a member owes the set: preparing, confidentiality, asking questions rather than giving advice, doing what you commit to",
  },
  {
    part: "development",
    name: "the role of action learning in your own leadership development",
    hint: "how the set has changed what you do as a leader, with an example",
  },
];

const PATTERNS: Record<ActionLearningPart, RegExp> = {
  nature:
    /L\s*=\s*P\s*\+\s*Q|revans|programmed knowledge|questioning|real (work )?problems?|action learning (is|means|works|gives|rests)|benefits?|peers|instead of (giving )?advice|rather than (giving )?advice/i,
  responsibilities:
    /responsib|confidential|prepar|commit|turn up|on time|my (part|role|job|duty) in the set|as a (set )?member|members? (should|must|owe)|support(ing)? the others|challenge|hold (each other|me|us|them) to|ground rules|listen/i,
  development:
    /my (own )?(leadership|development|growth|practice)|develop(ed|ing)? (me|my|as)|helped me|changed (how|the way|what) I|I (now|have learned|learned|learnt|have started|started)|made me|as a leader/i,
};

/** The parts of 2.1 the texts seem to touch (each part once, in the order above). */
export function actionLearningParts(texts: string[]): ActionLearningPart[] {
  return ACTION_LEARNING_PARTS.map((p) => p.part).filter((part) => texts.some((t) => PATTERNS[part].test(t)));
}
