import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../shared/api/contract';
import type { DispatchEvent } from '../../shared/api/events';
import { startApiFixture, validInputs, type ApiFixture } from '../support/api-fixture';
import { elfBytes, pdfBytes, pngBase64, pngBytes } from '../support/images';
import { countRows, useTestEnvironment, valueOf } from '../support/test-runtime';

const MB = 1024 * 1024;

/** The start of an iPhone HEIC photo: an ISO-BMFF ftyp box with the heic brand. */
function heicBytes(): Buffer {
  const box = Buffer.alloc(24 + 1000);
  box.writeUInt32BE(24, 0);
  box.write('ftypheic', 4, 'ascii');
  box.writeUInt32BE(0, 12);
  box.write('mif1heic', 16, 'ascii');
  return box;
}

/** The start of a Windows program (MZ header, PE signature). */
function peBytes(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'binary');
  return bytes;
}

interface RawReply {
  status: number;
  body: unknown;
  /** Body bytes the client had written when the answer came. */
  sent: number;
}

/**
 * POSTs a body of `total` bytes that is never fully produced: chunks of 1 MB are written (waiting
 * for the socket to drain) until the server answers. With `declareLength` the request says its
 * length up front; without, it is sent chunked and the server must count. A null cookie sends it
 * anonymously.
 */
