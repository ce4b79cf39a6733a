/** Words that make a question but say nothing about what it is about. */

import { CHANGE_VERBS } from './units.js';
import { CHAT_PREAMBLES } from './chat.js';

const list = (s: string) => s.trim().split(/\s+/);

/** Interrogatives. */
export const WH_WORDS: ReadonlySet<string> = new Set(list('what which who whom whose when where why how'));

/** Framing words of a figure question ("how many … did they get", "how long was it"): not what it asks about. */
export const FIGURE_QUESTION_NOISE: readonly string[] = list(`
  how many much old far fast heavy deep tall high long did does do is are was were has have had can could will would get got go went
  it they he she them there
`);

/**
 * Superlatives of age ("how old was the youngest one"): the extreme of the measure asked, not someone to look up — the
 * sentence writing the extreme gives it, whoever holds it.
 */
export const AGE_EXTREMES: ReadonlySet<string> = new Set(list('youngest oldest eldest'));

/** Function words that are content verbs when they stand in a question's verb slot ("how many ships does the line own"). */
export const SLOT_VERBS: ReadonlySet<string> = new Set(list('own'));

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
  other others else
`);

/** Claim framing: words that ask whether something is so rather than say what ("is it true that …"), and light verbs. */
export const CLAIM_FRAME: readonly string[] = list(`
  true truth false fact facts correct incorrect claim claims actually really indeed verify check whether rumor rumour now currently still
  after before during amid happen happens happened occur occurs occurred
`);

/**
 * Words of a schedule between "be" and "to" + verb ("was set to reopen", "is slated to open", "were poised to sign"):
 * the frame says no more than "will"; "set" is no content word of the claim.
 */
export const SCHEDULE_FRAME_WORDS: readonly string[] = ['set', 'slated', 'poised', 'scheduled'];

// --- what a question asks for (src/evidence/question.ts reads these) ------------------------------

/** The kind of thing that answers a question. */
export type AnswerKind =
  | 'count' // how many
  | 'amount' // how much (money, a quantity, a measure)
  | 'age'
  | 'date'
  | 'time' // a clock time
  | 'person' // who (a person, or the organisation or group that acted)
  | 'organisation'
  | 'place'
  | 'reason'
  | 'yesno'
  | 'list' // which <plural noun>
  | 'quote' // what did X say
  | 'name' // what is the <thing> called
  | 'description';

/** One way questions of a kind open: a regular expression over the folded, lower-case question. */
export interface AnswerCue {
  re: string;
  kind: AnswerKind;
  /** The figure kinds that fill the answer ("how far" → distance). */
  figures?: readonly ('count' | 'money' | 'percent' | 'age' | 'speed' | 'distance' | 'length' | 'depth' | 'height' | 'area' | 'volume' | 'weight' | 'duration' | 'temperature' | 'clock')[];
  /** The cue's own words (not what the question is about): "old" in "how old", "cost" in "how much … cost". */
  words?: readonly string[];
  /** The dimension asked ("long", "wide", "deep", "high"): a figure written with another one is not the answer. */
  dimension?: 'long' | 'wide' | 'deep' | 'high';
  /**
   * The cue word may also open a relative clause: written right after a noun or a pronoun of people ("ppl who got
   * stuck", "the diver who died") it says which one, and the question is asked by its other words.
   */
  relative?: boolean;
}

/** The words that say which dimension a measure is ("400m long", "the width of"). */
export const DIMENSION_NAMES: Readonly<Record<string, 'long' | 'wide' | 'deep' | 'high'>> = {
  long: 'long', length: 'long', lengths: 'long', wide: 'wide', width: 'wide', broad: 'wide', beam: 'wide', deep: 'deep', depth: 'deep', depths: 'deep',
  below: 'deep', down: 'deep', beneath: 'deep', high: 'high', tall: 'high', height: 'high', altitude: 'high',
  // verbs of height before the measure ("the tree rises 60 feet", "the tower soars 300m")
  rises: 'high', rose: 'high', rising: 'high', towers: 'high', towered: 'high', towering: 'high', soars: 'high', soared: 'high', soaring: 'high',
};

/** Words that make "how much" a question of money ("how much did it cost", "how much was paid"). */
export const MONEY_QUESTION_WORDS: readonly string[] = list(`
  cost costs costing pay pays paid paying payment worth price prices priced charge charged charges spend spent spending fee fees fare
  owe owed demand demanded ask asked settle settled claim claimed compensation damages fine fined value valued money budget earn earned
  raise raised lose lost losing loss losses want wanted sell sold buy bought offer offered reward bounty
