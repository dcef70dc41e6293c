/**
 * Local HTTP servers that play the staff robots: a WeCom group robot (key in the query) and a
 * DingTalk custom robot with 加签 (checks the signature the way DingTalk does). They accept any
 * message type and record each body, so a test can read what the staff were sent; an image
 * message must carry base64 whose MD5 matches its `md5`, at most 2 MB, or it is refused.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message body a robot accepted. */
export interface RobotMessage {
  msgtype: string;
  text?: { content: string };
  markdown?: { title: string; text: string };
  image?: { base64: string; md5: string };
}

/** A running fake robot. */
export interface FakeStaffRobot {
  /** The webhook URL to configure. */
  url: string;
  received: RobotMessage[];
  /** Requests refused (wrong key, bad signature), with the robot's errcode. */
  refused: number[];
  /** Every accepted message's readable text: text content, markdown text, or `[image]`. */
  texts(): string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, errcode: number, errmsg: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errcode, errmsg }));
}

/** WeCom's refusal codes for an image message: media size (40009) and a base64/md5 that do not match (40058, invalid field). */
export const IMAGE_TOO_LARGE = 40009;
export const IMAGE_INVALID = 40058;

function checkImage(image: RobotMessage['image']): number {
  if (!image || typeof image.base64 !== 'string' || typeof image.md5 !== 'string') return IMAGE_INVALID;
  const bytes = Buffer.from(image.base64, 'base64');
  if (bytes.length === 0 || bytes.toString('base64') !== image.base64) return IMAGE_INVALID;
  if (bytes.length > 2 * 1024 * 1024) return IMAGE_TOO_LARGE;
  return createHash('md5').update(bytes).digest('hex') === image.md5 ? 0 : IMAGE_INVALID;
}

async function startRobot(pathAndQuery: string, check: (url: URL) => number): Promise<FakeStaffRobot> {
  const robot: FakeStaffRobot = {
    url: '',
    received: [],
    refused: [],
    texts: () => robot.received.map((m) => m.text?.content ?? m.markdown?.text ?? `[${m.msgtype}]`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const errcode = check(new URL(req.url ?? '/', 'http://127.0.0.1'));
      if (errcode !== 0) {
        robot.refused.push(errcode);
        return answer(res, errcode, 'refused');
      }
      const message = JSON.parse(raw) as RobotMessage;
      const imageRefusal = message.msgtype === 'image' ? checkImage(message.image) : 0;
      if (imageRefusal !== 0) {
        robot.refused.push(imageRefusal);
        return answer(res, imageRefusal, 'invalid image');
      }
      robot.received.push(message);
      return answer(res, 0, 'ok');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  robot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathAndQuery}`;
  return robot;
}

/** A WeCom group robot whose webhook carries `key`. */
export function startWecomStaffRobot(key = 'test-key'): Promise<FakeStaffRobot> {
  return startRobot(`/cgi-bin/webhook/send?key=${key}`, (url) => (url.searchParams.get('key') === key ? 0 : 93000));
}

/** A DingTalk custom robot with 加签 on: refuses a request whose signature does not match `secret`. */
export function startDingtalkStaffRobot(secret: string, token = 'test-token'): Promise<FakeStaffRobot> {
  return startRobot(`/robot/send?access_token=${token}`, (url) => {
    if (url.searchParams.get('access_token') !== token) return 300001;
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    return url.searchParams.get('sign') === expected ? 0 : 310000;
  });
}
