/** Registration (学员登记表): 登记 <姓名> <手机> <乡镇/村> in private chat; a 登记 sent in a group is taken back. */
import type { FeatureFactory } from '../../pipeline/feature';
import { registerCommand } from './register.command';
import { registerInGroup } from './register-in-group';

/** 登记, and the guard that keeps registration forms out of groups. */
export const registrationFeature: FeatureFactory = () => ({ name: 'registration', commands: [registerCommand], inbound: [registerInGroup] });
