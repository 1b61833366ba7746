// The register of people, opened by whoever may call people.list.
import { IconUsers } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { PeopleScreen } from './people-screen.tsx';

export const screen: ScreenModule = { icon: <IconUsers size={18} />, Screen: PeopleScreen };
