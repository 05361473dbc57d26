import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodName } from '../../../shared/api/contract';
import { subscribe } from '../transport/client';

// What a ticket's closure checklist, timeline and the review lists show changes with the ticket,
// its visits and its documentation.
const closureQueries: MethodName[] = [
  'tickets.closureCheck',
  'tickets.timeline',
  'tickets.recentlyClosed',
  'reviews.pending',
  'reviews.completed',
  'feedback.forTicket',
];

/** Pushed events mark cached results stale; the open views refetch what they show. */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const invalidate = (methods: MethodName[]) =>
      methods.forEach((m) => void queryClient.invalidateQueries({ queryKey: [m] }));
    return subscribe('*', (event) => {
      switch (event.type) {
        case 'ticket.created':
        case 'ticket.updated':
          // A ticket's needs and clock change its ranking; closing or reopening it locks or
          // unlocks its work logs.
          invalidate(['tickets.queue', 'tickets.get', 'dispatch.recommend', 'visits.myDay', ...closureQueries]);
          invalidate(['workLogs.get', 'workLogs.forTicket']);
          // The change may have queued a message (an acknowledgement, a notice) in its transaction.
          invalidate(['outbox.list', 'outbox.status']);
          // A template's preview is made with the ticket's data as it now is.
          invalidate(['templates.preview']);
          break;
        case 'directory.changed':
          invalidate(['clients.search', 'clients.list', 'contacts.list', 'sites.list', 'tickets.queue']);
          break;
        case 'site.changed':
          // Its place and access hours move rankings, plans and the technicians' days too.
          invalidate(['clients.search', 'clients.list', 'sites.list', 'tickets.queue', 'tickets.get']);
          invalidate(['dispatch.recommend', 'visits.list', 'visits.forTicket', 'visits.myDay']);
          break;
        case 'technician.changed':
          invalidate(['technicians.list', 'technicians.availability', 'dispatch.recommend']);
          break;
        case 'escalation.created':
        case 'escalation.updated':
          invalidate(['escalations.list', 'tickets.timeline']);
          break;
        case 'visit.changed':
          // A booking anywhere changes who is free, so every open ranking is refetched.
          invalidate([
            'visits.list',
            'visits.forTicket',
            'tickets.queue',
            'tickets.get',
            'dispatch.recommend',
            ...closureQueries,
          ]);
          // The technician's day; an arrival also moves the crew on the map.
          invalidate(['visits.myDay', 'technicians.list']);
          // Arrival and finish times move a work log's suggested time on site.
          invalidate(['workLogs.get', 'workLogs.forTicket']);
          // Bookings and their changes queue confirmations and notices.
          invalidate(['outbox.list', 'outbox.status']);
          // A template's preview is made with the ticket's data as it now is.
          invalidate(['templates.preview']);
          break;
        case 'ticket.documented':
          invalidate([
            'tickets.get',
            'workLogs.get',
            'workLogs.forTicket',
            'attachments.list',
            'signOffs.list',
            'calls.forTicket',
            ...closureQueries,
          ]);
          break;
        case 'outbox.changed':
          invalidate(['outbox.list', 'outbox.get', 'outbox.status', 'tickets.timeline']);
          break;
        case 'visits.projected':
          // Projected lateness on the board, the queue and the day; a projection may queue a delay notice.
          invalidate(['visits.list', 'visits.forTicket', 'visits.myDay', 'tickets.queue', 'tickets.get']);
          invalidate(['outbox.list', 'outbox.status', 'tickets.timeline']);
          break;
        case 'parts.changed':
          invalidate(['parts.list', 'workLogs.get', 'workLogs.forTicket']);
          break;
        case 'user.changed':
          // A user's name or role, or whether they may still sign in: the console of that user
          // (wherever it is open) asks again who is signed in, and a disabled one finds nobody.
          invalidate(['users.list', 'auth.status']);
          break;
        case 'session.ended':
          void queryClient.resetQueries();
          break;
        case 'settings.changed':
          invalidate([
            'sla.settings',
            'calendars.list',
            'attachments.settings',
            'closure.settings',
            'dispatch.settings',
            'organisation.settings',
            'map.streetFile',
            'outbox.settings',
            'outbox.status',
            'mail.settings',
            'reminders.settings',
            'schedules.mailSettings',
            'webhook.settings',
            'feedback.settings',
          ]);
          break;
      }
    });
  }, [enabled, queryClient]);
}
