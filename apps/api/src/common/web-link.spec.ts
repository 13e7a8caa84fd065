import { webLink } from './web-link.js';

describe('webLink', () => {
  it('an English part’s link asks for English pages; a Vietnamese one is the plain address', () => {
    expect(webLink('https://san.example.vn', '/activate/abc', 'en')).toBe('https://san.example.vn/activate/abc?lang=en');
    expect(webLink('https://san.example.vn', '/activate/abc', 'vi')).toBe('https://san.example.vn/activate/abc');
  });

  it('keeps the query and fragment a stored link already has', () => {
    expect(webLink('https://san.example.vn/', '/search?q=s%E1%BA%A5y#results', 'en')).toBe('https://san.example.vn/search?q=s%E1%BA%A5y&lang=en#results');
    expect(webLink('https://san.example.vn', '/events/x/meetings#meeting-1', 'en')).toBe('https://san.example.vn/events/x/meetings?lang=en#meeting-1');
  });
});
