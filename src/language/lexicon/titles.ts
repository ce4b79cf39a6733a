/** Titles and roles written before or around a name ("Defense Secretary Pete Hegseth", "Dr. Brennan"). */

const list = (s: string) => s.trim().split(/\s+/);

/** Words that head a title or role written before a name. */
export const TITLE_HEADS: ReadonlySet<string> = new Set(
  list(`
    president vice secretary minister spokesman spokeswoman spokesperson general attorney senator sen rep representative governor gov mayor
    king queen prince princess pope chancellor premier prime chairman chairwoman chair director commissioner ambassador envoy judge justice
    dr mr mrs ms sir dame lord lady admiral adm colonel col captain capt lieutenant lt sergeant sgt commander cmdr gen professor prof
    rabbi bishop cardinal imam sheikh emir sultan leader dictator chief ceo interviewer journalist adviser advisor analyst expert official
    officer diplomat correspondent reporter anchor host fellow head lawmaker deputy speaker treasurer inspector pastor reverend rev
    economist researcher historian strategist negotiator founder executive activist lawyer prosecutor candidate aide editor columnist
    commentator presenter scholar strongman ruler monarch premier-elect president-elect
    master harbourmaster harbormaster councillor councilor councilman councilwoman alderman sheriff marshal warden dean provost rector
    coach manager trustee principal headteacher superintendent constable detective doctor supervisor controller administrator registrar clerk
    cto cfo coo cio cmo vice-chairman vice-chairwoman vice-president co-founder cofounder majesty highness excellency
  `),
);

/** Lowercase words that may sit inside a role phrase ("former national security adviser", "chief operating officer"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(
  list(`
    former acting interim national security press deputy vice senior chief foreign defense defence state top longtime long-time then retired
    general attorney assistant special principal lead associate managing executive
    operating financial technology technical marketing information communications commercial creative medical legal product sales human
    resources investment compliance digital data science research editorial political economic military public health education trade
    finance justice interior transport energy environment labour labor company co-founder cofounder
  `),
);

/** Modifiers that can open a role before a name ("former", "acting"). */
export const ROLE_OPENERS: ReadonlySet<string> = new Set(['former', 'acting', 'interim']);

/** Title abbreviations whose dot belongs to the word ("Dr. Samuel Brennan", "Gen."). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(list('dr mr mrs ms gen sen rep gov lt col capt sgt adm prof rev cmdr maj st jr sr'));

/**
 * Words that are part of a title when a name is given with it: the title heads,
 * the role modifiers and the portfolios and offices that stand between them
 * ("Defense Secretary", "White House press secretary").
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...TITLE_HEADS,
  ...list('defense defence foreign transport interior state press former retired senior white house'),
]);

/** Honorifics written before a name ("Dr.", "Mr", "Dame"): alone they say nothing of a person's role. */
export const HONORIFICS: readonly string[] = list('dr mr mrs ms sir dame lord lady prof rev st');
