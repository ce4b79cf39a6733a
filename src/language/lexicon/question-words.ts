/** Words that make a question but say nothing about what it is about. */

const list = (s: string) => s.trim().split(/\s+/);

/** Interrogatives. */
export const WH_WORDS: ReadonlySet<string> = new Set(list('what which who whom whose when where why how'));

/** Question framing: interrogatives, auxiliaries, and words about the articles or about saying. */
export const QUESTION_NOISE: readonly string[] = list(`
  what which who whom whose when where why how many much did does do is are was were
  happen happened happening news latest article articles report reports reported source sources story
  tell told say said saying says think thought mean means anything something thing things
  about regarding according give know known exactly currently now today yet still recent recently please explain describe
  quote quotes statement statements comment comments number figure figures date day time long
`);

/** Claim framing: words that ask whether something is so rather than say what ("is it true that …"), and light verbs. */
export const CLAIM_FRAME: readonly string[] = list(`
  true truth false fact facts correct incorrect claim claims actually really indeed verify check whether rumor rumour now currently still
  after before during amid happen happens happened occur occurs occurred
`);
