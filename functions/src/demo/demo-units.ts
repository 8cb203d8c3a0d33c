import type { UnitType } from '../domain/forms/form-spec.js';
import { unitSchema } from '../domain/units/unit.js';
import {
  AGENCIES,
  BRANCHES,
  PRIMARY_SCHOOLS,
  SECONDARY_SCHOOLS,
  randomPerson,
  slugify,
  type BranchEntry,
  type DemoPerson,
} from './demo-names.js';
import type { DemoMember, UnitProfile } from './demo-profile.js';
import { randomHabits } from './demo-typing.js';
import type { Prng } from './prng.js';
import { pad2 } from '../domain/time/calendar.js';

/** How many units of each kind the demo district has. */
export const DEMO_UNIT_COUNTS = { primary: 10, secondary: 10, agencies: 8, branches: 8 } as const;

const SCHOOL_CLUSTERS = ['Cụm 1', 'Cụm 2', 'Cụm 3'];
/** The cụm thi đua of the cơ sở Đoàn of agencies and companies, and of the chi đoàn. */
export const AGENCY_CLUSTER = 'Cụm 4';
export const BRANCH_CLUSTER = 'Cụm 5';

/** A unit before its typing habits are drawn: who it is, its contact and (chi đoàn) its members. */
export interface UnitDraft {
  readonly id: string;
  readonly name: string;
  readonly type: UnitType;
  readonly level: string;
  readonly cluster: string;
  readonly members: number;
  readonly contact: DemoPerson;
  readonly chiDoanMembers: readonly DemoMember[];
  readonly memberKind?: string;
  readonly parent?: string;
}

/** Draw the demo district's units (Liên đội, cơ sở Đoàn, chi đoàn) with their contacts and typing habits. */
export function buildUnitProfiles(rng: Prng): UnitProfile[] {
  const schools = [
    ...rng.sample(PRIMARY_SCHOOLS, DEMO_UNIT_COUNTS.primary).map((name) => ({ name, level: 'Tiểu học', prefix: 'th' })),
    ...rng
      .sample(SECONDARY_SCHOOLS, DEMO_UNIT_COUNTS.secondary)
      .map((name) => ({ name, level: 'THCS', prefix: 'thcs' })),
  ];
  // Clusters mix both levels, as the district's cụm thi đua do.
  const clusterOf = new Map(
    rng.shuffle(schools).map((s, i) => [s, SCHOOL_CLUSTERS[i % SCHOOL_CLUSTERS.length] ?? 'Cụm 1']),
  );
  const drafts: UnitDraft[] = schools.map((school) => ({
    id: `${school.prefix}-${slugify(school.name)}`,
    name: `Liên đội ${school.level} ${school.name}`,
    type: 'lien-doi',
    level: school.level,
    cluster: clusterOf.get(school) ?? 'Cụm 1',
    members: school.level === 'Tiểu học' ? rng.int(600, 1500) : rng.int(800, 1900),
    contact: randomPerson(rng),
    chiDoanMembers: [],
  }));
  for (const agency of rng.sample(AGENCIES, DEMO_UNIT_COUNTS.agencies)) {
    drafts.push({
      id: `csd-${agency.key}`,
      name: agency.name,
      type: 'co-so-doan',
      level: agency.level,
      cluster: AGENCY_CLUSTER,
      members: rng.int(25, 90),
      contact: randomPerson(rng),
      chiDoanMembers: [],
    });
  }
  for (const branch of rng.sample(BRANCHES, DEMO_UNIT_COUNTS.branches)) drafts.push(chiDoanDraft(branch, rng));
  return drafts.map((draft) => profileOf(draft, rng));
}

/** A chi đoàn with its member list (8–15 members, born in the years its khối allows). */
export function chiDoanDraft(branch: BranchEntry, rng: Prng, parent?: string): UnitDraft {
  const members = Array.from({ length: rng.int(8, 15) }, (): DemoMember => {
    const person = randomPerson(rng);
    const birthYear = branch.level === 'Khối lực lượng vũ trang' ? rng.int(1990, 1996) : rng.int(1984, 1996);
    return { person, birthDate: `${birthYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}` };
  });
  return {
    id: `cd-${branch.key}`,
    name: branch.name,
    type: 'chi-doan',
    level: branch.level,
    cluster: BRANCH_CLUSTER,
    // Some members joined after the registration, so the roll is a little longer than the list.
    members: members.length + rng.int(0, 3),
    contact: members[0]?.person ?? randomPerson(rng),
    chiDoanMembers: members,
    memberKind: branch.memberKind,
    ...(parent === undefined ? {} : { parent }),
  };
}

/** A drafted unit as the registry lists it, with the typing habits of whoever fills its file. */
export function profileOf(draft: UnitDraft, rng: Prng): UnitProfile {
  return {
    unit: unitSchema.parse({
      id: draft.id,
      name: draft.name,
      type: draft.type,
      level: draft.level,
      cluster: draft.cluster,
      contacts: [{ name: draft.contact.name, email: draft.contact.email, phone: draft.contact.phone }],
      members: draft.members,
      source: `${draft.id}.xlsx`,
      ...(draft.parent === undefined ? {} : { parent: draft.parent }),
    }),
    habits: randomHabits(rng),
    contact: draft.contact,
    members: draft.chiDoanMembers,
    ...(draft.memberKind === undefined ? {} : { memberKind: draft.memberKind }),
  };
}
