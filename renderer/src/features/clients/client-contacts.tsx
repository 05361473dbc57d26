import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ClientDto, ContactDto } from '../../../../shared/domain/directory';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { ContactDialog, contactQueries } from './contact-dialog';

/**
 * A client's contacts, retired ones included (greyed out): each can be corrected, retired (kept on old
 * tickets and in history, no longer offered at intake) or brought back.
 */
export function ClientContacts({ client }: { client: ClientDto }) {
  const contacts = useApiQuery('contacts.list', { clientId: client.id, includeInactive: true });
  // The id, not the contact: the dialog opens on the version the list shows at that moment.
  const [editingId, setEditingId] = useState<string | null>(null);
  const setActive = useApiMutation('contacts.setActive', [...contactQueries]);
  const list = contacts.data ?? [];
  const editing = editingId ? list.find((c) => c.id === editingId) : undefined;
  const toggle = (contact: ContactDto) =>
    setActive.mutate({ id: contact.id, expectedRevision: contact.revision, active: !contact.active });
  const toggleError = setActive.error
    ? setActive.error.error.code === 'stale'
      ? 'Someone else changed that contact meanwhile; the list now shows their version. Try again if still needed.'
      : setActive.error.message
    : null;

  return (
    <Box component="section" aria-label="Contacts">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        Contacts
      </Typography>
      {contacts.isError && <Alert severity="error">{contacts.error.message}</Alert>}
      {toggleError && (
        <Alert severity="warning" sx={{ mb: 1 }} onClose={() => setActive.reset()}>
          {toggleError}
        </Alert>
      )}
      {contacts.isSuccess && list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No contacts yet. Intake adds the people who call.
        </Typography>
      ) : (
        <Table size="small" aria-label="Contacts">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Phone</TableCell>
              <TableCell>E-mail</TableCell>
              <TableCell>Status</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((contact) => (
              <TableRow
                key={contact.id}
                aria-label={`Contact ${contact.name}`}
                sx={contact.active ? undefined : { '& td:not(:last-child)': { color: 'text.disabled' } }}
              >
                <TableCell sx={{ fontWeight: 600 }}>{contact.name}</TableCell>
                <TableCell>{contact.role ?? '—'}</TableCell>
                <TableCell>{contact.phone ?? '—'}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{contact.email ?? '—'}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5}>
                    {contact.active ? (
                      <Chip size="small" color="success" variant="outlined" label="Active" />
                    ) : (
                      <Chip size="small" variant="outlined" label="Inactive" />
                    )}
                    {contact.messagesOptOut && <Chip size="small" variant="outlined" label="No messages" />}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                    <Button
                      size="small"
                      startIcon={<EditOutlinedIcon fontSize="small" />}
                      onClick={() => setEditingId(contact.id)}
                      aria-label={`Edit contact ${contact.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="small"
                      color={contact.active ? 'warning' : 'primary'}
                      disabled={setActive.isPending}
                      onClick={() => toggle(contact)}
                      aria-label={`${contact.active ? 'Deactivate' : 'Reactivate'} contact ${contact.name}`}
                    >
                      {contact.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contacts.isSuccess && list.some((c) => !c.active) && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          Inactive contacts stay on their tickets and in history; intake no longer offers them.
        </Typography>
      )}
      {editing && <ContactDialog key={editing.id} contact={editing} onClose={() => setEditingId(null)} />}
    </Box>
  );
}
