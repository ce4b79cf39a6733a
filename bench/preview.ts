/**
 * See what users see: run commands through the same engines and renderer as the bot, draw
 * the payloads as a Discord-like dark page, and screenshot each with headless Chromium.
 *
 *   npm run preview                         # every command on ./seeds → tmp/preview/*.png
 *   npm run preview -- --seeds dev-corpora/x ask "how long was it stuck?"
 *
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH). The HTML is written
 * beside each PNG, so a page can also be opened in any browser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { APIEmbed } from 'discord.js';
import { chromium } from 'playwright-core';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { COMMANDS, runCommand, type CommandInput } from '../src/engines/index.js';
import { createLogger } from '../src/log.js';
import { discordPayloads } from '../src/console/discord-preview.js';
import type { MessagePayload } from '../src/discord/render.js';
import type { CommandName } from '../src/types.js';

/** A usage mistake: one line on stderr, exit 2. */
class UsageError extends Error {}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The subset of Discord markdown our renderer emits: bold, italics, links, quotes, subtext, escapes. */
export function markdown(src: string): string {
  const slots: string[] = [];
  const keep = (html: string) => `\u0000${slots.push(html) - 1}\u0000`;
  let s = src.replace(/\\([\\*_~`|[\]<>#@-])/g, (_, c: string) => keep(esc(c)));
  s = esc(s);
  s = s.replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, t: string, u: string) => keep(`<a href="${u}">${t}</a>`));
  s = s.replace(/&lt;t:(\d+)(?::[a-zA-Z])?&gt;/g, (_, t: string) => keep(`<span class="ts">${new Date(Number(t) * 1000).toUTCString().slice(5, 22)}</span>`));
  s = s.replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<i>$2</i>').replace(/__([^_]+)__/g, '<u>$1</u>');
  s = s
    .split('\n')
    .map((line) => (line.startsWith('&gt; ') ? `<div class="bq">${line.slice(5)}</div>` : line.startsWith('-# ') ? `<div class="sub">${line.slice(3)}</div>` : `${line}<br>`))
    .join('');
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => slots[Number(i)]!);
}

const BUTTON_STYLE: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

function embedHtml(e: APIEmbed, files: Map<string, string>): string {
  const color = `#${(e.color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;
  const img = e.image?.url ? (e.image.url.startsWith('attachment://') ? files.get(e.image.url.slice(13)) : e.image.url) : undefined;
  return `<div class="embed" style="border-left-color:${color}">
    ${e.author?.name ? `<div class="author">${esc(e.author.name)}</div>` : ''}
    ${e.title ? `<div class="title">${e.url ? `<a href="${esc(e.url)}">${markdown(e.title)}</a>` : markdown(e.title)}</div>` : ''}
    ${e.description ? `<div class="desc">${markdown(e.description)}</div>` : ''}
    ${(e.fields ?? []).map((f) => `<div class="field${f.inline ? ' inline' : ''}"><div class="fname">${markdown(f.name)}</div><div class="fval">${markdown(f.value)}</div></div>`).join('')}
    ${img ? `<img class="img" src="${img}">` : ''}
    ${e.footer?.text ? `<div class="footer">${esc(e.footer.text)}${e.timestamp ? ` • ${esc(e.timestamp.slice(0, 10))}` : ''}</div>` : ''}
  </div>`;
}

function messageHtml(p: MessagePayload, i: number): string {
  const files = new Map((p.files ?? []).map((f) => [f.name, `data:image/png;base64,${f.data.toString('base64')}`]));
  const rows = p.components
    .map(
      (row) =>
        `<div class="row">${row.components
          .map((b) => {
            const style = BUTTON_STYLE[b.style] ?? 'secondary';
            const label = 'label' in b && b.label ? esc(b.label) : '';
            const emoji = 'emoji' in b && b.emoji?.name ? `${esc(b.emoji.name)} ` : '';
            return `<span class="btn ${style}${b.disabled ? ' disabled' : ''}">${emoji}${label}${style === 'link' ? ' ↗' : ''}</span>`;
          })
          .join('')}</div>`,
    )
    .join('');
  const chars = (p.content?.length ?? 0) + p.embeds.reduce((n, e) => n + JSON.stringify(e).length, 0);
  return `<div class="msg">${i === 0 ? '<div class="avatar">D</div><div class="head"><b>Dispatch</b> <span class="bot">APP</span> <span class="when">Today at 08:00</span></div>' : ''}
    <div class="body">${p.content ? `<div class="content">${markdown(p.content)}</div>` : ''}${p.embeds.map((e) => embedHtml(e, files)).join('')}${rows}
    <div class="meta">message ${i + 1} · ~${chars} chars of JSON in embeds/content</div></div></div>`;
}

const CSS = `
body{margin:0;background:#313338;color:#dbdee1;font:16px/1.375 "gg sans","Noto Sans","DejaVu Sans",Helvetica,Arial,sans-serif;width:860px}
.cmd{color:#949ba4;font-size:13px;padding:14px 16px 0 72px}.cmd b{color:#c9cdfb}
.msg{position:relative;padding:4px 16px 6px 72px}.avatar{position:absolute;left:16px;top:6px;width:40px;height:40px;border-radius:50%;background:#5865f2;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.head{margin-top:2px}.bot{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:1px 4px;vertical-align:2px}.when{color:#949ba4;font-size:12px}
.embed{background:#2b2d31;border-left:4px solid;border-radius:4px;padding:8px 16px 12px 12px;margin-top:6px;max-width:520px;font-size:14px}
.title{font-weight:700;margin:4px 0;font-size:16px;color:#f2f3f5}.author{font-size:13px;font-weight:600;margin-top:4px}
.desc{margin-top:6px;white-space:normal}.field{margin-top:8px}.fname{font-weight:700;color:#f2f3f5}.footer{font-size:12px;color:#949ba4;margin-top:8px}
.img{display:block;max-width:min(100%,400px);max-height:300px;margin-top:12px;border-radius:4px}
a{color:#00a8fc;text-decoration:none}.bq{border-left:4px solid #4e5058;padding-left:10px;margin:2px 0}.sub{font-size:12px;color:#949ba4}
.row{display:flex;gap:8px;margin-top:8px;flex-wrap:wrap}.btn{font-size:14px;padding:2px 16px;height:32px;display:inline-flex;align-items:center;border-radius:8px;color:#fff;font-weight:500}
.primary{background:#5865f2}.secondary,.link{background:#4e5058}.success{background:#248046}.danger{background:#da373c}.disabled{opacity:.5}
.meta{font-size:11px;color:#6d6f78;margin-top:4px}.ts{background:#3f4147;border-radius:3px;padding:0 2px}`;

/** A whole page: the command as typed, then its messages. */
export function pageHtml(typed: string, payloads: MessagePayload[]): string {
  return `<!doctype html><meta charset="utf-8"><style>${CSS}</style><div class="cmd">used <b>${esc(typed)}</b></div>${payloads.map(messageHtml).join('')}<div style="height:12px"></div>`;
}

const DEFAULTS: string[][] = [
  ['ask', 'how many troops are out there now?'],
  ['ask', "what's venezuela's population?"],
  ['who', 'Nicolás Maduro'],
  ['timeline'],
  ['sources'],
  ['verify', 'The reward for Maduro is $50 million'],
  ['verify', 'The reward for Maduro is $10 million'],
  ['compare'],
  ['digest'],
];

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { seeds: { type: 'string' }, out: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  const bad = positionals.length && !COMMANDS.includes(positionals[0] as CommandName);
  if (bad) throw new UsageError(`unknown command "${positionals[0]}" (one of: ${COMMANDS.join(', ')})`);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new UsageError(`no Chromium at ${executablePath}: install Debian's chromium, or set CHROMIUM_PATH`);
  const outDir = path.resolve(values.out ?? 'tmp/preview');
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-preview-'));
  const config = loadConfig({ SEEDS_DIR: values.seeds ?? 'seeds', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const deps = await buildDeps(config, { log: createLogger('error'), storeKind: 'memory', persistIndex: false });
  const runs = positionals.length ? [positionals] : DEFAULTS;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 860, height: 600 }, deviceScaleFactor: 1 });
    for (const [i, [cmd, ...rest]] of runs.entries()) {
      const input: CommandInput = { command: cmd as CommandName, ...(rest.length ? { text: rest.join(' ') } : {}), session: 'preview' };
      const answer = await runCommand(deps, input);
      const payloads = discordPayloads(answer);
      const typed = `/${cmd}${rest.length ? ` ${rest.join(' ')}` : ''}`;
      const name = `${String(i + 1).padStart(2, '0')}-${cmd}${rest.length ? `-${rest.join(' ').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}` : ''}`.replace(/-+$/, '');
      const html = pageHtml(typed, payloads);
      fs.writeFileSync(path.join(outDir, `${name}.html`), html);
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
      const total = payloads.reduce((n, p) => n + (p.content?.length ?? 0) + p.embeds.reduce((m, e) => m + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0) + (e.footer?.text.length ?? 0), 0), 0);
      process.stdout.write(`${path.join(outDir, `${name}.png`)}  ${payloads.length} message(s), ${total} characters shown\n`);
    }
  } finally {
    await browser.close();
    await deps.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => setTimeout(() => process.exit(0), 50).unref(),
    (err) => {
      if (err instanceof UsageError) {
        process.stderr.write(`preview: ${err.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`preview: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
