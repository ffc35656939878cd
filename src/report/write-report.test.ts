import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sortIdentities } from '../engines/identity-order.js';
import { fixtureAnalysis, fixtureReportInput } from '../../test/report-fixture.js';
import { analysisJson } from './json.js';
import { writeReport } from './write-report.js';

describe('writeReport', () => {
  const dirs: string[] = [];
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'unattended-write-'));
    dirs.push(dir);
    return dir;
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the HTML, the JSON and both CSVs into a directory it creates, and nothing else', () => {
    const out = join(tempDir(), 'nested', 'report');
    const input = fixtureReportInput();
    const written = writeReport(out, input);
    expect(written).toEqual({
      htmlPath: join(out, 'report.html'),
      jsonPath: join(out, 'analysis.json'),
      csvPaths: [join(out, 'identities.csv'), join(out, 'scan-findings.csv')],
    });
    expect(readdirSync(out).sort()).toEqual(['analysis.json', 'identities.csv', 'report.html', 'scan-findings.csv']);
    const analysis = fixtureAnalysis();
    expect(readFileSync(join(out, 'analysis.json'), 'utf8')).toBe(analysisJson({ ...analysis, identities: sortIdentities(analysis.identities) }));
    expect(readFileSync(join(out, 'report.html'), 'utf8').startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  });

  it('writes only the formats asked for', () => {
    const out = tempDir();
    expect(writeReport(out, fixtureReportInput(), ['csv'])).toEqual({ htmlPath: null, jsonPath: null, csvPaths: [join(out, 'identities.csv'), join(out, 'scan-findings.csv')] });
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('gives the same bytes for the same input', () => {
    const first = tempDir();
    const second = tempDir();
    writeReport(first, fixtureReportInput());
    writeReport(second, fixtureReportInput());
    for (const name of ['report.html', 'analysis.json', 'identities.csv', 'scan-findings.csv']) {
      expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name)))).toBe(true);
    }
  });
});
