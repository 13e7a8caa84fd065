import { diffWords } from 'diff';

/**
 * What a pending revision changes, field by field, for the moderator who decides on it: only the
 * fields that differ from what is published, texts as a word diff (jsdiff, which counts
 * Vietnamese letters as word characters) with long unchanged stretches shortened around the
 * edits, lists as items removed and added.
 */

/** One field as published (`before`) and as the revision has it (`after`). */
export interface FieldBeside {
  label: string;
  before: string | readonly string[] | null | undefined;
  after: string | readonly string[] | null | undefined;
}

export type TextPiece = { kind: 'same' | 'removed' | 'added'; text: string } | { kind: 'gap' };
export type ListItem = { kind: 'same' | 'removed' | 'added'; text: string };

export type ChangedField = { label: string; text: TextPiece[] } | { label: string; items: ListItem[] };

/** Unchanged words kept on each side of an edit; a longer unchanged stretch is cut to a gap. */
export const CONTEXT_WORDS = 12;

export function changedFields(fields: readonly FieldBeside[]): ChangedField[] {
  const changed: ChangedField[] = [];
  for (const { label, before, after } of fields) {
    if (Array.isArray(before) || Array.isArray(after)) {
      const items = listChanges(asList(before), asList(after));
      if (items.some((i) => i.kind !== 'same')) changed.push({ label, items });
    } else {
      const [was, now] = [asText(before as string | null | undefined), asText(after as string | null | undefined)];
      if (was !== now) changed.push({ label, text: textChanges(was, now) });
    }
  }
  return changed;
}

/** Text as compared: NFC, one kind of line break (a form's "\r\n" and the published "\n" are the same text), trimmed. */
function asText(value: string | null | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

function asList(value: string | readonly string[] | null | undefined): string[] {
  if (value == null) return [];
  return [...new Set((typeof value === 'string' ? [value] : [...value]).map((v) => asText(v)).filter(Boolean))];
}

/** The items of both lists in the revision's order, those gone appended where they stood. */
function listChanges(before: string[], after: string[]): ListItem[] {
  const kept = new Set(before);
  const now = new Set(after);
  const items: ListItem[] = after.map((text) => ({ kind: kept.has(text) ? 'same' : 'added', text }));
  for (const text of before) if (!now.has(text)) items.push({ kind: 'removed', text });
  return items;
}

/** A word diff, each unchanged stretch cut to CONTEXT_WORDS words beside the edits it touches. */
export function textChanges(before: string, after: string): TextPiece[] {
  const parts = diffWords(before, after);
  const pieces: TextPiece[] = [];
  parts.forEach((part, index) => {
    if (part.added || part.removed) {
      pieces.push({ kind: part.added ? 'added' : 'removed', text: part.value });
      return;
    }
    pieces.push(...shorten(part.value, index > 0, index < parts.length - 1));
  });
  return pieces;
}

/** Keeps the words of an unchanged stretch next to an edit before it (`head`) and after it (`tail`). */
function shorten(text: string, afterAnEdit: boolean, beforeAnEdit: boolean): TextPiece[] {
  const tokens = text.split(/(\s+)/); // words at even indexes, the spaces between them at odd ones
  const words = Math.ceil(tokens.length / 2);
  const keep = (afterAnEdit ? CONTEXT_WORDS : 0) + (beforeAnEdit ? CONTEXT_WORDS : 0);
  if (words <= keep + 2) return [{ kind: 'same', text }];
  const head = afterAnEdit ? tokens.slice(0, CONTEXT_WORDS * 2).join('') : '';
  const tail = beforeAnEdit ? tokens.slice(tokens.length - CONTEXT_WORDS * 2).join('') : '';
  return [...(head ? [{ kind: 'same' as const, text: head }] : []), { kind: 'gap' }, ...(tail ? [{ kind: 'same' as const, text: tail }] : [])];
}
