/**
 * /digest now through the HTTP interactions front door: the deferred preview is edited
 * with a multipart webhook request (payload_json + files[0]) carrying the chart PNG, and
 * the embed shows it — never an attachment:// reference without the file.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/deps.js';
import { startHttpInteractions, type HttpInteractionsServer } from '../../src/discord/http-interactions.js';
import { payloadViolations } from '../../src/discord/render.js';
import { CHART_FILE } from '../../src/schedule/discord-poster.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { realDeps } from './discord-harness.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const der = publicKey.export({ format: 'der', type: 'spki' });
const publicHex = der.subarray(der.length - 32).toString('hex');
const MANAGE_GUILD = String(1n << 5n);

let discord: FakeDiscord;
let deps: Deps;
let http: HttpInteractionsServer;

beforeAll(async () => {
  discord = await startFakeDiscord();
  const base = await realDeps();
  deps = { ...base, config: { ...base.config, DISCORD_API_URL: discord.apiUrl, DISCORD_TOKEN: undefined } };
  http = await startHttpInteractions(deps, 0, { publicKey: publicHex, host: '127.0.0.1' });
});
afterAll(async () => {
  await http?.close();
  await discord?.close();
});

describe('/digest now over HTTP interactions', () => {
  it('uploads the chart PNG with the ephemeral preview, shown by the first embed, no pings', async () => {
    const payload = discord.command('digest', [{ name: 'now', type: 1 }], { permissions: MANAGE_GUILD });
    const body = JSON.stringify(payload);
    const ts = String(Math.floor(Date.now() / 1000));
    const r = await fetch(`http://127.0.0.1:${http.port}/interactions`, {
      method: 'POST',
      body,
      headers: { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'), 'x-signature-timestamp': ts, 'content-type': 'application/json' },
    });
    const ack = (await r.json()) as { type: number; data?: { flags?: number } };
    discord.interactionResponse(payload, ack); // Discord receives the HTTP response as the callback
    expect(ack).toMatchObject({ type: 5, data: { flags: 64 } });
    const token = (payload as { token: string }).token;
    const edit = await discord.waitForRequest((q) => q.path.includes(token) && q.method === 'PATCH', 20_000);
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.raw).toContain('name="files[0]"');
    expect(edit.raw).toContain(`filename="${CHART_FILE}"`);
    expect(edit.raw).toContain('PNG\r\n\u001a\n');
    expect(edit.body.attachments).toEqual([{ id: '0', filename: CHART_FILE }]);
    expect(edit.body.embeds[0].image).toEqual({ url: `attachment://${CHART_FILE}` });
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(payloadViolations({ embeds: edit.body.embeds, components: edit.body.components ?? [] })).toEqual([]);
  });
});
