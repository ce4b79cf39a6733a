/**
 * When a figure applies, as news prose and questions say it: words that make a figure a
 * later value of the one it speaks of again ("That number has since grown to …"), and
 * words that ask for the figure as it stands now ("how many … so far").
 */

const list = (s: string) => s.trim().split(/\s+/);

/** Words after "that number" that make the figure a later value ("has since grown to", "now stands at"); trend verbs count too (units.ts). */
export const UPDATE_WORDS: readonly string[] = [...list('since now later currently stands reached hit topped'), 'so far', 'to date', 'by then'];

/** Words of a question that ask for a figure as it stands now ("how many … so far", "the current toll"). */
export const NOW_QUESTION_WORDS: readonly string[] = [...list('now currently current latest still today presently'), 'so far', 'to date', 'at present', 'as of now', 'at the moment', 'these days'];

/** Auxiliaries of a question in the present or present perfect ("how many … are", "how many … has … deployed"). */
export const PRESENT_AUXILIARIES: readonly string[] = list("is are has have does do 's 're");
/** Auxiliaries of a question in the past ("how many … did", "how many … were"): it asks for no particular time. */
export const PAST_AUXILIARIES: readonly string[] = list('did was were had');

/**
 * Words that make a count a running total up to when it is written ("has canceled more than 6,600 flights since the outage
 * started", "so far", "in total"): such a count only grows, so of two the articles' times cannot order, the larger is later.
 */
export const RUNNING_TOTAL_WORDS: readonly string[] = ['since', 'so far', 'to date', 'in total', 'in all', 'altogether', 'cumulative'];

/**
 * Words that make a figure what is left of something at the moment it is written ("about 40 hours of oxygen remaining",
 * "only 12 seats left"), not the whole ("enough oxygen to last 96 hours"): the two are of different moments, and
 * neither contradicts the other.
 */
export const REMAINDER_WORDS: readonly string[] = ['remaining', 'left'];
