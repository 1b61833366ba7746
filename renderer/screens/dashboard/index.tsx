// The compliance dashboard, the home screen after sign-in: opened by everyone signed in (dashboard.summary).
import { IconGauge } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { DashboardScreen } from './dashboard-screen.tsx';

export const screen: ScreenModule = { icon: <IconGauge size={18} />, Screen: DashboardScreen };
