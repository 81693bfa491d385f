import { detectLanguage } from './index';

describe('detectLanguage', () => {
  test.each([
    ['@AmazonHelp where is my package? It was due yesterday', 'en'],
    ['Bonjour, je voudrais un remboursement pour ma commande', 'fr'],
    ['hola, mi pedido no ha llegado todavía', 'es'],
    ['Mein Paket ist immer noch nicht angekommen', 'de'],
    ['@AmazonHelp ありがとうございます', 'ja'],
    ['ok thx', null],
    ['@AcmeHelp https://t.co/abcdefghijkl #refund', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  test('the candidate list can be narrowed', () => {
    expect(detectLanguage('Mein Paket ist immer noch nicht angekommen', { only: ['en', 'fr'] })).not.toBe('de');
  });
});
