// Marks read by tests/bench/board.bench.ts: from the visits arriving to the board painted with them.
// A mark costs microseconds, so they stay on in production builds.

let waitingForPaint = false;

export function markDataArrived(): void {
  performance.mark('board:data');
  waitingForPaint = true;
}

/** After FullCalendar has put the events in the DOM: the next frame is when they show. */
export function markEventsRendered(): void {
  if (!waitingForPaint) return;
  waitingForPaint = false;
  requestAnimationFrame(() => setTimeout(() => performance.mark('board:painted'), 0));
}
