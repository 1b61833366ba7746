// docs/architecture.md names every area of AREAS, and its "Adding an area" section says what every
// manifest member the areas use is, so a new area or a new kind of member comes with its words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../db/areas.ts';

const ARCHITECTURE_MD = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');

/** The bullet of the page's list that starts with `prefix`, up to the next bullet or heading. */
function bullet(prefix: string): string {
  const start = ARCHITECTURE_MD.indexOf(`\n- ${prefix}`);
  if (start < 0) throw new Error(`docs/architecture.md has no bullet starting ${prefix}`);
  const next = ARCHITECTURE_MD.slice(start + 1).search(/\n(- |#)/);
  return ARCHITECTURE_MD.slice(start, next < 0 ? undefined : start + 1 + next).replace(/\s+/g, ' ');
}

function adding(): string {
  const start = ARCHITECTURE_MD.indexOf('\n## Adding an area\n');
  if (start < 0) throw new Error('docs/architecture.md has no "## Adding an area" section');
  const end = ARCHITECTURE_MD.indexOf('\n## ', start + 1);
  return ARCHITECTURE_MD.slice(start, end < 0 ? undefined : end);
}

describe('docs/architecture.md', () => {
  const areasBullet = bullet('`db/<area>/`');

  it.each(AREAS.map((area) => area.name))('names the area %s in the list of areas', (name) => {
    expect(areasBullet).toContain(`\`${name}\``);
  });

  it('lists the areas in the order of AREAS (the navigation’s order)', () => {
    // An area is named with its gloss, `name` (…), or alone; a member of the same name is named earlier.
    const at = (name: string) => (areasBullet.includes(`\`${name}\` (`) ? areasBullet.indexOf(`\`${name}\` (`) : areasBullet.indexOf(`\`${name}\``));
    const positions = AREAS.map((area) => at(area.name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  const members = [...new Set(AREAS.flatMap((area) => Object.keys(area)))].sort();

  it.each(members)('names the manifest member %s in the manifest bullet and in "Adding an area"', (member) => {
    expect(areasBullet).toContain(`\`${member}\``);
    expect(adding()).toMatch(new RegExp(`\`${member}\`|\\b${member}:`));
  });

  it('reads the manifests', () => {
    expect(members).toEqual(expect.arrayContaining(['name', 'routes', 'events', 'reminders', 'checks']));
  });
});