`);

/** Nouns that are an amount of money ("what was the price", "what's the reward"). */
export const MONEY_NOUNS: readonly string[] = list('price cost fee fare bill fine toll value compensation payout settlement reward bounty salary budget ransom');

/**
 * How questions open, most specific first; the first that matches decides. Money before a
 * plain "how much"; "how long ago" before "how long"; "what time" before "when".
 */
export const ANSWER_CUES: readonly AnswerCue[] = [
  { re: String.raw`\bhow much (?:did|does|do|is|was|were|are|has|have|had|will|would|could|should|can)\b(?=.*\b(?:${MONEY_QUESTION_WORDS.join('|')})\b)`, kind: 'amount', figures: ['money'], words: ['much', ...MONEY_QUESTION_WORDS] },
  { re: String.raw`\bhow much money\b`, kind: 'amount', figures: ['money'], words: ['much', 'money'] },
  // "how much were tickets", "how much is a ticket": things counted one by one have a price, not an amount.
  { re: String.raw`\bhow much (?:(?:are|were)\s+(?:the\s+)?[a-z]+s|(?:is|was)\s+(?:a|an|each|one)\s+[a-z]+)\s*\??\s*$`, kind: 'amount', figures: ['money'], words: ['much'] },
  // "what did they settle for?", "what did she sell it for?": a price.
  { re: String.raw`^\s*(?:and\s+)?what\s+(?:did|does|do|will|would|could)\s+.*\b(?:settle|pay|sell|charge|fine|value)\b.*\bfor\s*\??\s*$`, kind: 'amount', figures: ['money'] },
  // "what's the death toll": a count of the dead, before "toll" is read as a price.
  { re: String.raw`^\s*(?:and\s+|so\s+)?what(?:\s+is|\s+was|\s+were|'s|’s)?\s+(?:the\s+)?(?:(?:latest|current|final|official|new|initial)\s+)?(?:death|casualty|body)\s+(?:toll|count)\b`, kind: 'count', figures: ['count'], words: ['toll', 'count'] },
  { re: String.raw`^\s*(?:and\s+)?what(?:\s+is|\s+was|\s+were|'s)?\s+(?:the\s+)?(?:[a-z]+\s+)?(?:${MONEY_NOUNS.join('|')})\b`, kind: 'amount', figures: ['money'], words: MONEY_NOUNS },
  // "what's the westbound traffic worth?", "how much was the deal worth?": a value in money.
  { re: String.raw`^\s*(?:and\s+|so\s+)?(?:what|how much)(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+will)?\s.*\bworth\s*\??\s*$`, kind: 'amount', figures: ['money'], words: ['worth', 'much'] },
  { re: String.raw`\bhow old\b|\bwhat age\b|\bhow young\b`, kind: 'age', figures: ['age'], words: ['old', 'age', 'young'] },
  { re: String.raw`\bwhat (?:percentage|percent|proportion|share|fraction)\b|\bhow much of\b`, kind: 'count', figures: ['percent', 'count', 'area'], words: ['percentage', 'percent', 'proportion', 'share', 'fraction', 'much'] },
  // "the number of" asks a count unless the question opens with another question word ("when did the number of evacuees rise …").
  { re: String.raw`\bhow many\b|\bwhat (?:number|total)\b|^(?!\s*(?:and\s+)?(?:when|where|why|who)\b).*\bthe number of\b`, kind: 'count', figures: ['count'], words: ['many', 'number', 'total'] },
  { re: String.raw`\bhow heavy\b|\bweigh\b|\bwhat weight\b`, kind: 'amount', figures: ['weight'], words: ['heavy', 'weigh', 'weight'] },
  // "how bad did the stock tank", "how sharply did prices rise": by how much a quantity changed, most often a percentage.
  { re: String.raw`\bhow (?:bad|badly|hard|steeply|sharply|severely)\s+(?:did|does|do|has|have|had|was|were|is|are|will|would)\b(?=.*\b(?:${CHANGE_VERBS.join('|')})\b)`, kind: 'amount', figures: ['percent', 'money', 'count'], words: ['bad', 'badly', 'hard', 'steeply', 'sharply', 'severely'] },
  { re: String.raw`\bhow much\b`, kind: 'amount', figures: ['count', 'volume', 'weight', 'money', 'percent', 'area', 'duration'], words: ['much'] },
  { re: String.raw`\bwhat time\b|\bat what hour\b|\bwhat hour\b`, kind: 'time', figures: ['clock'], words: ['time', 'hour'] },
  { re: String.raw`\bhow long ago\b|\bsince when\b|^\s*(?:and\s+|so\s+)?(?:(?:by|until|till|before)\s+)?when\b|\bwhat (?:date|day|year|month)\b|\bon which (?:date|day)\b`, kind: 'date', words: ['ago', 'date', 'day', 'year', 'month'] },
  { re: String.raw`\bhow often\b|\bhow frequently\b`, kind: 'amount', figures: ['duration'], words: ['often', 'frequently'] },
  { re: String.raw`\bhow long\b`, kind: 'amount', figures: ['duration', 'length'], words: ['long'], dimension: 'long' },
  { re: String.raw`\bhow far\b|\bwhat distance\b`, kind: 'amount', figures: ['distance', 'length', 'depth'], words: ['far', 'distance'] },
  { re: String.raw`\bhow fast\b|\bwhat speed\b|\bhow quickly\b|\btop speed\b`, kind: 'amount', figures: ['speed'], words: ['fast', 'speed', 'quickly', 'top'] },
  // "how deep underground were they": the words after "deep" restate the dimension asked; they are no topic.
  { re: String.raw`\bhow deep\b|\bwhat depth\b`, kind: 'amount', figures: ['depth', 'distance'], words: ['deep', 'depth', 'underground', 'underwater', 'undersea', 'below', 'beneath', 'down', 'under'], dimension: 'deep' },
  { re: String.raw`\bhow (?:tall|high)\b|\bwhat height\b`, kind: 'amount', figures: ['height', 'length'], words: ['tall', 'high', 'height'], dimension: 'high' },
  { re: String.raw`\bhow wide\b|\bwhat width\b|\bhow broad\b`, kind: 'amount', figures: ['length'], words: ['wide', 'width', 'broad'], dimension: 'wide' },
  // "how cold was the water", "what temperature": a temperature, nothing else.
  { re: String.raw`\bhow (?:cold|hot|warm|chilly|freezing)\b|\bwhat (?:temperature|temp)\b`, kind: 'amount', figures: ['temperature'], words: ['cold', 'hot', 'warm', 'chilly', 'freezing', 'temperature', 'temp'] },
  { re: String.raw`\bhow (?:big|large)\b|\bwhat size\b`, kind: 'amount', figures: ['area', 'length', 'weight', 'volume', 'count'], words: ['big', 'large', 'size'] },
  { re: String.raw`^\s*(?:and\s+)?why\b|\bhow come\b|\bwhat (?:[a-z]+ly )?(?:caused|causes|led to|leads to|killed|made|triggered|sparked|prompted|brought about)\b|\bwhat (?:is|was|were) (?:the )?(?:cause|causes|reason|reasons)\b|\bthe (?:cause|reason) (?:of|for)\b|\bwhat (?:[a-z]+ly )?(?:started|starts|ignited|set off)\s+(?=(?:the|a|an|it|this|that|these|those)\b)`, kind: 'reason', words: ['caused', 'causes', 'cause', 'reason', 'reasons', 'led', 'leads', 'made', 'triggered', 'sparked', 'prompted', 'brought', 'come', 'started', 'starts', 'ignited', 'set', 'off'] },
  // "how did he die?", "how did they get out?": the manner or cause, found like a reason.
  { re: String.raw`^\s*(?:and\s+)?how\s+(?:did|does|do|could|can|would|was|were|is|are|has|have|had)\s+(?!(?:many|much|old|long|far|fast|heavy|deep|tall|high|wide|big|large|often)\b)`, kind: 'reason' },
  { re: String.raw`^\s*(?:and\s+)?where\b|\bwhat (?:place|location)\b|\bin which (?:place|location)\b`, kind: 'place', words: ['place', 'location'] },
  { re: String.raw`\bwhat(?:\s+is|\s+was|\s+were|\s+are|'s)?\s+(?:the\s+)?name of\b|\bwhat(?:\s+is|\s+was|'s)\s+(?:his|her|their|its)\s+name\b|\bname\s*\??\s*$`, kind: 'person', words: ['name', 'called'] },
  { re: String.raw`^\s*(?:and\s+)?(?:what|which)\b.*\bcalled\s*\??\s*$`, kind: 'name', words: ['called', 'name'] },
  { re: String.raw`^\s*(?:and\s+)?(?:who|whom|whose)\b`, kind: 'person' },
  { re: String.raw`\bwho\b`, kind: 'person', relative: true },
  { re: String.raw`^\s*(?:and\s+)?(?:did|does|do|is|are|was|were|can|could|has|have|had|will|would|should|shall|may|might|must|isn't|wasn't|didn't|doesn't|hasn't|haven't)\b`, kind: 'yesno' },
];

