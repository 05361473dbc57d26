import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-sla';
import * as m0003 from './0003-technicians';
import * as m0004 from './0004-site-access-hours';
import * as m0005 from './0005-visits';
import * as m0006 from './0006-onsite';
import * as m0007 from './0007-contact-roles';
import * as m0008 from './0008-remote-resolution';
import * as m0009 from './0009-outbox';
import * as m0010 from './0010-audit-indexes';
import * as m0011 from './0011-message-templates';
import * as m0012 from './0012-technician-login-unique';
import * as m0013 from './0013-feedback';
import * as m0014 from './0014-visit-projections';
import * as m0015 from './0015-ticket-calls';
import * as m0016 from './0016-report-indexes';
import * as m0017 from './0017-user-accounts';
import * as m0019 from './0019-sign-in-throttles';
import * as m0020 from './0020-more-report-indexes';
import * as m0022 from './0022-escalation-review-utilization-indexes';
import * as m0023 from './0023-email-intake';

// A static list, so a bundled app needs no file-system scan; names sort in order.
const migrations: Record<string, { up(db: Kysely<any>, dialect: DialectName): Promise<void> }> = {
  '0001-initial': m0001,
  '0002-sla': m0002,
  '0003-technicians': m0003,
  '0004-site-access-hours': m0004,
  '0005-visits': m0005,
  '0006-onsite': m0006,
  '0007-contact-roles': m0007,
  '0008-remote-resolution': m0008,
  '0009-outbox': m0009,
  '0010-audit-indexes': m0010,
  '0011-message-templates': m0011,
  '0012-technician-login-unique': m0012,
  '0013-feedback': m0013,
  '0014-visit-projections': m0014,
  '0015-ticket-calls': m0015,
  '0016-report-indexes': m0016,
  '0017-user-accounts': m0017,
  '0019-sign-in-throttles': m0019,
  '0020-more-report-indexes': m0020,
  '0022-escalation-review-utilization-indexes': m0022,
  '0023-email-intake': m0023,
};

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, dialect) }]),
  );
}
