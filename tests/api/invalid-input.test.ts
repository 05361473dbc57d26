import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../shared/api/contract';
import { officeHours, smallSettingsFile, startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { elfBytes, pdfBytes } from '../support/images';
import { countRows, useTestEnvironment, type Reply } from '../support/test-runtime';
import { testIso } from '../support/test-clock';

type Path = (string | number)[];
type Case = [label: string, input: (f: ApiFixture) => unknown, path: Path];

const long = (n: number) => 'x'.repeat(n);
const with_ = (method: MethodName, changes: Record<string, unknown>) => (f: ApiFixture) => ({
  ...validInputs[method](f),
  ...changes,
});
const without = (method: MethodName, field: string) => (f: ApiFixture) =>
  Object.fromEntries(Object.entries(validInputs[method](f)).filter(([key]) => key !== field));
const inAnHour = () => testIso(3_600_000);

/** Per method: inputs the contract or the handler refuses, and the field the refusal names. */
const cases: Record<MethodName, Case[]> = {
  'auth.status': [],
  'auth.logout': [],
  'users.list': [],
  'auth.setup': [
    ['a username with spaces and capitals', with_('auth.setup', { username: 'Big Boss' }), ['username']],
    ['a password of seven characters', with_('auth.setup', { password: 'seven77' }), ['password']],
    ['one of the most common passwords', with_('auth.setup', { password: 'qwertyuiop123' }), ['password']],
    ['a display name of 10,000 characters', with_('auth.setup', { displayName: long(10_000) }), ['displayName']],
    ['no username', without('auth.setup', 'username'), ['username']],
  ],
  'auth.login': [
    ['no password', without('auth.login', 'password'), ['password']],
    ['a number as the username', with_('auth.login', { username: 42 }), ['username']],
    ['a username of 10,000 characters', with_('auth.login', { username: long(10_000) }), ['username']],
    ['a password of 201 characters', with_('auth.login', { password: long(201) }), ['password']],
  ],
  'auth.createApiToken': [
    ['a user id that is not a UUID', with_('auth.createApiToken', { userId: 'desk' }), ['userId']],
    ['a user that does not exist', with_('auth.createApiToken', { userId: randomUUID() }), ['userId']],
    ['an empty name', with_('auth.createApiToken', { name: '   ' }), ['name']],
  ],
  'auth.changePassword': [
    ['no current password', without('auth.changePassword', 'currentPassword'), ['currentPassword']],
    ['a current password that is not right', with_('auth.changePassword', {}), ['currentPassword']],
    ['a new password of seven characters', with_('auth.changePassword', { newPassword: 'seven77' }), ['newPassword']],
    ['a number as the new password', with_('auth.changePassword', { newPassword: 123456789012 }), ['newPassword']],
    ['a common new password', with_('auth.changePassword', { newPassword: 'iloveyou1234' }), ['newPassword']],
  ],
  'users.update': [
    ['a user that does not exist', with_('users.update', { userId: randomUUID() }), ['userId']],
    ['a user id that is not a UUID', with_('users.update', { userId: 'desk' }), ['userId']],
    ['a role that does not exist', with_('users.update', { role: 'root' }), ['role']],
    ['an empty display name', with_('users.update', { displayName: '  ' }), ['displayName']],
    ['a display name of 81 characters', with_('users.update', { displayName: long(81) }), ['displayName']],
  ],
  'users.setActive': [
    ['a user that does not exist', with_('users.setActive', { userId: randomUUID(), active: false }), ['userId']],
    ['text as active', with_('users.setActive', { active: 'no' }), ['active']],
    ['no active', without('users.setActive', 'active'), ['active']],
  ],
  'users.resetPassword': [
    ['a user that does not exist', with_('users.resetPassword', { userId: randomUUID() }), ['userId']],
    ['no user id', without('users.resetPassword', 'userId'), ['userId']],
  ],
  'auth.apiTokens': [],
  'auth.revokeApiToken': [
    ['a token that does not exist', with_('auth.revokeApiToken', { id: 'AAAAAAAAAAAA' }), ['id']],
    ['an empty id', with_('auth.revokeApiToken', { id: ' ' }), ['id']],
    ['an id of 41 characters', with_('auth.revokeApiToken', { id: long(41) }), ['id']],
  ],
  'signIn.settings': [],
  'signIn.locks': [],
  'signIn.saveSettings': [
    [
      'a lock at fewer failures than the delay',
      with_('signIn.saveSettings', { lockAfterFailures: 2, delayAfterFailures: 3 }),
      ['lockAfterFailures'],
    ],
    ['a lock of 0 minutes', with_('signIn.saveSettings', { lockMinutes: 0 }), ['lockMinutes']],
    ['a fractional delay threshold', with_('signIn.saveSettings', { delayAfterFailures: 2.5 }), ['delayAfterFailures']],
    ['no lock minutes', without('signIn.saveSettings', 'lockMinutes'), ['lockMinutes']],
  ],
  'signIn.unlock': [
    ['a kind that does not exist', with_('signIn.unlock', { kind: 'machine' }), ['kind']],
    ['an empty name', with_('signIn.unlock', { name: '  ' }), ['name']],
    ['a name of 101 characters', with_('signIn.unlock', { name: long(101) }), ['name']],
  ],
  'users.create': [
    ['a role that does not exist', with_('users.create', { role: 'root' }), ['role']],
    ['no role', without('users.create', 'role'), ['role']],
    ['a username with a space', with_('users.create', { username: 'new user' }), ['username']],
    ['a short password', with_('users.create', { password: 'short' }), ['password']],
    ['a password of 11 characters', with_('users.create', { password: 'eleven-char' }), ['password']],
    ['one of the most common passwords', with_('users.create', { password: 'password1234' }), ['password']],
    ['a common password with digits added', with_('users.create', { password: 'Sunshine2024!' }), ['password']],
    ['a display name of 10,000 characters', with_('users.create', { displayName: long(10_000) }), ['displayName']],
  ],
  'clients.search': [
    ['an empty query', with_('clients.search', { query: '' }), ['query']],
    ['a query of blanks', with_('clients.search', { query: '   ' }), ['query']],
    ['a query of 101 characters', with_('clients.search', { query: long(101) }), ['query']],
    ['a number as the query', with_('clients.search', { query: 5550142 }), ['query']],
    ['a limit of 0', with_('clients.search', { limit: 0 }), ['limit']],
    ['a limit of 51', with_('clients.search', { limit: 51 }), ['limit']],
    ['a fractional limit', with_('clients.search', { limit: 2.5 }), ['limit']],
  ],
  'clients.create': [
    ['a name of 10,000 characters', with_('clients.create', { name: long(10_000) }), ['name']],
    ['no name', without('clients.create', 'name'), ['name']],
    ['letters in the phone number', with_('clients.create', { phone: 'call reception' }), ['phone']],
    ['a phone number of 41 characters', with_('clients.create', { phone: '1'.repeat(41) }), ['phone']],
    ['an email without an @', with_('clients.create', { email: 'billing.example.com' }), ['email']],
    ['a time zone that does not exist', with_('clients.create', { timeZone: 'Mars/Olympus_Mons' }), ['timeZone']],
  ],
  'contacts.create': [
    ['a client id that is not a UUID', with_('contacts.create', { clientId: 'tailspin' }), ['clientId']],
    ['a client that does not exist', with_('contacts.create', { clientId: randomUUID() }), ['clientId']],
    ['a name of 10,000 characters', with_('contacts.create', { name: long(10_000) }), ['name']],
    ['an array as the email', with_('contacts.create', { email: ['a@b.example'] }), ['email']],
  ],
  'contacts.list': [
    ['no client id', without('contacts.list', 'clientId'), ['clientId']],
    ['a number as the client id', with_('contacts.list', { clientId: 123 }), ['clientId']],
    ['text as includeInactive', with_('contacts.list', { includeInactive: 'yes' }), ['includeInactive']],
  ],
  'contacts.update': [
    ['a contact that does not exist', with_('contacts.update', { id: randomUUID() }), ['id']],
    ['no revision', without('contacts.update', 'expectedRevision'), ['expectedRevision']],
    ['an empty name', with_('contacts.update', { name: ' ' }), ['name']],
    ['a phone number with letters', with_('contacts.update', { phone: 'call me' }), ['phone']],
    ['an e-mail without an @', with_('contacts.update', { email: 'kim.example' }), ['email']],
    ['a role of 81 characters', with_('contacts.update', { role: long(81) }), ['role']],
    [
      'a client id (a contact stays with its client)',
      with_('contacts.update', { clientId: randomUUID() }),
      ['clientId'],
    ],
  ],
  'contacts.setActive': [
    ['a contact that does not exist', with_('contacts.setActive', { id: randomUUID() }), ['id']],
    ['text as active', with_('contacts.setActive', { active: 'no' }), ['active']],
    ['no active flag', without('contacts.setActive', 'active'), ['active']],
  ],
  'sites.list': [
    ['no client id', without('sites.list', 'clientId'), ['clientId']],
    ['a client id that is not a UUID', with_('sites.list', { clientId: 'null' }), ['clientId']],
  ],
  'sites.create': [
    ['a latitude of 91', with_('sites.create', { latitude: 91, longitude: 0 }), ['latitude']],
    ['a longitude of -181', with_('sites.create', { latitude: 0, longitude: -181 }), ['longitude']],
    ['a latitude as text', with_('sites.create', { latitude: '40.7', longitude: -74 }), ['latitude']],
    ['a latitude without a longitude', with_('sites.create', { latitude: 40.7 }), ['longitude']],
    ['a longitude without a latitude', with_('sites.create', { longitude: -74 }), ['latitude']],
    ['an address of 301 characters', with_('sites.create', { address: long(301) }), ['address']],
    [
      'access requirements of 1,001 characters',
      with_('sites.create', { accessRequirements: long(1001) }),
      ['accessRequirements'],
    ],
    ['a client that does not exist', with_('sites.create', { clientId: randomUUID() }), ['clientId']],
    [
      'access hours that close before they open',
      with_('sites.create', { accessHours: { mon: [['10:00', '09:00']] } }),
      ['accessHours', 'mon', 0, 1],
    ],
  ],
  'clients.list': [
    ['a query of 101 characters', with_('clients.list', { query: long(101) }), ['query']],
    ['a limit of 0', with_('clients.list', { limit: 0 }), ['limit']],
    ['a limit of 201', with_('clients.list', { limit: 201 }), ['limit']],
    ['a negative offset', with_('clients.list', { offset: -1 }), ['offset']],
    ['a fractional offset', with_('clients.list', { offset: 1.5 }), ['offset']],
  ],
  'clients.update': [
    ['a client that does not exist', with_('clients.update', { id: randomUUID() }), ['id']],
    ['an id that is not a UUID', with_('clients.update', { id: 'tailspin' }), ['id']],
    ['no revision', without('clients.update', 'expectedRevision'), ['expectedRevision']],
    ['an empty name', with_('clients.update', { name: '  ' }), ['name']],
    ['a name of 161 characters', with_('clients.update', { name: long(161) }), ['name']],
    ['letters in the phone number', with_('clients.update', { phone: 'ask reception' }), ['phone']],
    ['an email without an @', with_('clients.update', { email: 'billing.example.com' }), ['email']],
    ['a time zone that does not exist', with_('clients.update', { timeZone: 'Mars/Olympus_Mons' }), ['timeZone']],
  ],
  'sites.update': [
    ['a site that does not exist', with_('sites.update', { id: randomUUID() }), ['id']],
    ['no revision', without('sites.update', 'expectedRevision'), ['expectedRevision']],
    ['an empty address', with_('sites.update', { address: '' }), ['address']],
    ['a latitude of 90.5', with_('sites.update', { latitude: 90.5, longitude: 0 }), ['latitude']],
    ['a longitude of 181', with_('sites.update', { latitude: 0, longitude: 181 }), ['longitude']],
    ['a latitude without a longitude', with_('sites.update', { latitude: 40.7 }), ['longitude']],
    ['a longitude as text', with_('sites.update', { latitude: 40.7, longitude: '-74' }), ['longitude']],
    [
      'access requirements of 1,001 characters',
      with_('sites.update', { accessRequirements: long(1001) }),
      ['accessRequirements'],
    ],
    [
      'access hours that close before they open',
      with_('sites.update', { accessHours: { tue: [['17:00', '08:00']] } }),
      ['accessHours', 'tue', 0, 1],
    ],
    [
      'overlapping access hours',
      with_('sites.update', {
        accessHours: {
          wed: [
            ['08:00', '12:00'],
            ['11:00', '15:00'],
          ],
        },
      }),
      ['accessHours', 'wed', 1, 0],
    ],
    ['access hours closed every day', with_('sites.update', { accessHours: { mon: [], sat: [] } }), ['accessHours']],
    [
      'a weekday that does not exist',
      with_('sites.update', { accessHours: { mon: [], funday: [] } }),
      ['accessHours', 'funday'],
    ],
    ['a time zone that does not exist', with_('sites.update', { timeZone: 'Europe/Atlantis' }), ['timeZone']],
  ],
  'tickets.create': [
    ['a description of 5,001 characters', with_('tickets.create', { description: long(5001) }), ['description']],
    ['an empty description', with_('tickets.create', { description: '' }), ['description']],
    ['a channel that does not exist', with_('tickets.create', { channel: 'fax' }), ['channel']],
    ['a priority that does not exist', with_('tickets.create', { priority: 'urgent' }), ['priority']],
    ['a malformed received time', with_('tickets.create', { receivedAt: '2026-02-30T10:00:00Z' }), ['receivedAt']],
    ['a received time without a zone', with_('tickets.create', { receivedAt: '2026-03-02T08:30:00' }), ['receivedAt']],
    ['a received time in words', with_('tickets.create', { receivedAt: 'this morning' }), ['receivedAt']],
    ['a received time as a number', with_('tickets.create', { receivedAt: 1767225600000 }), ['receivedAt']],
    [
      'a request received in the future',
      (f) => ({ ...validInputs['tickets.create'](f), receivedAt: inAnHour() }),
      ['receivedAt'],
    ],
    [
      'a contact of another client',
      (f) => ({ ...validInputs['tickets.create'](f), contactId: f.otherContactId }),
      ['contactId'],
    ],
    ['a site of another client', (f) => ({ ...validInputs['tickets.create'](f), siteId: f.otherSiteId }), ['siteId']],
    [
      'a client that does not exist',
      with_('tickets.create', { clientId: randomUUID(), contactId: null, siteId: null }),
      ['clientId'],
    ],
    ['an external reference of 121 characters', with_('tickets.create', { externalRef: long(121) }), ['externalRef']],
    ['a work type that does not exist', with_('tickets.create', { workTypeId: randomUUID() }), ['workTypeId']],
    ['an estimate of 4 minutes', with_('tickets.create', { estimatedMinutes: 4 }), ['estimatedMinutes']],
  ],
  'tickets.setNeeds': [
    ['a ticket number instead of its id', with_('tickets.setNeeds', { id: 'T-2026-000001' }), ['id']],
    ['an estimate of 1,441 minutes', with_('tickets.setNeeds', { estimatedMinutes: 1441 }), ['estimatedMinutes']],
    ['an estimate of 30.5 minutes', with_('tickets.setNeeds', { estimatedMinutes: 30.5 }), ['estimatedMinutes']],
    [
      'a skill that does not exist',
      with_('tickets.setNeeds', { requiredSkills: [{ skillId: randomUUID(), minLevel: 2 }] }),
      ['requiredSkills', 0, 'skillId'],
    ],
    [
      'a required level of 6',
      (f) => ({ ...validInputs['tickets.setNeeds'](f), requiredSkills: [{ skillId: f.skillId, minLevel: 6 }] }),
      ['requiredSkills', 0, 'minLevel'],
    ],
    [
      'the same skill twice',
      (f) => ({
        ...validInputs['tickets.setNeeds'](f),
        requiredSkills: [
          { skillId: f.skillId, minLevel: 2 },
          { skillId: f.skillId, minLevel: 3 },
        ],
      }),
      ['requiredSkills'],
    ],
    ['a work type that does not exist', with_('tickets.setNeeds', { workTypeId: randomUUID() }), ['workTypeId']],
  ],
  'tickets.get': [
    ['a ticket number instead of its id', with_('tickets.get', { id: 'T-2026-000001' }), ['id']],
    ['no id', without('tickets.get', 'id'), ['id']],
  ],
  'tickets.queue': [
    ['an empty status list', with_('tickets.queue', { statuses: [] }), ['statuses']],
    ['a status that does not exist', with_('tickets.queue', { statuses: ['new', 'lost'] }), ['statuses', 1]],
    ['nine statuses', with_('tickets.queue', { statuses: Array(9).fill('new') }), ['statuses']],
    ['a client id that is not a UUID', with_('tickets.queue', { clientId: 'all' }), ['clientId']],
  ],
  'priority.assess': [
    ['criteria missing a question', () => ({ criteria: { serviceOutage: true } }), ['criteria', 'securityRisk']],
    [
      'users impacted as a number',
      (f) => ({ criteria: { ...validInputs['priority.assess'](f).criteria, usersImpacted: 3 } }),
      ['criteria', 'usersImpacted'],
    ],
  ],
  'tickets.overridePriority': [
    ['no reason', without('tickets.overridePriority', 'reason'), ['reason']],
    ['a blank reason', with_('tickets.overridePriority', { reason: '  ' }), ['reason']],
    ['a reason of 501 characters', with_('tickets.overridePriority', { reason: long(501) }), ['reason']],
    ['a priority that does not exist', with_('tickets.overridePriority', { priority: 'p1' }), ['priority']],
  ],
  'tickets.recordFirstContact': [
    [
      'a time before the request was received',
      with_('tickets.recordFirstContact', { at: '2020-01-01T00:00:00Z' }),
      ['at'],
    ],
    ['a time in the future', (f) => ({ ...validInputs['tickets.recordFirstContact'](f), at: inAnHour() }), ['at']],
    ['a time without a zone', with_('tickets.recordFirstContact', { at: '2026-11-26T10:00:00' }), ['at']],
  ],
  'tickets.recomputeSla': [
    ['an empty id list', with_('tickets.recomputeSla', { ids: [] }), ['ids']],
    ['an id that is not a UUID', with_('tickets.recomputeSla', { ids: ['T-2026-000001'] }), ['ids', 0]],
  ],
  'sla.preview': [
    [
      'an unknown time zone',
      (f) => ({ ...validInputs['sla.preview'](f), calendar: { ...officeHours, timeZone: 'Mars/Base' } }),
      ['calendar', 'timeZone'],
    ],
    [
      'hours like 25:00',
      (f) => ({ ...validInputs['sla.preview'](f), calendar: { ...officeHours, hours: { mon: [['08:00', '25:00']] } } }),
      ['calendar', 'hours', 'mon', 0, 1],
    ],
    [
      'a close before the open',
      (f) => ({ ...validInputs['sla.preview'](f), calendar: { ...officeHours, hours: { mon: [['17:00', '08:00']] } } }),
      ['calendar', 'hours', 'mon', 0, 1],
    ],
    [
      'an unknown holiday country',
      (f) => ({ ...validInputs['sla.preview'](f), calendar: { ...officeHours, holidays: { country: 'XX' } } }),
      ['calendar', 'holidays', 'country'],
    ],
    [
      'a calendar with no business hours',
      (f) => ({ ...validInputs['sla.preview'](f), calendar: { ...officeHours, hours: {} } }),
      ['calendar', 'hours'],
    ],
    ['a received time without a zone', with_('sla.preview', { receivedAt: '2026-11-25T10:00:00' }), ['receivedAt']],
    [
      'a calendar closed every open day for a year',
      (f) => ({
        ...validInputs['sla.preview'](f),
        priority: 'low',
        calendar: { timeZone: 'UTC', hours: { mon: [['08:00', '17:00']] }, closures: mondays('2026-11-30', 54) },
      }),
      ['calendar'],
    ],
  ],
  'sla.settings': [],
  'sla.saveSettings': [
    ['an at-risk point above 100%', with_('sla.saveSettings', { atRiskFraction: 1.5 }), ['atRiskFraction']],
    [
      'a matrix cell that is not a priority',
      (f) => ({
        ...validInputs['sla.saveSettings'](f),
        matrix: { ...validInputs['sla.saveSettings'](f).matrix, low: { high: 'p1', medium: 'low', low: 'low' } },
      }),
      ['matrix', 'low', 'high'],
    ],
    [
      'a cut-off of 13:60',
      (f) => ({ ...validInputs['sla.saveSettings'](f), policy: { sameDayCutoff: '13:60' } }),
      ['policy', 'sameDayCutoff'],
    ],
    ['no matrix', without('sla.saveSettings', 'matrix'), ['matrix']],
  ],
  'calendars.list': [],
  'calendars.save': [
    [
      'a scope of a kind that does not exist',
      with_('calendars.save', { scope: { kind: 'planet' } }),
      ['scope', 'kind'],
    ],
    [
      'a client that does not exist',
      with_('calendars.save', { scope: { kind: 'client', clientId: randomUUID() } }),
      ['scope', 'clientId'],
    ],
    [
      'a site that does not exist',
      with_('calendars.save', { scope: { kind: 'site', siteId: randomUUID() } }),
      ['scope', 'siteId'],
    ],
    [
      'an unknown holiday state',
      (f) => ({
        ...validInputs['calendars.save'](f),
        calendar: { ...officeHours, holidays: { country: 'US', state: 'ZZ' } },
      }),
      ['calendar', 'holidays', 'state'],
    ],
    [
      'a closure that is not a date',
      (f) => ({ ...validInputs['calendars.save'](f), calendar: { ...officeHours, closures: ['2026-02-30'] } }),
      ['calendar', 'closures', 0],
    ],
  ],
  'calendars.remove': [
    ['the default calendar', with_('calendars.remove', { scope: { kind: 'default' } }), ['scope', 'kind']],
  ],
  'escalations.list': [['open as text', with_('escalations.list', { open: 'yes' }), ['open']]],
  'escalations.create': [
    ['a ticket that does not exist', with_('escalations.create', { ticketId: randomUUID() }), ['ticketId']],
    ['level 3', with_('escalations.create', { level: 3 }), ['level']],
    ['no reason', without('escalations.create', 'reason'), ['reason']],
  ],
  'escalations.acknowledge': [
    ['no note', without('escalations.acknowledge', 'note'), ['note']],
    ['a note of 2,001 characters', with_('escalations.acknowledge', { note: long(2001) }), ['note']],
  ],
  'skills.list': [],
  'skills.create': [
    ['no name', without('skills.create', 'name'), ['name']],
    ['a description of 501 characters', with_('skills.create', { description: long(501) }), ['description']],
  ],
  'technicians.list': [],
  'technicians.save': [
    [
      'a skill level of 6',
      (f) => ({ ...validInputs['technicians.save'](f), skills: [{ skillId: f.skillId, level: 6 }] }),
      ['skills', 0, 'level'],
    ],
    [
      'a skill level of 2.5',
      (f) => ({ ...validInputs['technicians.save'](f), skills: [{ skillId: f.skillId, level: 2.5 }] }),
      ['skills', 0, 'level'],
    ],
    [
      'a skill that does not exist',
      (f) => ({ ...validInputs['technicians.save'](f), skills: [{ skillId: randomUUID(), level: 2 }] }),
      ['skills', 0, 'skillId'],
    ],
    [
      'the same skill twice',
      (f) => ({
        ...validInputs['technicians.save'](f),
        skills: [
          { skillId: f.skillId, level: 2 },
          { skillId: f.skillId, level: 3 },
        ],
      }),
      ['skills'],
    ],
    [
      'a certification expiring on 2027-02-30',
      with_('technicians.save', { certifications: [{ name: 'CCNA', expiresOn: '2027-02-30' }] }),
      ['certifications', 0, 'expiresOn'],
    ],
    [
      'a shift closing before it opens',
      with_('technicians.save', { shiftPattern: { mon: [['16:00', '08:00']] } }),
      ['shiftPattern', 'mon', 0, 1],
    ],
    ['a home latitude without a longitude', with_('technicians.save', { homeLatitude: 47.6 }), ['homeLongitude']],
    ['a technician that does not exist', with_('technicians.save', { id: randomUUID() }), ['id']],
    ['a user that does not exist', with_('technicians.save', { userId: randomUUID() }), ['userId']],
    ['0 visits a day', with_('technicians.save', { maxVisitsPerDay: 0 }), ['maxVisitsPerDay']],
    ['an unknown time zone', with_('technicians.save', { timeZone: 'Pacific/Atlantis' }), ['timeZone']],
  ],
  'technicians.availability': [
    ['a period that ends before it starts', with_('technicians.availability', { to: '2026-11-01T00:00:00Z' }), ['to']],
    ['a period of more than a year', with_('technicians.availability', { to: '2028-01-01T00:00:00Z' }), ['to']],
  ],
  'technicians.addAvailability': [
    ['a kind that does not exist', with_('technicians.addAvailability', { kind: 'holiday' }), ['kind']],
    ['an end before the start', with_('technicians.addAvailability', { endsAt: '2026-12-05T08:00:00Z' }), ['endsAt']],
    ['an absence of 93 days', with_('technicians.addAvailability', { endsAt: '2027-03-08T13:00:00Z' }), ['endsAt']],
    [
      'a technician that does not exist',
      with_('technicians.addAvailability', { technicianId: randomUUID() }),
      ['technicianId'],
    ],
  ],
  'technicians.removeAvailability': [
    ['an id that is not a UUID', with_('technicians.removeAvailability', { id: 7 }), ['id']],
  ],
  'workTypes.list': [],
  'workTypes.save': [
    ['a duration of 4 minutes', with_('workTypes.save', { durationMinutes: 4 }), ['durationMinutes']],
    ['a duration of more than a day', with_('workTypes.save', { durationMinutes: 1441 }), ['durationMinutes']],
    [
      'a minimum level of 0',
      (f) => ({ ...validInputs['workTypes.save'](f), requiredSkills: [{ skillId: f.skillId, minLevel: 0 }] }),
      ['requiredSkills', 0, 'minLevel'],
    ],
    [
      'a skill that does not exist',
      (f) => ({ ...validInputs['workTypes.save'](f), requiredSkills: [{ skillId: randomUUID(), minLevel: 1 }] }),
      ['requiredSkills', 0, 'skillId'],
    ],
  ],
  'visits.create': [
    ['a duration of 0 minutes', with_('visits.create', { durationMinutes: 0 }), ['durationMinutes']],
    ['a duration of 30 days', with_('visits.create', { durationMinutes: 30 * 1440 }), ['durationMinutes']],
    ['a fractional duration', with_('visits.create', { durationMinutes: 59.5 }), ['durationMinutes']],
    ['a start without a time zone', with_('visits.create', { startsAt: '2027-03-01T09:00:00' }), ['startsAt']],
    [
      'a resolution window that ends before the visit starts',
      with_('visits.create', { startsAt: '2027-03-01T17:00:00Z', resolveBy: '2027-03-01T16:00:00Z' }),
      ['resolveBy'],
    ],
    [
      'a resolution window that ends before it begins',
      with_('visits.create', { resolveFrom: '2028-12-31T00:00:00Z', resolveBy: '2028-12-30T00:00:00Z' }),
      ['resolveBy'],
    ],
    ['a ticket that does not exist', with_('visits.create', { ticketId: randomUUID() }), ['ticketId']],
    ['a closed ticket', (f) => ({ ...validInputs['visits.create'](f), ticketId: f.closedTicketId }), ['ticketId']],
    ['a technician that does not exist', with_('visits.create', { technicianId: randomUUID() }), ['technicianId']],
    ['a helper that does not exist', with_('visits.create', { helperIds: [randomUUID()] }), ['helperIds', 0]],
    [
      'the lead as a helper',
      (f) => ({ ...validInputs['visits.create'](f), helperIds: [f.technicianId] }),
      ['helperIds', 0],
    ],
    [
      'the same helper twice',
      (f) => {
        const helper = randomUUID();
        return { ...validInputs['visits.create'](f), helperIds: [helper, helper] };
      },
      ['helperIds', 1],
    ],
    [
      'a Sunday, outside the shift, without an override',
      with_('visits.create', { startsAt: '2027-03-07T18:00:00Z' }),
      ['override'],
    ],
    ['an override without a reason', with_('visits.create', { override: { reason: ' ' } }), ['override', 'reason']],
  ],
  'visits.update': [
    ['an expected version of 0', with_('visits.update', { expectedVersion: 0 }), ['expectedVersion']],
    ['a duration of 0 minutes', with_('visits.update', { durationMinutes: 0 }), ['durationMinutes']],
    ['a duration of 30 days', with_('visits.update', { durationMinutes: 30 * 1440 }), ['durationMinutes']],
    ['a technician that does not exist', with_('visits.update', { technicianId: randomUUID() }), ['technicianId']],
    [
      'the lead as a helper',
      (f) => ({ ...validInputs['visits.update'](f), helperIds: [f.technicianId] }),
      ['helperIds', 0],
    ],
    [
      'a move to a Sunday without an override',
      with_('visits.update', { startsAt: '2027-01-03T18:00:00Z' }),
      ['override'],
    ],
    [
      'a resolution window that ends before the visit starts',
      with_('visits.update', { resolveBy: '2027-01-04T16:00:00Z' }),
      ['resolveBy'],
    ],
  ],
  'visits.cancel': [
    ['no reason', without('visits.cancel', 'reason'), ['reason']],
    ['a blank reason', with_('visits.cancel', { reason: '   ' }), ['reason']],
    ['an id that is not a UUID', with_('visits.cancel', { id: 'visit-1' }), ['id']],
  ],
  'visits.updateChecklist': [
    [
      'a confirmed contact without who',
      with_('visits.updateChecklist', { contact: { confirmed: true, method: 'phone' } }),
      ['contact', 'name'],
    ],
    [
      'a confirmation by carrier pigeon',
      with_('visits.updateChecklist', { contact: { confirmed: true, name: 'Kim', method: 'pigeon' } }),
      ['contact', 'method'],
    ],
    ['no access section', without('visits.updateChecklist', 'access'), ['access']],
  ],
  'visits.list': [
    ['an end before the start', with_('visits.list', { to: '2027-01-03T00:00:00Z' }), ['to']],
    ['a range of 32 days', with_('visits.list', { to: '2027-02-05T00:00:00Z' }), ['to']],
    ['a technician id that is not a UUID', with_('visits.list', { technicianIds: ['terry'] }), ['technicianIds', 0]],
  ],
  'visits.forTicket': [['a ticket id that is not a UUID', with_('visits.forTicket', { ticketId: 12 }), ['ticketId']]],
  'visits.setStatus': [
    ['a status that does not exist', with_('visits.setStatus', { status: 'lunch' }), ['status']],
    ['cancelled as a status', with_('visits.setStatus', { status: 'cancelled' }), ['status']],
    ['completed straight from scheduled', with_('visits.setStatus', { status: 'completed' }), ['status']],
    ['incomplete without a reason', with_('visits.setStatus', { status: 'incomplete' }), ['reason']],
    [
      'a reason that does not exist',
      with_('visits.setStatus', { status: 'incomplete', reason: 'raining' }),
      ['reason'],
    ],
    ['a reason for an arrival', with_('visits.setStatus', { reason: 'needs_parts' }), ['reason']],
    ['an ETA for an arrival', with_('visits.setStatus', { etaAt: inAnHour() }), ['etaAt']],
    [
      'an ETA before setting off',
      with_('visits.setStatus', {
        status: 'en_route',
        at: testIso(-60_000),
        etaAt: testIso(-120_000),
      }),
      ['etaAt'],
    ],
    [
      'an ETA in the past, setting off now',
      with_('visits.setStatus', { status: 'en_route', etaAt: testIso(-600_000) }),
      ['etaAt'],
    ],
    ['a time an hour ahead', with_('visits.setStatus', { at: inAnHour() }), ['at']],
    ['a time before the request was received', with_('visits.setStatus', { at: '2020-01-01T08:00:00Z' }), ['at']],
    ['a time without a zone', with_('visits.setStatus', { at: '2026-11-27T08:00:00' }), ['at']],
    ['a note of 1,001 characters', with_('visits.setStatus', { note: long(1001) }), ['note']],
    ['an expected version of 0', with_('visits.setStatus', { expectedVersion: 0 }), ['expectedVersion']],
    ['an id that is not a UUID', with_('visits.setStatus', { id: 'visit-1' }), ['id']],
  ],
  'visits.myDay': [
    ['a date that does not exist', with_('visits.myDay', { date: '2027-02-30' }), ['date']],
    ['a date with a time', with_('visits.myDay', { date: '2027-01-04T08:00:00Z' }), ['date']],
    ['a technician id that is not a UUID', with_('visits.myDay', { technicianId: 'toni' }), ['technicianId']],
    ['a technician that does not exist', with_('visits.myDay', { technicianId: randomUUID() }), ['technicianId']],
  ],
  'schedules.day': [
    ['a date that does not exist', with_('schedules.day', { date: '2027-02-30' }), ['date']],
    ['a day years away from any data', with_('schedules.day', { date: '2031-01-06' }), ['date']],
    ['a technician that does not exist', with_('schedules.day', { technicianId: randomUUID() }), ['technicianId']],
    ['a team nobody is on', () => ({ date: '2027-01-04', team: 'Atlantis' }), ['team']],
    ['two scopes at once', with_('schedules.day', { everyone: true }), ['technicianId']],
    ['no scope', without('schedules.day', 'technicianId'), ['technicianId']],
  ],
  'schedules.pdf': [
    ['a date with a time', with_('schedules.pdf', { date: '2027-01-04T08:00:00Z' }), ['date']],
    ['a day years before any data', with_('schedules.pdf', { date: '2021-01-04' }), ['date']],
    ['an unknown team', () => ({ date: '2027-01-04', team: 'Atlantis' }), ['team']],
    ['a paper size that does not exist', with_('schedules.pdf', { paper: 'A3' }), ['paper']],
  ],
  'schedules.mailSettings': [],
  'schedules.saveMailSettings': [
    ['no hour', () => ({ enabled: true }), ['hour']],
    ['hour 24', () => ({ enabled: true, hour: 24 }), ['hour']],
    ['a negative hour', () => ({ enabled: true, hour: -1 }), ['hour']],
    ['half past six as 18.5', () => ({ enabled: true, hour: 18.5 }), ['hour']],
    ['"yes" for enabled', () => ({ enabled: 'yes', hour: 18 }), ['enabled']],
  ],
  'dispatch.recommend': [
    ['a ticket number instead of its id', with_('dispatch.recommend', { ticketId: 'T-2026-000001' }), ['ticketId']],
    ['a day that does not exist', with_('dispatch.recommend', { day: '2027-02-30' }), ['day']],
    ['a day with a time', with_('dispatch.recommend', { day: '2027-01-04T08:00:00Z' }), ['day']],
    ['explanations for 101 technicians', with_('dispatch.recommend', { explainTop: 101 }), ['explainTop']],
  ],
  'dispatch.optimize': [
    ['a range of 32 days', with_('dispatch.optimize', { from: '2027-01-01', to: '2027-02-01' }), ['to']],
    ['a last day before the first', with_('dispatch.optimize', { from: '2027-01-05', to: '2027-01-04' }), ['to']],
    ['a negative time limit', with_('dispatch.optimize', { timeLimitSeconds: -1 }), ['timeLimitSeconds']],
    ['a time limit of zero', with_('dispatch.optimize', { timeLimitSeconds: 0 }), ['timeLimitSeconds']],
    ['a time limit of 301 seconds', with_('dispatch.optimize', { timeLimitSeconds: 301 }), ['timeLimitSeconds']],
    ['a run id that is not a uuid', with_('dispatch.optimize', { runId: 'run-1' }), ['runId']],
    [
      'a technician id that is not a uuid',
      with_('dispatch.optimize', { technicianIds: ['dana'] }),
      ['technicianIds', 0],
    ],
  ],
  'dispatch.cancel': [['a run id that is not a uuid', with_('dispatch.cancel', { runId: 42 }), ['runId']]],
  'dispatch.acceptPlan': [['no plan id', without('dispatch.acceptPlan', 'planId'), ['planId']]],
  'dispatch.discardPlan': [
    ['a plan id that is not a uuid', with_('dispatch.discardPlan', { planId: 'x' }), ['planId']],
  ],
  'dispatch.settings': [],
  'dispatch.saveSettings': [
    ['a detour factor of 0.5', (f) => settingsWith(f, { travel: { detourFactor: 0.5 } }), ['travel', 'detourFactor']],
    ['a negative lateness weight', (f) => settingsWith(f, { weights: { lateness: -1 } }), ['weights', 'lateness']],
    ['an unknown weight', (f) => settingsWith(f, { weights: { charm: 3 } }), ['weights', 'charm']],
    [
      'an OSRM address that is not http',
      (f) => settingsWith(f, { travel: { osrm: { url: 'ftp://osrm' } } }),
      ['travel', 'osrm', 'url'],
    ],
  ],
  'backup.status': [],
  'backup.run': [],
  'backup.list': [],
  'backup.saveSettings': [
    ['a relative folder', with_('backup.saveSettings', { folder: 'backups' }), ['folder']],
    [
      'a folder that does not exist',
      (f) => ({ ...validInputs['backup.saveSettings'](f), folder: `${f.backupFolder}/gone/deeper` }),
      ['folder'],
    ],
    [
      'a file instead of a folder',
      (f) => ({ ...validInputs['backup.saveSettings'](f), folder: backupFileIn(f) }),
      ['folder'],
    ],
    ['a schedule without a folder', with_('backup.saveSettings', { folder: null }), ['folder']],
    ['an hour of 24', with_('backup.saveSettings', { scheduleHour: 24 }), ['scheduleHour']],
    ['an hour of 2.5', with_('backup.saveSettings', { scheduleHour: 2.5 }), ['scheduleHour']],
    ['keeping none', with_('backup.saveSettings', { keep: 0 }), ['keep']],
    ['keeping 366', with_('backup.saveSettings', { keep: 366 }), ['keep']],
    ['an empty folder', with_('backup.saveSettings', { folder: '  ' }), ['folder']],
  ],
  'backup.restore': [
    ['a relative path', with_('backup.restore', { file: 'backups/dispatch.sqlite' }), ['file']],
    ['an empty path', with_('backup.restore', { file: ' ' }), ['file']],
    ['a path of 1,001 characters', with_('backup.restore', { file: `/${long(1000)}` }), ['file']],
    ['no file', without('backup.restore', 'file'), ['file']],
  ],
  'geocoder.settings': [],
  'geocoder.saveSettings': [
    ['an unknown service', with_('geocoder.saveSettings', { service: 'google' }), ['service']],
    ['an address that is not http', with_('geocoder.saveSettings', { url: 'file:///etc/passwd' }), ['url']],
    ['a timeout of 10 ms', with_('geocoder.saveSettings', { timeoutMs: 10 }), ['timeoutMs']],
    ['no switch', with_('geocoder.saveSettings', { enabled: 'yes' }), ['enabled']],
  ],
  'geocoder.search': [
    ['an empty address', with_('geocoder.search', { address: '  ' }), ['address']],
    ['an address of 301 characters', with_('geocoder.search', { address: 'x'.repeat(301) }), ['address']],
    ['an unknown field', with_('geocoder.search', { country: 'US' }), ['country']],
  ],
  'map.streetFile': [],
  'map.saveStreetFile': [
    ['a path that is a number', with_('map.saveStreetFile', { file: 42 }), ['file']],
    ['an empty path', with_('map.saveStreetFile', { file: '   ' }), ['file']],
    ['a relative path', with_('map.saveStreetFile', { file: 'maps/city.mbtiles' }), ['file']],
    ['an unknown field', with_('map.saveStreetFile', { url: 'https://tiles.example.com' }), ['url']],
  ],
  'organisation.settings': [],
  'organisation.saveSettings': [
    ['a first day written out', with_('organisation.saveSettings', { firstDayOfWeek: 'Monday' }), ['firstDayOfWeek']],
    ['a first day as a number', with_('organisation.saveSettings', { firstDayOfWeek: 1 }), ['firstDayOfWeek']],
    ['no first day', without('organisation.saveSettings', 'firstDayOfWeek'), ['firstDayOfWeek']],
  ],
  'parts.list': [
    ['a query of 101 characters', with_('parts.list', { query: long(101) }), ['query']],
    ['a limit of 0', with_('parts.list', { limit: 0 }), ['limit']],
    ['includeInactive as text', with_('parts.list', { includeInactive: 'yes' }), ['includeInactive']],
  ],
  'parts.save': [
    ['a SKU with a space', with_('parts.save', { sku: 'PS 550' }), ['sku']],
    ['a SKU of 41 characters', with_('parts.save', { sku: long(41) }), ['sku']],
    ['no name', without('parts.save', 'name'), ['name']],
    ['a unit of 21 characters', with_('parts.save', { unit: long(21) }), ['unit']],
    ['an id that is not a UUID', with_('parts.save', { id: 'PS-1' }), ['id']],
  ],
  'parts.importCsv': [
    ['an empty file', with_('parts.importCsv', { csv: ' \n ' }), ['csv']],
    ['a file of more than 5 million characters', with_('parts.importCsv', { csv: long(5_000_001) }), ['csv']],
    ['a header without a unit column', with_('parts.importCsv', { csv: 'sku,name\nA-1,Fan\n' }), ['csv', 1, 'unit']],
    [
      'a line without a name',
      with_('parts.importCsv', { csv: 'sku,name,unit\nIMP-OK-1,Fan,each\nIMP-OK-2,,each\n' }),
      ['csv', 3, 'name'],
    ],
    ['dryRun as text', with_('parts.importCsv', { dryRun: 'yes' }), ['dryRun']],
  ],
  'workLogs.get': [['a visit id that is not a UUID', with_('workLogs.get', { visitId: 'visit-1' }), ['visitId']]],
  'workLogs.forTicket': [
    ['a ticket number instead of its id', with_('workLogs.forTicket', { ticketId: 'T-2026-000001' }), ['ticketId']],
  ],
  'workLogs.save': [
    ['a negative quantity', (f) => workLogWith(f, { quantity: -1 }), ['parts', 0, 'quantity']],
    ['a quantity of zero', (f) => workLogWith(f, { quantity: 0 }), ['parts', 0, 'quantity']],
    ['half of a part counted in each', (f) => workLogWith(f, { quantity: 0.5 }), ['parts', 0, 'quantity']],
    ['a SKU not in the catalog', (f) => workLogWith(f, { sku: 'NO-SUCH-SKU' }), ['parts', 0, 'sku']],
    [
      'the same serial number twice on a line',
      (f) => workLogWith(f, { serialsInstalled: ['SN-1', ' sn-1 '] }),
      ['parts', 0, 'serialsInstalled', 1],
    ],
    ['"no parts" with parts listed', with_('workLogs.save', { noParts: true }), ['noParts']],
    ['101 steps', with_('workLogs.save', { steps: Array(101).fill('Checked') }), ['steps']],
    ['an empty step', with_('workLogs.save', { steps: ['Checked', '  '] }), ['steps', 1]],
    ['an outcome that does not exist', with_('workLogs.save', { outcome: 'fixed' }), ['outcome']],
    ['a negative time on site', with_('workLogs.save', { timeOnSiteMinutes: -5 }), ['timeOnSiteMinutes']],
    ['an expected version of -1', with_('workLogs.save', { expectedVersion: -1 }), ['expectedVersion']],
    ['a visit id that is not a UUID', with_('workLogs.save', { visitId: 'visit-1' }), ['visitId']],
  ],
  'attachments.add': [
    [
      'a Linux executable named photo.jpg',
      with_('attachments.add', { fileName: 'photo.jpg', contentBase64: elfBytes().toString('base64') }),
      ['contentBase64'],
    ],
    ['content that is not base64', with_('attachments.add', { contentBase64: 'not base64!' }), ['contentBase64']],
    ['empty content', with_('attachments.add', { contentBase64: '' }), ['contentBase64']],
    ['no file name', with_('attachments.add', { fileName: '  ' }), ['fileName']],
    ['a ticket that does not exist', with_('attachments.add', { ticketId: randomUUID() }), ['ticketId']],
    [
      'a visit of another ticket',
      (f) => ({ ...validInputs['attachments.add'](f), ticketId: f.closedTicketId }),
      ['visitId'],
    ],
    [
      'a PDF as the thumbnail',
      with_('attachments.add', { thumbnailBase64: pdfBytes().toString('base64') }),
      ['thumbnailBase64'],
    ],
    [
      'a thumbnail for a PDF',
      with_('attachments.add', {
        contentBase64: pdfBytes().toString('base64'),
        thumbnailBase64: elfBytes().toString('base64'),
      }),
      ['thumbnailBase64'],
    ],
  ],
  'attachments.list': [['a ticket id that is not a UUID', () => ({ ticketId: 'T-2026-000001' }), ['ticketId']]],
  'attachments.content': [
    ['a variant that does not exist', with_('attachments.content', { variant: 'poster' }), ['variant']],
    ['an id that is not a UUID', with_('attachments.content', { id: 'photo.png' }), ['id']],
  ],
  'attachments.settings': [],
  'attachments.saveSettings': [
    ['a limit of 0 MB', () => ({ maxUploadMegabytes: 0 }), ['maxUploadMegabytes']],
    ['a limit of 101 MB', () => ({ maxUploadMegabytes: 101 }), ['maxUploadMegabytes']],
    ['a fractional limit', () => ({ maxUploadMegabytes: 2.5 }), ['maxUploadMegabytes']],
  ],
  'signOffs.record': [
    ['a kind that does not exist', with_('signOffs.record', { kind: 'verbal' }), ['kind']],
    ['no signer name', without('signOffs.record', 'signerName'), ['signerName']],
    ['no answer on the resolution', without('signOffs.record', 'resolutionConfirmed'), ['resolutionConfirmed']],
    [
      'an executable as the signature',
      with_('signOffs.record', { signaturePngBase64: elfBytes().toString('base64') }),
      ['signaturePngBase64'],
    ],
    [
      'a PDF as the signature',
      with_('signOffs.record', { signaturePngBase64: pdfBytes().toString('base64') }),
      ['signaturePngBase64'],
    ],
    ['a signature signed tomorrow', with_('signOffs.record', { signedAt: inAnHour() }), ['signedAt']],
    ['a visit that does not exist', with_('signOffs.record', { visitId: randomUUID() }), ['visitId']],
    [
      '"not required" without a reason',
      (f) => ({ visitId: f.ownVisitId, kind: 'not_required', reason: ' ' }),
      ['reason'],
    ],
    ['superseding without a reason', with_('signOffs.record', { supersedesId: randomUUID() }), ['supersedeReason']],
    [
      'superseding a sign-off that does not exist',
      with_('signOffs.record', { supersedesId: randomUUID(), supersedeReason: 'Signed by the wrong person' }),
      ['supersedesId'],
    ],
  ],
  'signOffs.list': [['a ticket id that is not a UUID', () => ({ ticketId: 'T-2026-000001' }), ['ticketId']]],
  'tickets.closureCheck': [
    ['a ticket number instead of its id', with_('tickets.closureCheck', { ticketId: 'T-2026-000001' }), ['ticketId']],
  ],
  'tickets.confirmResolution': [
    ['no one named as confirming', with_('tickets.confirmResolution', { confirmedBy: '  ' }), ['confirmedBy']],
    ['a method that does not exist', with_('tickets.confirmResolution', { method: 'pigeon' }), ['method']],
    [
      'a confirmation in the future',
      (f) => ({ ...validInputs['tickets.confirmResolution'](f), confirmedAt: inAnHour() }),
      ['confirmedAt'],
    ],
    [
      'a confirmation before the request',
      with_('tickets.confirmResolution', { confirmedAt: '2020-01-01T00:00:00Z' }),
      ['confirmedAt'],
    ],
    ['a note of 1,001 characters', with_('tickets.confirmResolution', { note: long(1001) }), ['note']],
    [
      'a closed ticket',
      (f) => ({ ...validInputs['tickets.confirmResolution'](f), ticketId: f.closedTicketId }),
      ['ticketId'],
    ],
  ],
  'tickets.recordRemoteResolution': [
    ['a channel that does not exist', with_('tickets.recordRemoteResolution', { channel: 'telepathy' }), ['channel']],
    ['no steps', with_('tickets.recordRemoteResolution', { steps: [] }), ['steps']],
    ['a blank step', with_('tickets.recordRemoteResolution', { steps: ['Rebooted', '  '] }), ['steps', 1]],
    ['no resolution', with_('tickets.recordRemoteResolution', { resolution: ' ' }), ['resolution']],
    ['no one named as confirming', with_('tickets.recordRemoteResolution', { confirmedBy: '' }), ['confirmedBy']],
    ['no response moment', with_('tickets.recordRemoteResolution', { respondedAt: undefined }), ['respondedAt']],
    [
      'a response before the request',
      with_('tickets.recordRemoteResolution', { respondedAt: '2020-01-01T00:00:00Z' }),
      ['respondedAt'],
    ],
    ['a resolution in the future', with_('tickets.recordRemoteResolution', { resolvedAt: inAnHour() }), ['resolvedAt']],
    [
      'a confirmation before the resolution',
      (f) => ({
        ...validInputs['tickets.recordRemoteResolution'](f),
        resolvedAt: testIso(-5_000),
        confirmedAt: testIso(-10_000),
      }),
      ['confirmedAt'],
    ],
  ],
  'audit.list': [
    ['a user id that is not a uuid', () => ({ filter: { userId: 'dana' } }), ['filter', 'userId']],
    ['a kind with capitals', () => ({ filter: { entity: 'Ticket' } }), ['filter', 'entity']],
    ['a record id of 101 characters', () => ({ filter: { record: long(101) } }), ['filter', 'record']],
    [
      'a period that ends before it starts',
      () => ({ filter: { from: testIso(0), to: testIso(-60_000) } }),
      ['filter', 'to'],
    ],
    ['a local time without a zone', () => ({ filter: { from: '2026-12-01T08:00' } }), ['filter', 'from']],
    ['a page of 201', () => ({ limit: 201 }), ['limit']],
    ['a cursor without its id', () => ({ after: { at: testIso(0) } }), ['after', 'id']],
  ],
  'audit.get': [
    ['an empty id', () => ({ id: ' ' }), ['id']],
    ['no id', () => ({}), ['id']],
  ],
  'audit.kinds': [],
  'audit.export': [['a year 3000 start', () => ({ filter: { from: '3000-01-01T00:00:00Z' } }), ['filter', 'from']]],
  'tickets.close': [
    ['an expected version of 0', with_('tickets.close', { expectedVersion: 0 }), ['expectedVersion']],
    ['a summary of 2,001 characters', with_('tickets.close', { resolutionSummary: long(2001) }), ['resolutionSummary']],
    ['a ticket with nothing documented', (f) => validInputs['tickets.close'](f), ['requirements', 'steps']],
  ],
  'tickets.reopen': [
    ['no reason', with_('tickets.reopen', { reason: ' ' }), ['reason']],
    ['a ticket that is open', (f) => ({ ...validInputs['tickets.reopen'](f), ticketId: f.ticketId }), ['ticketId']],
  ],
  'tickets.link': [
    ['a link to itself', (f) => ({ ticketId: f.ticketId, earlierTicketId: f.ticketId }), ['earlierTicketId']],
    [
      'an earlier ticket that does not exist',
      with_('tickets.link', { earlierTicketId: randomUUID() }),
      ['earlierTicketId'],
    ],
    ['a ticket that does not exist', with_('tickets.link', { ticketId: randomUUID() }), ['ticketId']],
    [
      'an "earlier" ticket received later',
      (f) => ({ ticketId: f.ticketId, earlierTicketId: f.closedTicketId }),
      ['earlierTicketId'],
    ],
  ],
  'tickets.recentlyClosed': [
    ['no client id', without('tickets.recentlyClosed', 'clientId'), ['clientId']],
    ['a client id that is not a UUID', with_('tickets.recentlyClosed', { clientId: 'all' }), ['clientId']],
    ['no days back', with_('tickets.recentlyClosed', { days: 0 }), ['days']],
    ['more than a year back', with_('tickets.recentlyClosed', { days: 366 }), ['days']],
    ['part of a day', with_('tickets.recentlyClosed', { days: 1.5 }), ['days']],
  ],
  'tickets.timeline': [['no ticket id', without('tickets.timeline', 'ticketId'), ['ticketId']]],
  'closure.settings': [],
  'closure.saveSettings': [
    ['a window of 0 days', with_('closure.saveSettings', { reopenWindowDays: 0 }), ['reopenWindowDays']],
    ['a window of 1.5 days', with_('closure.saveSettings', { reopenWindowDays: 1.5 }), ['reopenWindowDays']],
    ['a window of 366 days', with_('closure.saveSettings', { reopenWindowDays: 366 }), ['reopenWindowDays']],
  ],
  'reports.slaAdherence': [
    ['an end before the start', with_('reports.slaAdherence', { from: '2026-12-31', to: '2026-12-01' }), ['to']],
    ['no start', without('reports.slaAdherence', 'from'), ['from']],
    ['a date that does not exist', with_('reports.slaAdherence', { from: '2026-02-30' }), ['from']],
    ['a grouping that does not exist', with_('reports.slaAdherence', { groupBy: 'weather' }), ['groupBy']],
    ['a team no technician is on', with_('reports.slaAdherence', { team: 'Atlantis' }), ['team']],
    ['a client that does not exist', with_('reports.slaAdherence', { clientId: randomUUID() }), ['clientId']],
    ['a priority that does not exist', with_('reports.slaAdherence', { priority: 'urgent' }), ['priority']],
    [
      'a year of days grouped by day',
      with_('reports.slaAdherence', { from: '2026-01-01', to: '2027-01-31', groupBy: 'day' }),
      ['groupBy'],
    ],
    ['ten years', with_('reports.slaAdherence', { from: '2020-01-01', to: '2029-12-31' }), ['to']],
  ],
  'reports.volumes': [
    ['an end before the start', with_('reports.volumes', { from: '2026-12-31', to: '2026-12-01' }), ['to']],
    ['a team no technician is on', with_('reports.volumes', { team: 'Atlantis' }), ['team']],
    ['a client that does not exist', with_('reports.volumes', { clientId: randomUUID() }), ['clientId']],
  ],
  'reports.firstTimeFix': [
    ['an end before the start', with_('reports.firstTimeFix', { from: '2026-12-31', to: '2026-12-01' }), ['to']],
    ['a team no technician is on', with_('reports.firstTimeFix', { team: 'Atlantis' }), ['team']],
    ['a client that does not exist', with_('reports.firstTimeFix', { clientId: randomUUID() }), ['clientId']],
  ],
  'reports.escalations': [
    ['an end before the start', with_('reports.escalations', { from: '2026-12-31', to: '2026-12-01' }), ['to']],
    ['a team no technician is on', with_('reports.escalations', { team: 'Atlantis' }), ['team']],
    ['a priority that does not exist', with_('reports.escalations', { priority: 'urgent' }), ['priority']],
  ],
  'reports.review': [
    ['an end before the start', with_('reports.review', { from: '2026-12-31', to: '2026-12-01' }), ['to']],
    ['a client that does not exist', with_('reports.review', { clientId: randomUUID() }), ['clientId']],
    ['a grouping that does not exist', with_('reports.review', { groupBy: 'mood' }), ['groupBy']],
  ],
  'reports.utilization': [
    ['a grouping by a ticket’s priority', with_('reports.utilization', { groupBy: 'priority' }), ['groupBy']],
    ['a grouping by client', with_('reports.utilization', { groupBy: 'client' }), ['groupBy']],
    ['a client filter', with_('reports.utilization', { clientId: randomUUID() }), ['clientId']],
    ['a priority filter', with_('reports.utilization', { priority: 'high' }), ['priority']],
    ['a team no technician is on', with_('reports.utilization', { team: 'Atlantis' }), ['team']],
  ],
  'reports.tickets': [
    ['a report that does not exist', with_('reports.tickets', { report: 'weather' }), ['report']],
    ['a table the report has not', with_('reports.tickets', { report: 'volumes', table: 'weather' }), ['table']],
    [
      'a figure the table has not',
      with_('reports.tickets', { report: 'volumes', table: 'received', measure: 'weather' }),
      ['measure'],
    ],
    ['an SLA outcome on another report', with_('reports.tickets', { report: 'volumes', outcome: 'met' }), ['outcome']],
    ['a figure on the SLA report', with_('reports.tickets', { measure: 'received' }), ['measure']],
    [
      'a percentile, which opens no list',
      with_('reports.tickets', { report: 'escalations', table: 'raised', measure: 'ack_minutes_median' }),
      ['measure'],
    ],
    [
      'a utilization drill-down grouped by priority',
      with_('reports.tickets', { report: 'utilization', table: 'utilization', measure: 'booked' }),
      ['groupBy'],
    ],
    [
      'an average, which opens no list',
      with_('reports.tickets', { report: 'review', table: 'feedback', measure: 'average' }),
      ['measure'],
    ],
    ['no group key', without('reports.tickets', 'key'), ['key']],
    ['an outcome that does not exist', with_('reports.tickets', { outcome: 'late' }), ['outcome']],
    ['an end before the start', with_('reports.tickets', { from: '2026-12-31', to: '2026-12-01' }), ['to']],
    ['a team no technician is on', with_('reports.tickets', { team: 'Atlantis' }), ['team']],
  ],
  'reports.export': [
    ['a format that does not exist', with_('reports.export', { format: 'pdf' }), ['format']],
    ['a drill-down without its key', with_('reports.export', { drill: {} }), ['drill', 'key']],
    [
      'a drill-down into a table the report has not',
      with_('reports.export', { report: 'first_time_fix', drill: { key: null, table: 'weather' } }),
      ['drill', 'table'],
    ],
    ['a client that does not exist', with_('reports.export', { clientId: randomUUID() }), ['clientId']],
  ],
  'reviews.pending': [],
  'reviews.completed': [['a limit of 0', with_('reviews.completed', { limit: 0 }), ['limit']]],
  'reviews.record': [
    ['an empty note', with_('reviews.record', { note: '' }), ['note']],
    ['a tag that does not exist', with_('reviews.record', { tags: ['bad_luck'] }), ['tags', 0]],
    ['a tag twice', with_('reviews.record', { tags: ['other', 'other'] }), ['tags']],
    ['"SOP followed" as text', with_('reviews.record', { sopFollowed: 'yes' }), ['sopFollowed']],
    ['a ticket that is open', (f) => ({ ...validInputs['reviews.record'](f), ticketId: f.ticketId }), ['ticketId']],
  ],
  'outbox.status': [],
  'outbox.settings': [],
  'mail.settings': [],
  'outbox.list': [
    ['a status that does not exist', with_('outbox.list', { status: 'lost' }), ['status']],
    ['a ticket id that is not a UUID', with_('outbox.list', { ticketId: 'T-1' }), ['ticketId']],
    ['a limit of 0', with_('outbox.list', { limit: 0 }), ['limit']],
    ['a limit of 501', with_('outbox.list', { limit: 501 }), ['limit']],
    ['a page marker that is not one', with_('outbox.list', { after: '2026-12-01T10:00:00' }), ['after']],
  ],
  'outbox.get': [['an id that is not a UUID', () => ({ id: 'message-1' }), ['id']]],
  'outbox.retry': [
    ['an id that is not a UUID', () => ({ id: 'message-1' }), ['id']],
    ['an unknown field', with_('outbox.retry', { force: true }), ['force']],
  ],
  'outbox.saveSettings': [
    ['no first retry', without('outbox.saveSettings', 'firstRetryMinutes'), ['firstRetryMinutes']],
    ['a first retry of 0 minutes', with_('outbox.saveSettings', { firstRetryMinutes: 0 }), ['firstRetryMinutes']],
    ['a fractional maximum', with_('outbox.saveSettings', { maxRetryMinutes: 1.5 }), ['maxRetryMinutes']],
    [
      'a maximum below the first retry',
      with_('outbox.saveSettings', { firstRetryMinutes: 30, maxRetryMinutes: 10 }),
      ['maxRetryMinutes'],
    ],
    ['0 attempts', with_('outbox.saveSettings', { maxAttempts: 0 }), ['maxAttempts']],
    ['51 attempts', with_('outbox.saveSettings', { maxAttempts: 51 }), ['maxAttempts']],
    ['no grace before a delay notice', with_('outbox.saveSettings', { delayGraceMinutes: 0 }), ['delayGraceMinutes']],
    ['a fractional grace', with_('outbox.saveSettings', { delayGraceMinutes: 7.5 }), ['delayGraceMinutes']],
    ['a grace of more than 4 hours', with_('outbox.saveSettings', { delayGraceMinutes: 241 }), ['delayGraceMinutes']],
  ],
  'mailboxes.list': [],
  'mailboxes.save': [
    ['no host', without('mailboxes.save', 'host'), ['host']],
    ['a host with a space', with_('mailboxes.save', { host: 'imap example.com' }), ['host']],
    ['port 0', with_('mailboxes.save', { port: 0 }), ['port']],
    ['a TLS mode that does not exist', with_('mailboxes.save', { tls: 'ssl3' }), ['tls']],
    ['no user', without('mailboxes.save', 'user'), ['user']],
    ['an empty password', with_('mailboxes.save', { password: '' }), ['password']],
    ['a password of 501 characters', with_('mailboxes.save', { password: long(501) }), ['password']],
    ['a folder of 201 characters', with_('mailboxes.save', { folder: long(201) }), ['folder']],
    ['an id that is not one', with_('mailboxes.save', { id: 'mailbox-1' }), ['id']],
    ['a field the contract does not know', with_('mailboxes.save', { passwordSet: true }), ['passwordSet']],
  ],
  'mailboxes.test': [
    ['no host', without('mailboxes.test', 'host'), ['host']],
    ['port 65536', with_('mailboxes.test', { port: 65_536 }), ['port']],
    ['an empty user', with_('mailboxes.test', { user: '' }), ['user']],
  ],
  'mail.saveSettings': [
    ['no host', without('mail.saveSettings', 'host'), ['host']],
    ['a host with a space', with_('mail.saveSettings', { host: 'smtp example.com' }), ['host']],
    ['port 0', with_('mail.saveSettings', { port: 0 }), ['port']],
    ['port 65536', with_('mail.saveSettings', { port: 65_536 }), ['port']],
    ['a TLS mode that does not exist', with_('mail.saveSettings', { tls: 'ssl3' }), ['tls']],
    ['a from address that is not one', with_('mail.saveSettings', { fromAddress: 'dispatch' }), ['fromAddress']],
    ['an empty password', with_('mail.saveSettings', { password: '' }), ['password']],
    ['a password of 501 characters', with_('mail.saveSettings', { password: long(501) }), ['password']],
  ],
  'mail.sendTest': [
    ['no address', () => ({}), ['to']],
    ['an address without a domain', () => ({ to: 'kim@' }), ['to']],
    ['an address of 300 characters', () => ({ to: `${long(290)}@tailspin.example` }), ['to']],
  ],
  'webhook.settings': [],
  'webhook.saveSettings': [
    ['no address', without('webhook.saveSettings', 'url'), ['url']],
    ['an address that is not one', with_('webhook.saveSettings', { url: 'gateway' }), ['url']],
    ['a file address', with_('webhook.saveSettings', { url: 'file:///etc/passwd' }), ['url']],
    ['a secret of 15 characters', with_('webhook.saveSettings', { secret: long(15) }), ['secret']],
    ['a kind that does not exist', with_('webhook.saveSettings', { kinds: ['birthday-card'] }), ['kinds', 0]],
  ],
  'webhook.sendTest': [],
  'templates.list': [],
  'templates.get': [
    ['a kind that does not exist', () => ({ kind: 'birthday-card' }), ['kind']],
    ['no kind', () => ({}), ['kind']],
  ],
  'templates.save': [
    ['an unknown placeholder', with_('templates.save', { body: 'Hello {{unknownThing}}' }), ['body']],
    [
      'an unknown placeholder in the subject',
      with_('templates.save', { subject: 'Re {{ticket.number}}' }),
      ['subject'],
    ],
    ['an unclosed section', with_('templates.save', { body: '{{#eta}}Arriving {{eta}}' }), ['body']],
    ['a partial', with_('templates.save', { body: 'See {{> footer}}' }), ['body']],
    ['an empty subject', with_('templates.save', { subject: '  ' }), ['subject']],
    ['a body of 10,001 characters', with_('templates.save', { body: long(10_001) }), ['body']],
    ['a kind that does not exist', with_('templates.save', { kind: 'birthday-card' }), ['kind']],
  ],
  'templates.reset': [['a kind that does not exist', () => ({ kind: 'birthday-card' }), ['kind']]],
  'templates.preview': [
    ['a ticket id that is not a UUID', with_('templates.preview', { ticketId: 'T-1' }), ['ticketId']],
    ['a ticket that does not exist', with_('templates.preview', { ticketId: randomUUID() }), ['ticketId']],
    [
      'a visit of another ticket',
      (f) => ({ ...validInputs['templates.preview'](f), visitId: f.ownVisitId }),
      ['visitId'],
    ],
    [
      'a draft with an unknown placeholder',
      with_('templates.preview', { draft: { subject: 'Hi', body: 'Hello {{unknownThing}}' } }),
      ['draft', 'body'],
    ],
    ['a draft without a body', with_('templates.preview', { draft: { subject: 'Hi' } }), ['draft', 'body']],
  ],
  'clients.messagePreferences': [['a client that does not exist', () => ({ clientId: randomUUID() }), ['clientId']]],
  'clients.saveMessagePreferences': [
    [
      'a kind that does not exist',
      with_('clients.saveMessagePreferences', { receives: { 'birthday-card': false } }),
      ['receives', 'birthday-card'],
    ],
    [
      "a technician's kind",
      with_('clients.saveMessagePreferences', { receives: { 'assignment-notice': false } }),
      ['receives', 'assignment-notice'],
    ],
    [
      'a word instead of true or false',
      with_('clients.saveMessagePreferences', { receives: { 'on-the-way': 'no' } }),
      ['receives', 'on-the-way'],
    ],
    ['a client that does not exist', with_('clients.saveMessagePreferences', { clientId: randomUUID() }), ['clientId']],
  ],
  'contacts.setMessagesOptOut': [
    ['no optOut', without('contacts.setMessagesOptOut', 'optOut'), ['optOut']],
    ['a word instead of true or false', with_('contacts.setMessagesOptOut', { optOut: 'yes' }), ['optOut']],
    ['an unknown contact', with_('contacts.setMessagesOptOut', { id: '9b2f0a52-4a8e-4a0e-9d39-3f1f3a8e2b11' }), ['id']],
  ],
  'feedback.record': [
    ['a score of 0', with_('feedback.record', { score: 0 }), ['score']],
    ['a score of 6', with_('feedback.record', { score: 6 }), ['score']],
    ['a score of 4.5', with_('feedback.record', { score: 4.5 }), ['score']],
    ['a score as text', with_('feedback.record', { score: '4' }), ['score']],
    ['no score', without('feedback.record', 'score'), ['score']],
    ['a comment of 2,001 characters', with_('feedback.record', { comment: long(2001) }), ['comment']],
    ['problemBack as a word', with_('feedback.record', { problemBack: 'yes' }), ['problemBack']],
    ['a ticket that does not exist', with_('feedback.record', { ticketId: randomUUID() }), ['ticketId']],
    [
      'a ticket that is not closed',
      (f) => ({ ...validInputs['feedback.record'](f), ticketId: f.ticketId }),
      ['ticketId'],
    ],
  ],
  'feedback.forTicket': [['a ticket id that is not a UUID', () => ({ ticketId: 'T-1' }), ['ticketId']]],
  'feedback.settings': [],
  'feedback.saveSettings': [
    ['an address without http', () => ({ publicBaseUrl: 'dispatch.example.com' }), ['publicBaseUrl']],
    ['an ftp address', () => ({ publicBaseUrl: 'ftp://dispatch.example.com' }), ['publicBaseUrl']],
    ['an address with a user', () => ({ publicBaseUrl: 'https://kim:pw@dispatch.example.com' }), ['publicBaseUrl']],
    ['an address with a query', () => ({ publicBaseUrl: 'https://dispatch.example.com/?x=1' }), ['publicBaseUrl']],
    ['a javascript: address', () => ({ publicBaseUrl: 'javascript:alert(1)' }), ['publicBaseUrl']],
    ['no address at all', () => ({}), ['publicBaseUrl']],
  ],
  'reminders.settings': [],
  'reminders.saveSettings': [
    ['no lead time', () => ({}), ['leadHours']],
    ['a lead time of 0 hours', () => ({ leadHours: 0 }), ['leadHours']],
    ['a lead time of a week and an hour', () => ({ leadHours: 169 }), ['leadHours']],
    ['a fractional lead time', () => ({ leadHours: 1.5 }), ['leadHours']],
  ],
  'messages.draftUpdate': [
    ['a ticket that does not exist', () => ({ ticketId: randomUUID() }), ['ticketId']],
    ["a technician's kind to start from", (f) => ({ ticketId: f.ticketId, kind: 'assignment-notice' }), ['kind']],
    ['a kind that does not exist', (f) => ({ ticketId: f.ticketId, kind: 'birthday-card' }), ['kind']],
  ],
  'messages.sendUpdate': [
    ['no subject', without('messages.sendUpdate', 'subject'), ['subject']],
    ['a blank body', with_('messages.sendUpdate', { body: ' \n ' }), ['body']],
    ['a body of 10,001 characters', with_('messages.sendUpdate', { body: long(10_001) }), ['body']],
    ['a ticket that does not exist', with_('messages.sendUpdate', { ticketId: randomUUID() }), ['ticketId']],
    ['a ticket without a contact', with_('messages.sendUpdate', {}), ['ticketId']],
    [
      'the template left unwritten',
      with_('messages.sendUpdate', { body: 'Dear Kim,\n\n[Write the update here.]' }),
      ['body'],
    ],
    ['a request id that is not a UUID', with_('messages.sendUpdate', { requestId: 'again' }), ['requestId']],
  ],
  'calls.log': [
    ['no one called', without('calls.log', 'calledName'), ['calledName']],
    ['a blank summary', with_('calls.log', { summary: '   ' }), ['summary']],
    ['a summary of 4,001 characters', with_('calls.log', { summary: long(4_001) }), ['summary']],
    ['letters for a phone number', with_('calls.log', { phone: 'call me' }), ['phone']],
    ['a call in an hour', (f) => ({ ...validInputs['calls.log'](f), calledAt: inAnHour() }), ['calledAt']],
    ['a time without a zone', with_('calls.log', { calledAt: '2026-12-07T09:00:00' }), ['calledAt']],
    ['a ticket that does not exist', with_('calls.log', { ticketId: randomUUID() }), ['ticketId']],
  ],
  'calls.forTicket': [['a ticket id that is not a UUID', () => ({ ticketId: 'T-1' }), ['ticketId']]],
  'settingsTransfer.export': [],
  'settingsTransfer.preview': [
    ['no file', () => ({}), ['file']],
    ['a file that is not JSON', () => ({ file: 'first day: monday' }), ['file']],
    [
      'a file of another format',
      () => ({ file: JSON.stringify({ format: 'backup', formatVersion: 1 }) }),
      ['file', 'format'],
    ],
    [
      'a file of a newer format',
      () => ({ file: JSON.stringify({ ...JSON.parse(smallSettingsFile()), formatVersion: 2 }) }),
      ['file', 'formatVersion'],
    ],
    [
      'a lead time of 0 hours in the file',
      () => ({ file: smallSettingsFile({ reminders: { leadHours: 0 } }) }),
      ['file', 'sections', 'reminders', 'leadHours'],
    ],
    [
      'a work type needing a skill nobody has',
      () => ({
        file: smallSettingsFile({
          workTypes: [
            {
              name: 'Fibre repair',
              category: null,
              durationMinutes: 60,
              requiredSkills: [{ skill: 'Fibre splicing', minLevel: 2 }],
              signOffRequired: false,
            },
          ],
        }),
      }),
      ['file', 'sections', 'workTypes', 0, 'requiredSkills', 0, 'skill'],
    ],
  ],
  'settingsTransfer.import': [
    ['no fingerprint', without('settingsTransfer.import', 'expectedPreview'), ['expectedPreview']],
    [
      'a fingerprint that is not one',
      with_('settingsTransfer.import', { expectedPreview: 'latest' }),
      ['expectedPreview'],
    ],
    ['a file that is not JSON', with_('settingsTransfer.import', { file: '{"format":' }), ['file']],
    [
      'a mail server with its password in the file',
      with_('settingsTransfer.import', {
        file: smallSettingsFile({
          mail: {
            host: 'smtp.example.com',
            port: 587,
            tls: 'starttls',
            user: 'dispatch',
            password: 'secret',
            fromAddress: 'd@example.com',
            fromName: null,
          },
        }),
      }),
      ['file', 'sections', 'mail', 'password'],
    ],
  ],
};

/** A valid work log whose first parts line has some fields changed. */
function workLogWith(f: ApiFixture, line: Record<string, unknown>) {
  const valid = validInputs['workLogs.save'](f);
  return { ...valid, parts: [{ ...valid.parts[0], ...line }] };
}

/** Valid dispatch settings with some fields changed (nested objects merged one level at a time). */
/** A plain file in the fixture's backup folder, where a folder is expected. */
function backupFileIn(f: ApiFixture): string {
  const file = path.join(f.backupFolder, 'not-a-folder.txt');
  fs.writeFileSync(file, 'a note');
  return file;
}

function settingsWith(
  f: ApiFixture,
  change: { weights?: Record<string, unknown>; travel?: Record<string, unknown> & { osrm?: Record<string, unknown> } },
) {
  const valid = validInputs['dispatch.saveSettings'](f);
  const { osrm, ...travel } = change.travel ?? {};
  return {
    weights: { ...valid.weights, ...change.weights },
    travel: { ...valid.travel, ...travel, osrm: { ...valid.travel.osrm, ...osrm } },
  };
}

/** `count` Mondays from `first` (a Monday) as YYYY-MM-DD. */
function mondays(first: string, count: number): string[] {
  const start = new Date(`${first}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

const notObjects: [string, unknown][] = [
  ['a string', 'tickets please'],
  ['an array', [{ id: 1 }]],
  ['a number', 42],
  ['true', true],
];

describe('invalid input over HTTP: refused with invalid_input, naming the field, writing nothing', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;

  beforeAll(async () => {
    f = await startApiFixture(env);
  });

  /** Calls as admin (allowed everywhere) and checks that no table changed. */
  async function refused(method: MethodName, input: unknown): Promise<Reply<unknown>> {
    const before = await countRows(f.server.runtime.database);
    const reply = await f.server.call(method, input, { cookie: f.cookies.admin });
    expect(await countRows(f.server.runtime.database), 'rows after the refused call').toEqual(before);
    return reply;
  }

  it('has cases for every method of the contract', () => {
    expect(Object.keys(cases).sort()).toEqual([...methodNames].sort());
  });

  describe.each(notObjects)('a body that is %s', (_label, body) => {
    it.each(methodNames)('%s refuses it', async (method) => {
      const reply = await refused(method, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: [] }] } });
    });
  });

  it.each(methodNames)('%s refuses an unknown field and names it', async (method) => {
    const reply = await refused(method, { ...validInputs[method](f), surprise: 'field' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['surprise'], message: 'Unknown field' }] },
    });
  });

  const rows = Object.entries(cases).flatMap(([method, list]) =>
    list.map(([label, input, path]) => ({ method: method as MethodName, label, input, path })),
  );

  it.each(rows)('$method refuses $label, naming $path', async ({ method, input, path }) => {
    const reply = await refused(method, input(f));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const issues = reply.body.ok ? [] : (reply.body.error.issues ?? []);
    expect(issues.map((i) => i.path)).toContainEqual(path);
  });
});
