// Stocktake (issue 13): the committee checks the register against the devices, opened by whoever may
// call stocktake.list.
import { IconClipboardCheck } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { StocktakeScreen } from './stocktake-screen.tsx';

export const screen: ScreenModule = { icon: <IconClipboardCheck size={18} />, Screen: StocktakeScreen };
