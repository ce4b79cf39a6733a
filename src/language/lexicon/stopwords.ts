/** Function words: words that carry no content of their own for search and comparison. */

const list = (s: string) => s.trim().split(/\s+/);

/** The search and comparison stopwords (folded, apostrophes dropped: "didn't" → "didn"). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  list(`
    a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being
    do does did done have has had having i me my we our you your he him his she her it its they them their this that these those
    what which who whom whose when where why how there here not no nor so than too very can could will would shall should may might must
    also just only any all some such each other more most much many one own same both few out up down off again further once
    say says said tell told s t don didn doesn isn wasn aren weren ll re ve d m o y am let lets get got
  `),
);

/**
 * Capitalised words at a sentence start that are not names ("However", "Asked", "Officials"):
 * connectives, pronouns, time words and page furniture.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  list(`
    however meanwhile while when after before although though if so yet still also but and then there here this that these those such many some
    most both each every another other in on at as by for from with without under over into according amid despite since until unless whether
    why what who how where which it its they we you he she i his her their our my your yes no not now today yesterday tomorrow throughout asked
    pressed speaking assuming honestly reports officials rather instead indeed perhaps maybe even just only already again thus hence therefore
    first second third finally last next earlier later once because given like unlike whatever whoever mr mrs ms image photo source related breaking read
    everything nothing something anything everyone someone nobody anyone everybody somebody hypothetically overall please thanks
  `),
);

/** Words of page furniture and time spans that are capitalised but never names ("Breaking", "Minutes"). */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  list('minutes hours days weeks months years today yesterday tomorrow breaking update updated read more'),
);

/** Personal pronouns that stand for a person or group already named. */
export const PRONOUNS: ReadonlySet<string> = new Set(list('he she they him her his hers their them it its we i you'));

/** Words that refer back to something named before: pronouns and demonstratives ("What did he say about that?"). */
export const REFERRING_WORDS: ReadonlySet<string> = new Set(list('he she they him her his hers their them it its that this those these there'));

/** Words that open a new clause after "and"/"but" ("… and will send troops", "… but has denied it"): auxiliaries and sequence adverbs. */
export const CLAUSE_START_WORDS: readonly string[] = list('will would has have had is was were are then also later did does could may might should can');

/**
 * Words of what several do together or to each other ("met", "signed", "are at war", "each other"): a predicate said of
 * a list of subjects ("X and Y met") is not said of each alone.
 */
export const RECIPROCAL_WORDS: readonly string[] = ['each other', 'one another', 'together', 'jointly', 'between them', 'met', 'meet', 'meets', 'agreed', 'agree', 'signed', 'at war'];

/** Auxiliary and modal verbs: a word after a name that makes what follows a clause ("X, who has …", "X will …"). */
export const AUXILIARIES: readonly string[] = list('will would is are was were has have had can could should may might must');

/** Words that can stand between a name and its verb ("Peskov also said", "Trump on Friday warned", "she has never …"). */
export const NAME_VERB_FILLERS: ReadonlySet<string> = new Set([
  ...list(`also first then directly repeatedly recently reportedly has had have is was quickly later already previously further on last this week
    in himself herself now still once again never not`),
  ...['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
]);

/** Verbs that make a phrase a clause: auxiliaries and the commonest irregular past forms (a regular past ends in -ed). */
export const CLAUSE_VERBS: readonly string[] = list('is was were are be been has had have did does do will would can could said says rose fell grew took went came began ran led made saw won lost');

/** Conjunctions and relative words that end one clause and open another ("…, which …", "… because …"). */
export const CLAUSE_BREAK_WORDS: readonly string[] = list('that but while although though because and or after before when whereas which who where since until as');

/** Stopwords that do occur inside names ("The Hague", "Air Force One"). */
export const NAME_STOPWORDS: ReadonlySet<string> = new Set(list('the one'));

/** Subordinating conjunctions: a name after one sits in a subordinate clause ("even if Russia …", "When Trump arrived, …"). */
export const SUBORDINATORS: readonly string[] = list('if whether that because although though unless when whenever while whereas since after before until once as');

/** Words that join a second main clause after a comma ("…, and Okafor approved …", "…, but she said …"). */
export const CLAUSE_JOINERS: readonly string[] = list('and but while whereas yet');

/**
 * Words that open a leading adverbial or participial phrase set off by a comma ("After the vote,",
 * "According to X,", "Asked about it,"): what follows the comma is the main clause.
 */
export const INTRO_PHRASE_WORDS: readonly string[] = list(`
  after before when while once since as if although though because until unless according in on at by for during despite amid with without
  following under over asked speaking pressed told given
`);

/** Finite forms of "be" and "have": after a name they describe it or carry another verb, they are not its action. */
export const BE_HAVE_FORMS: readonly string[] = list('is was are were has have had');

/** Finite auxiliaries: "be", "have", "do" and modals as a sentence writes them before its main verb. */
export const FINITE_AUXILIARIES: readonly string[] = [...BE_HAVE_FORMS, ...list('will would can could did does')];

/** Subject pronouns ("he", "they", "I"). */
export const SUBJECT_PRONOUNS: readonly string[] = list('he she it we they i you');

/** Possessive determiners ("his son", "its captain"). */
export const POSSESSIVES: readonly string[] = list('his her their its our my your');

/** Determiners: articles, demonstratives and possessives that open a noun phrase ("the coach", "his son"). */
export const DETERMINERS: readonly string[] = [...list('the a an this that these those'), ...POSSESSIVES];

/**
 * Words that only open a noun phrase, never stand for one ("no boats", "the crews", "its owner"): the word right after
 * them (past adjectives) is the phrase's noun, not a verb, whatever a tagger says. Not "that", "this" or "her", which
 * also stand alone or as an object ("does that count", "did they help her escape").
 */
export const NOUN_PHRASE_OPENERS: ReadonlySet<string> = new Set([...list('the a an no every'), ...POSSESSIVES.filter((w) => w !== 'her')]);

/**
 * Quantifiers that open a noun phrase or stand for one ("any other boats" but "did any survive", "several firms" but
 * "did several stay"): the word after them is the phrase's noun only where it has a plural's ending, which the bare
 * verb after a standing quantifier never has.
 */
export const QUANTIFIER_OPENERS: ReadonlySet<string> = new Set(list('any some many few several these those another other'));

/** Third-person pronouns that stand for a person or group named before ("he replied", "their ship"). */
export const THIRD_PERSON_PRONOUNS: readonly string[] = list('he she they his her their him them');

/** Capitalised words that are never a name to ask about on their own ("I", "A", "Mr", "US"). */
export const NON_NAME_CAPITALS: ReadonlySet<string> = new Set(list('i a the mr mrs ms us u.s'));

/** Words that stand where a name would and are none: pronouns, words that refer back, determiners ("He said", "This said", "The said"). */
export const NON_NAME_SUBJECTS: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, ...REFERRING_WORDS, ...DETERMINERS]);
