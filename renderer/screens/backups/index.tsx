// Backups (3.4.1, 3.4.2), opened by whoever may call backups.list.
import { IconDatabaseExport } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { BackupsScreen } from './backups-screen.tsx';

export const screen: ScreenModule = { icon: <IconDatabaseExport size={18} />, Screen: BackupsScreen };
