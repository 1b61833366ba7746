// The removable media register (3.6.7–3.6.10), opened by whoever may call media.list.
import { IconDeviceSdCard } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { MediaScreen } from './media-screen.tsx';

export const screen: ScreenModule = { icon: <IconDeviceSdCard size={18} />, Screen: MediaScreen };
