// Keeping installations in step, opened by whoever may call peers.list.
import { IconRefresh } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { SyncScreen } from './sync-screen.tsx';

export const screen: ScreenModule = { icon: <IconRefresh size={18} />, Screen: SyncScreen };
