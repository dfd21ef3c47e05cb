import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrSvg } from '../../src/lib/qr.ts';

describe('QR codes of onboarding links', () => {
  const url = 'https://voices.example.com/start/sales-advocates/?team=sales&a=<b>';

  it('is a standalone, titled SVG whose module grid is the code of the URL, with a 4-module quiet zone', async () => {
    const svg = await qrSvg(url);
    const size = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    expect(svg).toContain('<title>https://voices.example.com/start/sales-advocates/?team=sales&#38;a=&#60;b&#62;</title>');
    expect(svg).toContain('fill="#ffffff"');
    expect(await qrSvg(url)).toBe(svg);
  });
});