function postHuge(
  url: string,
  cookie: string | null,
  total: number,
  declareLength: boolean,
  method = 'attachments.add',
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(`/api/${method}`, url);
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
    if (cookie !== null) headers.Cookie = cookie;
    if (declareLength) headers['Content-Length'] = total;
    const req = http.request(target, { method: 'POST', headers });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), sent });
      });
    });
    // The server closing the connection mid-upload is the point; only fail if no answer came.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const prefix = Buffer.from(
      '{"ticketId":"00000000-0000-4000-8000-000000000000","fileName":"huge.jpg","contentBase64":"',
    );
    const filler = Buffer.alloc(MB, 'A');
    const pump = () => {
      while (!answered && sent < total) {
        const piece = sent === 0 ? prefix : filler.subarray(0, Math.min(MB, total - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

describe('attachments over HTTP', () => {
  const env = useTestEnvironment();
  let f: ApiFixture;
  let admin: { cookie: string };
  let technician: { cookie: string };
  let otherTicketId: string;
  const events: DispatchEvent[] = [];

  const add = (changes: Partial<ApiInput<'attachments.add'>>, auth = admin) =>
    f.server.call('attachments.add', { ...validInputs['attachments.add'](f), ...changes }, auth);

  beforeAll(async () => {
    f = await startApiFixture(env);
    admin = { cookie: f.cookies.admin };
    technician = { cookie: f.cookies.technician };
    f.server.recordEvents(events);
    otherTicketId = valueOf(
      await f.server.call('tickets.create', { ...validInputs['tickets.create'](f), description: 'Door sensor' }, admin),
    ).id;
  });

  describe('who may attach', () => {
    it.each(['support_desk', 'dispatcher', 'service_manager', 'admin', 'technician'] as const)(
      'lets %s attach a photo to the demo technician’s visit',
      async (role) => {
        const reply = await add({}, { cookie: f.cookies[role] });
        expect(valueOf(reply).created).toBe(true);
      },
    );

    it.each([
      ['a visit they are not on the crew of', () => ({ ticketId: f.ticketId, visitId: f.visitId })],
      ['a ticket they have no visit on', () => ({ ticketId: otherTicketId, visitId: null })],
    ])('refuses a technician attaching to %s, writing nothing', async (_label, place) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await add({ ...place(), contentBase64: pngBase64(5077) }, technician);
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    });

    it('lets a technician attach to the whole ticket they have a visit on', async () => {
      const reply = await add({ visitId: null, contentBase64: pngBase64(5078) }, technician);
      expect(valueOf(reply).attachment).toMatchObject({ visitId: null, ticketId: f.ownTicketId });
    });

    it('refuses a supervisor (not a documenting role)', async () => {
      const reply = await add({}, { cookie: f.cookies.supervisor });
      expect(reply.status).toBe(403);
    });
  });

  describe('size limits', () => {
    it.each([
      ['declaring its 200 MB length', true],
      ['sent chunked without a length', false],
    ])(
      'answers a 200 MB upload %s with 413 and invalid_input on contentBase64, before reading it all, writing nothing',
      async (_label, declareLength) => {
        const before = await countRows(f.server.runtime.database);
        const reply = await postHuge(f.server.url, admin.cookie, 200 * MB, declareLength);
        expect(reply.status).toBe(413);
        expect(reply.body).toMatchObject({
          ok: false,
          error: {
            code: 'invalid_input',
            message: 'The file is larger than the limit of 20 MB.',
            issues: [{ path: ['contentBase64'], message: 'The file is larger than 20 MB' }],
          },
        });
        // By its length the body is refused before a byte is read (what was sent sits in socket
        // buffers); chunked, the server stops reading at the limit (20 MB as base64 is 26.7 MB)
        // and the client's writes stall until the answer arrives.
        expect(reply.sent).toBeLessThan(declareLength ? 8 * MB : 40 * MB);
        expect(await countRows(f.server.runtime.database)).toEqual(before);
      },
    );

    // The upload limit is for people who may upload: anyone else is refused before the body is
    // read, so anonymous requests cannot make the server hold tens of megabytes each.
    it.each([
      ['attachments.add, declaring 25 MB (under the upload limit)', 'attachments.add', 25 * MB, true],
      ['attachments.add, sent chunked', 'attachments.add', 200 * MB, false],
      ['parts.importCsv, declaring 11 MB (under the import limit)', 'parts.importCsv', 11 * MB, true],
    ] as const)('answers an anonymous %s with 401 before reading it', async (_label, method, total, declareLength) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await postHuge(f.server.url, null, total, declareLength, method);
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      // Declared, nothing is read (what was sent sits in socket buffers); chunked, reading stops
      // at the 1 MB every caller may send.
      expect(reply.sent).toBeLessThan(8 * MB);
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    });

    it('answers a large upload by a role that may not attach with 403 before reading it', async () => {
      const reply = await postHuge(f.server.url, f.cookies.supervisor, 25 * MB, true);
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(reply.sent).toBeLessThan(8 * MB);
    });

    it('answers an anonymous upload under 1 MB with 401 as any other method', async () => {
      const reply = await f.server.call('attachments.add', validInputs['attachments.add'](f));
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    });

    it('keeps the 1 MB limit for every other method', async () => {
      const body = JSON.stringify({ ...validInputs['clients.create'](f), name: 'x'.repeat(2 * MB) });
      const reply = await f.server.post('/api/clients.create', body, { auth: admin });
      expect(reply.status).toBe(413);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });

    it('accepts a 3 MB photo over HTTP (over the 1 MB limit of other methods)', async () => {
      const big = Buffer.concat([pngBytes(8, 8, 9), Buffer.alloc(3 * MB, 7)]);
      const reply = await add({ contentBase64: big.toString('base64'), fileName: 'big.png' });
      expect(valueOf(reply).attachment.size).toBe(big.length);
    });

    it('follows the limit an admin sets, also for a caller that bypasses HTTP (the desktop shell)', async () => {
      valueOf(await f.server.call('attachments.saveSettings', { maxUploadMegabytes: 1 }, admin));
      try {
        expect(valueOf(await f.server.call('attachments.settings', {}, technician))).toEqual({
          maxUploadMegabytes: 1,
        });
        // 1.5 MB is 2 MB as base64: over the request limit the server derives from 1 MB.
        const over = Buffer.concat([pngBytes(), Buffer.alloc(1.5 * MB, 1)]).toString('base64');
        const before = await countRows(f.server.runtime.database);
        const viaHttp = await add({ contentBase64: over });
        expect(viaHttp.status).toBe(413);
        const token = decodeURIComponent(admin.cookie.split('=')[1] ?? '');
        const direct = await f.server.runtime.core.invoke(
          'attachments.add',
          { ...validInputs['attachments.add'](f), contentBase64: over },
          { sessionToken: token },
        );
        expect(direct.result).toMatchObject({
          ok: false,
          error: {
            code: 'invalid_input',
            issues: [{ path: ['contentBase64'], message: 'The file is larger than 1 MB' }],
          },
        });
        expect(await countRows(f.server.runtime.database)).toEqual(before);
      } finally {
        valueOf(await f.server.call('attachments.saveSettings', { maxUploadMegabytes: 20 }, admin));
      }
    });
  });

  describe('content, not the name, decides the type', () => {
    it.each([
      ['a Linux executable', elfBytes(), /ELF/],
      ['a Windows program', peBytes(), /EXE/],
      ['plain text', Buffer.from('just some words, no picture here'), /no known file type/],
    ])('refuses %s named photo.jpg, saying what it is, writing nothing', async (_label, bytes, what) => {
      const before = await countRows(f.server.runtime.database);
      const reply = await add({ fileName: 'photo.jpg', contentBase64: bytes.toString('base64') });
      expect(reply.status).toBe(400);
      if (reply.body.ok) throw new Error('an executable was accepted');
      expect(reply.body.error.code).toBe('invalid_input');
      expect(reply.body.error.issues?.[0]?.path).toEqual(['contentBase64']);
      expect(reply.body.error.message).toMatch(what);
      expect(reply.body.error.message).toContain('JPEG, PNG, WebP, HEIC/HEIF photos or PDF documents');
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    });

    it('accepts a PNG named .jpg as a PNG and corrects its extension', async () => {
      const { attachment } = valueOf(await add({ fileName: 'site photo.jpg', contentBase64: pngBase64(5031) }));
      expect(attachment).toMatchObject({ mimeType: 'image/png', fileName: 'site photo.png' });
    });

    it('accepts a HEIC photo and a PDF form, which show as icons (no thumbnail)', async () => {
      const heic = valueOf(await add({ fileName: 'IMG_0042.HEIC', contentBase64: heicBytes().toString('base64') }));
      expect(heic.attachment).toMatchObject({ mimeType: 'image/heic', fileName: 'IMG_0042.heic', hasThumbnail: false });
      const pdf = valueOf(await add({ fileName: 'service form', contentBase64: pdfBytes().toString('base64') }));
      expect(pdf.attachment).toMatchObject({ mimeType: 'application/pdf', fileName: 'service form.pdf' });
      const thumbnail = await f.server.call(
        'attachments.content',
        { id: pdf.attachment.id, variant: 'thumbnail' },
        admin,
      );
      expect(thumbnail.status).toBe(404);
    });
  });

  describe('file names', () => {
    let seed = 60_000;
    it.each([
      ['../../etc/passwd.png', 'passwd.png'],
      ['..\\..\\Windows\\System32\\evil.png', 'evil.png'],
      // NUL is refused at the boundary for every text (see below); other control characters go.
      ['bad\u0001na\u0007me\u001f\u007f.png', 'badname.png'],
      ['what?<is>:this|*.png', 'whatisthis.png'],
      ['  spaced    out  .png', 'spaced out.png'],
      ['..', 'attachment.png'],
      [`${'a'.repeat(300)}.png`, `${'a'.repeat(116)}.png`],
      // A right-to-left override shows "invoice\u202egnp.exe" as "invoiceexe.png".
      ['invoice\u202egnp.exe', 'invoicegnp.png'],
      ['\u2067photo\u2069 \u200eleft\u200f.png', 'photo left.png'],
      ['zero\u200bwidth\u200c\u200d\u2060\ufeff.png', 'zerowidth.png'],
      ['soft\u00adhyphen\u061c.png', 'softhyphen.png'],
      ['\u202e\u200b', 'attachment.png'],
    ])('stores %j as %j', async (given, stored) => {
      const { attachment } = valueOf(await add({ fileName: given, contentBase64: pngBase64(++seed) }));
      expect(attachment.fileName).toBe(stored);
    });

    it('refuses a name with a NUL character at its field and writes nothing', async () => {
      const before = await countRows(f.server.runtime.database);
      const reply = await add({ fileName: 'bad\u0000name.png', contentBase64: pngBase64(++seed) });
      expect(reply.body).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: ['fileName'] }] },
      });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
    });
  });

  describe('the same file twice', () => {
    it('is stored once and answers the existing attachment without writing anything', async () => {
      const content = pngBase64(5099);
      const first = valueOf(await add({ fileName: 'meter.png', contentBase64: content, caption: 'Meter' }));
      expect(first.created).toBe(true);
      const before = await countRows(f.server.runtime.database);
      const eventsBefore = events.length;
      const again = valueOf(await add({ fileName: 'meter copy.png', contentBase64: content, caption: 'Again' }));
      expect(again).toEqual({ attachment: first.attachment, created: false });
      expect(await countRows(f.server.runtime.database)).toEqual(before);
      expect(events.length).toBe(eventsBefore);
    });

    it('keeps one blob when the same bytes are attached to another visit or ticket', async () => {
      const content = pngBase64(50123);
      const onVisit = valueOf(await add({ contentBase64: content }));
      const onTicket = valueOf(await add({ contentBase64: content, visitId: null }));
      expect(onTicket.created).toBe(true);
      expect(onTicket.attachment.id).not.toBe(onVisit.attachment.id);
      expect(onTicket.attachment.sha256).toBe(onVisit.attachment.sha256);
      const blobs = await f.server.runtime.database.db
        .selectFrom('attachment_blobs')
        .select('sha256')
        .where('sha256', '=', onVisit.attachment.sha256)
        .execute();
      expect(blobs).toHaveLength(1);
    });
  });

  describe('reading', () => {
    it('lists metadata with who attached it, and serves the original and the thumbnail', async () => {
      const original = pngBytes(16, 16, 5);
      const thumbnail = pngBytes(4, 4, 6);
      const { attachment } = valueOf(
        await add(
          {
            fileName: 'fuse box.png',
            contentBase64: original.toString('base64'),
            thumbnailBase64: thumbnail.toString('base64'),
            caption: 'Fuse box after',
          },
          technician,
        ),
      );
      const listed = valueOf(
        await f.server.call('attachments.list', { ticketId: f.ownTicketId }, { cookie: f.cookies.supervisor }),
      );
      expect(listed.find((a) => a.id === attachment.id)).toEqual({
        id: attachment.id,
        ticketId: f.ownTicketId,
        visitId: f.ownVisitId,
        fileName: 'fuse box.png',
        mimeType: 'image/png',
        size: original.length,
        sha256: attachment.sha256,
        caption: 'Fuse box after',
        hasThumbnail: true,
        createdAt: expect.any(String) as string,
        createdBy: { id: expect.any(String) as string, displayName: 'Toni Technician' },
      });
      expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
      const full = valueOf(
        await f.server.call('attachments.content', { id: attachment.id, variant: 'original' }, admin),
      );
      expect(full).toEqual({
        fileName: 'fuse box.png',
        mimeType: 'image/png',
        contentBase64: original.toString('base64'),
      });
      const small = valueOf(
        await f.server.call('attachments.content', { id: attachment.id, variant: 'thumbnail' }, admin),
      );
      expect(small).toMatchObject({ mimeType: 'image/png', contentBase64: thumbnail.toString('base64') });
    });

    it('answers not_found for an attachment or a ticket that does not exist', async () => {
      const content = await f.server.call('attachments.content', { id: randomUUID(), variant: 'original' }, admin);
      expect(content.status).toBe(404);
      const list = await f.server.call('attachments.list', { ticketId: randomUUID() }, admin);
      expect(list.status).toBe(404);
    });

    it('audits each attachment with its ticket and tells every console', async () => {
      const { attachment } = valueOf(await add({ contentBase64: pngBase64(50150), fileName: 'audit.png' }));
      const audit = await f.server.runtime.database.db
        .selectFrom('audit_log')
        .select(['ticket_id', 'method', 'entity'])
        .where('entity_id', '=', attachment.id)
        .execute();
      expect(audit).toEqual([{ ticket_id: f.ownTicketId, method: 'attachments.add', entity: 'attachment' }]);
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'ticket.documented',
          ticketId: f.ownTicketId,
          visitId: f.ownVisitId,
          part: 'attachment',
        }),
      );
    });
  });
});
