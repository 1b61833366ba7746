// Off-premises permits (3.6.11), opened by whoever may call movements.list.
import { IconDoorExit } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { MovementsScreen } from './movements-screen.tsx';

export const screen: ScreenModule = { icon: <IconDoorExit size={18} />, Screen: MovementsScreen };
