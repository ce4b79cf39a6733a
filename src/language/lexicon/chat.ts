/**
 * How people write in a chat box: shorthand and contractions typed without their apostrophe ("how many ppl were on
 * board", "whats the ticket price", "how long b4 they were found"). A question is read as if written out, so its words
 * are looked up as the articles write them. Only forms that are no English word of their own are listed ("its", "wont",
 * "were" are words; "min" may be a minimum): general chat English, never a story's words.
 */
export const CHAT_SHORTHAND: Readonly<Record<string, string>> = {
  ppl: 'people', ppls: "people's", peeps: 'people',
  govt: 'government', "gov't": 'government', govts: 'governments',
  bc: 'because', 'b/c': 'because', cuz: 'because', bcuz: 'because', bcoz: 'because',
  abt: 'about', bout: 'about', 'w/': 'with', 'w/o': 'without', thru: 'through', b4: 'before',
  rn: 'right now', tho: 'though', tmrw: 'tomorrow', tmr: 'tomorrow', '2day': 'today', tdy: 'today', yday: 'yesterday',
  yr: 'year', yrs: 'years', hr: 'hour', hrs: 'hours', mins: 'minutes', wk: 'week', wks: 'weeks', mo: 'month', mos: 'months',
  approx: 'approximately', pm: 'prime minister', pms: 'prime ministers', info: 'information', intl: 'international', dept: 'department', prez: 'president',
  pic: 'picture', pics: 'pictures', smth: 'something', sth: 'something',
  presser: 'press conference', pressers: 'press conferences', ided: 'identified', "id'd": 'identified',
  evac: 'evacuation', evacs: 'evacuations', temp: 'temperature', temps: 'temperatures', hq: 'headquarters', hqs: 'headquarters',
  admin: 'administration', exec: 'executive', execs: 'executives', reps: 'representatives', dmg: 'damage', pres: 'president',
  wat: 'what', wut: 'what', wen: 'when', wher: 'where', y: 'why', u: 'you', ur: 'your', r: 'are', n: 'and',
  whats: "what's", whos: "who's", wheres: "where's", whens: "when's", hows: "how's", whys: "why's",
  dont: "don't", didnt: "didn't", doesnt: "doesn't", wasnt: "wasn't", werent: "weren't", isnt: "isn't", arent: "aren't",
  hasnt: "hasn't", havent: "haven't", hadnt: "hadn't", cant: "can't", couldnt: "couldn't", wouldnt: "wouldn't",
  shouldnt: "shouldn't", theyre: "they're", theyve: "they've", youre: "you're", hes: "he's", shes: "she's",
  wouldve: "would've", couldve: "could've", shouldve: "should've", mustve: "must've", mightve: "might've",
  thats: "that's", theres: "there's", heres: "here's", ive: "I've", youve: "you've", weve: "we've", itll: "it'll", theyll: "they'll",
  tryna: 'trying to', lemme: 'let me', gimme: 'give me',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', kinda: 'kind of', sorta: 'sort of',
};

/**
 * How a chat question is put to the bot before the question itself ("remind me who the coach is", "any idea how deep
 * it is", "do you know where they are"): it asks about nothing, and the question word after it says what is asked.
 */
export const CHAT_PREAMBLES: readonly string[] = [
  'remind me', 'any idea', 'any ideas', 'no idea', 'i wonder', 'wondering', 'just curious', 'curious',
  'do you know', 'does anyone know', 'anyone know', 'can you tell me', 'could you tell me', 'tell me',
];

/** Words a chat question may open with before its question word ("ok but when did they get out", "wait how old is he"). */
export const CHAT_INTERJECTIONS: readonly string[] = [
  'ok', 'okay', 'so', 'but', 'and', 'like', 'wait', 'hey', 'yo', 'um', 'uh', 'hmm', 'lol', 'btw', 'also', 'well', 'right', 'sorry', 'please', 'pls', 'quick question',
];
