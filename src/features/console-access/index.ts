/** Staff console access: #后台 answers privately with a one-time sign-in link; the console checks it. */
import type { FeatureFactory } from '../../pipeline/feature';
import { consoleLinkCommand } from './console-link.command';

export { CONSOLE_LINKS_PER_HOUR, linkRequestKey, takeLinkRequest } from './link-limit';
export { consoleSignature, createSignInLink, hashLinkToken, sameSignature, SIGN_IN_PATH, verifyLinkToken, type SignInLink } from './sign-in-link';

/** 后台. */
export const consoleAccessFeature: FeatureFactory = () => ({
  name: 'console-access',
  commands: [consoleLinkCommand],
});
