/**
 * Everyday word relations of news English that a dictionary does not give the way
 * reporting uses them: words different writers use for the same thing, common
 * opposites, and derivational families. General English, never a story's words.
 * WordNet (../wordnet.ts) adds the long tail; these are the ones tests pin down.
 */

/** Words different writers use for the same thing ("aid"/"assistance"/"help"): each line is one group, as written forms. */
export const SYNONYM_GROUPS: readonly string[] = [
  'aid assistance help support',
  'piece pieces chunk chunks fragment fragments',
  'tug tugs tugboat tugboats towboat towboats',
  'sub subs submarine submarines submersible submersibles',
  'father fathers dad dads daddy',
  'mother mothers mom moms mum mums',
  'ask asked request requested seek sought solicit appeal',
  'kill killed killing dead death deaths die died fatalities',
  'deploy deployed send sent dispatch dispatched',
  'attack attacks strike strikes raid raids bomb bombing airstrike',
  'troop troops soldier soldiers personnel servicemembers',
  'ship ships vessel vessels warship warships boat boats',
  'reward bounty',
  'buy buys bought purchase purchased acquire acquired acquisition',
  'deny denied denies reject rejected dismiss dismissed refute refuted',
  'confirm confirmed acknowledge acknowledged',
  'capture arrest',
  'drug drugs narcotic narcotics cocaine',
  'trafficker traffickers smuggler smugglers',
  'annual annually yearly year',
  'lead leads led head heads',
  'threaten threatened warn warned',
  'plan plans planned plot',
  'delay delayed delaying wait waited waiting postpone postponed',
  'war conflict',
  'go goes going went gone',
  'apologize apologise apologized apologised apologizes apologises apologizing apologising apology apologies sorry',
  'boss bosses ceo ceos chief chiefs',
  'quit quits quitting resign resigns resigned resigning resignation',
  'trip trips journey journeys voyage voyages expedition expeditions',
  // how badly something was hit: "worst hit", "hardest hit", "worst-affected"
  'worst hardest worst-hit hardest-hit',
  // abbreviations people type for the word reports write out
  'pc pcs computer computers',
  'tv television',
  'hq headquarters',
  // a share of a place or thing: "burned parts of the town" / "burned sections of the town"
  'part parts section sections portion portions',
];

/**
 * First words of a hyphenated compound that turn the rest around or set it in the past: "non-fatal" is not "fatal",
 * "ex-minister" is not "minister", "anti-war" is not "war". Any other compound says each of its words ("burned-out"
 * says "burned").
 */
export const COMPOUND_NEGATING_PREFIXES: readonly string[] = ['non', 'anti', 'un', 'ex', 'counter', 'pseudo', 'former', 'would', 'not'];

/**
 * What a question's word should also find in the articles ("What did X ask for?"
 * finds "X requested …"): one-way, because a broader word finds narrower ones
 * ("money" finds "dollar") but not the other way round.
 */
export const QUERY_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  ask: ['request', 'sought', 'seek', 'appeal', 'solicit', 'urg'],
  request: ['ask', 'sought', 'seek'],
  kill: ['dead', 'death', 'die', 'killing'],
  dead: ['kill', 'death', 'die'],
  death: ['kill', 'dead', 'die'],
  attack: ['strike', 'bomb', 'assault'],
  strike: ['attack', 'bomb'],
  ship: ['vessel', 'boat', 'warship'],
  vessel: ['ship', 'boat', 'warship'],
  boat: ['vessel', 'ship'],
  troop: ['soldier', 'personnel', 'force'],
  soldier: ['troop', 'personnel'],
  money: ['dollar', 'million', 'billion', 'fund', 'compensation', 'payment', 'payout', 'settlement'],
  reward: ['bounty'],
  bounty: ['reward'],
  deny: ['denied', 'reject', 'dismiss'],
  war: ['invasion', 'conflict'],
  invasion: ['war', 'invade'],
  president: ['leader'],
  leader: ['president', 'head', 'chief', 'commander'],
  // who runs or manages a firm: its chief executive, head or manager ("Boskalis chief executive X")
  run: ['chief', 'head', 'ceo', 'executive', 'boss', 'manager', 'director'],
  manage: ['manager', 'management', 'chief', 'head', 'executive'],
  // who leads an effort: its chief, head or commander ("rescue operation chief X")
  lead: ['leader', 'chief', 'head', 'commander', 'director', 'coordinator'],
  send: ['deploy', 'dispatch', 'sent'],
  deploy: ['send', 'sent', 'deployment'],
  help: ['aid', 'assistance', 'support'],
  aid: ['help', 'assistance', 'support'],
  assistance: ['help', 'aid', 'support'],
  weapon: ['arm', 'missile', 'equipment'],
  drug: ['narcotic', 'cocaine'],
  // a casual word for the young finds the words reports use ("how old are the kids" → "the boys, aged 11 to 16")
  kid: ['child', 'boy', 'girl', 'youngster', 'teenager', 'teen', 'minor', 'student', 'pupil'],
  child: ['kid', 'boy', 'girl', 'youngster', 'teenager', 'minor'],
  // what people breathe is reported as oxygen
  air: ['oxygen'],
  // where or when someone spoke is reported with what they said or told ("said at a news conference in Ottawa")
  speak: ['say', 'said', 'told', 'talk', 'remark', 'spokesperson', 'spokesman', 'spokeswoman'],
  // whether anyone was hurt is answered by who was, or by their being safe ("all 25 crew are safe")
  hurt: ['injure', 'injury', 'wound', 'safe', 'unharmed', 'unhurt'],
  injure: ['hurt', 'injury', 'wound', 'safe', 'unharmed', 'unhurt'],
};

