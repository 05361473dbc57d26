import { useSyncExternalStore } from 'react';
import { desktopNotificationState, shouldNotifyDesktop, type DesktopNotificationState } from './desktop-decision';

// The web Notification API in both shells: a browser shows its own; Electron turns the same
// calls into the operating system's notifications (its main process grants this one permission).
const KEY = 'dispatch.desktopNotifications';
const listeners = new Set<() => void>();

function api(): typeof Notification | null {
  return typeof Notification === 'undefined' ? null : Notification;
}

function choice(): 'on' | 'off' | null {
  const stored = localStorage.getItem(KEY);
  return stored === 'on' || stored === 'off' ? stored : null;
}

function currentState(): DesktopNotificationState {
  return desktopNotificationState(api()?.permission ?? null, choice());
}

/** Asks the browser (this must run from a click) and remembers that this workstation wants them. */
export async function turnDesktopNotificationsOn(): Promise<void> {
  const notification = api();
  if (!notification) return;
  localStorage.setItem(KEY, 'on');
  if (notification.permission === 'default') await notification.requestPermission();
  listeners.forEach((l) => l());
}

export function turnDesktopNotificationsOff(): void {
  localStorage.setItem(KEY, 'off');
  listeners.forEach((l) => l());
}

export function useDesktopNotificationState(): DesktopNotificationState {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentState);
}

export interface DesktopNote {
  title: string;
  body: string;
  /** Notes with one tag replace each other, so a visit moved twice shows once. */
  tag: string;
  onClick?: () => void;
}

/** Whether a note would show now: this workstation wants them and nobody is looking at the console. */
export function desktopNotificationWanted(): boolean {
  const looking = { visible: document.visibilityState === 'visible', focused: document.hasFocus() };
  return shouldNotifyDesktop(currentState(), looking);
}

/** Shows the note on the desktop when it is wanted (see desktopNotificationWanted). */
export function notifyDesktop(note: DesktopNote): void {
  const notification = api();
  if (!notification || !desktopNotificationWanted()) return;
  try {
    const shown = new notification(note.title, { body: note.body, tag: note.tag });
    shown.onclick = () => {
      window.focus();
      note.onClick?.();
      shown.close();
    };
  } catch (error) {
    // Some platforms refuse notifications from a page (e.g. Android Chrome); the in-app one stands.
    console.warn('desktop notification not shown:', error);
  }
}
