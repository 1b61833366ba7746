// Departments and locations, opened by whoever may call departments.list.
import { IconBuilding } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { PlacesScreen } from './places-screen.tsx';

export const screen: ScreenModule = { icon: <IconBuilding size={18} />, Screen: PlacesScreen };
