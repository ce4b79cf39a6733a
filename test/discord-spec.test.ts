/**
 * Bodies the bot sends, checked against Discord's own OpenAPI description
 * (test/fixtures/discord-openapi.json, MIT, unchanged). The fake Discord runs this
 * check over every body it received when an e2e suite closes it (checkSpec), so every
 * e2e suite is covered; this file shows the checker can fail, and states each place
 * where Discord's documentation and the spec disagree.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REST, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../commands/index.js';
import { renderAnswer } from '../src/discord/render.js';
import { runCommand } from '../src/engines/index.js';
import { SPEC_EXCEPTIONS, SPEC_FILE, operationOf, specViolations, violationsOf } from './helpers/discord-spec.js';
import { startFakeDiscord } from './e2e/fake-discord.js';
import { realDeps } from './e2e/discord-harness.js';

const CALLBACK = '/interactions/1577589207566778384/tok/callback';
const EDIT = '/webhooks/1432633501320085505/tok/messages/@original';
const message = { embeds: [{ title: 'Title', description: 'Text [1]', color: 3108831 }], components: [], allowed_mentions: { parse: [] } };

describe('the spec fixture', () => {
  it("carries its MIT licence, and is the shared copy of Discord's file, unchanged (when shared/ is beside the checkout)", () => {
    expect(readFileSync(new URL('./fixtures/discord-openapi.LICENSE', import.meta.url), 'utf8')).toMatch(/MIT License[\s\S]*Copyright 2023 Discord/);
    const shared = path.resolve(path.dirname(SPEC_FILE), '../../../shared/discord-api-spec/openapi.json');
    if (existsSync(shared)) expect(readFileSync(SPEC_FILE).equals(readFileSync(shared))).toBe(true);
  });

  it('routes map to spec operations; @original wins over {message_id}', () => {
    expect(operationOf('PATCH', EDIT)?.key).toBe('PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original');
    expect(operationOf('POST', CALLBACK)?.key).toBe('POST /interactions/{interaction_id}/{interaction_token}/callback');
    expect(operationOf('POST', '/channels/1/messages')?.key).toBe('POST /channels/{channel_id}/messages');
  });
});

describe('the checker fails on what Discord would reject', () => {
  it.each<[string, { method: string; path: string; body: unknown }, RegExp]>([
    ['an attachment id as a number (the spec wants a snowflake string)', { method: 'PATCH', path: EDIT, body: { ...message, attachments: [{ id: 0, filename: 'chart.png' }] } }, /\/attachments\/0\/id must be string/],
    ['content over 2,000 characters', { method: 'POST', path: CALLBACK, body: { type: 4, data: { ...message, content: 'x'.repeat(2001) } } }, /\/data\/content must NOT have more than 2000/],
    ['an embed title over 256 characters', { method: 'PATCH', path: EDIT, body: { ...message, embeds: [{ title: 't'.repeat(257) }] } }, /\/embeds\/0\/title must NOT have more than 256/],
    ['an unknown allowed_mentions kind', { method: 'PATCH', path: EDIT, body: { ...message, allowed_mentions: { parse: ['nobody'] } } }, /\/allowed_mentions\/parse\/0 must be equal to constant/],
    ['a custom_id over 100 characters', { method: 'POST', path: CALLBACK, body: { type: 4, data: { ...message, components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Quotes', custom_id: 'q'.repeat(101) }] }] } } }, /custom_id must NOT have more than 100/],
    ['a route Discord does not have', { method: 'POST', path: '/webhooks/1/tok/messages', body: message }, /no such operation in Discord's spec/],
  ])('%s', (_what, req, error) => {
    expect(violationsOf(req).join('\n')).toMatch(error);
  });

  it('a real rendered answer is valid as a reply, an edit and a follow-up', async () => {
    const deps = await realDeps();
    const payloads = renderAnswer(await runCommand(deps, { command: 'ask', text: 'How many troops did Trump deploy?' }), { key: '1577589207566778384', channelId: '1505111622878887939', userId: '1505111622878887940' });
    const data = { ...payloads[0]!, allowed_mentions: { parse: [] } };
    expect(
      specViolations([
        { method: 'POST', path: CALLBACK, body: { type: 4, data } },
        { method: 'PATCH', path: EDIT, body: data },
        { method: 'POST', path: '/webhooks/1432633501320085505/tok', body: { ...data, flags: 64 } },
      ]),
    ).toEqual([]);
  });
});

describe("where Discord's docs and its spec disagree", () => {
  it('default_member_permissions: the docs say "?string" (a bit set serialised as a string), the spec says integer|null — we send the string the docs require', () => {
    const body = commandDefinitions();
    const digest = body.find((c) => c.name === 'digest')!;
    expect(typeof digest.default_member_permissions).toBe('string');
    for (const path of ['/applications/1432633501320085505/commands', '/applications/1432633501320085505/guilds/1468874955331601803/commands']) {
      // the strict spec rejects exactly that field, and nothing else
      const strict = violationsOf({ method: 'PUT', path, body }, []);
      expect(strict.length).toBeGreaterThan(0);
      for (const v of strict) expect(v).toMatch(/\/\d+\/default_member_permissions must be integer,null/);
      // with the documented exception, the body is valid
      expect(violationsOf({ method: 'PUT', path, body })).toEqual([]);
    }
    expect(SPEC_EXCEPTIONS.map((x) => [x.operation, x.at, x.keyword])).toEqual([
      ['PUT /applications/{application_id}/commands', '/*/default_member_permissions', 'type'],
      ['PUT /applications/{application_id}/guilds/{guild_id}/commands', '/*/default_member_permissions', 'type'],
    ]);
    for (const x of SPEC_EXCEPTIONS) expect(x.why).toMatch(/documentation/);
  });
});

describe('the fake Discord checks every body it received when it closes', () => {
  it('a body that breaks the spec fails the suite that sent it', async () => {
    const discord = await startFakeDiscord();
    const rest = new REST({ version: '10', api: discord.apiUrl }).setToken('fake-token');
    await rest.post(Routes.channelMessages(discord.channelId), { body: { content: 'ok', allowed_mentions: { parse: [] } } });
    await rest.post(Routes.channelMessages(discord.channelId), { body: { content: 'x', allowed_mentions: { parse: [] }, attachments: [{ id: 0, filename: 'chart.png' }] } });
    await expect(discord.close()).rejects.toThrow(/1 request bodies break Discord's OpenAPI spec:\nPOST \/channels\/\{channel_id\}\/messages: \/attachments\/0\/id must be string/);
  });

  it('valid bodies close quietly', async () => {
    const discord = await startFakeDiscord();
    const rest = new REST({ version: '10', api: discord.apiUrl }).setToken('fake-token');
    await rest.post(Routes.channelMessages(discord.channelId), { body: { content: 'ok', allowed_mentions: { parse: [] }, attachments: [{ id: '0', filename: 'chart.png' }] } });
    await expect(discord.close()).resolves.toBeUndefined();
  });
});
