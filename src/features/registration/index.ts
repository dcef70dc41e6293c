/** Registration (学员登记表): 登记 <姓名> <手机> <乡镇/村>. */
import type { FeatureFactory } from '../../pipeline/feature';
import { registerCommand } from './register.command';

/** 登记. */
export const registrationFeature: FeatureFactory = () => ({ name: 'registration', commands: [registerCommand] });
