import type { CodedColumn, EmbeddedTable } from '../view-model/embedded-format.js';
import type { DetailPlace } from '../report-input.js';
import type { TableRow } from '../view-model/view-types.js';

/** Codes for one few-valued column, values numbered as they first appear. */
class ColumnCoder {
  private readonly positions = new Map<string, number>();
  private readonly column: CodedColumn = { values: [], codes: [] };

  add(value: string | null): void {
    if (value === null) {
      this.column.codes.push(-1);
      return;
    }
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.column.values.length;
      this.positions.set(value, position);
      this.column.values.push(value);
    }
    this.column.codes.push(position);
  }

  finish(): CodedColumn {
    return this.column;
  }
}

/** The identity table as columns (embedded-format.ts), filled row by row in the contract's order. */
export class TableColumns {
  private count = 0;
  private readonly id: string[] = [];
  private readonly upn: (string | null)[] = [];
  private readonly name: string[] = [];
  private readonly confidence: number[] = [];
  private readonly automation: number[] = [];
  private readonly detailChunk: number[] = [];
  private readonly detailPosition: number[] = [];
  private readonly coded = {
    kind: new ColumnCoder(),
    class: new ColumnCoder(),
    verdict: new ColumnCoder(),
    breaksOn: new ColumnCoder(),
    phase: new ColumnCoder(),
    action: new ColumnCoder(),
    owner: new ColumnCoder(),
    exception: new ColumnCoder(),
    stage: new ColumnCoder(),
  };

  add(row: TableRow, detail: DetailPlace): void {
    this.detailChunk.push(detail.chunk);
    this.detailPosition.push(detail.position);
    this.count += 1;
    this.id.push(row.id);
    this.upn.push(row.upn);
    this.name.push(row.displayName);
    this.confidence.push(Math.round(row.confidence * 100));
    this.automation.push(row.automation);
    this.coded.kind.add(row.kind);
    this.coded.class.add(row.class);
    this.coded.verdict.add(row.verdict);
    this.coded.breaksOn.add(row.breaksOn);
    this.coded.phase.add(row.phase);
    this.coded.action.add(row.action);
    this.coded.owner.add(row.owner);
    this.coded.exception.add(row.exception);
    this.coded.stage.add(row.stage);
  }

  finish(): EmbeddedTable {
    return {
      count: this.count,
      id: this.id,
      upn: this.upn,
      name: this.name,
      confidence: this.confidence,
      automation: this.automation,
      detailChunk: this.detailChunk,
      detailPosition: this.detailPosition,
      kind: this.coded.kind.finish(),
      class: this.coded.class.finish(),
      verdict: this.coded.verdict.finish(),
      breaksOn: this.coded.breaksOn.finish(),
      phase: this.coded.phase.finish(),
      action: this.coded.action.finish(),
      owner: this.coded.owner.finish(),
      exception: this.coded.exception.finish(),
      stage: this.coded.stage.finish(),
    };
  }
}
