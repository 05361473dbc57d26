import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useState } from 'react';
import type { DispatchEvent } from '../../../../shared/api/events';
import { navigate } from '../../app/router';
import { subscribe } from '../../transport/client';
import { notifyDesktop } from '../notifications/desktop-notifications';

type Escalated = Extract<DispatchEvent, { type: 'escalation.created' }>;

const what: Record<Escalated['kind'], string> = {
  at_risk: 'is at risk',
  breached: 'breached its response target',
  manual: 'was escalated by hand',
  low_feedback: 'got a low score from the client',
};

/**
 * Pops up every new escalation at every open console of the people who handle them, and on the
 * desktop when the console is not in front.
 */
export function EscalationNotifier() {
  const [latest, setLatest] = useState<Escalated | null>(null);
  useEffect(
    () =>
      subscribe('escalation.created', (event) => {
        if (event.type !== 'escalation.created') return;
        setLatest(event);
        notifyDesktop({
          title: `Escalation level ${event.level}: ${event.number}`,
          body: `${event.number} ${what[event.kind]}`,
          tag: `escalation:${event.escalationId}`,
          onClick: () => navigate({ name: 'escalations' }),
        });
      }),
    [],
  );
  return (
    <Snackbar
      open={latest !== null}
      onClose={(_e, reason) => reason !== 'clickaway' && setLatest(null)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert
        severity={latest && latest.level >= 2 ? 'error' : 'warning'}
        variant="filled"
        onClose={() => setLatest(null)}
        action={
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              navigate({ name: 'escalations' });
              setLatest(null);
            }}
          >
            Open
          </Button>
        }
      >
        {latest && `Escalation level ${latest.level}: ${latest.number} ${what[latest.kind]}`}
      </Alert>
    </Snackbar>
  );
}
