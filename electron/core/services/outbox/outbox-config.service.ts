import { defaultOutboxSettings, type MailSettingsDto, type OutboxSettings } from '../../../../shared/domain/outbox';
import {
  outboxSettings,
  storedMailSettings,
  storedWebhookSettings,
  type StoredMailSettings,
  type StoredWebhookSettings,
} from '../../../../shared/domain/outbox.schema';
import type { WebhookSettingsDto } from '../../../../shared/domain/webhook';
import type { Tx } from '../../db/transaction';
import { getJsonSetting, putJsonSetting } from '../../repositories/sla-config.repository';

export const OUTBOX_SETTINGS_KEY = 'outbox.settings';
export const MAIL_SETTINGS_KEY = 'mail.settings';
export const WEBHOOK_SETTINGS_KEY = 'webhook.settings';

export async function loadOutboxSettings(db: Tx): Promise<OutboxSettings> {
  return (await getJsonSetting(db, OUTBOX_SETTINGS_KEY, outboxSettings)) ?? defaultOutboxSettings;
}

export async function saveOutboxSettings(db: Tx, settings: OutboxSettings): Promise<void> {
  await putJsonSetting(db, OUTBOX_SETTINGS_KEY, settings);
}

/** The stored SMTP settings with the password, or undefined when no server is set up. */
export async function loadMailSettings(db: Tx): Promise<StoredMailSettings | undefined> {
  return getJsonSetting(db, MAIL_SETTINGS_KEY, storedMailSettings);
}

export async function storeMailSettings(db: Tx, settings: StoredMailSettings): Promise<void> {
  await putJsonSetting(db, MAIL_SETTINGS_KEY, storedMailSettings.parse(settings));
}

/** The settings as the API shows them: never the password, only whether one is stored. */
export function mailSettingsDto(stored: StoredMailSettings | undefined): MailSettingsDto {
  if (!stored)
    return {
      configured: false,
      host: '',
      port: 587,
      tls: 'starttls',
      user: null,
      passwordSet: false,
      fromAddress: '',
      fromName: null,
    };
  return {
    configured: true,
    host: stored.host,
    port: stored.port,
    tls: stored.tls,
    user: stored.user,
    passwordSet: stored.password !== null,
    fromAddress: stored.fromAddress,
    fromName: stored.fromName,
  };
}

/** What is audited of a settings change: the password never, only whether it is set. */
export function auditedMailSettings(stored: StoredMailSettings | undefined): unknown {
  return stored ? mailSettingsDto(stored) : null;
}

export type MailSettingsInput = Omit<StoredMailSettings, 'password'> & { password?: string | null | undefined };

/** Merges a save into what is stored: an absent password keeps the stored one, null clears it. */
export function mergeMailSettings(
  stored: StoredMailSettings | undefined,
  input: MailSettingsInput,
): StoredMailSettings {
  const password = input.password === undefined ? (stored?.password ?? null) : input.password;
  return {
    host: input.host,
    port: input.port,
    tls: input.tls,
    user: input.user,
    password,
    fromAddress: input.fromAddress,
    fromName: input.fromName,
  };
}

/** The stored webhook with its signing secret, or undefined when none is set up. */
export async function loadWebhookSettings(db: Tx): Promise<StoredWebhookSettings | undefined> {
  return getJsonSetting(db, WEBHOOK_SETTINGS_KEY, storedWebhookSettings);
}

export async function storeWebhookSettings(db: Tx, settings: StoredWebhookSettings): Promise<void> {
  await putJsonSetting(db, WEBHOOK_SETTINGS_KEY, storedWebhookSettings.parse(settings));
}

/** A webhook that can sign what it posts. */
export type SigningWebhook = StoredWebhookSettings & { secret: string };

/** The webhook messages are posted to now: undefined when none is saved, it is turned off or has no secret. */
export async function loadActiveWebhook(db: Tx): Promise<SigningWebhook | undefined> {
  const stored = await loadWebhookSettings(db);
  return stored?.enabled && stored.secret !== null ? { ...stored, secret: stored.secret } : undefined;
}

/** The webhook as the API shows it (and as it is audited): never the secret. */
export function webhookSettingsDto(stored: StoredWebhookSettings | undefined): WebhookSettingsDto {
  return stored
    ? {
        configured: true,
        url: stored.url,
        secretSet: stored.secret !== null,
        kinds: stored.kinds,
        enabled: stored.enabled,
      }
    : { configured: false, url: '', secretSet: false, kinds: [], enabled: false };
}
