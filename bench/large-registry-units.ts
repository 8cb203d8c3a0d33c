import type { Unit } from '../functions/src/domain/units/unit.js';
import type { City } from './city.js';

/** The registry of bench step 11: the city's units, then units that never sent a file, `size` in all. */
export function registryOf(city: City, size: number): Unit[] {
  const cityUnits = city.units.map((u) => u.profile.unit);
  return [...cityUnits, ...silentUnits(cityUnits, size - cityUnits.length)];
}

/** `count` more units shaped like the city's (types, levels, clusters in turn), each with a file name no file has. */
function silentUnits(like: readonly Unit[], count: number): Unit[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const model = like[i % like.length]!;
    const id = `khong-gui-${i + 1}`;
    return {
      ...model,
      id,
      name: `${model.name} (bản sao ${i + 1})`,
      aliases: undefined,
      parent: undefined,
      source: `${id}.xlsx`,
      contacts: [{ name: '', email: `${id}@example.invalid` }],
    };
  });
}
