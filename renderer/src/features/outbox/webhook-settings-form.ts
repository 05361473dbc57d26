import type { ApiInput } from '../../../../shared/api/contract';
import { messageKinds, type MessageKind } from '../../../../shared/domain/messages';
import type { WebhookSettingsDto, WebhookTestResult } from '../../../../shared/domain/webhook';
import type { PasswordChange } from './mail-settings-form';

/** What happens to the stored signing secret on save: it is never shown, only kept, replaced or cleared. */
export type SecretChange = PasswordChange;

export interface WebhookSettingsForm {
  url: string;
  secretChange: SecretChange;
  secret: string;
  kinds: ReadonlySet<MessageKind>;
  enabled: boolean;
}

export function webhookFormFrom(dto: WebhookSettingsDto): WebhookSettingsForm {
  return {
    url: dto.url,
    secretChange: 'keep',
    secret: '',
    kinds: new Set(dto.kinds),
    // A webhook not yet saved is offered on: saving one is meant to start posting.
    enabled: dto.configured ? dto.enabled : true,
  };
}

/** The form with one kind ticked or unticked. */
export function withKind(form: WebhookSettingsForm, kind: MessageKind, on: boolean): WebhookSettingsForm {
  const kinds = new Set(form.kinds);
  if (on) kinds.add(kind);
  else kinds.delete(kind);
  return { ...form, kinds };
}

/**
 * The save request. The secret is left out unless it is replaced or cleared, so that the stored one
 * stays; kinds go in the order the console lists them, so a save that changes nothing looks so in
 * the audit log.
 */
export function webhookSaveInput(form: WebhookSettingsForm): ApiInput<'webhook.saveSettings'> {
  const secret =
    form.secretChange === 'clear' ? { secret: null } : form.secretChange === 'replace' ? { secret: form.secret } : {};
  return {
    url: form.url.trim(),
    ...secret,
    kinds: messageKinds.filter((kind) => form.kinds.has(kind)),
    enabled: form.enabled,
  };
}

const stageWords: Record<Exclude<WebhookTestResult, { delivered: true }>['stage'], string> = {
  settings: 'The webhook is not ready to send',
  connection: 'Could not reach the gateway',
  timeout: 'The gateway did not answer in time',
  message: 'The gateway refused the test',
};

/** A test post's outcome in words: the gateway's answer, or which step failed and what it said. */
export function describeWebhookTest(result: WebhookTestResult): {
  severity: 'success' | 'error';
  headline: string;
  detail: string;
} {
  if (result.delivered)
    return {
      severity: 'success',
      headline: 'The gateway accepted the test message.',
      detail: `Gateway answer: ${result.response}`,
    };
  const code = result.responseCode === null ? '' : ` (HTTP ${result.responseCode})`;
  return { severity: 'error', headline: `${stageWords[result.stage]}${code}.`, detail: result.message };
}
