/**
 * The single entry point front doors call: parse nothing, validate the shape, and
 * dispatch to the pure engine for the command.
 */
import type { Deps } from '../deps.js';
import { BadInputError } from '../errors.js';
import type { Answer, CommandName } from '../types.js';
import { ask } from './ask.js';
import { sources } from './sources.js';

/** What a front door hands the engines. */
export interface CommandInput {
  command: CommandName;
  /** The question, name, claim or topic. */
  text?: string;
  /** Conversation key for follow-ups (e.g. `discord:<channel>:<user>` or a CLI --session id). */
  session?: string;
  /** timeline filters */
  about?: string;
  from?: string;
  to?: string;
  /** timeline: 1-based page of the rendered events (JSON `events` always holds them all). */
  page?: number;
  /** digest: the subscription/channel the digest is for ("what is new since…"). */
  channel?: string;
}

/** Longest free-text input accepted (characters). Discord allows up to 6000 in an option. */
export const MAX_INPUT_CHARS = 1000;

export const COMMANDS: readonly CommandName[] = ['ask', 'who', 'timeline', 'sources', 'digest', 'verify', 'compare'];

/** Normalise and check user text: trimmed, non-empty when required, bounded. */
export function cleanInput(text: string | undefined, what: string, required: boolean): string {
  const t = stripChatMarkup((text ?? '').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (required && !t) throw new BadInputError(`Please give ${what}.`);
  if (t.length > MAX_INPUT_CHARS) {
    const noun = what.replace(/^(a|an)\s+/, '');
    throw new BadInputError(`Your ${noun} is ${t.length.toLocaleString('en-US')} characters long; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}.`);
  }
  return t;
}

/**
 * What people paste into chat is not part of the question: mentions (@everyone,
 * <@id>, <#channel>), markdown emphasis and code fences, and link targets.
 */
export function stripChatMarkup(s: string): string {
  return s
    .replace(/<(?:@[!&]?|#)\d{5,25}>/g, ' ')
    .replace(/@(?:everyone|here)\b/gi, ' ')
    .replace(/\[([^\]]*)\]\((?:https?:\/\/|<)[^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/```[a-z]*|`/gi, ' ')
    .replace(/(\*\*|__|~~|\|\|)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|\s)([*_])(\S[^*_]*?)\2(?=\s|[?.!,]|$)/g, '$1$3');
}

/** Run one command. Throws BadInputError for unusable input; otherwise always returns an Answer. */
export async function runCommand(deps: Deps, input: CommandInput): Promise<Answer> {
  switch (input.command) {
    case 'ask':
      return ask(deps, cleanInput(input.text, 'a question', true), { session: input.session });
    case 'sources':
      return sources(deps);
    case 'verify':
      return (await import('./verify.js')).verify(deps, cleanInput(input.text, 'a claim to check', true));
    case 'compare': {
      const topic = cleanInput(input.text, 'a topic', false);
      const { compare } = await import('./compare.js');
      // The corpus's differences are found once, a slice at a time, so other interactions are answered meanwhile; pinned
      // to the corpus they began on (the watcher may swap it between slices), the answer is of that corpus too.
      const pinned: Deps = { ...deps };
      await (await import('../analysis/disagreements.js')).disagreementsReady(pinned);
      return compare(pinned, topic);
    }
    case 'who':
      return (await import('./who.js')).who(deps, cleanInput(input.text, 'a name', true));
    case 'timeline':
    {
      // Engines load on first use: the NLP behind /who is heavy and a one-shot /ask should not pay for it.
      const { timeline } = await import('./timeline.js');
      return timeline(deps, { about: cleanInput(input.about, 'a topic', false) || undefined, from: input.from, to: input.to, page: input.page });
    }
    case 'digest':
      return (await import('./digest.js')).digest(deps, { channel: input.channel });
    default:
      return notYet(input.command);
  }
}

function notYet(command: CommandName): Answer {
  return {
    command,
    answered: false,
    title: `/${command}`,
    blocks: [{ text: `/${command} is not available yet.`, cites: [] }],
    citations: [],
    followUps: [],
  };
}

/**
 * Load every engine now, and build (or load) the corpus analysis and persist it (servers call
 * this at start-up and after each corpus update), so no command pays for it.
 */
export async function warmUp(deps?: Deps): Promise<void> {
  await Promise.all([import('./who.js'), import('./timeline.js'), import('./digest.js'), import('./verify.js'), import('./compare.js')]);
  if (!deps) return;
  // A large corpus whose analysis is not on disk yet (cold start, a watcher update) is built in a
  // worker thread: the event loop keeps answering meanwhile; the parts are then loaded from its file.
  const { buildAnalysisOffThread, wantsOffThreadBuild } = await import('../analysis/worker.js');
  if (wantsOffThreadBuild(deps)) await buildAnalysisOffThread(deps).catch((err: Error) => deps.log.warn({ err: err.message }, 'analysis worker failed; building in process'));
  await (await import('../analysis/index.js')).warmAnalysis(deps);
}
