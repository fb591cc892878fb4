/**
 * The summary table a rule file asks for (推荐对象汇总表): one column per field its rules read, per
 * publicity level, per stage date and per material requirement, headed as findLayout reads them, so
 * staff can start from a sheet that validates. Each column has a short note on what to write in it.
 */
import { englishLabel, slateSchema, type Model } from '@awardrules/language';
import type { Localized } from '@awardrules/runtime';

export interface TemplateColumn {
  readonly header: string;
  /** What to write in the cell, for the note row. */
  readonly note: Localized;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

export function templateColumns(model: Model): TemplateColumn[] {
  const schema = slateSchema(model);
  const cols: TemplateColumn[] = [
    { header: '编号', note: L('an id, unique in the slate', '编号，名单内不重复') },
    { header: '名称', note: L('name of the collective or the person', '集体名称或个人姓名') },
  ];
  if (model.awards.length > 1) cols.push({ header: '申报奖项', note: L(`one of: ${model.awards.map((a) => a.zh ?? a.id).join(', ')}`, `填写：${model.awards.map((a) => a.zh ?? a.id).join('、')}`) });
  const levels = model.enums.get('publicity-level');
  for (const f of schema.fields) {
    if (['id', 'name', 'award', 'kind'].includes(f.id)) continue;
    const def = model.fields.get(f.id);
    if (!def) continue;
    const t = def.type;
    if (t.kind === 'tenure' && t.since) continue;
    switch (t.kind) {
      case 'record':
        if (t.record === 'publicity') {
          const used = new Set(model.rules.flatMap((r) => (r.kind === 'publicity' ? [r.level] : [])));
          for (const v of levels?.values ?? []) if (used.has(v.id)) cols.push({ header: `${v.zh}公示`, note: L('publicity period, e.g. 2024-01-08至2024-01-12', '公示起止日期，如 2024-01-08至2024-01-12') });
        } else if (t.record === 'submissions') {
          for (const s of model.stages) cols.push({ header: `${s.label ?? s.id}日期`, note: L('date this stage was reached', '该环节的报送日期') });
        } else if (t.record === 'materials') {
          for (const r of model.rules) if (r.kind === 'material') for (const m of r.items) {
            const name = m.label ?? m.id;
            cols.push({ header: `${name}份数`, note: L('copies (0 if none)', '份数（没有填0）') });
            if (m.chars) cols.push({ header: `${name}字数`, note: L('number of characters', '字数') });
            if (m.electronic) cols.push({ header: `${name}电子版`, note: L('是 or 否', '是或否') });
            if (m.namePattern) cols.push({ header: `${name}文件名`, note: L('file name', '文件名') });
            if (m.sizeBytes) cols.push({ header: `${name}大小`, note: L('file size, e.g. 200KB', '文件大小，如 200KB') });
            if (m.formats) cols.push({ header: `${name}格式`, note: L(m.formats.join(' / '), m.formats.join('/')) });
          }
        } else if (t.record === 'units') cols.push({ header: def.zh, note: L('every unit, separated by 、', '所在单位，多个用、分隔') });
        break;
      case 'enum': {
        const values = model.enums.get(t.enum)?.values ?? [];
        const shown = values.slice(0, 6).map((v) => v.zh);
        cols.push({ header: def.zh, note: L(`one of: ${shown.join(', ')}${values.length > 6 ? ', …' : ''}`, `填写：${shown.join('、')}${values.length > 6 ? '等' : ''}`) });
        if (t.validity) cols.push({ header: `${def.zh}有效期至`, note: L('date', '日期') });
        break;
      }
      case 'set': cols.push({ header: def.zh, note: L(`any of ${englishLabel(def)}, separated by 、`, '可多项，用、分隔') }); break;
      case 'events': cols.push({ header: def.zh, note: L('kind and date, e.g. 违法违纪 2020-06-01; several separated by ；', '类别和日期，如“违法违纪 2020-06-01”，多条用；分隔') }); break;
      case 'bool': cols.push({ header: def.zh, note: L('是 or 否', '是或否') }); break;
      case 'date': cols.push({ header: def.zh, note: L('date, e.g. 2024-03-15 or 2024年3月15日', '日期，如 2024-03-15 或 2024年3月15日') }); break;
      case 'tenure': cols.push({ header: def.zh, note: L('start date, e.g. 2019-03-15', '起始日期，如 2019-03-15') }); break;
      case 'number': case 'percent': case 'duration': cols.push({ header: def.zh, note: L('a number', '数字') }); break;
      case 'text': cols.push({ header: def.zh, note: L('text', '文字') }); break;
    }
  }
  if (model.rules.some((r) => r.kind === 'quota' || (r.kind === 'cap' && r.total.which === 'selected'))) {
    cols.push({ header: '是否拟表彰', note: L('是 or 否: proposed for the award', '是或否（拟表彰对象）') });
  }
  return cols;
}

/**
 * Writes the template: an .xlsx with the headers on its first sheet (frozen, bold) and the notes on a
 * second; or a CSV (UTF-8 with a BOM, which Excel opens correctly) with the headers only.
 */
export async function writeTemplate(path: string, columns: readonly TemplateColumn[], locale: 'zh' | 'en'): Promise<void> {
  if (path.toLowerCase().endsWith('.csv')) {
    const { writeFileSync } = await import('node:fs');
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    writeFileSync(path, `\ufeff${columns.map((c) => quote(c.header)).join(',')}\r\n`);
    return;
  }
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const zh = locale === 'zh';
  await writeXlsxFile([
    { data: [columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }))] as never, sheet: zh ? '推荐对象汇总表' : 'Slate', stickyRowsCount: 1, columns: columns.map(() => ({ width: 16 })) },
    {
      data: [[zh ? '列' : 'Column', zh ? '填写说明' : 'What to write'].map((value) => ({ value, fontWeight: 'bold' as const })), ...columns.map((c) => [c.header, c.note[locale]])] as never,
      sheet: zh ? '填写说明' : 'Notes', columns: [{ width: 30 }, { width: 80 }],
    },
  ]).toFile(path);
}