/** Everyday opposites in reporting ("supports" / "opposes"), as written forms so no stemmer can split them. */
export const ANTONYM_PAIRS: readonly (readonly [string, string])[] = [
  ['support supports supported supporting', 'oppose opposes opposed opposing'],
  ['confirm confirms confirmed confirming', 'deny denies denied denying'],
  ['accept accepts accepted accepting', 'reject rejects rejected rejecting'],
  ['approve approves approved approving', 'reject rejects rejected rejecting'],
  ['increase increases increased increasing', 'decrease decreases decreased decreasing cut cuts'],
  ['rise rises rose risen rising', 'fall falls fell fallen falling'],
  ['win wins won winning', 'lose loses lost losing'],
  ['allow allows allowed allowing', 'ban bans banned banning forbid forbids forbade'],
  ['agree agrees agreed agreeing', 'disagree disagrees disagreed disagreeing'],
  ['open opens opened opening', 'close closes closed closing'],
  ['praise praises praised praising', 'criticize criticizes criticized criticizing condemn condemns condemned condemning'],
  ['expand expands expanded expanding', 'reduce reduces reduced reducing shrink shrinks shrank'],
  ['strengthen strengthens strengthened', 'weaken weakens weakened'],
  ['legal lawful', 'illegal unlawful'],
  ['guilty', 'innocent'],
  ['big bigger biggest large larger largest huge', 'small smaller smallest tiny'],
  ['high higher highest', 'low lower lowest'],
  ['strong stronger strongest', 'weak weaker weakest'],
  ['early earlier', 'late later'],
  ['cheap cheaper', 'expensive costly'],
  ['alive', 'dead'],
  ['success successful succeeded', 'failure failed unsuccessful'],
  // how someone took a decision or a move: "welcomed the ruling" / "was disappointed by the ruling"
  ['welcome welcomes welcomed welcoming', 'disappointed disappointing criticize criticizes criticized criticizing condemn condemns condemned condemning deplore deplores deplored decry decries decried'],
];

/**
 * Derivational families a lemmatizer leaves apart: each lemma maps to the family's
 * root, so "died", "dead" and "death" meet, and "signed", "signee" and "signatory".
 * WordNet's derivation links add more at index time; these are the common ones.
 */
export const DERIVATIONS: Readonly<Record<string, string>> = {
  dead: 'die', death: 'die', deadly: 'die', fatal: 'die', fatality: 'die',
  signee: 'sign', signatory: 'sign', signature: 'sign', signing: 'sign',
  killing: 'kill', killer: 'kill',
  denial: 'deny',
  arrestee: 'arrest',
  deployment: 'deploy',
  invasion: 'invade', invader: 'invade',
  acquisition: 'acquire',
  purchaser: 'purchase',
  election: 'elect',
  injury: 'injure',
  evacuation: 'evacuate', evacuee: 'evacuate',
  resignation: 'resign',
  rescuer: 'rescue',
  collision: 'collide',
  explosion: 'explode',
  investigation: 'investigate', investigator: 'investigate',
  announcement: 'announce',
  agreement: 'agree',
  statement: 'state',
  allegation: 'allege',
  accusation: 'accuse',
  confirmation: 'confirm',
  decision: 'decide',
  payment: 'pay',
  sale: 'sell', seller: 'sell',
};

/**
 * Word forms with a sense of their own that their lemma does not share: "born" (birth) is no form of "bear" (carry)
 * for finding or comparing ("where was the coach born" is not answered by "jerseys bearing a wild boar").
 */
export const OWN_SENSE_FORMS: ReadonlySet<string> = new Set(['born']);
