import { DateTime } from 'luxon';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  checklistItems,
  driveText,
  type DayScheduleDto,
  type ScheduleTechnicianDay,
  type ScheduleVisit,
} from '../../../../shared/domain/schedule';
import { priorityLabels } from '../../../../shared/domain/ticket';
import { routeSketchSvg } from './route-sketch';
import { fontsDirectory, scheduleFonts } from './schedule-fonts';

export type PaperSize = 'A4' | 'LETTER';

const MARGIN = 40;
const NOTE_LINES = 3;
const BOX = { done: '☒', open: '☐' };

function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
}

function longDate(date: string): string {
  return DateTime.fromISO(date).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

function labelled(label: string, value: string | null): Content[] {
  return value ? [{ text: [{ text: `${label}: `, style: 'strong' }, value], margin: [0, 1, 0, 1] }] : [];
}

function noteLines(width: number): Content {
  return {
    canvas: Array.from({ length: NOTE_LINES }, (_, i) => ({
      type: 'line' as const,
      x1: 0,
      y1: 18 * (i + 1),
      x2: width,
      y2: 18 * (i + 1),
      lineWidth: 0.5,
      lineColor: '#888888',
    })),
  };
}

function visitBlock(visit: ScheduleVisit, first: boolean, zone: string, width: number): Content {
  const contact = visit.contact ? [visit.contact.name, visit.contact.phone].filter(Boolean).join(', ') : null;
  const site = [visit.siteName, visit.siteAddress].filter(Boolean).join(', ') || null;
  const crew = visit.crew.map((c) => (c.role === 'lead' ? `${c.name} (lead)` : c.name)).join(', ');
  return {
    // A visit is never split over two pages: the crew reads it as one card.
    unbreakable: true,
    margin: [0, 0, 0, 12],
    stack: [
      {
        table: {
          widths: ['auto', '*', 'auto'],
          body: [
            [
              { text: `${localTime(visit.startsAt, zone)}–${localTime(visit.endsAt, zone)}`, style: 'strong' },
              { text: [{ text: visit.ticketNumber, style: 'strong' }, `  ${visit.clientName}`] },
              { text: priorityLabels[visit.priority].toUpperCase(), style: 'strong' },
            ],
          ],
        },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => '#eeeeee' },
      },
      ...labelled(
        first ? 'Drive from base' : 'Drive from previous stop',
        driveText(visit.driveMinutes) ?? 'unknown (no coordinates)',
      ),
      ...labelled('Site', site),
      ...labelled('Contact', contact),
      ...labelled('Access', visit.accessRequirements),
      ...labelled('Work type', visit.workType),
      ...labelled('Parts', visit.parts.length > 0 ? visit.parts.join('; ') : null),
      ...labelled('Crew', crew),
      { text: visit.description, margin: [0, 3, 0, 3] },
      {
        columns: checklistItems(visit.checklist).map((item) => ({
          width: 'auto',
          text: `${item.done ? BOX.done : BOX.open} ${item.label}`,
          margin: [0, 0, 10, 0],
        })),
        columnGap: 0,
        fontSize: 8.5,
      },
      { text: 'Notes', style: 'note', margin: [0, 4, 0, 0] },
      noteLines(width),
    ],
  };
}

const SKETCH = { width: 300, height: 150 };

/** The day's stops on a small map beside their numbers, times and sites; nothing without coordinates. */
function routeBlock(day: ScheduleTechnicianDay): Content[] {
  const svg = routeSketchSvg(
    day.base,
    day.visits.map((v) => v.location),
    SKETCH,
  );
  if (!svg) return [];
  const legend: Content[] = day.visits.map((v, i) => ({
    text: [
      { text: `${i + 1}  ${localTime(v.startsAt, day.timeZone)}  `, style: 'strong' },
      v.location ? (v.siteName ?? v.clientName) : `${v.siteName ?? v.clientName} (not on the map)`,
    ],
    margin: [0, 0, 0, 2],
  }));
  return [
    {
      unbreakable: true,
      margin: [0, 0, 0, 12],
      columns: [
        { svg, width: SKETCH.width, height: SKETCH.height },
        {
          width: '*',
          fontSize: 8.5,
          stack: [
            ...(day.base ? [{ text: '■  Base', margin: [0, 0, 0, 2] } as Content] : []),
            ...legend,
            {
              text: 'Stops in visit order, joined by straight lines: not the roads.',
              style: 'note',
              margin: [0, 4, 0, 0],
            },
          ],
        },
      ],
      columnGap: 12,
    },
  ];
}

