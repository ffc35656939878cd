import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenFileSource } from './token-file-source.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-tokens-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jwt(aud: string, serial: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ aud, serial })}.sig`;
}

describe('TokenFileSource', () => {
  it('routes each token by its aud claim (origin, trailing slash or a known alias) and renews from the file after a 401', async () => {
    const path = join(work, 'tokens');
    const graph = jwt('00000003-0000-0000-c000-000000000000', 1);
    const arm = jwt('https://management.core.windows.net/', 1);
    writeFileSync(path, `# from az account get-access-token\n${graph}\n\n${arm}\n`);
    const source = new TokenFileSource(path, { 'https://graph.microsoft.com': ['00000003-0000-0000-c000-000000000000'], 'https://management.azure.com': ['https://management.core.windows.net'] });
    expect(await source.token('https://graph.microsoft.com/.default', null)).toBe(graph);
    expect(await source.token('https://management.azure.com/.default', null)).toBe(arm);
    const renewed = jwt('https://graph.microsoft.com/', 2);
    writeFileSync(path, `${renewed}\n${arm}\n`);
    expect(await source.token('https://graph.microsoft.com/.default', graph)).toBe(renewed);
  });

  it('is Unauthorized when the file holds no newer token than the refused one, or none for the API', async () => {
    const path = join(work, 'one');
    const graph = jwt('https://graph.microsoft.com', 1);
    writeFileSync(path, `${graph}\n`);
    const source = new TokenFileSource(path);
    await expect(source.token('https://graph.microsoft.com/.default', graph)).rejects.toThrow(/^Unauthorized: https:\/\/graph\.microsoft\.com refused the token from the token file .*, and the file holds no newer one$/u);
    await expect(source.token('https://management.azure.com/.default', null)).rejects.toThrow(/holds no token for https:\/\/management\.azure\.com$/u);
  });

  it('reads again a file caught half rewritten by the process that renews it: emptied, then a line half written', async () => {
    const path = join(work, 'renewing');
    const graph = jwt('https://graph.microsoft.com', 1);
    writeFileSync(path, '');
    const source = new TokenFileSource(path);
    const renewed = setTimeout(() => writeFileSync(path, `${graph}\n`), 250);
    expect(await source.token('https://graph.microsoft.com/.default', null)).toBe(graph);
    clearTimeout(renewed);
    const next = jwt('https://graph.microsoft.com', 2);
    writeFileSync(path, next.slice(0, 12));
    const finished = setTimeout(() => writeFileSync(path, `${next}\n`), 250);
    expect(await source.token('https://graph.microsoft.com/.default', graph)).toBe(next);
    clearTimeout(finished);
  });

  it('names the line of something that is not a token, never the line itself', async () => {
    const path = join(work, 'bad');
    writeFileSync(path, `${jwt('https://graph.microsoft.com', 1)}\nnot-a-token-secret-value\n`);
    const error = await new TokenFileSource(path).token('https://graph.microsoft.com/.default', null).catch((caught: unknown) => caught);
    expect(String(error)).toContain(`${path}:2: not an access token`);
    expect(String(error)).not.toContain('secret-value');
  });
});
