import { maskPhonesInText } from '../kernel/privacy';

/** HTML that is already escaped: page parts pass it on as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML, phone numbers masked first (kernel/privacy): every value a page shows passes here. */
export function esc(value: unknown): string {
  if (value instanceof Html) return value.value;
  const text = maskPhonesInText(typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Tagged template: interpolated values are escaped (see esc); arrays are joined; Html passes as it is. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += Array.isArray(v) ? v.map((x) => esc(x)).join('') : esc(v);
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

/** Marks trusted markup (server-rendered SVG) as HTML. */
export function raw(markup: string): Html {
  return new Html(markup);
}

const STYLE = `
*{box-sizing:border-box}body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f5f6f8;font-size:15px}
header{background:#1f4e8c;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}header a{color:#fff;text-decoration:none}header form{margin-left:auto}
main{padding:12px 16px;max-width:1200px;margin:0 auto}section{background:#fff;border-radius:6px;padding:12px;margin:12px 0;overflow-x:auto}
h1{font-size:20px;margin:8px 0}h2{font-size:17px;margin:0 0 8px}table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e4e6eb;padding:5px 6px;text-align:left;white-space:nowrap}
button{padding:4px 10px;border:1px solid #1f4e8c;background:#fff;color:#1f4e8c;border-radius:4px;cursor:pointer}button.primary{background:#1f4e8c;color:#fff}
input[type=text]{padding:4px;max-width:14em}.flash{background:#fff7d6;border:1px solid #e9c46a;padding:8px 12px;border-radius:6px;white-space:pre-wrap}.scorecard{white-space:pre-wrap;font-family:inherit;font-size:14px;background:#f7f8fa;padding:8px;border-radius:6px}
.s-on_time{background:#d9f2dc}.s-late{background:#ffe8b3}.s-leave{background:#dbe7ff}.s-absent{background:#ffd6d6}.s-none{background:#f0f0f0;color:#888}
.grid tr>:first-child{position:sticky;left:0;z-index:1;background:#fff;box-shadow:1px 0 0 #e4e6eb}.grid th{vertical-align:bottom}.grid .sub{font-weight:normal;font-size:12px;color:#666}
table.figures{width:auto;font-size:13px;margin-top:6px}table.figures th,table.figures td{padding:3px 6px}
.muted{color:#777}.inline{display:inline}svg{max-width:100%;height:auto}nav.links a{margin-right:12px}
`;

/** The page frame: title, navigation when signed in (with the sign-out form and its CSRF token), the content. */
export function layout(title: string, body: Html, nav?: { csrf: string; jobs: boolean }): string {
  const head = nav
    ? html`<header><a href="/"><b>班级后台</b></a><a href="/">班级</a>${nav.jobs ? html`<a href="/jobs">任务队列</a>` : ''}<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${nav.csrf}"><button>退出</button></form></header>`
    : html`<header><b>班级后台</b></header>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${head.value}<main>${body.value}</main></body></html>`;
}

/** A POST form with its CSRF token, hidden fields and one button. */
export function postButton(action: string, csrf: string, label: string, fields: Record<string, string> = {}, extra: Html = new Html('')): Html {
  const hidden = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return html`<form method="post" action="${action}" class="inline"><input type="hidden" name="_csrf" value="${csrf}">${hidden}${extra}<button>${label}</button></form>`;
}
