/** Words that make a question but say nothing about what it is about. */

const list = (s: string) => s.trim().split(/\s+/);

/** Interrogatives. */
export const WH_WORDS: ReadonlySet<string> = new Set(list('what which who whom whose when where why how'));

/** Framing words of a figure question ("how many … did they get", "how long was it"): not what it asks about. */
export const FIGURE_QUESTION_NOISE: readonly string[] = list(`
  how many much old far fast heavy deep tall high long did does do is are was were has have had can could will would get got go went
  it they he she them there
`);

/** Verbs that end the counted noun of "how many <noun> …" ("how many people were …", "how many troops died"). */
export const COUNT_QUESTION_VERBS: readonly string[] = list('were are was is did do does have has had got will could would can went came remain died fled lost');

/** Words after "how long is/was …" that ask for a span of time, not a length ("how long were they trapped", "how long was it missing"). */
export const DURATION_QUESTION_CUES: readonly string[] = list('stuck trapped missing inside underwater last take took going');

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