/**
 * Phrases of everyday English whose words mean one verb together ("in charge of" is leading,
 * "set up" establishing, "get out" leaving): the question's predicate is that verb, found in
 * the articles as any of the verbs listed (first one shown).
 */
export const PHRASAL_PREDICATES: Readonly<Record<string, string>> = {
  'in charge of': 'lead', 'in charge': 'lead', 'set up': 'establish set base', 'take part': 'participate join', 'took part': 'participate join',
  'come out': 'emerge exit leave rescue extract bring free', 'came out': 'emerge exit leave rescue extract bring free',
  'get out': 'emerge exit leave rescue extract bring free', 'got out': 'emerge exit leave rescue extract bring free',
  'go into': 'enter', 'went into': 'enter', 'go in': 'enter', 'went in': 'enter', 'get into': 'enter', 'got into': 'enter',
  'get down': 'descend dive', 'got down': 'descend dive', 'go down': 'descend dive sink', 'went down': 'descend dive sink',
  'get to': 'arrive reach', 'got to': 'arrive reach', 'make it to': 'arrive reach', 'made it to': 'arrive reach',
  'run out of': 'exhaust run', 'ran out of': 'exhaust run',
  'come free': 'free refloat dislodge', 'came free': 'free refloat dislodge', 'came loose': 'free refloat dislodge', 'come loose': 'free refloat dislodge',
  'break free': 'free refloat dislodge', 'broke free': 'free refloat dislodge', 'get stuck': 'stick strand wedge jam ground', 'got stuck': 'stick strand wedge jam ground',
  'pass away': 'die', 'passed away': 'die', 'get hit': 'hit affect impact strike', 'got hit': 'hit affect impact strike', 'show up': 'arrive', 'showed up': 'arrive',
  'turn down': 'refuse decline reject', 'turned down': 'refuse decline reject', 'find out': 'discover learn', 'found out': 'discover learn',
  'look for': 'search', 'looking for': 'search', 'give up': 'abandon', 'gave up': 'abandon', 'call off': 'cancel', 'called off': 'cancel',
  'pull out': 'withdraw', 'pulled out': 'withdraw', 'on board': 'aboard board', 'bring back': 'return recover haul', 'brought back': 'return recover haul',
  'hauled back': 'return recover haul', 'get hurt': 'hurt injure injury safe unharmed unhurt', 'got hurt': 'hurt injure injury safe unharmed unhurt',
  'lose power': 'blackout outage', 'lost power': 'blackout outage', 'losing power': 'blackout outage',
  'speak for': 'spokesperson spokesman spokeswoman represent', 'spoke for': 'spokesperson spokesman spokeswoman represent',
  'shut down': 'close suspend halt', 'shutting down': 'close suspend halt', 'go after': 'sue pursue target', 'going after': 'sue pursue target',
  'went after': 'sue pursue target', 'step in': 'intervene', 'stepped in': 'intervene', 'bring in': 'hire enlist', 'brought in': 'hire enlist',
  'pay out': 'pay compensate cost', 'paying out': 'pay compensate cost', 'paid out': 'pay compensate cost', 'hand over': 'transfer give',
  'handed over': 'transfer give', 'sign off': 'approve', 'signed off': 'approve',
  'set off': 'sound trigger activate detonate', 'setting off': 'sound trigger activate detonate',
  'flare back up': 'rekindle reignite flare', 'flared back up': 'rekindle reignite flare', 'flare up': 'rekindle reignite flare', 'flared up': 'rekindle reignite flare',
  'put out': 'extinguish douse', 'burn down': 'destroy burn', 'burned down': 'destroy burn', 'blow up': 'explode', 'blew up': 'explode',
  'break down': 'fail malfunction', 'broke down': 'fail malfunction', 'take off': 'depart launch', 'took off': 'depart launch',
  'pick up': 'rescue collect', 'picked up': 'rescue collect', 'knock out': 'disable disrupt', 'knocked out': 'disable disrupt',
  'go back': 'return', 'went back': 'return', 'going back': 'return', 'gone back': 'return',
  'come back': 'return recover resume', 'came back': 'return recover resume', 'get back': 'return recover resume', 'got back': 'return recover resume',
  'hold up': 'delay', 'held up': 'delay', 'lay off': 'cut dismiss', 'laid off': 'cut dismiss',
  'have left': 'remain', 'had left': 'remain', 'has left': 'remain', 'write back': 'reply respond answer write', 'wrote back': 'reply respond answer write',
  // who reported something first: "who broke the story", "who broke the news"
  'broke the story': 'report reveal disclose', 'break the story': 'report reveal disclose', 'broke the news': 'report reveal announce disclose', 'break the news': 'report reveal announce disclose',
};

