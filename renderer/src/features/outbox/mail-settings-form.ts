import type { ApiInput } from '../../../../shared/api/contract';
import type { MailSettingsDto, SmtpTlsMode } from '../../../../shared/domain/outbox';
import { wholeNumberOrNaN } from '../../components/whole-number';

/** What happens to the stored password on save: it is never shown, only kept, replaced or cleared. */
export type PasswordChange = 'keep' | 'replace' | 'clear';

export interface MailSettingsForm {
  host: string;
  /** As typed: the server says what is wrong with it. */
  port: string;
  tls: SmtpTlsMode;
  user: string;
  passwordChange: PasswordChange;
  password: string;
  fromAddress: string;
  fromName: string;
}

/** The usual port for each TLS mode, offered when the port is still the previous mode's usual one. */
export const usualPorts: Record<SmtpTlsMode, string> = { starttls: '587', tls: '465', none: '25' };

export const tlsModeLabels: Record<SmtpTlsMode, string> = {
  starttls: 'STARTTLS (upgrade after connecting, usually port 587)',
  tls: 'TLS from the start (usually port 465)',
  none: 'None (plain text, only on a trusted network)',
};

export function mailFormFrom(dto: MailSettingsDto): MailSettingsForm {
  return {
    host: dto.host,
    port: dto.configured ? String(dto.port) : usualPorts[dto.tls],
    tls: dto.tls,
    user: dto.user ?? '',
    passwordChange: 'keep',
    password: '',
    fromAddress: dto.fromAddress,
    fromName: dto.fromName ?? '',
  };
}

/**
 * The save request. A port that is not a number is sent as NaN (null over HTTP) so that the
 * server's own rule names the field; the password is left out unless it is replaced or cleared.
 */
export function mailSaveInput(form: MailSettingsForm): ApiInput<'mail.saveSettings'> {
  const port = wholeNumberOrNaN(form.port);
  const password =
    form.passwordChange === 'clear'
      ? { password: null }
      : form.passwordChange === 'replace'
        ? { password: form.password }
        : {};
  return {
    host: form.host,
    port,
    tls: form.tls,
    user: form.user,
    ...password,
    fromAddress: form.fromAddress,
    fromName: form.fromName,
  };
}
