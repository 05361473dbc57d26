import { describe, expect, it } from 'vitest';
import { createHostGuard, normalizeHostName } from '../../electron/http/allowed-hosts';

describe('normalizeHostName (--allowed-host)', () => {
  it.each([
    ['Dispatch.Example.com', 'dispatch.example.com'],
    ['dispatch.example.com:8443', 'dispatch.example.com:8443'],
    ['dispatch.example.com:80', 'dispatch.example.com'],
    ['::1', '[::1]'],
    ['fe80::1', '[fe80::1]'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('writes %j as a browser sends it: %j', (given, normalized) => {
    expect(normalizeHostName(given)).toBe(normalized);
  });

  it.each(['', 'http://dispatch.example.com', 'dispatch.example.com/path', 'user@dispatch.example.com', 'a b'])(
    'refuses %j, which is not a host name',
    (given) => {
      expect(() => normalizeHostName(given)).toThrow();
    },
  );
});

describe('the host guard of a server on port 4780', () => {
  const loopback = createHostGuard({ listenHost: '127.0.0.1', port: () => 4780, allowedHosts: [] });

  it.each([
    ['127.0.0.1:4780', true],
    ['localhost:4780', true],
    ['[::1]:4780', true],
    ['LocalHost:4780', true],
    ['127.0.0.1:4781', false],
    ['127.0.0.1', false],
    ['rebind.example:4780', false],
    ['localhost.:4780', false],
    ['evil@127.0.0.1:4780', false],
    ['127.0.0.1:4780/x', false],
    ['', false],
    [undefined, false],
  ] as const)('on loopback answers Host %j: %s', (host, allowed) => {
    expect(loopback.allowsHost(host)).toBe(allowed);
  });

  it.each([
    ['http://127.0.0.1:4780', true],
    ['http://localhost:4780', true],
    ['https://localhost:4780', true],
    ['http://127.0.0.1:8080', false],
    ['http://rebind.example:4780', false],
    ['null', false],
    ['file://', false],
  ] as const)('on loopback accepts Origin %j: %s', (origin, allowed) => {
    expect(loopback.allowsOrigin(origin)).toBe(allowed);
  });

  it('answers to the address it listens on, and to names an admin adds, at its port or a default one', () => {
    const guard = createHostGuard({
      listenHost: '192.168.1.20',
      port: () => 4780,
      allowedHosts: ['dispatch.example.com', 'proxy.example.com:8443'],
    });
    expect(guard.allowsHost('192.168.1.20:4780')).toBe(true);
    expect(guard.allowsHost('192.168.1.20')).toBe(false);
    expect(guard.allowsHost('dispatch.example.com:4780')).toBe(true);
    expect(guard.allowsHost('dispatch.example.com')).toBe(true);
    expect(guard.allowsHost('dispatch.example.com:9000')).toBe(false);
    expect(guard.allowsHost('proxy.example.com:8443')).toBe(true);
    expect(guard.allowsHost('proxy.example.com:4780')).toBe(false);
    expect(guard.allowsOrigin('https://dispatch.example.com')).toBe(true);
    expect(guard.allowsOrigin('https://proxy.example.com:8443')).toBe(true);
  });

  it('does not answer to a wildcard address it listens on', () => {
    const guard = createHostGuard({ listenHost: '0.0.0.0', port: () => 4780, allowedHosts: [] });
    expect(guard.allowsHost('0.0.0.0:4780')).toBe(false);
    expect(guard.allowsHost('127.0.0.1:4780')).toBe(true);
  });

  it('answers to a bare loopback name when it listens on port 80 (browsers omit the default port)', () => {
    const guard = createHostGuard({ listenHost: '127.0.0.1', port: () => 80, allowedHosts: [] });
    expect(guard.allowsHost('localhost')).toBe(true);
    expect(guard.allowsOrigin('http://localhost')).toBe(true);
    expect(guard.allowsHost('localhost:4780')).toBe(false);
  });
});
