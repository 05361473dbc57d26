import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';

/** Says an edit was refused as stale (someone saved meanwhile) and offers to load their version. */
export function StaleEditAlert({ what, onLoadTheirs }: { what: string; onLoadTheirs: () => void }) {
  return (
    <Alert
      severity="warning"
      action={
        <Button color="inherit" size="small" onClick={onLoadTheirs}>
          Load their version
        </Button>
      }
    >
      Someone else changed this {what} since you opened it. Load their version and make your change again.
    </Alert>
  );
}
