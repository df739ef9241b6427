import { type SQL, sql } from "drizzle-orm";

/**
 * The owner keys of a segment `s` in a json_build_object (docs/OWNERS.md):
 * `ownerRef` (a person or a team, null for text) and `ownerResolved` (kind,
 * name, what a list shows, and a team's people: the users of that role
 * assigned to the tenant `tenant` or its customer `customer`). A team's name
 * is the segment's owner text, which writes and the backfill set to the role's
 * name. The same shape as teamOwner, personOwner and textOwner build
 * (src/domain/owners/segment-owner.ts).
 */
export function segmentOwnerKeys(tenant: string, customer: string): SQL {
  const t = sql.raw(tenant);
  const c = sql.raw(customer);
  return sql`'ownerRef', case
      when s.owner_user_id is not null then json_build_object('kind', 'person', 'userId', s.owner_user_id)
      when s.owner_team is not null then json_build_object('kind', 'team', 'role', s.owner_team) end,
    'ownerResolved', case
      when s.owner_user_id is not null then (select json_build_object('kind', 'person', 'name', ou.name,
          'display', ou.name, 'userId', ou.id, 'email', ou.email, 'role', null,
          'people', json_build_array(json_build_object('id', ou.id, 'name', ou.name, 'email', ou.email)))
        from users ou where ou.id = s.owner_user_id)
      when s.owner_team is not null then (select json_build_object('kind', 'team', 'name', s.owner,
          'display', s.owner || coalesce(': ' || string_agg(tm.name, ', ' order by tm.name), ''),
          'userId', null, 'email', null, 'role', s.owner_team,
          'people', coalesce(json_agg(json_build_object('id', tm.id, 'name', tm.name, 'email', tm.email)
            order by tm.name), '[]'::json))
        from (select ou.id, ou.name, ou.email
                from (select oa.user_id from assignments oa where oa.tenant_id = ${t}
                      union all
                      select oa.user_id from assignments oa where oa.customer_id = ${c} and not exists (
                        select 1 from assignments ob where ob.user_id = oa.user_id and ob.tenant_id = ${t})) oa
                join users ou on ou.id = oa.user_id and ou.role = s.owner_team) tm)
      when s.owner is not null then json_build_object('kind', 'text', 'name', s.owner, 'display', s.owner,
        'userId', null, 'email', null, 'role', null, 'people', '[]'::json) end`;
}
