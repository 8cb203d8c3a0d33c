import { randomPerson, type BranchEntry } from './demo-names.js';
import type { UnitProfile } from './demo-profile.js';
import { AGENCY_CLUSTER, chiDoanDraft, profileOf } from './demo-units.js';
import type { Prng } from './prng.js';

/**
 * The demo's second cơ sở Đoàn with chi đoàn under it: a ward's Đoàn with four khu phố, so the tree shows two
 * branches and each cơ sở summary visibly holds only its own. Drawn from a stream of its own and added after
 * the district's other units, so it redraws none of them (the first branch is picked from those, see
 * demo-org-tree.ts).
 */

const WARD = 'phường Cầu Ông Lãnh';
const RESIDENTS = 'Đoàn viên địa bàn dân cư';

/** The ward's cơ sở Đoàn. */
export const SECOND_BRANCH = {
  id: 'csd-ubnd-cau-ong-lanh',
  name: `Đoàn cơ sở Ủy ban nhân dân ${WARD}`,
  level: 'Khối cơ quan',
} as const;

/** How each chi đoàn of the ward sends: two on time, one late, one never. */
export type SecondBranchSending = 'on-time' | 'late' | 'missing';

const CHILDREN: readonly (BranchEntry & { readonly sending: SecondBranchSending })[] = [1, 2, 3, 4].map((n) => ({
  name: `Chi đoàn Khu phố ${n} ${WARD}`,
  key: `kp${n}-cau-ong-lanh`,
  level: 'Khối địa bàn dân cư',
  memberKind: RESIDENTS,
  sending: n === 3 ? 'late' : n === 4 ? 'missing' : 'on-time',
}));

/** The ward's cơ sở Đoàn (on time itself) and its four chi đoàn, each with how it sends. */
export function secondBranchProfiles(rng: Prng): { profile: UnitProfile; sending: SecondBranchSending }[] {
  const parent = {
    id: SECOND_BRANCH.id,
    name: SECOND_BRANCH.name,
    type: 'co-so-doan' as const,
    level: SECOND_BRANCH.level,
    cluster: AGENCY_CLUSTER,
    members: rng.int(25, 90),
    contact: randomPerson(rng),
    chiDoanMembers: [],
  };
  const children = CHILDREN.map((child) => ({ draft: chiDoanDraft(child, rng, SECOND_BRANCH.id), child }));
  return [
    { profile: profileOf(parent, rng), sending: 'on-time' as const },
    ...children.map(({ draft, child }) => ({ profile: profileOf(draft, rng), sending: child.sending })),
  ];
}
