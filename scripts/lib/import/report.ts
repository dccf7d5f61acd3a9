import type { Problem } from '../formats/types.ts';
import type { ImportSummary } from './run-import.ts';
import { shown } from './entries.ts';

/** `file:line: record N, field "x": message` — enough to find and fix it. */
export function formatProblem(p: Problem): string {
  const place = [shown(p.file), p.line].filter((x) => x !== undefined).join(':');
  const detail = [p.record !== undefined && `record ${p.record}`, p.field && `field "${p.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${place}: ${detail ? `${detail}: ` : ''}${p.message}`;
}

/** The closing summary of an import. */
export function formatSummary(s: ImportSummary, dryRun: boolean): string {
  const verb = dryRun ? 'would write' : s.written ? 'wrote' : 'wrote nothing';
  const lines = [
    `${s.files} file(s), ${s.records} record(s): ${s.created.length} new, ${s.updated.length} updated, ${s.unchanged} unchanged, ${s.duplicates} merged duplicate(s), ${s.skipped} skipped`,
  ];
  if (s.written || dryRun) {
    lines.push(
      `${verb} ${s.created.length + s.updated.length} entr${s.created.length + s.updated.length === 1 ? 'y' : 'ies'}`,
    );
  } else lines.push('wrote nothing (--strict and there were problems)');
  return lines.join('\n');
}
