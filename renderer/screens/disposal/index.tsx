// Disposal submissions to the Records and Archives Management Department (3.6.12–3.6.14), opened by
// whoever may call disposal.batches.
import { IconRecycle } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { DisposalScreen } from './disposal-screen.tsx';

export const screen: ScreenModule = { icon: <IconRecycle size={18} />, Screen: DisposalScreen };
