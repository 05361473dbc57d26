import Stack from '@mui/material/Stack';
import { access } from '../../../../shared/api/access';
import type { UserDto } from '../../../../shared/domain/directory';
import type { VisitDto } from '../../../../shared/domain/visit';
import { WorkLogPanel } from './work-log-panel';
import { AttachmentsPanel } from './attachments-panel';
import { ReadOnlyNote } from './read-only-note';
import { SignOffPanel } from './sign-off-panel';
import { useDocumentationAccess } from './use-documentation-access';

/**
 * Everything recorded about one visit, in the order a technician fills it in on site: the work
 * log with parts used, photos and forms, and the client's sign-off. Shown in the technician's day
 * and, for the desk and dispatchers, under each visit of a ticket. Read-only, with one line
 * saying why, where the caller may not document it (another crew's visit, a cancelled visit, a
 * closed ticket).
 */
export function VisitDocumentation({ visit, user }: { visit: VisitDto; user: UserDto }) {
  const accessTo = useDocumentationAccess(user, visit.ticketId, undefined);
  const workLog = accessTo(access.documenters, visit);
  const attachments = accessTo(access.attachmentWriters, visit);
  const signOff = accessTo(access.signOffWriters, visit);
  // The rule is the same for the three parts; only the roles differ, so one line says it.
  const reason = workLog.reason ?? attachments.reason ?? signOff.reason;
  return (
    <Stack spacing={2} aria-label={`Documentation of the visit for ${visit.ticketNumber}`} data-user={user.id}>
      {reason && <ReadOnlyNote reason={reason} />}
      {/* Each part of the documentation is one panel, added below in fill-in order. */}
      <WorkLogPanel visitId={visit.id} />
      <AttachmentsPanel ticketId={visit.ticketId} visitId={visit.id} canAdd={attachments.canWrite} />
      <SignOffPanel visit={visit} canRecord={signOff.canWrite} />
    </Stack>
  );
}
