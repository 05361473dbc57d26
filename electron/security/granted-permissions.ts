/** The one permission the console's page is granted: showing the operating system's notifications. */
export function isGrantedPermission(permission: string): boolean {
  return permission === 'notifications';
}
