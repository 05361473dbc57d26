import { useEffect } from 'react';
import { priorityLabels } from '../../../../shared/domain/ticket';
import { navigate } from '../../app/router';
import { call, subscribe } from '../../transport/client';
import { desktopNotificationWanted, notifyDesktop } from './desktop-notifications';

/**
 * Tells a dispatcher away from the console that a request was logged and waits to be assigned.
 * Desktop only: in the console the queue shows the new row at once, which is notice enough.
 */
export function NewTicketNotifier() {
  useEffect(
    () =>
      subscribe('ticket.created', (event) => {
        // Read the ticket only for a note that will show: every dispatcher's console hears every ticket.
        if (event.type !== 'ticket.created' || !desktopNotificationWanted()) return;
        void call('tickets.get', { id: event.ticketId })
          .then((ticket) =>
            notifyDesktop({
              title: `New request ${ticket.number} · ${priorityLabels[ticket.priority]} priority`,
              body: `${ticket.client.name}${ticket.site ? `, ${ticket.site.name}` : ''}\n${ticket.description.slice(0, 160)}`,
              tag: `ticket:${ticket.id}`,
              onClick: () => navigate({ name: 'queue' }),
            }),
          )
          // A ticket this console may not read (or one gone already) is no news for it.
          .catch(() => undefined);
      }),
    [],
  );
  return null;
}
