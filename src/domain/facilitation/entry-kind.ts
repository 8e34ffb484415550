/**
 * The kinds of entry in an advisor's facilitation log (`/facilitation goal`, …), in the order of ILM M5.37's criteria
 * they evidence: goal 1.1, design 2.1, session 2.2, feedback 3.1, reflect 3.2, improve 3.3. Each is also the
 * subcommand that records it (`/facilitation design`).
 */
export type FacilitationKind = "goal" | "design" | "session" | "feedback" | "reflect" | "improve";
