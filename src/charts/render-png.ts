import { statSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { outlineText } from './text-outlines';

/** The family the cards name in their SVG; the Noto CJK collection carries it. */
export const CARD_FONT_FAMILY = 'Noto Sans CJK SC';

/** The font file is missing or unreadable: the pictures cannot be drawn (config CARD_FONT_FILE). */
export class CardFontError extends Error {
  readonly code = 'CARD_FONT_MISSING';
  constructor(readonly fontFile: string, detail: string) {
    super(`CARD_FONT_FILE ${fontFile} cannot be read (${detail}); install fonts-noto-cjk or point CARD_FONT_FILE at a CJK font`);
    this.name = 'CardFontError';
  }
}

// resvg 2.6 takes fonts only as file paths and reads them again per glyph; what is kept per
// process is the check that the file is there and the glyph outlines (text-outlines.ts).
const checkedFonts = new Set<string>();

function checkFont(fontFile: string): void {
  if (checkedFonts.has(fontFile)) return;
  let size: number;
  try {
    const st = statSync(fontFile);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (err) {
    throw new CardFontError(fontFile, err instanceof Error ? err.message : String(err));
  }
  if (size === 0) throw new CardFontError(fontFile, 'empty file');
  checkedFonts.add(fontFile);
}

/**
 * Draws an SVG card as a PNG with resvg (a prebuilt binary, no native build step), using only
 * `fontFile` (no system fonts: the picture looks the same on every host); its texts are drawn
 * from glyph outlines kept per process (outlineText). Throws CardFontError
 * naming CARD_FONT_FILE when the font is not there.
 */
export function svgToPng(svg: string, fontFile: string): Buffer {
  checkFont(fontFile);
  const outlined = outlineText(svg, fontFile);
  // Text left as text (none in our cards) still needs the font; without any, loading it is skipped.
  const fontFiles = /<text\b/.test(outlined) ? [fontFile] : [];
  const resvg = new Resvg(outlined, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CARD_FONT_FAMILY, sansSerifFamily: CARD_FONT_FAMILY },
    background: '#ffffff',
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
