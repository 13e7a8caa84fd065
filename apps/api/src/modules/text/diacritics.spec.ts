import { describe, expect, it } from '@jest/globals';
import { isBareVietnamese, readBareQuery, restoreDiacritics } from './diacritics.js';

describe('restoreDiacritics', () => {
  it('puts back the marks of the exchange’s vocabulary, two-word terms first', () => {
    expect(restoreDiacritics('can giong lua chiu man cho vung ven bien')).toContain('giống lúa');
    expect(restoreDiacritics('Tom the chan trang hay chet ban dem, can cach theo doi nuoc ao')).toContain('tôm thẻ chân trắng');
    expect(restoreDiacritics('thiet bi nuoi tom')).toBe('thiết bị nuôi tôm');
    // Everyday words as they are mostly meant, unless a term says otherwise.
    expect(restoreDiacritics('co the cung cap giong lua')).toBe('có thể cung cấp giống lúa');
    expect(restoreDiacritics('xuong co khi')).toMatch(/cơ khí$/);
  });

  it('leaves words the vocabulary never writes, and words already written with marks, as they are', () => {
    expect(restoreDiacritics('xyz qwv')).toBe('xyz qwv');
    expect(restoreDiacritics('máy say')).toMatch(/^máy /);
    expect(restoreDiacritics('lụa tơ tằm')).toBe('lụa tơ tằm');
  });

  it('keeps punctuation and spacing', () => {
    expect(restoreDiacritics('nuoi tom, (ao lot bat)')).toMatch(/^nuôi tôm, \(ao \S+ \S+\)$/);
  });
});

describe('isBareVietnamese', () => {
  it('tells Vietnamese typed without marks from English and from text with marks', () => {
    expect(isBareVietnamese('ao tom hay bi chet luc gan sang, can thiet bi bao dong cho cac ho')).toBe(true);
    expect(isBareVietnamese('Looking for pond monitoring with night alarms for our shrimp farm')).toBe(false);
    expect(isBareVietnamese('Ao tôm hay bị chết')).toBe(false);
    expect(isBareVietnamese('tom')).toBe(false);
  });
});

describe('readBareQuery', () => {
  it('reads a bare query with its marks when every word pairs with a neighbour in the vocabulary', () => {
    expect(readBareQuery('say lanh')).toBe('sấy lạnh');
    expect(readBareQuery('may say nong san')).toBe('máy sấy nông sản');
    expect(readBareQuery('nuoi tom')).toBe('nuôi tôm');
  });

  it('reads the words that pair and leaves a word in doubt as typed', () => {
    // "tom" pairs with neither neighbour: tôm, or English, or the start of tomato.
    expect(readBareQuery('bao quan tom')).toBe('bảo quản tom');
    expect(readBareQuery('tom may say')).toBe('tom máy sấy');
  });

  it('leaves it as typed when no word pairs, or it is English, or already marked', () => {
    expect(readBareQuery('say zyxw')).toBe('say zyxw');
    expect(readBareQuery('heat pump dryer')).toBe('heat pump dryer');
    expect(readBareQuery('sấy lanh')).toBe('sấy lanh');
    expect(readBareQuery('tom')).toBe('tom');
  });
});
