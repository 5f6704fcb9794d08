import { z } from 'zod';
import type { Visit } from '../../../shared/sites/schemas';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import type { PointRow } from './points';

// Each class's days at the point: its sessions there (by the point, or by the place's name when the
// session was typed before the point existed), and how many of the class went.
export const visitsOf = (core: Core, point: PointRow): Visit[] => {
  const rows = statement<
    [number, string],
    { classId: number; className: string; date: string; titles: string; sessions: number; groups: string }
  >(
    core.db,
    `SELECT s.class_id AS classId, c.name AS className, s.date, json_group_array(s.title) AS titles, count(*) AS sessions,
            json_group_array(json(s.groups)) AS groups
       FROM sessions s JOIN classes c ON c.id = s.class_id
      WHERE s.site_id = ? OR (s.site_id IS NULL AND s.place = ?)
      GROUP BY s.class_id, s.date ORDER BY s.date DESC`,
  ).all(point.id, point.name);
  const attendees = statement<[number, string, string], number>(
    core.db,
    `SELECT count(*) FROM enrolments WHERE class_id = ? AND status <> 'withdrawn'
       AND (? = '[]' OR group_no IN (SELECT value FROM json_each(?)))`,
  ).pluck();
  return rows.map((row) => {
    const groupLists = jsonColumn(z.array(z.array(z.number())), [])(row.groups);
    // A day on which any session took the whole class counts the whole class.
    const groups = groupLists.some((list) => list.length === 0) ? [] : [...new Set(groupLists.flat())];
    const list = JSON.stringify(groups);
    return {
      classId: row.classId,
      className: row.className,
      date: row.date,
      sessions: row.sessions,
      titles: jsonColumn(z.array(z.string()), [])(row.titles),
      trainees: attendees.get(row.classId, list, list) ?? 0,
    };
  });
};
