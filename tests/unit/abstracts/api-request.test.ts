import { describe, expect, it } from 'vitest';
import { API_ENDPOINT, MAX_GET_URL_LENGTH, toApiRequest } from '@/lib/abstracts/api-request';
import type { ArxivId } from '@/lib/arxiv/types';
import { makeIds } from './fake-api';

const ids = (list: string[]) => list as ArxivId[];

describe('toApiRequest', () => {
  it('asks for a few ids with a GET that sets max_results to the batch size', () => {
    const { url, init } = toApiRequest(ids(['2206.06921', 'nucl-ex/0408020']));
    expect(url).toBe(`${API_ENDPOINT}?id_list=2206.06921%2Cnucl-ex%2F0408020&max_results=2`);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(init.body).toBeUndefined();
  });

  it('switches to a form POST once the GET URL would pass the limit', () => {
    const many = ids(makeIds(200));
    const { url, init } = toApiRequest(many);
    expect(url).toBe(API_ENDPOINT);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    const body = new URLSearchParams(String(init.body));
    expect(body.get('id_list')?.split(',')).toEqual(many);
    expect(body.get('max_results')).toBe('200');
  });

  it('uses GET exactly up to the limit', () => {
    let count = 1;
    while (toApiRequest(ids(makeIds(count + 1))).init.method === 'GET') count += 1;
    expect(toApiRequest(ids(makeIds(count))).url.length).toBeLessThanOrEqual(MAX_GET_URL_LENGTH);
    expect(`${API_ENDPOINT}?${new URLSearchParams({ id_list: makeIds(count + 1).join(','), max_results: String(count + 1) })}`.length).toBeGreaterThan(MAX_GET_URL_LENGTH);
  });

  it('refuses an empty batch', () => {
    expect(() => toApiRequest([])).toThrow(RangeError);
  });
});
