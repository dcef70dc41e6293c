import QRCode from 'qrcode';
import qrcodeTerminal from 'qrcode-terminal';

/** The login QR code as terminal text (half-height blocks), for the bot's console. */
export function terminalQr(value: string): string {
  let out = '';
  qrcodeTerminal.generate(value, { small: true }, (text) => (out = text));
  return out;
}

/** The login QR code as a PNG, for a robot that takes images (WeCom). */
export async function pngQr(value: string): Promise<Buffer> {
  return QRCode.toBuffer(value, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
}

/** A link to a page that shows the QR code from its value, or null when LOGIN_QR_LINK is `off`. */
export function qrLink(prefix: string, value: string): string | null {
  return prefix === 'off' ? null : `${prefix}${encodeURIComponent(value)}`;
}
