/**
 * Whether this workstation shows desktop notifications. "ask": the browser has not been asked
 * yet (it may only be asked from a click); "blocked": the browser or the operating system said no,
 * which only its own settings can undo; "unavailable": no Notification API at all.
 */
export type DesktopNotificationState = 'on' | 'off' | 'ask' | 'blocked' | 'unavailable';

export type Permission = 'granted' | 'denied' | 'default';

/** The stored choice wins over a granted permission; with none stored, a granted permission is on. */
export function desktopNotificationState(
  permission: Permission | null,
  choice: 'on' | 'off' | null,
): DesktopNotificationState {
  if (permission === null) return 'unavailable';
  if (permission === 'denied') return 'blocked';
  if (choice === 'off') return 'off';
  return permission === 'granted' ? 'on' : 'ask';
}

/**
 * A desktop notification is for someone not looking at the console: with its window in front and
 * focused, the in-app message is enough and a second one from the system would only be noise.
 */
export function shouldNotifyDesktop(
  state: DesktopNotificationState,
  window: { visible: boolean; focused: boolean },
): boolean {
  return state === 'on' && !(window.visible && window.focused);
}
