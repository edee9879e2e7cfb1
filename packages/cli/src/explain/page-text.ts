// The written text of an explain page (its example is added from the diagnostics corpus).
export interface PageText {
  /** A few words, as a heading. */
  title: string;
  /** What the code means: the rule broken. */
  meaning: string;
  /** How to fix it. */
  fix: string;
  /** For codes a program cannot show (BC5xxx): the command that fails. */
  command?: string;
}
