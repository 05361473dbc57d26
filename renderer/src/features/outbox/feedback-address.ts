import type { ApiInput } from '../../../../shared/api/contract';
import type { FeedbackSettingsDto } from '../../../../shared/domain/feedback';

/** The save request: an empty field goes back to the default address. */
export function feedbackAddressSaveInput(typed: string): ApiInput<'feedback.saveSettings'> {
  const address = typed.trim();
  return { publicBaseUrl: address === '' ? null : address };
}

/** Whether an address names this machine only (a client elsewhere cannot open it). */
export function isLoopbackAddress(address: string): boolean {
  const host = URL.parse(address)?.hostname.toLowerCase();
  if (host === undefined) return false;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** What feedback links start with now, and why, in words an admin can act on. */
export function describeFeedbackAddress(settings: FeedbackSettingsDto): {
  inUse: string;
  explanation: string;
  warning: string | null;
} {
  const { publicBaseUrl, effectiveBaseUrl } = settings;
  if (effectiveBaseUrl === null)
    return {
      inUse: 'No link',
      explanation:
        'No public address is saved and this console runs as the desktop app, which has no public page: feedback requests go without a link and ask the client to reply or call, quoting the ticket number.',
      warning: null,
    };
  const explanation =
    publicBaseUrl === null
      ? "No public address is saved, so links use this server's own address."
      : 'Links use the public address saved here.';
  const warning = isLoopbackAddress(effectiveBaseUrl)
    ? 'This address works only on the machine the console runs on. A client on another machine reaches the feedback page only when the console listens beyond loopback (npm run serve -- --host 0.0.0.0 --allowed-host <name>) or behind a proxy that forwards to it: save the address they reach it at.'
    : null;
  return { inUse: `${effectiveBaseUrl}/feedback/…`, explanation, warning };
}
