/**
 * Objects the library asked Excel to keep (`_KeepReference`) so it can address
 * them in later requests by `_ReferenceId` (object path type 6), until
 * `_RemoveReference` at the end of `Excel.run`.
 */
import type { Handle } from './object-model';

export class ReferenceTable {
  private readonly byId = new Map<string, Handle>();
  private readonly ids = new WeakMap<Handle, string>();
  private next = 1;

  keep(handle: Handle): string {
    const existing = this.ids.get(handle);
    if (existing) return existing;
    const id = `sim-ref-${this.next++}`;
    this.byId.set(id, handle);
    this.ids.set(handle, id);
    return id;
  }

  idOf(handle: Handle): string | undefined {
    const id = this.ids.get(handle);
    return id !== undefined && this.byId.has(id) ? id : undefined;
  }

  get(id: string): Handle | undefined {
    return this.byId.get(id);
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  /** How many objects are kept: 0 after every `Excel.run` has finished and cleaned up. */
  get size(): number {
    return this.byId.size;
  }
}
