import { loadCommune, outerRing, toPgPolygon, type Sql } from '@vigie/db';

/**
 * `count` reports received over the last `hours` hours, all inside the commune: points drawn
 * uniformly over the boundary's bounding box, the ones outside the polygon discarded, the sector
 * derived from the point as the server does. Categories, statuses and priorities follow the demo
 * seed's mix for a day-old window (most still open). Plain SQL, a few seconds for 50,000.
 */
export async function insertReportsInWindow(sql: Sql, count: number, hours: number): Promise<void> {
  const ring = outerRing(loadCommune().boundary);
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const box = { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
  // The polygon covers well over half its bounding box: three candidates per report are plenty.
  const candidates = count * 3;
  const [inserted] = await sql<{ n: number }[]>`
    with inside as (
      select p.lat, p.lng, row_number() over () as i
      from (
        select ${box.minLat}::float8 + random() * ${box.maxLat - box.minLat}::float8 as lat,
               ${box.minLng}::float8 + random() * ${box.maxLng - box.minLng}::float8 as lng
        from generate_series(1, ${candidates}::int) offset 0
      ) p
      where ${toPgPolygon(ring)}::polygon @> point(p.lng, p.lat)
      limit ${count}::int
    ), drawn as (
      select i, lat, lng, random() r1, random() r2, random() r3, random() r4
      from inside offset 0
    ), shaped as (
      select d.*,
             case when r1 < 0.24 then 'suspicious_vehicle' when r1 < 0.46 then 'suspicious_person' when r1 < 0.57 then 'abusive_canvassing'
                  when r1 < 0.67 then 'burglary_attempt' when r1 < 0.77 then 'vandalism' when r1 < 0.85 then 'burglary'
                  when r1 < 0.94 then 'road_hazard' else 'other' end as category,
             (array['new','new','new','acknowledged','acknowledged','in_progress','in_progress','resolved','resolved','resolved',
                    'resolved','resolved','dismissed','dismissed','forwarded'])[1 + floor(r2 * 15)::int] as status,
             case when r3 < 0.20 then 'low' when r3 < 0.78 then 'normal' when r3 < 0.94 then 'high' else 'urgent' end as priority,
             now() - r4 * ${`${hours} hours`}::interval as received_at
      from drawn d
    ), done as (
      insert into reports (category, status, priority, description, lat, lng, neighbourhood_id, source, partner_id, external_id,
                           received_at, occurred_at, updated_at)
      select category, status, priority,
             (array['Véhicule inconnu stationné depuis le matin, moteur tournant.', 'Individu qui regarde dans les jardins.',
                    'Démarcheurs insistants qui se disent du gaz.', 'Porte d''entrée forcée, rien n''a été pris.',
                    'Tags sur le mur de l''école.', 'Branche tombée sur la chaussée.'])[1 + i % 6],
             lat, lng, (select n.id from neighbourhoods n where n.area @> point(lng, lat) order by n.id limit 1),
             'platform', 'vvs-demo', 'map-scale-' || i, received_at, received_at - interval '10 minutes', received_at
      from shaped
      returning 1
    )
    select count(*)::int as n from done`;
  if (inserted?.n !== count) throw new Error(`only ${inserted?.n ?? 0} of ${count} points fell inside the commune: draw more candidates`);
  await sql`vacuum (analyze) reports`;
}
