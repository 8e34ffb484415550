import { type EntryKind, isEntryKind } from "../domain/entry-kind.ts";

/**
 * `/log problem` with no text — what a reminder's "record" button runs — is a request for the entry form:
 * the kind to open it for, else undefined. Platforms with forms open one; the console answers with usage.
 */
export function formKindOf(command: string): EntryKind | undefined {
  const m = /^\/log (\w+)\s*$/.exec(command.trim());
  return m && isEntryKind(m[1]!) ? m[1] : undefined;
}
