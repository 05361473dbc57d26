export const roles = ['support_desk', 'dispatcher', 'technician', 'service_manager', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  support_desk: 'Support desk',
  dispatcher: 'Dispatch coordinator',
  technician: 'Technician',
  service_manager: 'Client service manager',
  supervisor: 'Supervisor',
  admin: 'Admin',
};
