/**
 * States a subject cannot be in at once, as written phrases: a statement using one side
 * and a quote using the other say incompatible things about the same subject ("quit" /
 * "stayed on", "yet to make a decision" / "already decided"). General English, never a
 * story's words; single-word opposites live in ANTONYM_PAIRS (relations.ts).
 */
/** Verbs of travel a direction follows ("heading north", "was sailing south"). */
export const TRAVEL_VERBS: readonly string[] = ['heading', 'headed', 'travelling', 'traveling', 'sailing', 'moving', 'going', 'transiting', 'steaming', 'bound', 'flying', 'driving'];

/**
 * Ways of saying where something travels from or to, whatever the verb of travel: "heading to Rotterdam", "sailing
 * from China to Rotterdam", "on its way to Colombo", "en route to Lima", "bound for Lima". One route said with one
 * of them is said with any other.
 */
export const ROUTE_PHRASES: readonly string[] = [
  ...TRAVEL_VERBS.flatMap((v) => ['to', 'from', 'for', 'toward', 'towards'].map((p) => `${v} ${p}`)),
  'on its way to', 'on its way from', 'on her way to', 'on his way to', 'on their way to', 'en route to', 'en route from',
];

/** The ways of saying a direction of travel: "northbound", "north-bound", "heading north", "heading northward", "heading northbound". */
function travelling(direction: string): string[] {
  return [`${direction}bound`, `${direction}-bound`, ...TRAVEL_VERBS.flatMap((v) => [`${v} ${direction}`, `${v} ${direction}ward`, `${v} ${direction}wards`, `${v} ${direction}bound`])];
}

export const STATE_OPPOSITES: readonly (readonly [readonly string[], readonly string[]])[] = [
  // One vessel, vehicle or convoy travels one way at a time.
  [travelling('north'), travelling('south')],
  [travelling('east'), travelling('west')],
  [
    ['quit', 'quits', 'resign', 'resigns', 'resigned', 'step down', 'steps down', 'stepped down', 'was fired', 'was ousted', 'was dismissed'],
    ['stay on', 'stays on', 'stayed on', 'remain in office', 'remains in office', 'remained in office', 'kept his job', 'kept her job', 'kept their jobs'],
  ],
  [
    ['yet to make a decision', 'yet to decide', 'yet to make up', 'not yet decided', 'undecided', 'still deciding', 'had not decided', 'has not decided', 'had not made a decision', 'has not made a decision'],
    ['already decided', 'had decided', 'has decided', 'already made a decision', 'had made a decision', 'has made a decision', 'made up his mind', 'made up her mind'],
  ],
  [
    ['alive', 'survived', 'survives', 'rescued alive', 'found alive', 'injured', 'wounded', 'was hurt', 'were hurt'],
    ['died', 'dies', 'dead', 'killed', 'perished', 'found dead'],
  ],
  [
    ['still missing', 'remain missing', 'remains missing', 'remained missing', 'not been found', 'not yet found'],
    ['was found', 'were found', 'has been found', 'have been found', 'had been found', 'was located', 'were located'],
  ],
  [
    // A thing that still stands was not razed: "still standing" / "burned to the ground".
    ['still standing', 'still stands', 'remains standing', 'remained standing', 'left standing'],
    ['burned to the ground', 'burnt to the ground', 'razed', 'was destroyed', 'were destroyed', 'was leveled', 'was levelled', 'destroyed completely', 'completely destroyed'],
  ],
  [
    // One measure compared with one reference goes one way: "faster than the limit" / "below the limit". Only against
    // a reference ("the …"), never a figure (figures are compared as figures).
    ['faster than', 'more than the', 'higher than the', 'greater than the', 'above the', 'exceeded the', 'exceeding the', 'exceeds the', 'in excess of the'],
    ['slower than', 'less than the', 'lower than the', 'below the', 'within the'],
  ],
  [
    ['acquitted', 'cleared of'],
    ['convicted', 'found guilty'],
  ],
];

/**
 * Prepositions before a name that give it a role only one name holds at a time — where something happened, whose
 * part it is, by whom it was done — in groups of one role: a name after one of a group stands in the place of a
 * name after another of it ("in Ismailia" / "at Port Said"). "Asked X for", "sent to X" take many names at once.
 */
export const ROLE_PREPOSITIONS: readonly (readonly string[])[] = [['in', 'at', 'inside'], ['of'], ['by']];

/** Forms of "be": "X was Y" says what X is, one thing at a time. */
export const COPULAS: readonly string[] = ['is', 'are', 'was', 'were', 'be', 'been', 'being'];
