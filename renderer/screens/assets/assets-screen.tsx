// The assets area: the register, or one device's page when the address names it. The register
// stays mounted behind a device page, so coming back finds the same search, filters and scroll.
import { Box } from '@mantine/core';
import { useHash } from '../../shell/use-hash.ts';
import { deviceHash, deviceIdFromHash, ASSETS_HASH } from './device-route.ts';
import { DevicePage } from './device-page.tsx';
import { AssetsList } from './assets-list.tsx';

export function AssetsScreen() {
  const [hash, setHash] = useHash();
  const deviceId = deviceIdFromHash(hash);
  return (
    <>
      <Box display={deviceId ? 'none' : undefined}>
        <AssetsList onOpen={(id) => setHash(deviceHash(id))} />
      </Box>
      {deviceId ? <DevicePage key={deviceId} id={deviceId} onBack={() => setHash(ASSETS_HASH)} /> : null}
    </>
  );
}