/** Words that introduce a cause after the event ("because of high winds", "caused by a power failure"). */
export const REASON_CUES: readonly string[] = [
  'because of', 'because', 'due to', 'owing to', 'as a result of', 'caused by', 'blamed on', 'attributed to', 'the result of', 'the cause of',
  'thanks to', 'resulted from', 'stemmed from', 'brought on by', 'triggered by', 'so that', 'in order to',
  // A reason someone gives for what they did ("resigned, citing ill health"; "closed the port in response to …").
  'citing', 'in response to', 'in retaliation for', 'in protest at', 'in protest against', 'for fear of', 'out of concern',
  // A fear that moved someone ("did not sound the sirens as he feared residents would flee", "we were afraid that …").
  'for fear that', 'fearing', 'feared that', 'afraid that', 'worried that', 'concerned that', 'amid fears', 'over fears', 'amid concerns', 'over concerns',
  'as he feared', 'as she feared', 'as they feared', 'as we feared',
  // What something was done for ("kept in isolation to avoid infection", "in a bid to reopen the canal").
  'to avoid', 'to prevent', 'to ensure', 'so as to', 'in a bid to', 'in an effort to', 'aimed at',
];

/** Whom a report cites ("citing sources", "citing people familiar with the matter", "citing data from …"): after "citing", a source, not a reason. */
export const CITED_SOURCE_NOUNS: readonly string[] = [
  'source', 'sources', 'official', 'officials', 'people', 'person', 'data', 'figures', 'report', 'reports', 'statement', 'statements',
  'document', 'documents', 'record', 'records', 'estimate', 'estimates', 'analyst', 'analysts', 'expert', 'experts', 'research',
  'study', 'survey', 'witness', 'witnesses', 'authorities', 'spokesperson', 'spokesman', 'spokeswoman', 'filing', 'filings',
];

