import { describe, expect, it } from 'vitest';
import { htuMatches, normaliseHtu } from '../../../../../src-main/core/protocol/dpop/htu.js';

describe('normaliseHtu (RFC 9449 §4.3 with RFC 3986 §6.2.2–6.2.3)', () => {
  it.each([
    ['http://127.0.0.1:8080/oauth2/v1/token', 'http://127.0.0.1:8080/oauth2/v1/token'],
    ['HTTP://LocalHost:8080/oauth2/v1/token', 'http://localhost:8080/oauth2/v1/token'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:/a', 'https://example.com/a'],
    ['http://example.com', 'http://example.com/'],
    ['http://example.com/api/v1/users?limit=200#top', 'http://example.com/api/v1/users'],
    ['http://example.com/%7euser/%2fx%3a', 'http://example.com/~user/%2Fx%3A'],
    ['http://example.com/api/./v1/../v1/users', 'http://example.com/api/v1/users'],
    ['http://[::1]:8080/token', 'http://[::1]:8080/token'],
  ])('%s → %s', (uri, normalised) => {
    expect(normaliseHtu(uri)).toBe(normalised);
  });

  it.each(['/oauth2/v1/token', 'ftp://example.com/a', 'urn:x:y', 'http:///a', ''])('refuses %j', (uri) => {
    expect(normaliseHtu(uri)).toBeUndefined();
  });
});

describe('htuMatches', () => {
  it('compares the normalised forms and ignores the query', () => {
    expect(htuMatches('http://LOCALHOST:80/api/v1/users', 'http://localhost/api/v1/users?after=00u1')).toBe(true);
    expect(htuMatches('http://localhost/api/v1/users/', 'http://localhost/api/v1/users')).toBe(false);
    expect(htuMatches(42, 'http://localhost/')).toBe(false);
  });
});
