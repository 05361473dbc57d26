import { describe, expect, it } from 'vitest';
import { insertAtSelection, placeholderTag } from '../../renderer/src/features/templates/placeholder-insert';
import { draftChanged, fieldProblems } from '../../renderer/src/features/templates/template-draft';
import {
  matchingTickets,
  newestFirst,
  ticketChoiceLabel,
  type TicketChoice,
} from '../../renderer/src/features/templates/ticket-choice';

describe('inserting a placeholder where the admin is typing', () => {
  it.each([
    ['at the caret', 'Dear ,', { start: 5, end: 5 }, 'Dear {{contactName}},', 20],
    ['in place of the selection', 'Dear customer,', { start: 5, end: 13 }, 'Dear {{contactName}},', 20],
    ['with a selection made backwards', 'Dear customer,', { start: 13, end: 5 }, 'Dear {{contactName}},', 20],
    ['at the start of an empty field', '', { start: 0, end: 0 }, '{{contactName}}', 15],
    ['at the end when the caret is past the text', 'Hi', { start: 9, end: 9 }, 'Hi{{contactName}}', 17],
  ])('%s', (_case, value, selection, expected, caret) => {
    expect(insertAtSelection(value, selection, placeholderTag('contactName'))).toEqual({ value: expected, caret });
  });
});

describe('the draft', () => {
  const saved = { subject: 'Request {{ticketNumber}}', body: 'Hello' };

  it('is changed when the subject or the body differs from the template in effect, and only then', () => {
    expect(draftChanged({ ...saved }, saved)).toBe(false);
    expect(draftChanged({ ...saved, subject: 'Request' }, saved)).toBe(true);
    expect(draftChanged({ ...saved, body: 'Hello ' }, saved)).toBe(true);
  });

  it('puts the complaints of a save and of a preview on the field they name', () => {
    expect(fieldProblems([{ path: ['body'], message: 'Unknown placeholder {{unknownThing}}' }])).toEqual({
      body: 'Unknown placeholder {{unknownThing}}',
    });
    expect(
      fieldProblems([
        { path: ['draft', 'subject'], message: 'Template syntax: Unclosed tag at 3' },
        { path: ['draft', 'body'], message: 'Unknown placeholder {{x}}' },
        { path: ['ticketId'], message: 'Invalid UUID' },
      ]),
    ).toEqual({ subject: 'Template syntax: Unclosed tag at 3', body: 'Unknown placeholder {{x}}' });
    expect(fieldProblems(undefined)).toEqual({});
  });
});

describe('the ticket the preview is made with', () => {
  const ticket = (number: string, receivedAt: string, clientName: string, summary: string): TicketChoice => ({
    id: number,
    number,
    receivedAt,
    clientName,
    siteName: `${clientName} HQ`,
    summary,
  });
  const tickets = [
    ticket('T-2026-000001', '2026-01-05T09:00:00Z', 'Northwind', 'Printer jams'),
    ticket('T-2026-000003', '2026-01-07T09:00:00Z', 'Contoso', 'Switch down on floor 2'),
    ticket('T-2026-000002', '2026-01-06T09:00:00Z', 'Northwind', 'Badge reader offline'),
  ];

  it('is the most recently received by default', () => {
    expect(newestFirst(tickets).map((t) => t.number)).toEqual(['T-2026-000003', 'T-2026-000002', 'T-2026-000001']);
  });

  it.each([
    ['by number', '000002', ['T-2026-000002']],
    ['by client, newest first', 'northwind', ['T-2026-000002', 'T-2026-000001']],
    ['by every word typed', 'northwind printer', ['T-2026-000001']],
    ['by site', 'contoso hq', ['T-2026-000003']],
    ['with nothing typed, all of them newest first', '  ', ['T-2026-000003', 'T-2026-000002', 'T-2026-000001']],
    ['and none when nothing matches', 'fabrikam', []],
  ])('is found %s', (_case, query, numbers) => {
    expect(matchingTickets(tickets, query, 10).map((t) => t.number)).toEqual(numbers);
  });

  it('offers at most the limit', () => {
    expect(matchingTickets(tickets, '', 2).map((t) => t.number)).toEqual(['T-2026-000003', 'T-2026-000002']);
  });

  it('reads as number, client and summary', () => {
    const [, contoso] = tickets;
    expect(contoso && ticketChoiceLabel(contoso)).toBe('T-2026-000003 · Contoso · Switch down on floor 2');
  });
});
