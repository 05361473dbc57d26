import {
  SETTINGS_FILE_FORMAT,
  SETTINGS_FILE_NOTICE,
  SETTINGS_FILE_VERSION,
} from '../../../../shared/domain/settings-transfer';
import {
  settingsFile,
  settingsFileHeader,
  type SettingsFile,
  type SettingsFileSections,
} from '../../../../shared/domain/settings-transfer.schema';
import { ApiFailure, type InputIssue } from '../../../../shared/errors';
import { migrationsFor } from '../../db/migrations/index';
import { zodIssues } from '../../zod-issues';
import { holidayCodeIssues } from '../sla/holiday-codes';
import { computeDueAt } from '../sla/due-time';
import { templateProblems } from '../messages/template-render';
import type { Setup } from './settings-snapshot.service';

/** This console's schema version: the name of its latest migration (the file says which made it). */
export function schemaVersion(): string {
  return Object.keys(migrationsFor('sqlite')).sort().at(-1) ?? 'none';
}

/** The file a console writes: the header, the notice of what is not in it, and the set-up. */
export function settingsDocument(setup: Setup, exportedAt: string): SettingsFile {
  return {
    format: SETTINGS_FILE_FORMAT,
    formatVersion: SETTINGS_FILE_VERSION,
    schemaVersion: schemaVersion(),
    exportedAt,
    notice: SETTINGS_FILE_NOTICE,
    sections: setup,
  };
}

function refuse(message: string, issues: InputIssue[]): never {
  throw new ApiFailure('invalid_input', message, issues);
}

/**
 * Reads a settings file's text, or refuses it naming the field under `file`: not JSON, not a
 * settings file, a newer format than this console reads, or a value the schema does not accept.
 */
export function parseSettingsFile(text: string): SettingsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse('The file is not a settings file: it is not JSON.', [{ path: ['file'], message: 'Not JSON' }]);
  }
  // The header first: a newer file may hold fields this console does not know, and the admin
  // should hear "newer format", not a list of unknown fields.
  const header = settingsFileHeader.safeParse(json);
  if (!header.success) {
    const issues = zodIssues(header.error, ['file']);
    refuse(`The file is not a Dispatch Console settings file (${issues[0]?.message ?? 'unreadable'}).`, issues);
  }
  if (header.data.formatVersion > SETTINGS_FILE_VERSION) {
    const message = `Made by a newer Dispatch Console (format version ${header.data.formatVersion}; this console reads up to ${SETTINGS_FILE_VERSION}): import it with that version or a newer one`;
    refuse(`${message}.`, [{ path: ['file', 'formatVersion'], message }]);
  }
  const parsed = settingsFile.safeParse(json);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, ['file']);
    const first = issues[0];
    refuse(
      `The settings file is not valid: ${first ? `${first.path.slice(1).join('.')}: ${first.message}` : 'unreadable'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
      issues,
    );
  }
  return parsed.data;
}

const at = (...path: (string | number)[]) => ['file', 'sections', ...path];

/**
 * What the schema cannot see: holiday codes, a calendar that never opens, templates naming
 * placeholders that do not exist, and work types needing a skill that is neither in the file nor
 * on this console. All problems at once, each at its field.
 */
export function requireApplicable(sections: SettingsFileSections, current: Setup, now: string): void {
  const issues: InputIssue[] = [];
  if (sections.calendar) {
    const { calendar } = sections.calendar;
    const holidayIssues = holidayCodeIssues(calendar.holidays, at('calendar', 'calendar', 'holidays'));
    issues.push(...holidayIssues);
    if (holidayIssues.length === 0) {
      try {
        computeDueAt({ priority: 'low', receivedAt: now, calendar });
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        issues.push({ path: at('calendar', 'calendar'), message: error.message });
      }
    }
  }
  sections.templates?.forEach((t, index) => {
    for (const p of templateProblems(t)) issues.push({ path: at('templates', index, p.field), message: p.message });
  });
  const known = new Set([...(sections.skills ?? []), ...current.skills].map((s) => s.name.toLowerCase()));
  sections.workTypes?.forEach((w, index) => {
    w.requiredSkills.forEach((r, j) => {
      if (!known.has(r.skill.toLowerCase())) {
        issues.push({
          path: at('workTypes', index, 'requiredSkills', j, 'skill'),
          message: `No skill named “${r.skill}” in the file or on this console`,
        });
      }
    });
  });
  if (issues.length > 0) {
    const first = issues[0];
    refuse(
      `The settings file cannot be applied: ${first ? `${first.path.slice(2).join('.')}: ${first.message}` : ''}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
      issues,
    );
  }
}
