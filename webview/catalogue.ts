/**
 * The host's function catalogue (`plot/init`) as the webview looks it up: names and colour slots
 * by id. The webview keeps no table of its own; an id the catalogue lacks shows as its id.
 */
import type { FunctionId } from '../src/core/types';
import type { FunctionInfo } from '../src/protocol';

export class Catalogue {
  private readonly byId: ReadonlyMap<FunctionId, FunctionInfo>;

  constructor(readonly list: readonly FunctionInfo[]) {
    this.byId = new Map(list.map((f) => [f.id, f]));
  }

  get(fn: FunctionId): FunctionInfo | undefined {
    return this.byId.get(fn);
  }

  /** The name for legends, tables and slider hints. */
  shortLabel(fn: FunctionId): string {
    return this.byId.get(fn)?.shortLabel ?? fn;
  }

  colorSlot(fn: FunctionId): number {
    return this.byId.get(fn)?.colorSlot ?? 0;
  }
}