function technicianSection(
  day: ScheduleTechnicianDay,
  date: string,
  width: number,
  footer: TDocumentDefinitions['footer'],
): Content {
  const departure = day.firstDepartureAt ? localTime(day.firstDepartureAt, day.timeZone) : 'not known';
  const shift = day.shift.length > 0 ? day.shift.join(', ') : 'no shift';
  return {
    section: [...routeBlock(day), ...day.visits.map((v, i) => visitBlock(v, i === 0, day.timeZone, width))],
    header: () => ({
      margin: [MARGIN, 18, MARGIN, 0],
      stack: [
        {
          columns: [
            { text: day.name, style: 'technician' },
            { text: longDate(date), alignment: 'right', style: 'strong' },
          ],
        },
        {
          text: `${day.team ? `Team ${day.team} · ` : ''}Shift ${shift} · First departure ${departure} · ${day.visits.length} visit${day.visits.length === 1 ? '' : 's'} · ${day.timeZone}`,
          fontSize: 9,
        },
      ],
    }),
    footer,
  };
}

/** The rendered schedule and how many pages it took. */
export interface SchedulePdf {
  bytes: Buffer;
  pages: number;
}

/**
 * The printed day as a PDF: one section per technician (each starts on a new page), visit
 * cards that never split, boxes for the checklist and lines for notes, a header with the
 * technician's day and a footer with "Page x of y" and when it was printed.
 */
export async function renderSchedulePdf(
  schedule: DayScheduleDto,
  options: { printedAt: string; zone: string; paper: PaperSize },
): Promise<SchedulePdf> {
  const dir = fontsDirectory();
  pdfmake.setFonts(scheduleFonts(dir));
  // The document holds no links or images: nothing may be fetched, and only the fonts read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(dir));

  const pageWidth = options.paper === 'A4' ? 595.28 : 612;
  const width = pageWidth - 2 * MARGIN;
  const printed = DateTime.fromISO(options.printedAt, { zone: options.zone }).toFormat('d LLL yyyy HH:mm');
  let pages = 0;
  const footer = (currentPage: number, pageCount: number): Content => {
    pages = pageCount;
    return {
      margin: [MARGIN, 10, MARGIN, 0],
      fontSize: 8,
      columns: [
        { text: `Printed ${printed} (${options.zone}) · ${schedule.scopeLabel}` },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', width: 'auto' },
      ],
    };
  };
  const content: Content =
    schedule.technicians.length === 0
      ? [
          { text: `No visits on ${longDate(schedule.date)}`, style: 'technician', margin: [0, 40, 0, 8] },
          { text: `Nobody in ${schedule.scopeLabel} has a visit booked that day.` },
        ]
      : schedule.technicians.map((day) => technicianSection(day, schedule.date, width, footer));

  const definition: TDocumentDefinitions = {
    pageSize: options.paper,
    pageMargins: [MARGIN, 62, MARGIN, 40],
    info: {
      title: `Schedule ${schedule.date} · ${schedule.scopeLabel}`,
      creator: 'Dispatch Console',
      creationDate: new Date(options.printedAt),
    },
    defaultStyle: { font: 'DejaVuSans', fontSize: 9.5 },
    // Bold and italics only through named styles: on a content literal `bold` reads as the
    // deprecated String.prototype.bold to the linter.
    styles: { technician: { fontSize: 15, bold: true }, strong: { bold: true }, note: { italics: true } },
    footer,
    content,
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pages };
}
