// Procedures, preventive plans and providers, opened by whoever may call plans.list.
import { IconTool } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { MaintenanceScreen } from './maintenance-screen.tsx';

export const screen: ScreenModule = { icon: <IconTool size={18} />, Screen: MaintenanceScreen };
