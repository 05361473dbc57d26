import { defaultOrganisationSettings, type OrganisationSettings } from '../../../shared/domain/organisation';
import { organisationSettings } from '../../../shared/domain/organisation.schema';
import type { Tx } from '../db/transaction';
import { getJsonSetting } from '../repositories/sla-config.repository';

export const ORGANISATION_SETTINGS_KEY = 'organisation.settings';

/** The organisation's settings (first day of the week); the defaults until an admin saves some. */
export async function loadOrganisationSettings(db: Tx): Promise<OrganisationSettings> {
  return (await getJsonSetting(db, ORGANISATION_SETTINGS_KEY, organisationSettings)) ?? defaultOrganisationSettings;
}
