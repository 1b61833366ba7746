// Accounts, opened by whoever may call users.list.
import { IconUserCog } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { UsersScreen } from './users-screen.tsx';

export const screen: ScreenModule = { icon: <IconUserCog size={18} />, Screen: UsersScreen };
