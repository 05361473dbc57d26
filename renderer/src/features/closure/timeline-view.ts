import { useState } from 'react';
import type { TimelineEventDto } from '../../../../shared/domain/closure';

/** What the ticket's timeline shows: everything, the work done on the ticket, or the client messages. */
export type TimelineView = 'all' | 'work' | 'messages';

export const timelineViewLabels: Record<TimelineView, string> = { all: 'All', work: 'Work', messages: 'Messages' };

// The outbox's messages and their retries; an update the dispatcher wrote is work, its message is not.
const messageKinds = new Set(['message', 'message_retry']);

export function inView(event: TimelineEventDto, view: TimelineView): boolean {
  if (view === 'all') return true;
  return messageKinds.has(event.kind) === (view === 'messages');
}

// Per workstation, like the map's basemap: one dispatcher reads the work, a desk the messages.
const KEY = 'dispatch.ticket.timelineView';

function stored(): TimelineView {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'work' || value === 'messages' ? value : 'all';
  } catch {
    return 'all';
  }
}

/** The timeline's view, remembered on this workstation for every ticket panel opened after. */
export function useTimelineView(): [TimelineView, (view: TimelineView) => void] {
  const [view, setView] = useState(stored);
  return [
    view,
    (next) => {
      setView(next);
      localStorage.setItem(KEY, next);
    },
  ];
}
