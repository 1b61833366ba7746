// The Service Maintenance Log Book (3.6.5), opened by whoever may call maintenance.list.
import { IconBook } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { LogBookScreen } from './logbook-screen.tsx';

export const screen: ScreenModule = { icon: <IconBook size={18} />, Screen: LogBookScreen };
