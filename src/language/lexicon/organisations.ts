/** Words that show a name is an organisation, a company, a place or an event. */

const list = (s: string) => s.trim().split(/\s+/);

/** Words that head an organisation's name ("Justice Department", "Kestrel Foods"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  list(`
    cartel ministry council centre center post herald journal times news agency navy army party department office committee commission institute
    university bank company corporation corp inc ltd group house congress senate parliament studies foundation association union court police
    guard command service services network tribune gazette press kremlin pentagon republicans democrats coalition alliance organization
    organisation federation authority bureau administration cabinet government gang syndicate brigade battalion regiment division corps fleet
    force forces reuters cia fbi nsa un nato opec club league church fund airlines airways media television radio channel
    lines shipping motors holdings partners industries labs systems technologies consortium cooperative trust limited llc llp plc gmbh incorporated
    foods brands stores pharmaceuticals logistics solutions ventures enterprises capital insurance bancorp
    institution academy school college hospital
  `),
);

/** Words that describe a company ("the kettle maker", "a furniture retailer"). */
export const COMPANY_CUES: readonly string[] = list(`
  company companies maker makers manufacturer retailer brand firm chain producer supplier startup start-up insurer lender brewer carmaker
  automaker distributor conglomerate subsidiary wholesaler grocer supermarket airline carrier operator developer publisher broadcaster bank
  exchange fund store label
`);

/** Legal suffixes after a company's name ("Sunmesh Ltd", "Acme, Inc."), as written. */
export const COMPANY_SUFFIXES: readonly string[] = list('Ltd Limited Inc Incorporated LLC LLP plc PLC GmbH AG SA S.A NV BV AB ASA Oy SpA Pty Co Corp');

/** Nouns for groups that a list of names can follow ("cartels like …", "outlets including …"), as written. */
export const GROUP_NOUNS: readonly string[] = list(`gang gangs group groups cartel cartels organization organizations organisation organisations syndicate
  syndicates network networks companies agencies outlets newspapers parties militia militias`);

/** Words that end a news outlet's name ("Miami Herald", "Al Jazeera"); and wire services named alone. */
export const OUTLET_WORDS: readonly string[] = list(`
  Post Times Herald Journal News Tribune Guardian Telegraph Reuters AP AFP TASS Tass CBS CNN NBC ABC BBC Fox Bloomberg Wire Press Agency
  Minutes Gazette Independent Observer Chronicle Sputnik Xinhua Politico Axios Daily Radio TV Television Network Magazine Review Monitor
  Institute Center Centre Council Studies
  Express Mirror Standard Sun Star Globe Examiner Inquirer Enquirer Register Bulletin Courier Dispatch Record Sentinel Today Weekly Mail
  Media Insider Newsroom Broadcasting Channel Online Digital Wires Reporter
`).concat(['Al Jazeera']);

/** Ship prefixes: "USS Gerald R. Ford" is a named vessel. */
export const SHIP_PREFIXES: ReadonlySet<string> = new Set(list('uss hms hmcs hmas usns rfs ins uscgc mv ms rv'));

/** Words that end a place's name ("Ceiba Air Base", "Caribbean Sea"). */
export const PLACE_HEADS: ReadonlySet<string> = new Set(
  list(`
    airport base sea ocean river island islands mountain mountains valley province county city street square bay gulf strait canal coast
    peninsula desert region hemisphere district port harbor harbour border capital state
    cathedral basilica abbey chapel mosque temple synagogue shrine bridge tower palace castle museum stadium arena tunnel dam highway
    motorway freeway avenue boulevard plaza
  `),
);

/** Words that end the name of an event ("Gulf War"). */
export const EVENT_HEADS: ReadonlySet<string> = new Set(
  list('war invasion revolution crisis summit olympics election elections uprising coup massacre treaty accord agreement games cup'),
);

/** Lower-case particles of personal names ("Nicolás Maduro de …", "Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES: readonly string[] = list('de del la las los da das do dos di van von der den bin ibn al el le du');

/** Lower-case words that join the capitalised words of an organisation's name ("Center for Strategic and International Studies"). */
export const ORG_NAME_CONNECTORS: readonly string[] = list('for of and de del');

/**
 * Words that, glued to a name by a hyphen, make an adjective of it ("Texas-based", "Soviet-style", "Iran-backed",
 * "CrowdStrike-caused"): the name is the part before the hyphen. Participles in -ed, -en and -ing do it too.
 */
export const HYPHEN_ADJECTIVE_WORDS: ReadonlySet<string> = new Set(list('made led run born built held hit bound style like wide'));

/** Lowercase words allowed inside a name between capitalised words ("Nicolás Maduro de …", "Bank of England"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([...NAME_PARTICLES, ...list('y of for and the')]);

/** Endings of nationality words ("Venezuelan", "Iranian", "Japanese", "British"). */
export const DEMONYM_SUFFIXES: readonly string[] = list('an ian ese ish');

/** Compass and region words that open a place's name ("North Korea", "Latin America"). */
export const DIRECTION_WORDS: ReadonlySet<string> = new Set(list('north south east west latin central northern southern eastern western'));

/** Country abbreviations written for the full name, and the names as written. */
export const COUNTRY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  us: 'united states',
  usa: 'united states',
  'united states of america': 'united states',
  uk: 'united kingdom',
  uae: 'united arab emirates',
  eu: 'european union',
  un: 'united nations',
  ussr: 'soviet union',
};
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'united states': 'United States',
  'united kingdom': 'United Kingdom',
  'united arab emirates': 'United Arab Emirates',
  'european union': 'European Union',
  'united nations': 'United Nations',
  'soviet union': 'Soviet Union',
};

/** The four compass points ("north of", "south-east of"). */
export const COMPASS_POINTS: readonly string[] = list('north south east west');

/**
 * Places that stand for the institution housed there ("the Pentagon said" is the Department of Defense): a question
 * may use one while the articles write the other. Each maps to the names the institution is written under.
 */
export const METONYMS: Readonly<Record<string, readonly string[]>> = {
  pentagon: ['Department of Defense', 'Defense Department', 'Department of Defence', 'Defence Department', 'DoD'],
  langley: ['CIA', 'Central Intelligence Agency'],
  'scotland yard': ['Metropolitan Police', 'Met Police'],
};
