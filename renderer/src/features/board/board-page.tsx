import type { CalendarOptions, DatesSetArg, EventClickArg, EventDropArg } from '@fullcalendar/core';
import interactionPlugin, { type EventReceiveArg, type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import type { ResourceLabelContentArg } from '@fullcalendar/resource';
import resourceTimelinePlugin from '@fullcalendar/resource-timeline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import PrintIcon from '@mui/icons-material/Print';
import Tooltip from '@mui/material/Tooltip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { alpha, useTheme } from '@mui/material/styles';
import { keepPreviousData } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import type { QueueRow } from '../../../../shared/domain/ticket';
import { navigate } from '../../app/router';
import { select, useSelection } from '../../app/selection';
import { useApiQuery } from '../../transport/queries';
import { defaultTravelSettings } from '../../../../shared/domain/travel';
import {
  localDay,
  noTeam,
  movingVisitIds,
  planEvents,
  technicianResources,
  unassignedTickets,
  visitEvents,
  type PriorityColors,
  type TicketDragProps,
  type VisitEventProps,
} from './board-data';
import { markDataArrived, markEventsRendered } from './board-perf';
import { BookingDialog } from './booking-dialog';
import { PlanPreviewBar } from './plan-preview-bar';
import { printDayOf } from './print-day';
import { UnassignedPanel } from './unassigned-panel';
import { ticketMinutes, useBoardWrites, type BookingDraft, type WriteFailure } from './use-board-writes';
import { useOptimizer } from './use-optimizer';
import { eventsInWindow, revealRow, useRowWindow, windowedFrom } from './use-row-window';
import { call } from '../../transport/client';
import { visitContent, visitDidMount } from './visit-event-content';
import { allTeams, TeamFilter } from '../../components/team-filter';
import { defaultOrganisationSettings, weekdayIndex } from '../../../../shared/domain/organisation';
import { datesFrom, durationText, wholeDay, workingWindow, type DayWindow } from './working-hours';

interface Notice {
  message: string;
  severity: 'success' | 'error' | 'warning';
  /** Set when the server asked for an override: "Book anyway…" opens the dialog with it. */
  retry?: BookingDraft;
}

/**
 * The week view draws only `window` of each day. Hours are labelled every two hours (four for a
 * long day) in 24-hour digits, narrow enough that at 1440 px the working week fits without
 * scrolling and no label is cut ("A 8 A 10 12 2 P" was a day of 24 two-hour slots with am/pm).
 */
function boardViews(window: DayWindow): CalendarOptions['views'] {
  const long = window.endMinutes - window.startMinutes > 12 * 60;
  return {
    resourceTimelineDay: { slotDuration: '00:30', slotLabelInterval: '01:00', slotMinWidth: 36 },
    resourceTimelineWeek: {
      slotMinTime: durationText(window.startMinutes),
      slotMaxTime: durationText(window.endMinutes),
      slotDuration: long ? '02:00' : '01:00',
      slotLabelInterval: long ? '04:00' : '02:00',
      // Whole days need wider slots, or an hour's visit is a sliver; the week then scrolls.
      slotMinWidth: long ? 16 : 10,
      slotLabelFormat: [
        { weekday: 'short', day: 'numeric', month: 'short' },
        { hour: '2-digit', hourCycle: 'h23' },
      ],
    },
  };
}

/** The workstation's zone: FullCalendar draws in it (timeZone 'local'). */
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const statuses = ['new', 'assigned'] as const;

/**
 * A row holding one line of visits: two text lines (18 + 16 px), the event's padding, border and
 * margin (7 px), and the 10 px FullCalendar leaves under a row's events.
 */
const rowHeightPx = 18 + 16 + 7 + 10;

/**
 * The dispatch board: technicians as rows grouped by team, their visits by priority with the
 * travel before each, and the unassigned tickets to drag onto a row. Dispatchers and admins book
 * and move; the other readers only look.
 */
export function BoardPage({ user }: { user: UserDto }) {
  const canWrite = roleIn(access.dispatch, user.role);
  const theme = useTheme();
  const selection = useSelection();
  const calendarRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  // The visible days (YYYY-MM-DD, last inclusive), for the optimizer.
  const [days, setDays] = useState<{ from: string; to: string } | null>(null);
  const [bestPending, setBestPending] = useState<string | null>(null);
  const optimizer = useOptimizer();
  const plan = optimizer.state.kind === 'preview' ? optimizer.state.plan : null;
  const [selectedVisitId, setSelectedVisitId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<BookingDraft | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { save } = useBoardWrites();

  const technicianList = useApiQuery('technicians.list', {});
  const visitList = useApiQuery('visits.list', range ?? { from: '', to: '' }, {
    enabled: range !== null,
    // Keep the old week on screen while the next one loads, rather than an empty board.
    placeholderData: keepPreviousData,
  });
  const queue = useApiQuery('tickets.queue', { statuses: [...statuses] });
  // The lead-ins use the admin's travel settings, as the booking rules and ranking do.
  const dispatchSettings = useApiQuery('dispatch.settings', {});
  const travel = dispatchSettings.data?.travel ?? defaultTravelSettings;
  const organisation = useApiQuery('organisation.settings', {});
  const firstDay = weekdayIndex(organisation.data?.firstDayOfWeek ?? defaultOrganisationSettings.firstDayOfWeek);
  const [viewType, setViewType] = useState('resourceTimelineDay');
  const [allDay, setAllDay] = useState(false);

  const technicians = useMemo(
    () => (technicianList.data ?? []).filter((t) => t.active).sort((a, b) => a.name.localeCompare(b.name)),
    [technicianList.data],
  );
  const byId = useMemo(() => new Map(technicians.map((t) => [t.id, t])), [technicians]);
  const [team, setTeam] = useState(allTeams);
  const teams = useMemo(() => [...new Set(technicians.map((t) => t.team ?? noTeam))].sort(), [technicians]);
  // A team at a time is what one dispatcher usually handles, and far less for the timeline to draw.
  const resources = useMemo(
    () => technicianResources(team === allTeams ? technicians : technicians.filter((t) => (t.team ?? noTeam) === team)),
    [technicians, team],
  );
  // The rows as the board shows them: by team, then name (resourceOrder below).
  const rowOrder = useMemo(
    () =>
      [...resources]
        .sort((a, b) => String(a.team).localeCompare(String(b.team)) || String(a.title).localeCompare(String(b.title)))
        .map((r) => r.id ?? ''),
    [resources],
  );
  const [dragging, setDragging] = useState(false);
  const rowWindow = useRowWindow(resources.length >= windowedFrom, rowOrder, dragging);
  const unassigned = useMemo(() => unassignedTickets(queue.data ?? []), [queue.data]);
  const colors = useMemo<PriorityColors>(
    () => ({
      critical: theme.palette.error.main,
      high: theme.palette.warning.main,
      medium: theme.palette.info.main,
      low: theme.palette.grey[600],
    }),
    [theme],
  );
  const visitEventList = useMemo(() => {
    if (!visitList.data) return [];
    markDataArrived();
    return visitEvents(visitList.data, byId, colors, canWrite, travel);
  }, [visitList.data, byId, colors, canWrite, travel]);
  const allEvents = useMemo(
    () => (plan ? [...visitEventList, ...planEvents(plan, colors)] : visitEventList),
    [visitEventList, plan, colors],
  );
  const events = useMemo(() => eventsInWindow(allEvents, rowWindow.visible), [allEvents, rowWindow.visible]);
  // The working part of the day, from the shifts of the technicians shown and the visits on screen.
  const shownTechnicians = useMemo(
    () => (team === allTeams ? technicians : technicians.filter((t) => (t.team ?? noTeam) === team)),
    [technicians, team],
  );
  const dayWindow = useMemo(() => {
    if (allDay || !days) return wholeDay;
    const dates = datesFrom(days.from, days.to);
    const window = workingWindow(shownTechnicians, visitList.data ?? [], dates, localZone, 2);
    return window.endMinutes - window.startMinutes > 12 * 60
      ? workingWindow(shownTechnicians, visitList.data ?? [], dates, localZone, 4)
      : window;
  }, [allDay, days, shownTechnicians, visitList.data]);
  // By value: a refetch that leaves the hours as they were must not hand FullCalendar new views
  // (it would draw the whole timeline again).
  const { startMinutes, endMinutes } = dayWindow;
  const views = useMemo(() => boardViews({ startMinutes, endMinutes }), [startMinutes, endMinutes]);
  const moving = useMemo(() => movingVisitIds(plan), [plan]);
  const printDay = selection.day ? printDayOf(selection.day, team, selection.technicianId, shownTechnicians) : null;
  // The visit clicked here, else one of the ticket selected elsewhere (the map, the panel).
  const selectedVisit =
    visitList.data?.find((v) => v.id === selectedVisitId && v.ticketId === selection.ticketId) ??
    visitList.data?.find((v) => v.ticketId === selection.ticketId && v.status === 'scheduled') ??
    null;

  // The map (or anything else) picks a day: show it, unless it is already on screen.
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (!api || !selection.day) return;
    const day = DateTime.fromISO(selection.day).toJSDate();
    if (day < api.view.activeStart || day >= api.view.activeEnd) api.gotoDate(day);
  }, [selection.day]);

  // The technician selected here or elsewhere (the map) is scrolled into view once, also when the
  // board opens: in the frame after FullCalendar has drawn the rows. Once only, so a later refetch
  // of the technicians never pulls the board away from where the dispatcher scrolled.
  const boardRef = useRef<HTMLDivElement>(null);
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    const id = selection.technicianId;
    if (!id || revealed.current === id) return;
    const frame = requestAnimationFrame(() => {
      if (revealRow(boardRef.current, id)) revealed.current = id;
    });
    return () => cancelAnimationFrame(frame);
  }, [selection.technicianId, resources]);

  // datesSet is handed to FullCalendar once; it reads the selection through a ref.
  const currentSelection = useRef(selection);
  currentSelection.current = selection;
  /** Scrolls the timeline so that an instant shows (a booking at 00:30 is off screen at 07:00). */
  const reveal = useCallback((iso: string) => {
    const api = calendarRef.current?.getApi();
    if (!api) return;
    const offset = Date.parse(iso) - api.view.activeStart.getTime() - 30 * 60_000;
    api.scrollToTime({ milliseconds: Math.max(0, offset) });
  }, []);

  // A new proposal opens where its first change is.
  useEffect(() => {
    const first = plan?.visits
      .filter((v) => v.change !== 'unchanged' && v.change !== 'pinned')
      .map((v) => v.startsAt)
      .sort()[0];
    if (first) reveal(first);
  }, [plan, reveal]);

  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      // Whole days, although the week view may show only their working hours: the visits loaded
      // are what widens those hours when one lies outside them.
      const start = DateTime.fromJSDate(arg.start).startOf('day');
      const end = DateTime.fromJSDate(new Date(arg.end.getTime() - 1)).startOf('day');
      setRange((previous) => {
        const next = { from: start.toUTC().toISO() ?? '', to: end.plus({ days: 1 }).toUTC().toISO() ?? '' };
        return previous?.from === next.from && previous.to === next.to ? previous : next;
      });
      setDays((previous) => {
        const next = { from: localDay(start.toJSDate()), to: localDay(end.toJSDate()) };
        return previous?.from === next.from && previous.to === next.to ? previous : next;
      });
      setViewType(arg.view.type);
      const { day: selected } = currentSelection.current;
      const selectedDate = selected ? DateTime.fromISO(selected).toJSDate() : null;
      if (!selectedDate || selectedDate < start.toJSDate() || selectedDate > end.toJSDate())
        select({ day: start.toISODate() });
      // Today's day, or a week that holds it, opens at now, not at its first morning: the
      // dispatcher's next hours are what matter. After FullCalendar's own scroll to scrollTime,
      // hence the frame.
      const now = Date.now();
      if (now >= arg.start.getTime() && now < arg.end.getTime())
        requestAnimationFrame(() => reveal(new Date(now - 90 * 60_000).toISOString()));
    },
    [reveal],
  );

  const report = useCallback((failure: WriteFailure, draft: BookingDraft) => {
    if (failure.kind === 'override')
      setNotice({ severity: 'warning', message: failure.message, retry: { ...draft, overrideRules: failure.rules } });
    else setNotice({ severity: failure.kind === 'stale' ? 'warning' : 'error', message: failure.message });
  }, []);

  const ticketById = useCallback((id: string) => queue.data?.find((t) => t.id === id), [queue.data]);

  const onReceive = useCallback(
    async (info: EventReceiveArg) => {
      const { ticketId } = info.event.extendedProps as TicketDragProps;
      const resource = info.event.getResources()[0];
      const start = info.event.start;
      if (!resource || !start) return info.revert();
      const draft: BookingDraft = {
        ticketId,
        ticketNumber: ticketById(ticketId)?.number ?? '',
        visit: null,
        technicianId: resource.id,
        helperIds: [],
        startsAt: start.toISOString(),
        durationMinutes: 60,
        pinned: false,
        overrideRules: [],
      };
      try {
        draft.durationMinutes = await ticketMinutes(ticketId);
      } catch {
        // The ticket vanished or cannot be read: the booking below answers why.
      }
      const failure = await save(draft);
      // The saved visit is on the board by now (save waits for the refetch); drop the stand-in.
      if (failure) {
        info.revert();
        report(failure, draft);
      } else {
        info.event.remove();
        setNotice({ severity: 'success', message: `Booked ${draft.ticketNumber}` });
      }
    },
    [save, report, ticketById],
  );

  const onMove = useCallback(
    async (info: EventDropArg | EventResizeDoneArg) => {
      const { visit } = info.event.extendedProps as VisitEventProps;
      const { start, end } = info.event;
      if (!start || !end) return info.revert();
      let technicianId = visit.technicianId;
      let helperIds = visit.helperIds;
      const from = 'oldResource' in info ? info.oldResource?.id : undefined;
      const to = 'newResource' in info ? info.newResource?.id : undefined;
      // A crew member's copy was dragged to another row: that member is replaced, lead or helper.
      if (from && to) {
        if (from === visit.technicianId) technicianId = to;
        else helperIds = helperIds.map((h) => (h === from ? to : h));
      }
      const draft: BookingDraft = {
        ticketId: visit.ticketId,
        ticketNumber: visit.ticketNumber,
        visit,
        technicianId,
        helperIds,
        startsAt: start.toISOString(),
        durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
        pinned: visit.pinned,
        overrideRules: [],
      };
      const failure = await save(draft);
      if (failure) {
        info.revert();
        report(failure, draft);
      }
    },
    [save, report],
  );

  const startDragging = useCallback(() => setDragging(true), []);
  const stopDragging = useCallback(() => setDragging(false), []);

  const onEventClick = useCallback((info: EventClickArg) => {
    const props = info.event.extendedProps as Partial<VisitEventProps>;
    if (props.kind !== 'visit' || !props.visit) return;
    setSelectedVisitId(props.visit.id);
    select({ ticketId: props.visit.ticketId, technicianId: props.visit.technicianId });
  }, []);

  const openBook = useCallback(
    async (ticket: QueueRow) => {
      select({ ticketId: ticket.id });
      const minutes = await ticketMinutes(ticket.id).catch(() => 60);
      const day = selection.day ?? localDay(new Date());
      setDialog({
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        visit: null,
        technicianId: selection.technicianId ?? '',
        helperIds: [],
        startsAt: DateTime.fromISO(`${day}T09:00`).toUTC().toISO() ?? '',
        durationMinutes: minutes,
        pinned: false,
        overrideRules: [],
      });
    },
    [selection.day, selection.technicianId],
  );

  const openEdit = () => {
    if (!selectedVisit) return;
    setDialog({
      ticketId: selectedVisit.ticketId,
      ticketNumber: selectedVisit.ticketNumber,
      visit: selectedVisit,
      technicianId: selectedVisit.technicianId,
      helperIds: selectedVisit.helperIds,
      startsAt: selectedVisit.startsAt,
      durationMinutes: selectedVisit.durationMinutes,
      pinned: selectedVisit.pinned,
      overrideRules: [],
    });
  };

  const saveFromDialog = useCallback(
    async (draft: BookingDraft, reason: string | null) => {
      const failure = await save(draft, reason);
      if (!failure) setNotice({ severity: 'success', message: `Saved ${draft.ticketNumber}` });
      return failure;
    },
    [save],
  );

  // A technician's name selects them (and the map follows); Enter does the same from the keyboard.
  const onLabelMount = useCallback((arg: ResourceLabelContentArg & { el: HTMLElement }) => {
    const choose = () => select({ technicianId: arg.resource.id });
    arg.el.tabIndex = 0;
    arg.el.setAttribute('role', 'button');
    arg.el.setAttribute('aria-label', `Select ${arg.resource.title}`);
    arg.el.addEventListener('click', choose);
    arg.el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') choose();
    });
  }, []);
  const labelClassNames = useCallback(
    (arg: ResourceLabelContentArg) => (arg.resource.id === selection.technicianId ? ['board-selected'] : []),
    [selection.technicianId],
  );
  const eventClassNames = useCallback(
    (arg: { event: { extendedProps: Record<string, unknown> } }) => {
      const props = arg.event.extendedProps as Partial<VisitEventProps>;
      if (!props.visit) return [];
      const classes = props.visit.ticketId === selection.ticketId ? ['board-selected'] : [];
      if (moving.has(props.visit.id)) classes.push('board-moving');
      return classes;
    },
    [selection.ticketId, moving],
  );

  /** The dispatch engine's first choice for the ticket on the day shown, booked at its earliest start. */
  const bookBest = useCallback(
    async (ticket: QueueRow) => {
      setBestPending(ticket.id);
      select({ ticketId: ticket.id });
      const day = currentSelection.current.day ?? localDay(new Date());
      try {
        const [recommendation, minutes] = await Promise.all([
          call('dispatch.recommend', { ticketId: ticket.id, day }),
          ticketMinutes(ticket.id),
        ]);
        const best = recommendation.ranked[0];
        if (!best) {
          const why = recommendation.excluded[0]?.reasons.map((r) => r.message).join('; ');
          setNotice({
            severity: 'warning',
            message: `Nobody can take ${ticket.number} on ${day}${why ? ` (first excluded: ${why})` : ''}.`,
          });
          return;
        }
        const draft: BookingDraft = {
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          visit: null,
          technicianId: best.technicianId,
          helperIds: [],
          startsAt: best.parts.earliestStart,
          durationMinutes: minutes,
          pinned: false,
          overrideRules: [],
        };
        const failure = await save(draft);
        if (failure) return report(failure, draft);
        reveal(best.parts.earliestStart);
        setNotice({
          severity: 'success',
          message: `Booked ${ticket.number} with ${best.name} at ${DateTime.fromISO(best.parts.earliestStart).toFormat('HH:mm')}`,
        });
      } catch (error) {
        setNotice({ severity: 'error', message: error instanceof Error ? error.message : String(error) });
      } finally {
        setBestPending(null);
      }
    },
    [save, report, reveal],
  );

  return (
    <Stack spacing={1} sx={{ height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h1">
          Board
        </Typography>
        <TextField
          label="Day"
          type="date"
          value={selection.day ?? ''}
          onChange={(e) => e.target.value && select({ day: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 170 }}
          fullWidth={false}
        />
        <TeamFilter teams={teams} value={team} onChange={setTeam} width={180} />
        {viewType === 'resourceTimelineWeek' && (
          <FormControlLabel
            control={<Switch size="small" checked={allDay} onChange={(e) => setAllDay(e.target.checked)} />}
            label="Show 24 h"
          />
        )}
        {canWrite && (
          <Button variant="outlined" size="small" disabled={!selectedVisit} onClick={openEdit}>
            Edit visit…
          </Button>
        )}
        {canWrite && (
          <Button
            variant="outlined"
            size="small"
            color="secondary"
            disabled={!days || optimizer.state.kind === 'running' || optimizer.state.kind === 'preview'}
            onClick={() => days && void optimizer.run(days.from, days.to, days.from === days.to ? 5 : 10)}
          >
            {days && days.from !== days.to ? 'Optimize week' : 'Optimize day'}
          </Button>
        )}
        {printDay && (
          <Tooltip describeChild title={`Opens the printable schedule of ${printDay.whose} for ${selection.day ?? ''}`}>
            <Button variant="outlined" size="small" startIcon={<PrintIcon />} onClick={() => navigate(printDay.route)}>
              Print day
            </Button>
          </Tooltip>
        )}
        {!canWrite && <Chip size="small" label="Read only" />}
        <Box sx={{ flex: 1 }} />
        <Legend colors={colors} />
      </Stack>
      <PlanPreviewBar
        state={optimizer.state}
        onCancel={() => void optimizer.cancel()}
        onAccept={() => {
          if (!plan) return;
          optimizer.accept(plan).then(
            (message) => setNotice({ severity: 'success', message }),
            (error: unknown) => setNotice({ severity: 'error', message: String(error) }),
          );
        }}
        onDiscard={() => plan && void optimizer.discard(plan)}
        onDismiss={optimizer.dismiss}
      />
      {(visitList.isError || technicianList.isError) && (
        <Alert severity="error">{visitList.error?.message ?? technicianList.error?.message}</Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ flex: 1, minHeight: 0 }}>
        <Box
          ref={boardRef}
          aria-label="Board"
          role="region"
          sx={{
            flex: 1,
            minWidth: 0,
            bgcolor: 'background.paper',
            p: 1,
            borderRadius: 1,
            '& .fc .fc-toolbar.fc-header-toolbar': { mb: 1 },
            '& .fc .fc-toolbar-title': { fontSize: 16 },
            '& .fc .fc-button': { py: 0.25, px: 1, fontSize: 13 },
            // Narrow hour labels (the week view's "06"): FullCalendar sizes a slot to its label.
            '& .fc .fc-timeline-header-row:last-child .fc-timeline-slot-cushion': { px: '3px', fontSize: 12 },
            // The group expanders as plain characters, like the buttons (see buttonIcons).
            '& .fc .fc-icon': { fontFamily: 'inherit', fontWeight: 700, width: '1em' },
            '& .fc .fc-icon-plus-square::before': { content: '"▸"' },
            '& .fc .fc-icon-minus-square::before': { content: '"▾"' },
            '& .board-visit': { color: '#fff', cursor: canWrite ? 'grab' : 'pointer' },
            // Fixed line heights and a row as tall as one with visits: rows keep their height
            // whether or not their events are drawn yet (see useRowWindow), so nothing jumps.
            '& .fc-datagrid-body td.fc-resource .fc-datagrid-cell-cushion': {
              minHeight: rowHeightPx,
              boxSizing: 'border-box',
            },
            '& .board-visit-title': {
              fontWeight: 600,
              fontSize: 12,
              lineHeight: '18px',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              display: 'flex',
              alignItems: 'center',
              gap: '2px',
            },
            '& .board-visit-status': { fontSize: 11, lineHeight: '16px', whiteSpace: 'nowrap', overflow: 'hidden' },
            '& .board-visit-client': { overflow: 'hidden', textOverflow: 'ellipsis' },
            // A visit too narrow for "T-2026-000123" shows "000123": the part that tells tickets
            // apart, rather than a cut "T-2026-0…" (its tooltip keeps the whole number).
            '& .fc-timeline-event .fc-event-main': { containerType: 'inline-size', containerName: 'board-visit' },
            '& .board-visit-number-short': { display: 'none' },
            '@container board-visit (max-width: 104px)': {
              '& .board-visit-number': { display: 'none' },
              '& .board-visit-number-short': { display: 'inline' },
            },
            '& .board-pin': { width: 12, height: 12, fill: 'currentColor', flexShrink: 0 },
            // Projected lateness: words on a light badge, readable on every priority colour.
            '& .board-visit-late': {
              fontWeight: 700,
              color: 'error.dark',
              bgcolor: 'common.white',
              borderRadius: '3px',
              px: '3px',
            },
            '& .board-visit-completed, & .board-visit-incomplete': { opacity: 0.6 },
            '& .board-visit-cancelled': { opacity: 0.4, textDecoration: 'line-through' },
            // The drive before a visit: a lighter, striped lead-in in the visit's colour.
            '& .fc .fc-bg-event.board-travel': {
              opacity: 0.45,
              backgroundImage: 'repeating-linear-gradient(135deg, rgba(255,255,255,.55) 0 4px, transparent 4px 8px)',
            },
            // The optimizer's proposal: outlined and hatched, beside the visits as they are.
            '& .fc-event.board-proposed': {
              borderWidth: 2,
              borderStyle: 'dashed',
              backgroundImage: `repeating-linear-gradient(135deg, ${alpha(theme.palette.secondary.main, 0.18)} 0 5px, transparent 5px 10px)`,
              color: theme.palette.text.primary,
            },
            '& .fc-event.board-moving': { opacity: 0.35 },
            '& .fc-event.board-selected': { outline: `2px solid ${theme.palette.text.primary}`, outlineOffset: '1px' },
            '& .fc-datagrid-cell.board-selected': {
              bgcolor: alpha(theme.palette.primary.main, 0.14),
              fontWeight: 600,
            },
            '& .fc-datagrid-cell[role="button"]': { cursor: 'pointer' },
          }}
        >
          <FullCalendar
            ref={calendarRef}
            plugins={[resourceTimelinePlugin, interactionPlugin]}
            schedulerLicenseKey="GPL-My-Project-Is-Open-Source"
            initialView="resourceTimelineDay"
            initialDate={selection.day ?? undefined}
            headerToolbar={{
              left: 'prev,next today',
              center: 'title',
              right: 'resourceTimelineDay,resourceTimelineWeek',
            }}
            // Words rather than FullCalendar's arrow icons: the buttons say what they do.
            buttonIcons={false}
            buttonText={{
              prev: 'Previous',
              next: 'Next',
              today: 'Today',
              resourceTimelineDay: 'Day',
              resourceTimelineWeek: 'Week',
            }}
            buttonHints={{ prev: 'Previous $0', next: 'Next $0', today: 'This $0' }}
            views={views}
            firstDay={firstDay}
            height="100%"
            // The whole day, so no booking is ever off the board; it opens scrolled to the morning.
            scrollTime="07:00"
            snapDuration="00:15"
            nowIndicator
            resources={resources}
            resourceGroupField="team"
            resourceOrder="team,title"
            resourceAreaHeaderContent="Technicians"
            resourceAreaWidth={200}
            resourceLabelDidMount={onLabelMount}
            resourceLabelClassNames={labelClassNames}
            resourceLaneDidMount={rowWindow.laneDidMount}
            resourceLaneWillUnmount={rowWindow.laneWillUnmount}
            events={events}
            eventContent={visitContent}
            eventDidMount={visitDidMount}
            eventClassNames={eventClassNames}
            eventsSet={markEventsRendered}
            eventInteractive
            editable={canWrite}
            eventResourceEditable={canWrite}
            droppable={canWrite}
            eventReceive={(info) => void onReceive(info)}
            eventDrop={(info) => void onMove(info)}
            eventResize={(info) => void onMove(info)}
            eventDragStart={startDragging}
            eventDragStop={stopDragging}
            eventResizeStart={startDragging}
            eventResizeStop={stopDragging}
            eventClick={onEventClick}
            datesSet={onDatesSet}
          />
        </Box>
        <UnassignedPanel
          tickets={unassigned}
          canWrite={canWrite}
          selectedTicketId={selection.ticketId}
          onSelect={(t) => select({ ticketId: t.id })}
          onBook={(t) => void openBook(t)}
          onBookBest={(t) => void bookBest(t)}
          bestPending={bestPending}
        />
      </Stack>
      {dialog && (
        <BookingDialog
          draft={dialog}
          technicians={technicians}
          onSave={saveFromDialog}
          onClose={() => setDialog(null)}
        />
      )}
      <Snackbar
        open={notice !== null}
        onClose={(_e, why) => why !== 'clickaway' && setNotice(null)}
        autoHideDuration={notice?.severity === 'success' ? 4000 : null}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={() => setNotice(null)}
            action={
              notice.retry ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    setDialog(notice.retry ?? null);
                    setNotice(null);
                  }}
                >
                  Book anyway…
                </Button>
              ) : undefined
            }
          >
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Stack>
  );
}

function Legend({ colors }: { colors: PriorityColors }) {
  const entries = [
    ['Critical', colors.critical],
    ['High', colors.high],
    ['Medium', colors.medium],
    ['Low', colors.low],
  ] as const;
  return (
    <Stack direction="row" spacing={1.5} aria-label="Priority colours" sx={{ alignItems: 'center' }}>
      {entries.map(([label, color]) => (
        <Stack key={label} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: color }} />
          <Typography variant="caption">{label}</Typography>
        </Stack>
      ))}
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <Box
          sx={{
            width: 16,
            height: 12,
            borderRadius: 0.5,
            bgcolor: alpha(colors.medium, 0.45),
          }}
        />
        <Typography variant="caption">Travel</Typography>
      </Stack>
    </Stack>
  );
}
