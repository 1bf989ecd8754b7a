import { parsePensionParameters, type PensionParameters } from './pension-parameters.ts';
import { pickById, pickInForce, readPolicyVersions } from './policy-file-store.ts';

/** Pension parameters by id or the version in force for a region on a date (YYYY-MM-DD). */
export function loadPensionParameters(policyDir: string, select: { id: string } | { region: string; date: string }): PensionParameters {
  const versions = readPolicyVersions(policyDir, 'pension', parsePensionParameters);
  return 'id' in select ? pickById(versions, select.id, '养老保险 / pension') : pickInForce(versions, select.region, select.date, '养老保险 / pension');
}
