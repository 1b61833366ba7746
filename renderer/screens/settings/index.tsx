// The institution's particulars and security settings, opened by whoever may call institution.update.
import { IconSettings } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { SettingsScreen } from './settings-screen.tsx';

export const screen: ScreenModule = { icon: <IconSettings size={18} />, Screen: SettingsScreen };
