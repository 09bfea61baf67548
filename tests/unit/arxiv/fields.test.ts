import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDayDate, parseMonthDate } from '../../../lib/arxiv/dates';
import { findDoi } from '../../../lib/arxiv/doi';
import { absUrlOf, toArxivUrl, versionOfHtmlUrl } from '../../../lib/arxiv/links';
import { parseSubject, parseSubjectLine } from '../../../lib/arxiv/subjects';
import { collapseWhitespace } from '../../../lib/arxiv/text';

describe('parseDayDate', () => {
  it.each([
    ['Showing new listings for Friday, 27 February 2026', '2026-02-27'],
    ['Fri, 27 Feb 2026 (showing 11 of 11 entries )', '2026-02-27'],
    ['Thu, 26 Feb 2026 (continued, showing last 8 of 19 entries )', '2026-02-26'],
    ['announced Fri, 27 Feb 26', '2026-02-27'],
    ['New submissions for Mon, 4 Jan 99', '1999-01-04'],
    ['Catchup results for Distributed, Parallel, and Cluster Computing on Fri, 20 Feb 2026', '2026-02-20'],
    ['Tue, 2 Sept 2025', '2025-09-02'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDayDate(text)).toBe(iso);
  });

  it.each(['New submissions (showing 18 of 18 entries)', 'showing first 25 of 60 entries', '27 Marks 2026', '', '32 Feb 2026'])(
    'finds no date in %j',
    (text) => {
      expect(parseDayDate(text)).toBeUndefined();
    },
  );
});

describe('parseMonthDate', () => {
  it.each([
    ['Authors and titles for February 2026 ', '2026-02'],
    ['Authors and titles for January 2006', '2006-01'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseMonthDate(text)).toBe(iso);
  });

  it('finds no month in a year heading', () => {
    expect(parseMonthDate('Authors and titles for 2006')).toBeUndefined();
  });
});

