/** "1 entry", "2 entries", "0 meetings": a count with its noun in the right number (`many` for irregular plurals). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
