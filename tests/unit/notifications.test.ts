import { describe, expect, it } from 'vitest';
import { isGrantedPermission } from '../../electron/security/granted-permissions';
import {
  desktopNotificationState,
  shouldNotifyDesktop,
} from '../../renderer/src/features/notifications/desktop-decision';
import {
  parseUnseen,
  unseenKindOf,
  withChange,
  withoutVisits,
  type UnseenChange,
} from '../../renderer/src/features/notifications/unseen-changes';

const change = (visitId: string, kind: UnseenChange['kind']): UnseenChange => ({
  visitId,
  ticketNumber: `T-${visitId}`,
  kind,
  startsAt: '2027-03-01T09:00:00.000Z',
});

describe('unseen changes to a technician’s visits', () => {
  it('names the news: booked is new, a move or crew change is changed, taken off the crew is removed', () => {
    expect(unseenKindOf('booked', true)).toBe('new');
    expect(unseenKindOf('rescheduled', true)).toBe('changed');
    expect(unseenKindOf('checklist', true)).toBe('changed');
    expect(unseenKindOf('rescheduled', false)).toBe('removed');
    expect(unseenKindOf('cancelled', true)).toBe('cancelled');
    expect(unseenKindOf('cancelled', false)).toBe('cancelled');
  });

  it('keeps one entry per visit: new stays new when changed again, a cancellation overrides', () => {
    let unseen = withChange([], change('a', 'new'));
    unseen = withChange(unseen, change('b', 'changed'));
    unseen = withChange(unseen, change('a', 'changed'));
    expect(unseen.map((u) => [u.visitId, u.kind])).toEqual([
      ['b', 'changed'],
      ['a', 'new'],
    ]);
    unseen = withChange(unseen, change('a', 'cancelled'));
    expect(unseen.find((u) => u.visitId === 'a')?.kind).toBe('cancelled');
    expect(withoutVisits(unseen, ['a']).map((u) => u.visitId)).toEqual(['b']);
  });

  it('reads back what it stored and drops what is corrupt or hand-edited', () => {
    const stored = [change('a', 'new'), change('b', 'removed')];
    expect(parseUnseen(JSON.stringify(stored))).toEqual(stored);
    expect(parseUnseen(null)).toEqual([]);
    expect(parseUnseen('{not json')).toEqual([]);
    expect(parseUnseen('{"visitId":"a"}')).toEqual([]);
    expect(parseUnseen(JSON.stringify([change('a', 'new'), { ...change('c', 'new'), kind: 'exploded' }, 7]))).toEqual([
      change('a', 'new'),
    ]);
  });
});

describe('desktop notifications', () => {
  it('follows the browser’s permission and the workstation’s choice', () => {
    expect(desktopNotificationState(null, 'on')).toBe('unavailable');
    expect(desktopNotificationState('denied', 'on')).toBe('blocked');
    expect(desktopNotificationState('granted', null)).toBe('on');
    expect(desktopNotificationState('granted', 'off')).toBe('off');
    expect(desktopNotificationState('default', null)).toBe('ask');
    expect(desktopNotificationState('default', 'on')).toBe('ask');
  });

  it('is shown only to someone not looking at the console', () => {
    expect(shouldNotifyDesktop('on', { visible: true, focused: true })).toBe(false);
    expect(shouldNotifyDesktop('on', { visible: true, focused: false })).toBe(true);
    expect(shouldNotifyDesktop('on', { visible: false, focused: false })).toBe(true);
    expect(shouldNotifyDesktop('off', { visible: false, focused: false })).toBe(false);
    expect(shouldNotifyDesktop('ask', { visible: false, focused: false })).toBe(false);
  });

  it('is the one permission the desktop shell grants the page', () => {
    expect(isGrantedPermission('notifications')).toBe(true);
    for (const refused of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(isGrantedPermission(refused)).toBe(false);
  });
});
