// What waits for me, opened by everyone signed in (inbox.list).
import { IconInbox } from '@tabler/icons-react';
import type { ScreenModule } from '../../shell/access.ts';
import { InboxScreen } from './inbox-screen.tsx';

export const screen: ScreenModule = { icon: <IconInbox size={18} />, Screen: InboxScreen };
