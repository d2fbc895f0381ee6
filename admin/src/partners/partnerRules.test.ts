import { describe, expect, it } from 'vitest';
import {
  parseOverlapHours,
  partnerIdError,
  rateError,
  toCreatePayload,
  toUpdatePayload,
  webhookUrlError,
} from './partnerRules.ts';

describe('the rotation overlap', () => {
  it.each([
    ['24', 24],
    [' 0 ', 0],
    ['168', 168],
    ['1', 1],
  ])('accepts %j hours', (text, hours) => {
    expect(parseOverlapHours(text)).toBe(hours);
  });

  it.each(['', ' ', '169', '-1', '1.5', '24h', '1e2', '0x10', '1000'])('refuses %j', (text) => {
    expect(parseOverlapHours(text)).toBeNull();
  });
});

describe('partner fields', () => {
  it('accepts ids of lowercase letters, digits and dashes, 2 to 63 long', () => {
    for (const id of ['vvs-demo', 'ab', '9-lives', 'a'.repeat(63)]) expect(partnerIdError(id), id).toBeUndefined();
  });

  it('refuses other ids', () => {
    for (const id of ['a', '-vvs', 'VVS', 'vvs demo', 'vvs_demo', 'é-t-é', 'a'.repeat(64), undefined, null]) {
      expect(partnerIdError(id), String(id)).toBe('vigie.partners.id_invalid');
    }
  });

  it('wants a whole rate from 1 to 1 000 000 a minute', () => {
    for (const rate of [1, 600, 1_000_000, null]) expect(rateError(rate)).toBeUndefined();
    for (const rate of [0, -5, 1.5, 1_000_001, Number.NaN]) expect(rateError(rate)).toBe('vigie.partners.rate_invalid');
  });

  it('takes https webhooks, plain http only towards this machine, and empty for none', () => {
    for (const url of ['https://vvs.example.org/hooks/vigie', 'http://localhost:8080/hook', 'http://127.0.0.1/x', '', null]) {
      expect(webhookUrlError(url), String(url)).toBeUndefined();
    }
    for (const url of ['http://vvs.example.org/hook', 'ftp://x', 'vvs.example.org', 'https://', 'http://localhost.evil.org/']) {
      expect(webhookUrlError(url), url).toBe('vigie.partners.webhook_invalid');
    }
  });
});

describe('partner payloads', () => {
  it('creates with only the fields POST accepts, without an empty webhook', () => {
    expect(
      toCreatePayload({ id: ' vvs-x ', name: ' VVS ', rate_per_minute: 600, disabled: undefined, webhook_url: null, secret: 's' }),
    ).toEqual({ id: 'vvs-x', name: 'VVS', rate_per_minute: 600, disabled: false });
  });

  it('updates without the id or dates, and sends an emptied webhook as "" to remove it', () => {
    const record = {
      id: 'vvs-x',
      name: 'VVS',
      rate_per_minute: 60,
      disabled: true,
      webhook_url: null,
      created_at: '2026-03-08T13:05:00.000Z',
      previous_secret_expires_at: null,
    };
    expect(toUpdatePayload(record)).toEqual({ name: 'VVS', rate_per_minute: 60, disabled: true, webhook_url: '' });
    expect(toUpdatePayload({ ...record, webhook_url: ' https://vvs.example.org/h ' }).webhook_url).toBe('https://vvs.example.org/h');
  });
});
