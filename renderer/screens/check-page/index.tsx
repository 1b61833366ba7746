// Checking a printed page against the records (issue 12), open to whoever is signed in.
import { IconQrcode } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { CheckPageScreen } from './check-page-screen.tsx';

export const screen: ScreenModule = { icon: <IconQrcode size={18} />, Screen: CheckPageScreen };
