import { describe, expect, it } from 'vitest';
import { readJsonDocument } from './json-document.js';

describe('readJsonDocument', () => {
  it('finds the records of a Graph page with their lines, and the page metadata', () => {
    const doc = readJsonDocument('{\n  "@odata.context": "ctx",\n  "value": [\n    {"id": "a"},\n    {"id": "b", "x": [1, {"y": "]}"}]}\n  ],\n  "@odata.nextLink": null\n}\n');
    expect(doc.arrayKey).toBe('value');
    expect(doc.meta).toEqual({ '@odata.context': 'ctx', '@odata.nextLink': null });
    expect(doc.elements).toEqual([
      { text: '{"id": "a"}', line: 4 },
      { text: '{"id": "b", "x": [1, {"y": "]}"}]}', line: 5 },
    ]);
    expect(doc.truncated).toBeNull();
    expect(doc.trailing).toBeNull();
  });

  it('reads a bare array and an Event Hubs wrapper', () => {
    expect(readJsonDocument('[{"a":1},{"b":2}]').elements.map((e) => e.text)).toEqual(['{"a":1}', '{"b":2}']);
    const wrapper = readJsonDocument('{"records":[{"a":1}]}');
    expect([wrapper.arrayKey, wrapper.elements.length]).toEqual(['records', 1]);
  });

  it('keeps every record before a cut and reports where the file ends', () => {
    const doc = readJsonDocument('{"value":[{"id":"a"},\n{"id":"b","s":"x\\"y');
    expect(doc.elements).toEqual([{ text: '{"id":"a"}', line: 1 }]);
    expect(doc.truncated).toEqual({ text: '{"id":"b","s":"x\\"y', line: 2 });
  });

  it('treats a lone object as one record and reports text after the document', () => {
    const doc = readJsonDocument('{"id":"p","state":"enabled"}\ntrailing');
    expect(doc.elements).toEqual([{ text: '{"id":"p","state":"enabled"}', line: 1 }]);
    expect(doc.trailing).toEqual({ text: 'trailing', line: 2 });
  });
});
