import { describe, expect, it } from 'vitest';
import { isSuspectedPhishing } from './phishing.ts';

const JP = { salesChannel: 'Mercato.jp', domain: 'mercato.jp' };

describe('isSuspectedPhishing (MSG-5)', () => {
  it.each([
    [
      'marketplace name in display name, HTML',
      'Mercato.jp Support',
      'support@secure-login.example',
      true,
      true,
    ],
    ['marketplace brand with spaces, HTML', 'M e r c a t o', 'x@example.com', true, true],
    ['marketplace domain in address, HTML', '', 'no-reply@mercato.jp.account-check.example', true, true],
    ['Amazon in display name, HTML', 'Amazon.co.jp', 'info@example.com', true, true],
    ['full-width Amazon, HTML', 'Ａｍａｚｏｎ', 'info@example.com', true, true],
    ['Japanese アマゾン, HTML', 'アマゾン カスタマーサービス', 'info@example.com', true, true],
    ['claims marketplace but plain text', 'Mercato.jp Support', 'support@example.com', false, false],
    ['ordinary buyer, HTML', 'Taro Yamada', 'taro@example.jp', true, false],
    ['ordinary buyer, plain text', 'Taro Yamada', 'taro@example.jp', false, false],
  ])('%s', (_name, fromName, fromAddress, hasHtml, expected) => {
    expect(isSuspectedPhishing({ fromName, fromAddress, hasHtml }, JP)).toBe(expected);
  });
});
