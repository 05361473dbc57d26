import { FormDialog } from '../../components/form-dialog';
import { useChangePasswordFields } from './change-password-fields';
import { useChangePassword } from './use-change-password';

/** A signed-in user changes their own password; their sessions elsewhere end. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const { form, fields, ready } = useChangePasswordFields(change.error);
  const issues = change.error?.error.issues ?? [];
  return (
    <FormDialog
      title="Change your password"
      onClose={onClose}
      onSubmit={() =>
        change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword }, { onSuccess: onClose })
      }
      submitLabel="Change password"
      busy={change.isPending}
      submitDisabled={!ready}
      error={change.error && issues.length === 0 ? change.error.message : null}
      hint="You stay signed in here; anywhere else you are signed out."
      maxWidth="xs"
    >
      {fields}
    </FormDialog>
  );
}
