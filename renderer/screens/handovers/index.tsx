// Handovers of ICT equipment (makabidhiano, 3.6.6), opened by whoever may call handovers.list.
import { IconArrowsExchange } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { HandoversScreen } from './handovers-screen.tsx';

export const screen: ScreenModule = { icon: <IconArrowsExchange size={18} />, Screen: HandoversScreen };
