/**
 * The local console: the same commands as Discord, typed in a terminal. When stdin
 * is not a terminal it reads commands line by line and exits at end of input, so
 * `echo "/sources" | npm start` works.
 */
import { createInterface } from 'node:readline';
import type { Deps } from '../deps.js';
import { runCommand, type CommandInput } from '../engines/index.js';
import { isDispatchError } from '../errors.js';
import type { CommandName } from '../types.js';
import { toText } from './render-text.js';

export const CONSOLE_HELP = `Commands:
  /ask <question>        ask about the story (a line without a command is a question too)
  /who <name>            a person or organisation, as the articles describe them
  /timeline [about]      what happened when (options: about:<name or words> from:YYYY-MM-DD to:YYYY-MM-DD page:N)
  /sources               which articles, which outlets, who they quote
  /digest                a summary of the story
  /verify <claim>        check a claim against the articles
  /compare [topic]       where the articles disagree
  /new                   forget the conversation (start fresh follow-ups)
  /help                  this list
  /quit                  leave`;

const NAMES: Record<string, CommandName> = {
  ask: 'ask', who: 'who', timeline: 'timeline', sources: 'sources', digest: 'digest', verify: 'verify', compare: 'compare',
};

/** Parse one console line into a command (null for blank lines). */
export function parseConsoleLine(line: string, session: string): CommandInput | { meta: 'help' | 'quit' | 'new' } | { error: string } | null {
  const t = line.trim();
  if (!t) return null;
  if (!t.startsWith('/')) return { command: 'ask', text: t, session };
  const m = t.match(/^\/(\S+)\s*([\s\S]*)$/)!;
  const name = m[1]!.toLowerCase();
  let rest = m[2]!.trim();
  if (name === 'help' || name === '?') return { meta: 'help' };
  if (name === 'quit' || name === 'exit') return { meta: 'quit' };
  if (name === 'new' || name === 'reset') return { meta: 'new' };
  const command = NAMES[name];
  if (!command) return { error: `Unknown command /${name}. Type /help for the list.` };
  const input: CommandInput = { command, session };
  if (command === 'timeline') {
    // Key forms as in Discord: from:2025-10 to:2025-11-02 page:2 about:Maduro (also --from=…, "from 2025-10").
    for (const key of ['from', 'to', 'page'] as const) {
      const opt = rest.match(new RegExp(`(?:^|\\s)(?:--)?${key}(?:[:=]\\s*|\\s+(?=\\d))(\\S+)`, 'i'));
      if (!opt) continue;
      if (key === 'page') {
        if (!/^\d{1,6}$/.test(opt[1]!)) return { error: `"page" must be a number, e.g. page:2.` };
        input.page = Number(opt[1]);
      } else input[key] = opt[1]!;
      rest = rest.replace(opt[0], ' ').trim();
    }
    const about = rest.match(/^(?:--)?about(?:[:=]|\s+)\s*([\s\S]*)$/i);
    if (about) rest = about[1]!.trim();
    rest = rest.replace(/^(["“'‘])([\s\S]*)(["”'’])$/, '$2').trim();
    if (rest) input.about = rest;
  } else if (rest) input.text = rest;
  return input;
}

export interface ReplOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  interactive?: boolean;
}

/** Run the console until /quit or end of input. */
export async function runConsole(deps: Deps, opts: ReplOptions = {}): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = opts.interactive ?? Boolean((input as NodeJS.ReadStream).isTTY);
  const write = (s: string) => output.write(`${s}\n`);
  let session = `console:${Date.now()}`;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    const n = deps.corpus.articles.length;
    write(`Dispatch — ${n} article${n === 1 ? '' : 's'} loaded from ${deps.corpus.dir}. Ask a question, or type /help.`);
    for (const w of deps.corpus.warnings) write(`Skipped ${w.file}: ${w.reason}`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const parsed = parseConsoleLine(line, session);
    if (parsed === null) {
      // blank line
    } else if ('meta' in parsed) {
      if (parsed.meta === 'quit') break;
      if (parsed.meta === 'help') write(CONSOLE_HELP);
      if (parsed.meta === 'new') {
        session = `console:${Date.now()}`;
        write('Started a new conversation.');
      }
    } else if ('error' in parsed) {
      write(parsed.error);
    } else {
      try {
        const answer = await runCommand(deps, parsed);
        write(toText(answer, interactive && Boolean((output as NodeJS.WriteStream).isTTY)));
      } catch (err) {
        if (isDispatchError(err)) write(`Sorry: ${err.message}`);
        else {
          deps.log.error({ err, line: line.slice(0, 200) }, 'console command failed');
          write('Sorry, something went wrong answering that. It has been logged.');
        }
      }
    }
    if (interactive) {
      write('');
      rl.prompt();
    }
  }
  rl.close();
}