/** Words that may introduce a cause but often only a time or setting ("after running out of oxygen", "amid high winds"): weaker. */
export const WEAK_REASON_CUES: readonly string[] = ['after', 'amid', 'following', 'from', 'since', 'in', 'by', 'while', 'when'];

/** Words written after a cause, before what it brought about ("Strong winds resulted in the grounding"): the cause stands before them. */
export const CAUSE_BEFORE_CUES: readonly string[] = [
  'resulted in', 'led to', 'caused', 'causing', 'triggered', 'sparked', 'brought about', 'forced', 'pushed',
  // What held something up ("strong tides and winds were complicating efforts to free it"), and a consequence after "and so".
  'complicated', 'complicating', 'hampered', 'hampering', 'hindered', 'hindering', 'slowed', 'slowing', 'impeded', 'impeding', 'and so',
];

/** Words that ask where something came from ("where did it sail from") or went ("where was it headed"). */
export const ORIGIN_QUESTION_WORDS: readonly string[] = list('from origin originate originated depart departed departing leave left come came start started');
export const DESTINATION_QUESTION_WORDS: readonly string[] = list('headed heading head bound going destination destined sailing travelling traveling go went to toward towards');

/** Verbs whose year makes a thing's age ("built in 2018", "founded in 1990"). */
export const MAKING_VERBS: readonly string[] = list('built constructed launched made founded established opened completed delivered commissioned manufactured');

