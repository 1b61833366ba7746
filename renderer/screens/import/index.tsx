// Importing a register kept in Excel or CSV, opened by whoever may call import.preview.
import { IconFileImport } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { ImportScreen } from './import-screen.tsx';

export const screen: ScreenModule = { icon: <IconFileImport size={18} />, Screen: ImportScreen };
