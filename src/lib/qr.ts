/** QR codes for onboarding links, drawn at build time as SVG for posters and slides. */
import QRCode from 'qrcode';

/**
 * A standalone SVG of `text`: dark modules on a white square with the quiet
 * zone the standard asks for (4 modules), and error correction level M
 * (readable with up to 15 % of the code damaged or covered).
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } });
  // A title says what the file encodes when it is opened on its own (and names the image for screen readers).
  return svg.replace(/^<svg([^>]*)>/, (_, attributes: string) => `<svg${attributes} role="img"><title>${escapeXml(text)}</title>`);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
