import type { EventInput } from '@fullcalendar/core';
import type { ResourceLaneMountArg } from '@fullcalendar/resource';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * Above this many technicians the board hands FullCalendar only the events of the rows on screen.
 * Below it every row is drawn at once: quick enough, and nothing appears while scrolling.
 */
export const windowedFrom = 60;

/** Rows outside the view that still get their events: a scroll of this many px shows no gap. */
const overscanPx = 400;

/** Rows drawn before the first report of what is on screen: more than a tall monitor shows. */
const firstRows = 40;

/**
 * The events that belong to the rows on screen (a crew visit shows if any of its rows is).
 * `visible` null means every row.
 */
export function eventsInWindow(events: readonly EventInput[], visible: ReadonlySet<string> | null): EventInput[] {
  if (!visible) return [...events];
  return events.filter((e) =>
    e.resourceIds ? e.resourceIds.some((id) => visible.has(id)) : visible.has(e.resourceId ?? ''),
  );
}

/**
 * Which technicians' rows are on screen, give or take `overscanPx`.
 *
 * FullCalendar 6's timeline measures each row that has events, one row after another, and every
 * measurement lays out the whole timeline again: a week of 200 technicians with events takes
 * seconds to draw, the 30 or so rows on screen a tenth of that. The rows themselves are cheap, so
 * all of them stay (scrolling, grouping and drag targets work as before); only their events come
 * and go. An IntersectionObserver on the rows' lanes says which are in view.
 *
 * `order` is the rows' display order, for the first draw before the observer has reported.
 * While `frozen` (a drag is under way) the window keeps still, so the dragged visit is never
 * taken away under the pointer.
 */
export function useRowWindow(enabled: boolean, order: readonly string[], frozen: boolean) {
  const [reported, setReported] = useState<ReadonlySet<string> | null>(null);
  const inView = useRef(new Set<string>());
  const lanes = useRef(new Map<Element, string>());
  const observer = useRef<{ root: Element; io: IntersectionObserver } | null>(null);
  const frozenRef = useRef(frozen);
  frozenRef.current = frozen;

  const publish = useCallback(() => {
    if (frozenRef.current) return;
    const next = inView.current;
    setReported((previous) =>
      previous && previous.size === next.size && [...next].every((id) => previous.has(id)) ? previous : new Set(next),
    );
  }, []);

  // A drag that ended may have scrolled: catch up with what is on screen now.
  useEffect(() => {
    if (!frozen) publish();
  }, [frozen, publish]);

  const observe = useCallback(
    (el: Element) => {
      // The timeline's own scroller is the root, so the overscan margin applies to it; day and
      // week views have different scrollers.
      const root = el.closest('.fc-scroller');
      if (!root) return;
      if (observer.current?.root !== root) {
        observer.current?.io.disconnect();
        inView.current.clear();
        const io = new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const id = lanes.current.get(entry.target);
              if (id === undefined) continue;
              if (entry.isIntersecting) inView.current.add(id);
              else inView.current.delete(id);
            }
            publish();
          },
          { root, rootMargin: `${overscanPx}px 0px` },
        );
        observer.current = { root, io };
        for (const lane of lanes.current.keys()) if (root.contains(lane)) io.observe(lane);
      }
      observer.current.io.observe(el);
    },
    [publish],
  );

  const laneDidMount = useCallback(
    (arg: ResourceLaneMountArg) => {
      lanes.current.set(arg.el, arg.resource.id);
      if (enabled) observe(arg.el);
    },
    [enabled, observe],
  );
  const laneWillUnmount = useCallback((arg: ResourceLaneMountArg) => {
    lanes.current.delete(arg.el);
    observer.current?.io.unobserve(arg.el);
  }, []);

  // Turned on (the board grew, or the team filter widened): watch the lanes already drawn.
  useEffect(() => {
    if (!enabled) {
      observer.current?.io.disconnect();
      observer.current = null;
      inView.current.clear();
      setReported(null);
      return;
    }
    for (const lane of lanes.current.keys()) observe(lane);
  }, [enabled, observe]);

  useEffect(() => () => observer.current?.io.disconnect(), []);

  const visible = useMemo(() => {
    if (!enabled) return null;
    return reported ?? new Set(order.slice(0, firstRows));
  }, [enabled, reported, order]);

  return { visible, laneDidMount, laneWillUnmount };
}

/**
 * Scrolls the timeline just enough to show a technician's row (the one selected on the map, say):
 * on a board of 200 rows it is otherwise somewhere below. Vertical only; the time stays put.
 * False when the row is not on the board (not drawn yet, or another team is shown).
 */
export function revealRow(container: HTMLElement | null, technicianId: string): boolean {
  const lane = container?.querySelector(`td.fc-timeline-lane[data-resource-id="${CSS.escape(technicianId)}"]`);
  const scroller = lane?.closest('.fc-scroller');
  if (!lane || !scroller) return false;
  const row = lane.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (row.top < view.top) scroller.scrollTop -= view.top - row.top;
  else if (row.bottom > view.bottom) scroller.scrollTop += row.bottom - view.bottom;
  return true;
}
