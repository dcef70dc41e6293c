/** Types for qrcode-terminal 0.12 (it ships none): renders a QR code as text for a terminal. */
declare module 'qrcode-terminal' {
  /** The module object; `generate` reads its error-correction level from `this`, so call it as a method. */
  const qrcodeTerminal: {
    /** Renders `input` as a QR code; `small` uses half-height block characters. The callback gets the text. */
    generate(input: string, options: { small?: boolean }, callback: (qr: string) => void): void;
  };
  export = qrcodeTerminal;
}
