import { maskPhonesInText } from '../kernel/privacy';
import { CARD_FONT_FAMILY } from './render-png';

/** Colours shared by the cards: one meaning each, readable on a phone in daylight. */
export const CARD_COLORS = Object.freeze({
  ink: '#1f2329',
  muted: '#646a73',
  line: '#e5e6eb',
  ok: '#2ba471',
  warn: '#e37318',
  bad: '#d54941',
  accent: '#2f6fdb',
  band: '#f2f3f5',
});

// Emoji have no glyph in the CJK font; the cards say the same with colour instead.
const EMOJI = /(?:[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]|\u{FE0F}|\u{200D})/gu;

/** Text as a card draws it: phone numbers masked (kernel/privacy) first, emoji dropped, trimmed. */
export function cardText(text: string): string {
  return maskPhonesInText(text).replace(EMOJI, '').replace(/\s+/g, ' ').trim();
}

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Approximate drawn width: CJK and full-width characters are one em, the rest a little over half. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? fontSize : fontSize * 0.58;
  return w;
}

/** Cuts text to fit `maxWidth`, ending in … when it was cut. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** Splits text into at most `maxLines` lines that fit `maxWidth`; the last one ends in … when text was left over. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const next = current + chars[i]!;
    if (textWidth(next, fontSize) > maxWidth && current !== '') {
      if (lines.length + 1 === maxLines) {
        lines.push(fitText(current + chars.slice(i).join(''), maxWidth, fontSize));
        return lines;
      }
      lines.push(current);
      current = chars[i]!;
    } else {
      current = next;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Options of one text element. */
export interface TextStyle {
  size?: number;
  color?: string;
  weight?: 'normal' | 'bold';
  anchor?: 'start' | 'middle' | 'end';
}

/**
 * Builds a card top to bottom: each piece is placed at the cursor and moves it down, so the
 * card is as tall as what it shows. Every text passes through cardText (phones masked).
 */
export class SvgCard {
  private readonly parts: string[] = [];
  /** The cursor: where the next piece goes. */
  y: number;

  constructor(
    readonly width: number,
    readonly padding = 28,
  ) {
    this.y = padding;
  }

  /** The width inside the side padding. */
  get inner(): number {
    return this.width - 2 * this.padding;
  }

  /** A text element at (x, baseline y); not clipped (callers fit it first). */
  text(x: number, y: number, text: string, style: TextStyle = {}): void {
    const size = style.size ?? 22;
    const attrs = [
      `x="${x.toFixed(1)}"`,
      `y="${y.toFixed(1)}"`,
      `font-size="${size}"`,
      `fill="${style.color ?? CARD_COLORS.ink}"`,
      style.weight === 'bold' ? 'font-weight="bold"' : '',
      style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    ].filter(Boolean);
    this.parts.push(`<text ${attrs.join(' ')}>${escapeXml(cardText(text))}</text>`);
  }

  /** A filled rectangle. */
  rect(x: number, y: number, w: number, h: number, fill: string, radius = 0): void {
    this.parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${h.toFixed(1)}" rx="${radius}" fill="${fill}"/>`);
  }

  /** A paragraph at the cursor, wrapped to the inner width (at most `maxLines`), moving the cursor below it. */
  paragraph(text: string, style: TextStyle = {}, maxLines = 2, indent = 0): void {
    const size = style.size ?? 22;
    const lineHeight = Math.round(size * 1.45);
    for (const line of wrapText(cardText(text), this.inner - indent, size, maxLines)) {
      this.y += lineHeight;
      this.text(this.padding + indent, this.y - Math.round(size * 0.35), line, style);
    }
  }

  /** A section heading with a coloured mark on its left, and a little space under it. */
  heading(title: string, color: string = CARD_COLORS.accent): void {
    this.y += 18;
    this.rect(this.padding, this.y + 6, 6, 26, color, 3);
    this.text(this.padding + 16, this.y + 27, title, { size: 24, weight: 'bold' });
    this.y += 40;
  }

  /** A band of colour across the card with one or two lines of text (the verdict). */
  band(text: string, color: string, size = 24): void {
    const lines = wrapText(cardText(text), this.inner - 32, size, 2);
    const h = 20 + lines.length * Math.round(size * 1.45);
    this.rect(this.padding, this.y, this.inner, h, color, 10);
    lines.forEach((line, i) => this.text(this.padding + 16, this.y + 10 + (i + 1) * Math.round(size * 1.45) - Math.round(size * 0.35), line, { size, color: '#ffffff', weight: 'bold' }));
    this.y += h + 8;
  }

  /** A horizontal bar for a share (0–1) at the cursor: label left, bar in the middle, figure right. */
  bar(label: string, share: number | null, figure: string, color: string): void {
    const size = 20;
    const labelWidth = 210;
    const figureWidth = 170;
    const barX = this.padding + labelWidth;
    const barW = this.inner - labelWidth - figureWidth;
    const top = this.y + 8;
    this.text(this.padding, top + 22, fitText(cardText(label), labelWidth - 12, size), { size });
    this.rect(barX, top + 4, barW, 24, CARD_COLORS.band, 6);
    if (share !== null) this.rect(barX, top + 4, barW * Math.min(1, Math.max(0, share)), 24, color, 6);
    this.text(this.padding + this.inner, top + 22, fitText(cardText(figure), figureWidth - 8, size), { size, anchor: 'end', color: CARD_COLORS.muted });
    this.y += 40;
  }

  /** Places another SVG document (a chart) at the cursor and moves the cursor below it. */
  embed(svg: string, height: number, x = this.padding): void {
    const body = svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg x="${x}" y="${this.y}"`);
    this.parts.push(body);
    this.y += height;
  }

  /** Moves the cursor down. */
  space(px: number): void {
    this.y += px;
  }

  /** The finished card: a white page as tall as its content, the CJK font named on the root. */
  toSvg(): string {
    const height = Math.ceil(this.y + this.padding);
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${height}" viewBox="0 0 ${this.width} ${height}" font-family="${CARD_FONT_FAMILY}">`,
      `<rect x="0" y="0" width="${this.width}" height="${height}" fill="#ffffff"/>`,
      ...this.parts,
      '</svg>',
    ].join('\n');
  }
}