/**
 * Nouns that, before "of", name a share of what follows ("the rest of west maui", "the remainder of the crew", "the bulk
 * of the fleet"): the noun after "of" is the topic; the share is no word an answer must repeat ("All of West Maui except
 * …" answers "the rest of west maui").
 */
export const PARTITIVE_NOUNS: ReadonlySet<string> = new Set(list('rest remainder majority bulk'));

/**
 * Nouns a question uses without naming a topic ("what's the deal with X", "any news on Y",
 * "how many people"): they never decide whether the articles answer it.
 */
export const VAGUE_NOUNS: ReadonlySet<string> = new Set(list(`
  deal story thing things stuff news latest info information detail details situation matter whole lot bit kind sort type way
  people person persons folks guy guys one ones someone somebody anyone anybody everyone everybody nobody noone anything something everything nothing
  part total number amount figure time times
`));

/**
 * Nouns a reader calls the story's event by ("how long did the whole mess last", "when did the ordeal start"): where the
 * articles never use the word, it names the event the articles are about, not a topic they lack.
 */
export const EVENT_CALL_NOUNS: ReadonlySet<string> = new Set(list('mess fiasco debacle saga ordeal drama disaster incident episode affair chaos meltdown'));

/** Phrases that only say how or when in passing ("straight away", "so far"): not what a question is about. */
export const NOISE_PHRASES: readonly string[] = [
  'straight away', 'right away', 'at first', 'first of all', 'in the end', 'so far', 'by now', 'right now', 'at all', 'at the moment', 'these days',
  'in the first place', 'of all', 'for sure', 'exactly', 'roughly', 'approximately', 'down there', 'over there', 'out there', 'in there',
  // asking for news ("any updates on the rescue?"); "the bad update" stays a topic
  'any update', 'any updates', 'an update', 'latest update', 'latest updates', 'new update', 'new updates', 'updates on', 'update on',
  // how a chat question is put to the bot ("remind me who the coach is", "any idea how deep it is"): no event, no topic
  ...CHAT_PREAMBLES,
];

/** Nouns that name a measure ("how big an area", "what distance"): the figure of that kind answers, and the noun is no topic. */
export const MEASURE_QUESTION_NOUNS: Readonly<Record<string, 'area' | 'distance' | 'length' | 'depth' | 'height' | 'weight' | 'speed' | 'volume' | 'duration'>> = {
  area: 'area', distance: 'distance', length: 'length', depth: 'depth', height: 'height', weight: 'weight', speed: 'speed', volume: 'volume',
  // "how much ground does it cover", "how much land burned": an area.
  ground: 'area', land: 'area', territory: 'area', acreage: 'area',
};

/** Units a span of time is counted in: "how many days were they trapped" asks how long, answered "nine days". */
export const DURATION_UNIT_NOUNS: ReadonlySet<string> = new Set(list('second minute hour day night week month year decade century'));

/** Vague heads that still say what is counted: people ("how many people", "how many were hurt") or occasions ("how many times"). */
export const PEOPLE_WORDS: ReadonlySet<string> = new Set(list('people person persons folks guys anyone anybody someone somebody everyone everybody'));
export const OCCASION_WORDS: ReadonlySet<string> = new Set(list('time times occasion occasions'));

/** How a rate is written ("a day", "per hour", "daily"): a figure per that unit answers "how much … a day". */
export const RATE_UNITS: Readonly<Record<string, 'hour' | 'day' | 'week' | 'month' | 'year'>> = {
  hour: 'hour', hourly: 'hour', day: 'day', daily: 'day', week: 'week', weekly: 'week', month: 'month', monthly: 'month', year: 'year', yearly: 'year', annually: 'year', annual: 'year',
};

/** Particles of phrasal verbs ("hauled the wreckage back", "pulled it away"): never a topic. */
export const PARTICLES: ReadonlySet<string> = new Set(list('back away forward ahead apart aside along around together off'));
/**
 * Particles that may stand between a verb and its object ("held up $9 billion", "paid out $1 million", "wrote down
 * $300 million"): the phrasal verbs' particles and those that are also prepositions or topics elsewhere.
 */
export const OBJECT_PARTICLES: ReadonlySet<string> = new Set([...PARTICLES, ...list('up out down in over')]);

/** The second word of a noun made of a verb and its particle ("check-in", "lay-off", "add-on"): its parts are no words of their own. */
export const PHRASAL_NOUN_PARTICLES: ReadonlySet<string> = new Set([...OBJECT_PARTICLES, 'on']);

