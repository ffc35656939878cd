import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../model/analysis.js';
import { sortIdentities } from '../engines/identity-order.js';
import { fixtureAnalysis, fixtureReportInput } from '../../test/report-fixture.js';
import { reportText } from './write-report.js';
import { analysisJson, analysisJsonFrame, canonicalAnalysis, identityJsonText, jsonReporter } from './json.js';

/** Keys deliberately out of contract order, one unknown key, summary keys shuffled. */
function scrambled(): AnalysisResult {
  const identity = {
    verdict: 'breaks' as const,
    id: 'u1',
    extra: 'not in the contract',
    displayName: '</script>',
    upn: 'svc@x.example',
    kind: 'user' as const,
    class: 'service-account' as const,
    confidence: 0.75,
    evidence: [{ weight: -0.1, detail: 'Holds a licence.', signal: 'has-licence' }],
    breaksOn: '2026-12-15',
    phase: 'phase2',
    reasons: ['ARM writes without MFA.'],
    automation: [{ line: 3, authMethod: 'user-password' as const, file: 'a.sh' }],
    recommendation: { why: 'Runs on a VM.', action: 'migrate-managed-identity' as const },
    owner: null,
    exception: null,
    retirement: null,
  };
  return {
    summary: { byVerdict: { breaks: 1, broken: 0 }, byClass: { zeta: 0, 'service-account': 1 } },
    identities: [identity],
    enforcement: { phase2: '2026-12-15', phase1: '2025-03-15' },
    asOf: '2026-11-20T23:59:59Z',
    tenantId: 't1',
    schemaVersion: 1,
  };
}

describe('analysis.json', () => {
  it('prints the contract in its own key order, two-space indented, with a trailing newline', () => {
    expect(analysisJson(scrambled())).toBe(`{
  "schemaVersion": 1,
  "tenantId": "t1",
  "asOf": "2026-11-20T23:59:59Z",
  "enforcement": {
    "phase1": "2025-03-15",
    "phase2": "2026-12-15"
  },
  "identities": [
    {
      "id": "u1",
      "upn": "svc@x.example",
      "displayName": "</script>",
      "kind": "user",
      "class": "service-account",
      "confidence": 0.75,
      "evidence": [
        {
          "signal": "has-licence",
          "detail": "Holds a licence.",
          "weight": -0.1
        }
      ],
      "verdict": "breaks",
      "breaksOn": "2026-12-15",
      "phase": "phase2",
      "reasons": [
        "ARM writes without MFA."
      ],
      "automation": [
        {
          "file": "a.sh",
          "line": 3,
          "authMethod": "user-password"
        }
      ],
      "recommendation": {
        "action": "migrate-managed-identity",
        "why": "Runs on a VM."
      },
      "owner": null,
      "exception": null,
      "plan": null,
      "retirement": null
    }
  ],
  "summary": {
    "byClass": {
      "service-account": 1,
      "zeta": 0
    },
    "byVerdict": {
      "broken": 0,
      "breaks": 1
    }
  }
}
`);
  });

  it('round-trips the fixture exactly, identities in the contract\'s order', () => {
    const [file] = jsonReporter(fixtureReportInput());
    expect(file?.fileName).toBe('analysis.json');
    const analysis = fixtureAnalysis();
    const sorted = { ...analysis, identities: sortIdentities(analysis.identities) };
    expect(JSON.parse(reportText(file?.bytes ?? ''))).toEqual(sorted);
    expect(reportText(file?.bytes ?? '')).toBe(analysisJson(sorted));
  });

  it('assembles the document from identities rendered one by one, byte for byte what stringifying it whole gives', () => {
    const base = scrambled();
    const [first] = base.identities;
    if (!first) throw new Error('fixture has an identity');
    const hostile = { ...first, id: 'u2', displayName: 'line\nbreak "quoted" \u2028 \u0000 </script>', upn: null, reasons: [], evidence: [], automation: [] };
    const tricky = { ...base, tenantId: '\n  "identities": [],\n' };
    for (const analysis of [base, { ...base, identities: [] }, { ...tricky, identities: [first, hostile, first] }]) {
      expect(analysisJson(analysis)).toBe(`${JSON.stringify(canonicalAnalysis(analysis), null, 2)}\n`);
      const frame = analysisJsonFrame(analysis, analysis.identities.length);
      expect(`${frame.open}${analysis.identities.map(identityJsonText).join(frame.separator)}${frame.close}`).toBe(analysisJson(analysis));
    }
    expect(analysisJsonFrame(base, 0)).toEqual({ open: analysisJson({ ...base, identities: [] }), separator: '', close: '' });
    expect(identityJsonText(hostile).split('\n')[0]).toBe('    {');
  });
});
