/**
 * How a claim says that someone heads an organisation, and the titles by which the articles say it ("X runs Boskalis"
 * / "Boskalis chief executive X"). General English, never a story's words.
 */

const list = (s: string) => s.trim().split(/\s+/);

/** Verb forms that say a person heads an organisation ("runs", "headed", "leads"). */
export const LEAD_VERBS: readonly string[] = list('run runs ran head heads headed lead leads led chair chairs chaired manage manages managed helm helms helmed');

/** Titles of the person who heads an organisation, as written in a role or an apposition. */
export const LEAD_TITLES: readonly string[] = [
  'chief executive', 'chief executive officer', 'ceo', 'head', 'chairman', 'chairwoman', 'chair', 'president', 'director', 'director general',
  'director-general', 'managing director', 'leader', 'boss', 'founder', 'commissioner', 'chief',
];