describe('parseSubject and parseSubjectLine', () => {
  it.each([
    ['Distributed, Parallel, and Cluster Computing (cs.DC)', { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
    ['Physics and Society (physics.soc-ph)', { name: 'Physics and Society', code: 'physics.soc-ph' }],
    ['High Energy Physics - Theory (hep-th)', { name: 'High Energy Physics - Theory', code: 'hep-th' }],
    ['Instrumentation and Methods for Astrophysics (astro-ph.IM)', { name: 'Instrumentation and Methods for Astrophysics', code: 'astro-ph.IM' }],
    ['Statistical Mechanics (cond-mat.stat-mech)', { name: 'Statistical Mechanics', code: 'cond-mat.stat-mech' }],
    ['  Performance\n (cs.PF) ', { name: 'Performance', code: 'cs.PF' }],
  ])('reads %j', (text, subject) => {
    expect(parseSubject(text)).toEqual(subject);
  });

  it.each(['Performance', 'Performance (not a code!)', 'Performance (cs.PF) trailing', ''])('rejects %j', (text) => {
    expect(parseSubject(text)).toBeUndefined();
  });

  it('splits a multi-subject line in order and drops repeats', () => {
    expect(
      parseSubjectLine('Distributed, Parallel, and Cluster Computing (cs.DC); Performance (cs.PF); Systems and Control (eess.SY); Performance (cs.PF)'),
    ).toEqual([
      { name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' },
      { name: 'Performance', code: 'cs.PF' },
      { name: 'Systems and Control', code: 'eess.SY' },
    ]);
  });
});

describe('findDoi', () => {
  it.each([
    ['Phys. Rev. B 73, 045117 (2006); doi:10.1103/PhysRevB.73.045117.', '10.1103/PhysRevB.73.045117'],
    ['https://doi.org/10.5555/j.disc.2006.01.004', '10.5555/j.disc.2006.01.004'],
    ['(see 10.1145/3600006.3613145)', '10.1145/3600006.3613145'],
    ['J. Stat. 10.1002/(SICI)1097-0258(19980815)17:15<1661::AID-SIM968>3.0.CO;2-2 x', '10.1002/(SICI)1097-0258(19980815)17:15'],
  ])('finds the DOI in %j', (text, doi) => {
    expect(findDoi(text)).toBe(doi);
  });

  it.each(['2025 IEEE IPDPS (pp. 775-788)', 'version 10.1 of the code', ''])('finds no DOI in %j', (text) => {
    expect(findDoi(text)).toBeUndefined();
  });
});

describe('toArxivUrl', () => {
  it.each([
    ['/pdf/2602.22290', 'https://arxiv.org/pdf/2602.22290'],
    ['/pdf/math/0601001', 'https://arxiv.org/pdf/math/0601001'],
    ['https://arxiv.org/html/2602.22290v1', 'https://arxiv.org/html/2602.22290v1'],
    ['http://www.arxiv.org/abs/2602.22290', 'https://arxiv.org/abs/2602.22290'],
    ['//arxiv.org/format/2602.22290', 'https://arxiv.org/format/2602.22290'],
    ['https://browse.arxiv.org/html/2310.00001v1', 'https://arxiv.org/html/2310.00001v1'],
    [' /abs/2602.22290 ', 'https://arxiv.org/abs/2602.22290'],
  ])('makes %j absolute on arxiv.org', (href, url) => {
    expect(toArxivUrl(href)).toBe(url);
  });

  it.each([null, undefined, '', 'javascript:alert(1)', 'https://example.org/pdf/2602.22290', 'data:text/html,x', 'http://[::1'])(
    'refuses %j',
    (href) => {
      expect(toArxivUrl(href)).toBeUndefined();
    },
  );

  /** What toArxivUrl answers by parsing every href as a URL. */
  function byUrlParsing(href: string): string | undefined {
    let url: URL;
    try {
      url = new URL(href.trim(), 'https://arxiv.org/');
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'].includes(url.hostname.toLowerCase())) return undefined;
    return `https://arxiv.org${url.pathname}${url.search}${url.hash}`;
  }

  it('answers what parsing the href as a URL answers, for paths with dots, escapes, slashes and hosts', () => {
    // Mostly what arXiv writes, so that many hrefs take the short way, with what would change them.
    const plain = fc.constantFrom('/', '.', '..', 'pdf', 'html', '2602.22290v1', 'math', '-', '_');
    const odd = fc.constantFrom('%2e', '%41', '?x=1', '#f', '\\', ' ', '\t', '//', 'é', ':', 'https://ARXIV.org/', 'http://www.arxiv.org/');
    const start = fc.constantFrom('', '/', 'https://arxiv.org/', ' https://arxiv.org/', '//', 'https://example.org/');
    const href = fc.tuple(start, fc.array(fc.oneof({ arbitrary: plain, weight: 6 }, { arbitrary: odd, weight: 1 }), { maxLength: 8 })).map(([first, rest]) => first + rest.join(''));
    fc.assert(
      fc.property(href, (text) => {
        expect(toArxivUrl(text)).toBe(text === '' ? undefined : byUrlParsing(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('absUrlOf and versionOfHtmlUrl', () => {
  it('builds abs URLs with and without a version', () => {
    expect(absUrlOf('2602.22290')).toBe('https://arxiv.org/abs/2602.22290');
    expect(absUrlOf('math/0601001', 2)).toBe('https://arxiv.org/abs/math/0601001v2');
  });

  it('reads the version of an HTML link only for the same paper', () => {
    expect(versionOfHtmlUrl('https://arxiv.org/html/2602.22290v3', '2602.22290')).toBe(3);
    expect(versionOfHtmlUrl('https://arxiv.org/html/2602.22290v3/', '2602.22290')).toBe(3);
    expect(versionOfHtmlUrl('https://arxiv.org/html/2602.22290v3', '2602.22350')).toBeUndefined();
    expect(versionOfHtmlUrl('https://arxiv.org/html/2602.22290', '2602.22290')).toBeUndefined();
    expect(versionOfHtmlUrl(undefined, '2602.22290')).toBeUndefined();
  });
});

describe('collapseWhitespace', () => {
  it('collapses runs of spaces, newlines, tabs and no-break spaces and trims', () => {
    expect(collapseWhitespace('\n   Energy  Efficient\u00a0\tFL \n')).toBe('Energy Efficient FL');
  });

  it('gives what replacing every whitespace run with one space gives, for any mix of whitespace', () => {
    const whitespaceHeavy = fc.string({ unit: fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\ufeff', 'a', 'é', '$', 'x y') });
    fc.assert(
      fc.property(whitespaceHeavy, (text) => {
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
  });
});
