import Stack from '@mui/material/Stack';
import { access, roleIn } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import type { VisitDto } from '../../../../shared/domain/visit';
import { WorkLogPanel } from './work-log-panel';
import { AttachmentsPanel } from './attachments-panel';
import { SignOffPanel } from './sign-off-panel';

/**
 * Everything recorded about one visit, in the order a technician fills it in on site: the work
 * log with parts used, photos and forms, and the client's sign-off. Shown in the technician's day
 * and, for the desk and dispatchers, under each visit of a ticket.
 */
export function VisitDocumentation({ visit, user }: { visit: VisitDto; user: UserDto }) {
  return (
    <Stack spacing={2} aria-label={`Documentation of the visit for ${visit.ticketNumber}`} data-user={user.id}>
      {/* Each part of the documentation is one panel, added below in fill-in order. */}
      <WorkLogPanel visitId={visit.id} />
      <AttachmentsPanel
        ticketId={visit.ticketId}
        visitId={visit.id}
        canAdd={roleIn(access.attachmentWriters, user.role)}
      />
      <SignOffPanel visit={visit} user={user} />
    </Stack>
  );
}
