/**
 * Puts a model of one pillar and monthly KPIs owned by `admin` into a store,
 * as the admin: the smallest model on which the admin alone can submit,
 * for tests that race or kill servers rather than test the model.
 */
export async function putAdminOwnedKpis(
  url: string,
  adminToken: string,
  pillar: string,
  kpiIds: readonly string[],
): Promise<Response> {
  return fetch(`${url}/v1/model`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      nodes: [
        { id: pillar, kind: 'pillar', name: pillar },
        ...kpiIds.map((id) => ({
          id,
          kind: 'kpi',
          name: id,
          parentId: pillar,
          unit: 'n',
          direction: 'up',
          cadence: 'month',
          ownerId: 'admin',
          target: 0,
        })),
      ],
    }),
  });
}
