import type { ApiInput } from '../../../../shared/api/contract';
import type { Impact, PriorityMatrix, SlaPolicy, Urgency } from '../../../../shared/domain/sla';
import type { SlaSettings } from '../../../../shared/domain/sla-settings';

export const impactLevels = ['high', 'medium', 'low'] as const satisfies readonly Impact[];
export const urgencyLevels = ['high', 'medium', 'low'] as const satisfies readonly Urgency[];
export const levelLabels: Record<Impact, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** "24:00" as a cut-off means none: a High ticket is due the same day whenever received before close. */
export const noCutoff = '24:00';

/** The SLA settings as the form holds them: numbers as typed, the at-risk point in percent. */
export interface PolicyForm {
  criticalMinutes: string;
  sameDayCutoff: string;
  noCutoff: boolean;
  mediumDays: string;
  lowDays: string;
  atRiskPercent: string;
  matrix: PriorityMatrix;
}

function text(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

export function policyFormFrom(settings: SlaSettings): PolicyForm {
  const { policy } = settings;
  const cutoff = policy.sameDayCutoff ?? '13:00';
  return {
    criticalMinutes: text(policy.criticalMinutes),
    sameDayCutoff: cutoff === noCutoff ? '13:00' : cutoff,
    noCutoff: cutoff === noCutoff,
    mediumDays: text(policy.mediumDays),
    lowDays: text(policy.lowDays),
    // Rounded so 0.7 shows as 70, not 70.00000000000001.
    atRiskPercent: String(Math.round(settings.atRiskFraction * 1000) / 10),
    matrix: {
      high: { ...settings.matrix.high },
      medium: { ...settings.matrix.medium },
      low: { ...settings.matrix.low },
    },
  };
}

// An empty or non-numeric field is sent as NaN (null in JSON), which the server refuses with the
// field's own message ("Whole minutes"); sending nothing would silently fall back to the default.
function numberOrNaN(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function policyFromForm(form: PolicyForm): SlaPolicy {
  return {
    criticalMinutes: numberOrNaN(form.criticalMinutes),
    sameDayCutoff: form.noCutoff ? noCutoff : form.sameDayCutoff,
    mediumDays: numberOrNaN(form.mediumDays),
    lowDays: numberOrNaN(form.lowDays),
  };
}

export function settingsFromForm(form: PolicyForm): ApiInput<'sla.saveSettings'> {
  return {
    policy: policyFromForm(form),
    matrix: form.matrix,
    atRiskFraction: numberOrNaN(form.atRiskPercent) / 100,
  };
}
