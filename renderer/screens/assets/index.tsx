// The register of devices, opened by whoever may call assets.list (db/assets/index.ts).
import { IconDevices } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { AssetsScreen } from './assets-screen.tsx';

export const screen: ScreenModule = { icon: <IconDevices size={18} />, Screen: AssetsScreen };
