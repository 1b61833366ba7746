// Personal devices for office work (3.6.5), opened by whoever may call personal-devices.list.
import { IconDeviceMobile } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { PersonalDevicesScreen } from './personal-devices-screen.tsx';

export const screen: ScreenModule = { icon: <IconDeviceMobile size={18} />, Screen: PersonalDevicesScreen };
