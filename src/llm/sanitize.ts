/**
 * Output hygiene for model prose. Article text can carry prompt injection ("ping
 * @everyone", "visit http://…"); whatever the model makes of it, no mention and no
 * off-corpus link reaches a channel. Renderers also send `allowedMentions: {parse: []}`;
 * this is the second lock.
 */

const DISCORD_MENTION = /<@[!&]?\d+>|<#\d+>|<\/[^:>]{1,64}:\d+>/g;
const MASS_MENTION = /@(?:everyone|here)\b/gi;
const MASKED_LINK = /\[([^\]]{0,200})\]\(\s*<?(?:https?:\/\/|www\.)[^)]*\)/gi;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]+/gi;
/** Bare domains ("evil.example/login") that a client would auto-link or a reader would type. */
const BARE_DOMAIN = /\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|info|biz|xyz|ru|cn|example|app|dev|link|ly|gg|me|site|online|top|click)(?![\w-])(?:\/[^\s<>"'`)\]]*)?/gi;
/** Citation markers the model may write despite instructions; ours are added after verification. */
const MODEL_MARKERS = /\s*(?:\[(?:\d+(?:\s*[,;–-]\s*\d+)*|(?:passages?|sources?|p)\.?\s*\d+[^\]]*)\]|【\d+[^】]*】|\((?:passages?|sources?)\s*\d+[^)]*\))/gi;
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** True when `text` contains anything that would ping in Discord. */
export function hasMention(text: string): boolean {
  DISCORD_MENTION.lastIndex = 0;
  MASS_MENTION.lastIndex = 0;
  return DISCORD_MENTION.test(text) || MASS_MENTION.test(text);
}

/** URLs (scheme or www.) in `text`, trailing sentence punctuation removed. */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
}

/** Normalise a URL for allow-list comparison. */
export function urlKey(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/.,;:!?]+$/, '');
}

/**
 * Clean one model-written sentence: no mentions, no model-written citation
 * markers, no links except those in `allowedUrls` (the articles' own URLs).
 */
export function sanitizeProse(text: string, allowedUrls: ReadonlySet<string>): string {
  // Trailing sentence punctuation belongs to the sentence, not the link.
  const keepIfAllowed = (u: string) => {
    const tail = /[.,;:!?]+$/.exec(u)?.[0] ?? '';
    return allowedUrls.has(urlKey(u)) ? u : tail;
  };
  return text
    .replace(INVISIBLE, '')
    .replace(MASKED_LINK, '$1')
    .replace(DISCORD_MENTION, '')
    .replace(MASS_MENTION, '')
    .replace(URL, keepIfAllowed)
    .replace(BARE_DOMAIN, keepIfAllowed)
    .replace(MODEL_MARKERS, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .trim();
}