/**
 * Words that ask a count of the whole ("how many cars were on the train in total", "how many altogether"): a count of a
 * part ("five derailed cars", "five of those cars", "50 cars derailed") does not answer it.
 */
export const WHOLE_COUNT_CUES: readonly string[] = ['in total', 'total', 'in all', 'all told', 'altogether', 'all together', 'overall', 'combined', 'all in all'];

/** Words before a figure that make it a part of the one before ("288 vessels … including 65 container ships"). */
export const PART_CUES: readonly string[] = ['including', 'among them', 'of which', 'of whom', 'such as', 'among'];

/** Adjectives of size or degree ("big chunks", "major pieces"): they do not change what is counted, as "nuclear" or "stateless" does. */
export const DEGREE_ADJECTIVES: ReadonlySet<string> = new Set(list(`
  big bigger biggest large larger largest small smaller smallest huge tiny major minor significant main key important serious
  substantial massive giant little many several various other more most total overall whole entire new old
`));

/** Adjectives that say how much of a thing is meant ("the whole trip", "the exact number"), not what it is: no predicate. */
export const SCOPE_ADJECTIVES: ReadonlySet<string> = new Set(list('whole entire overall total exact'));

/** Verbs that say what became of an activity ("stopped running trips", "resumed flights"): asked yes or no, they are what is asked. */
export const ASPECT_VERBS: ReadonlySet<string> = new Set(list('stop start begin keep continue quit resume finish cease halt suspend'));

/** Verbs too light to name an event ("go into", "get to", "make it"): they neither veto nor rank much. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(list('be go get come make take do have put keep let happen become seem end start'));

/**
 * Nouns that say which kind of thing "which <noun>" or "what <noun>" asks for, beyond the entity
 * cue tables (a person noun asks for a person, an organisation head for an organisation, a
 * place noun for a place): general words of news English.
 */
export const PLACE_QUESTION_NOUNS: ReadonlySet<string> = new Set(list(`
  country countries nation nationality city cities town towns port ports place places location locations state states province region hospital
  hospitals airport base lake island destination
`));
export const ORGANISATION_QUESTION_NOUNS: ReadonlySet<string> = new Set(list(`
  company companies firm firms organisation organization organisations organizations agency agencies court courts club clubs team teams insurer
  insurers outlet outlets newspaper newspapers group groups government governments department ministry army navy force airline operator owner
`));

/** Verbs of writing a question may ask about like speech ("what did he write back?"). */
export const WRITING_VERBS: readonly string[] = list('write writes wrote written writing post posts posted tweet tweets tweeted');

/** Ordinal words a follow-up swaps ("and the second one?" after "when did the first boy …"). */
export const ORDINAL_WORDS: readonly string[] = list('first second third fourth fifth sixth seventh eighth ninth tenth last final next');

/**
 * The question a claim's figure answers, by the figure's kind (/verify asks it of the evidence core as /ask would):
 * "10,000 troops" → "How many troops …", "an hour and 45 minutes" → "How long …". Kinds absent here are not asked.
 */
export const SLOT_QUESTION_WORDS: Readonly<Partial<Record<import('./units.js').FigureKind, string>>> = {
  count: 'How many', money: 'How much', age: 'How old', duration: 'How long', distance: 'How far', length: 'How long',
  depth: 'How deep', height: 'How high', speed: 'How fast', weight: 'How heavy', area: 'How big', volume: 'How much',
  percent: 'How much',
};
/** A percentage that opens its claim as a share of something ("About 15% of world shipping passes …") is asked so. */
export const SLOT_SHARE_QUESTION = 'What share';

/** Prepositions before a name that make it where something happened ("brought ashore in Halifax", "landed at Gatwick"). */
export const SLOT_PLACE_PREPOSITIONS: readonly string[] = list('in at near outside inside off');

/** Prepositions that open a claim's circumstances ("into the dive", "across the strait"), left out of the core question /verify asks. */
export const CIRCUMSTANCE_PREPOSITIONS: readonly string[] = list('into across with during after before on in at for to from through over under within');

/** Nouns a span of time measures ("how much time", "how much of a delay"): any other noun after "how much" is not a duration. */
export const TIME_NOUNS: ReadonlySet<string> = new Set(list('time delay wait notice warning downtime day hour minute week month year second'));
