import { roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import { documentationRefusal } from '../../../../shared/domain/documentation';
import type { Role } from '../../../../shared/domain/roles';
import type { VisitDto } from '../../../../shared/domain/visit';
import { useApiQuery } from '../../transport/queries';

/** Whether the caller may add to one part of the documentation, and if not, why in words. */
export interface DocumentationAccess {
  canWrite: boolean;
  /** Shown beside the read-only panel; null when the role simply reads (or while loading). */
  reason: string | null;
}

const readOnly: DocumentationAccess = { canWrite: false, reason: null };

/**
 * The server's documentation rule (shared/domain/documentation.ts) applied in the console, so the
 * panels offer no write the server would refuse: a technician off the crew, a cancelled visit, a
 * closed ticket. A technician's crew membership comes from the technician records linked to
 * their login. Until the ticket (and those records) are loaded, nothing is writable.
 *
 * Answers a function of the method's role group and the visit (null for the ticket as a whole,
 * where any of `ticketVisits` counts as the technician's own).
 */
export function useDocumentationAccess(
  user: UserDto,
  ticketId: string,
  ticketVisits: readonly VisitDto[] | undefined,
): (writers: readonly Role[], visit: VisitDto | null) => DocumentationAccess {
  const isTechnician = user.role === 'technician';
  const ticket = useApiQuery('tickets.get', { id: ticketId });
  const technicians = useApiQuery('technicians.list', {}, { enabled: isTechnician });
  return (writers, visit) => {
    if (!roleIn(writers, user.role) || !ticket.data) return readOnly;
    if (isTechnician && !technicians.data) return readOnly;
    const mine = new Set((technicians.data ?? []).filter((t) => t.userId === user.id).map((t) => t.id));
    const visits = visit ? [visit] : (ticketVisits ?? []);
    const onCrew = visits.some((v) => v.crew.some((c) => mine.has(c.technicianId)));
    const refusal = documentationRefusal(
      { role: user.role, onCrew },
      { ticketNumber: ticket.data.number, ticketStatus: ticket.data.status, visitStatus: visit?.status ?? null },
    );
    return refusal ? { canWrite: false, reason: refusal.message } : { canWrite: true, reason: null };
  };
}
