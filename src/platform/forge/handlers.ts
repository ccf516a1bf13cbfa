import { bindResolvers } from './bind';
import { forgePlatform } from './index';

/** The Custom UI resolver of every module (manifest.yml's `resolver` function). */
export const resolver = bindResolvers(forgePlatform);
