import { maskIdNumber, maskName, maskPhone } from '../identity/mask.ts';
import type { PersonProfile } from './person-profile-store.ts';

/**
 * Masks a person profile for display unless unmasking is allowed and asked for. The key itself is masked too,
 * and so are the ID numbers a profile can carry elsewhere (none today beyond `person`).
 */
export function maskPersonProfile(profile: PersonProfile, unmasked: boolean): PersonProfile {
  if (unmasked) return profile;
  const p = profile.person;
  return {
    ...profile,
    person: { ...p, id_number: maskIdNumber(p.id_number), name: maskName(p.name), phone: p.phone === null ? null : maskPhone(p.phone) },
  };
}
