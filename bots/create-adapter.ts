import type { Config } from '../src/kernel/load-config';
import type { Clock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import type { PlatformAdapter } from '../src/platform/platform-adapter';
import { WechatyAdapter } from '../src/platform/wechaty/wechaty-adapter';
import { DingtalkAdapter } from '../src/platform/dingtalk/dingtalk-adapter';
import { WebChatAdapter } from '../src/platform/web/web-chat-adapter';

/** Builds the adapter BOT_PLATFORM names, from configuration only (every adapter stamps events on the bot's clock). */
export function createAdapter(config: Config, log: Logger, clock: Clock): PlatformAdapter {
  if (config.BOT_PLATFORM === 'web') {
    return new WebChatAdapter({
      host: config.WEB_HOST,
      port: config.WEB_PORT,
      mongoUri: config.MONGODB_URI,
      botName: config.BOT_NAME,
      timezone: config.TZ_DEFAULT,
      clock,
      log,
    });
  }
  if (config.BOT_PLATFORM === 'wechaty') {
    return new WechatyAdapter({
      endpoint: config.WECHATY_PUPPET_SERVICE_ENDPOINT!,
      token: config.WECHATY_PUPPET_SERVICE_TOKEN!,
      tls: {
        caCert: config.WECHATY_PUPPET_SERVICE_TLS_CA_CERT,
        serverName: config.WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME,
        disable: config.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT,
      },
      loginTimeoutMs: config.BOT_LOGIN_TIMEOUT_SECONDS * 1000,
      clock,
      log,
    });
  }
  return new DingtalkAdapter({
    clientId: config.DINGTALK_CLIENT_ID!,
    clientSecret: config.DINGTALK_CLIENT_SECRET!,
    gatewayUrl: config.DINGTALK_GATEWAY_URL,
    apiUrl: config.DINGTALK_API_URL,
    botName: config.BOT_NAME,
    connectTimeoutMs: config.BOT_LOGIN_TIMEOUT_SECONDS * 1000,
    clock,
    log,
  });
}
