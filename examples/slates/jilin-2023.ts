/** Slates for jilin-2023-social-orgs.award: 36 organisations and 60 individuals, as 附件2 allocates them. */
import { change, list, mutate, personName, type Expected, type Row, type SlatePair } from './lib.js';

const REGIONS: [string, number, number][] = [
  ['长春市', 6, 10], ['吉林市', 4, 7], ['四平市', 2, 4], ['辽源市', 2, 3], ['通化市', 2, 4], ['白山市', 2, 3],
  ['松原市', 2, 4], ['白城市', 2, 3], ['延边州', 3, 5], ['长白山管委会', 1, 1], ['梅河口市', 1, 2], ['省直', 9, 14],
];

const NINE = list('组织人事部门', '纪检监察机关', '统战部门', '公安部门', '财政部门', '人力资源和社会保障部门', '市场监管部门', '税务部门', '工商联');
const GOODS = list('党建工作好', '内部治理好', '运作机制好', '功能作用好', '社会影响好');
const PRACTITIONER = list('political-stance', 'law-abiding', 'dedication', 'competence', 'social-responsibility');
const ADMINISTRATOR = list('political-stance', 'law-abiding', 'lawful-duty', 'policy-mastery', 'innovation');

const HEADERS = [
  '编号', '名称', '申报奖项', '类别', '地区', '推荐单位类型', '职级', '干部管理权限', '单位性质', '人员身份', '政治面貌', '一线', '基层',
  '所获荣誉', '不良记录', '已征求意见', '符合条件', '评估等级', '评估等级有效期至', '所在单位', '本单位公示', '市(州)级公示', '公示记录',
  '推荐对象上报', '报送省评选表彰工作领导小组办公室', '在全省社会组织登记管理机关依法登记', '近5年年度检查合格', '从事社会组织工作起始时间',
  '有较好的社会信用度', '主要事迹材料字数', '主要事迹材料电子版', '简要事迹字数', '简要事迹电子版', '推荐审批表份数', '征求意见表份数',
  '无犯罪记录证明份数', '个人征信报告份数', '被执行人信息查询结果报告份数', '加盖单位公章的公示材料原样份数', '是否拟表彰',
];

const MATERIALS: Row = {
  主要事迹材料字数: 1380, 主要事迹材料电子版: '是', 简要事迹字数: 300, 简要事迹电子版: '是', 推荐审批表份数: 3, 征求意见表份数: 2,
  无犯罪记录证明份数: 2, 个人征信报告份数: 2, 被执行人信息查询结果报告份数: 2, 加盖单位公章的公示材料原样份数: 2,
};

/** Most nominees: publicity in the second week of January, submitted after it, city publicity the week after. */
const JANUARY: Row = { 本单位公示: '2024-01-08至2024-01-12', 推荐对象上报: '2024-01-15', '市(州)级公示': '2024-01-22至2024-01-26', 报送省评选表彰工作领导小组办公室: '2024-02-01' };
/** Some publicise across the Spring Festival: 02-05..02-19 has 7 working days, counting the make-up Sunday 02-18. */
const SPRING_FESTIVAL: Row = { 本单位公示: '2024-02-05至2024-02-19', 推荐对象上报: '2024-02-20', '市(州)级公示': '2024-02-21至2024-02-27', 报送省评选表彰工作领导小组办公室: '2024-03-01' };

function organisation(i: number, region: string, selected: boolean): Row {
  const provincial = region === '省直';
  const bodies = ['社会团体', '社会服务机构', '基金会'];
  const body = bodies[i % 3]!;
  const suffix = body === '基金会' ? '慈善基金会' : body === '社会团体' ? '行业协会' : '社会工作服务中心';
  return {
    编号: `O${String(i + 1).padStart(3, '0')}`, 名称: `${provincial ? '吉林省' : region}第${i + 1}${suffix}`, 申报奖项: '吉林省先进社会组织', 类别: '集体',
    地区: region, 推荐单位类型: provincial ? '全省性社会组织' : '地区', 职级: '无职级', 单位性质: body, 一线: i % 2 === 0 ? '是' : '否', 基层: i % 3 === 0 ? '否' : '是',
    所获荣誉: i % 5 === 0 ? '市(州)级表彰奖励 2021-12-20' : '', 已征求意见: NINE, 符合条件: GOODS,
    评估等级: i % 4 === 0 ? '5A' : '4A', 评估等级有效期至: '2026-06-30', 在全省社会组织登记管理机关依法登记: '是', 近5年年度检查合格: '是',
    ...MATERIALS, ...(i % 6 === 5 ? SPRING_FESTIVAL : JANUARY), ...(provincial ? { '市(州)级公示': '' } : {}),
    是否拟表彰: selected ? '是' : '否',
  };
}

function individual(i: number, region: string, selected: boolean, countyLevel: boolean): Row {
  const provincial = region === '省直';
  const practitioner = i % 2 === 0;
  const rank = practitioner ? '无职级' : countyLevel ? (i % 4 === 1 ? '副处级' : '正处级') : ['科员', '副科级', '正科级'][i % 3]!;
  const sectionLevel = rank === '副科级' || rank === '正科级';
  const twoUnits = i % 17 === 4;
  const org = `${provincial ? '吉林省' : region}第${i + 1}社会组织`;
  const unit = practitioner ? org : `${provincial ? '吉林省' : region}民政局`;
  const democratic = i % 11 === 7;
  return {
    编号: `P${String(i + 1).padStart(3, '0')}`, 名称: personName(i), 申报奖项: '吉林省社会组织工作先进个人', 类别: '个人',
    地区: region, 推荐单位类型: provincial ? (practitioner ? '全省性社会组织' : '省直部门') : '地区', 职级: rank,
    干部管理权限: sectionLevel ? (i % 3 === 1 ? '县级' : '市级') : '', 单位性质: practitioner ? '社会团体' : '机关',
    人员身份: practitioner ? (i % 4 === 0 ? '社会组织负责人' : '社会组织专职工作人员') : (i % 4 === 1 ? '社会组织登记管理机关工作人员' : '业务主管单位（行业管理部门）工作人员'),
    政治面貌: democratic ? '民主党派' : i % 5 === 0 ? '群众' : '中共党员', 一线: i % 3 === 0 ? '是' : '否', 基层: '是',
    已征求意见: practitioner ? NINE : list('组织人事部门', '纪检监察机关', '公安部门', democratic && '统战部门'),
    符合条件: practitioner ? PRACTITIONER : ADMINISTRATOR,
    所在单位: twoUnits ? list(org, `${region}志愿者协会`) : unit,
    公示记录: twoUnits ? `本单位:${org} 2024-01-08~2024-01-12；本单位:${region}志愿者协会 2024-01-08~2024-01-12` : '',
    从事社会组织工作起始时间: practitioner ? `${2008 + (i % 10)}-0${1 + (i % 9)}-15` : '', 有较好的社会信用度: practitioner ? '' : '是',
    ...MATERIALS, ...(i % 7 === 3 ? SPRING_FESTIVAL : JANUARY), ...(twoUnits ? { 本单位公示: '' } : {}), ...(provincial ? { '市(州)级公示': '' } : {}),
    是否拟表彰: selected ? '是' : '否',
  };
}

function passRows(): Row[] {
  const orgs: Row[] = [];
  const people: Row[] = [];
  let countyLevel = 0;
  for (const [region, o, p] of REGIONS) {
    for (let k = 0; k < o; k++) orgs.push(organisation(orgs.length, region, true));
    for (let k = 0; k < p; k++) {
      const i = people.length;
      // A few county-level cadres (4 of them proposed for the award: well within 15% of 78).
      const county = i % 2 === 1 && countyLevel < 8 && i % 5 === 1;
      if (county) countyLevel++;
      people.push(individual(i, region, true, county));
    }
  }
  // 30 of 36 organisations and 48 of 60 individuals are proposed for the award.
  [2, 9, 15, 21, 28, 33].forEach((i) => { orgs[i] = change(orgs[i]!, { 是否拟表彰: '否' }); });
  [5, 11, 18, 24, 30, 37, 41, 46, 50, 53, 56, 59].forEach((i) => { people[i] = change(people[i]!, { 是否拟表彰: '否' }); });
  return [...orgs, ...people];
}

export function jilin2023(): SlatePair {
  const pass = passRows();
  const rows: (Row | null)[] = pass.map((r) => ({ ...r }));
  const expected: Expected[] = [];
  const plant = (id: string, cells: Row, ...findings: [string, Expected['severity'], string][]) => {
    mutate(rows, id, cells);
    for (const [rule, severity, why] of findings) expected.push({ rule, nominee: id, severity, why });
  };
  plant('O004', { 单位性质: '企业' }, ['J23-SCOPE-1', 'error', 'an enterprise is not a social organisation']);
  plant('O005', { 所获荣誉: '全国先进社会组织 2019-06-01' }, ['J23-EXCLUDE-1', 'error', 'already holds the national title']);
  plant('O007', { 不良记录: '违法违纪 2020-06-01' }, ['J23-REQUIRE-1', 'error', 'a violation within the 5 years before 2024-03-15']);
  plant('O008', { 不良记录: '违法违纪 2019-03-15' }, );  // exactly 5 years before: outside the window 2019-03-16..2024-03-15
  plant('O009', { 评估等级: '3A' }, ['J23-REQUIRE-3', 'warning', 'rated 3A (一般应为 4A: a warning)']);
  plant('O010', { 评估等级有效期至: '2024-03-14' }, ['J23-REQUIRE-3', 'warning', 'the 4A rating expired the day before the reference date']);
  plant('O011', { 符合条件: list('党建工作好', '内部治理好', '运作机制好', '功能作用好') }, ['J23-ATTEST-1', 'error', '社会影响好 not confirmed']);
  plant('O012', { 近5年年度检查合格: '否' }, ['J23-REQUIRE-2', 'error', 'failed an annual inspection']);
  plant('P003', { 从事社会组织工作起始时间: '2019-03-16' }, ['J23-REQUIRE-5', 'error', '4 full years on 2024-03-15: one day short of 5']);
  plant('P005', { 从事社会组织工作起始时间: '2019-03-15' }); // exactly 5 full years on the reference date: met
  plant('P004', { 有较好的社会信用度: '否' }, ['J23-REQUIRE-6', 'error', 'an administrator without good credit']);
  plant('P007', { 职级: '副厅级', 是否拟表彰: '否' }, ['J23-EXCLUDE-2', 'error', 'vice-bureau rank']);
  plant('P009', { 已征求意见: NINE.replace('、税务部门', '') }, ['J23-CONSULT-2', 'error', 'no opinion from the tax department']);
  plant('P010', { 政治面貌: '民主党派', 已征求意见: list('组织人事部门', '纪检监察机关', '公安部门') }, ['J23-CONSULT-4', 'error', 'a democratic-party member without the united front department\'s opinion']);
  plant('P011', { 本单位公示: '2024-02-07至2024-02-18', 推荐对象上报: '2024-02-19' },
    ['J23-PUBLICITY-1', 'error', 'only 4 working days: 02-07, 02-08, 02-09 and the make-up Sunday 02-18; the Spring Festival holiday does not count']);
  plant('P022', { 公示记录: '本单位:长春市第23社会组织 2024-01-08~2024-01-12' },
    ['J23-PUBLICITY-2', 'error', 'two units, publicised at one only']);
  plant('P013', { '市(州)级公示': '' }, ['J23-PUBLICITY-3', 'error', 'no city publicity before the slate went to the province']);
  plant('P014', { 主要事迹材料字数: 1650 }, ['J23-MATERIAL-1', 'error', 'main deeds over 1500 characters']);
  plant('P015', { 推荐审批表份数: 2 }, ['J23-MATERIAL-2', 'error', '2 copies of the approval form, 3 required']);
  plant('P016', { 报送省评选表彰工作领导小组办公室: '2024-03-18' }, ['J23-DEADLINE-1', 'error', 'reached the province after 2024-03-15']);
  plant('P017', { 职级: '副厅极', 是否拟表彰: '否' },
    ['data', 'error', 'a rank the reader cannot read (副厅极)'],
    ['data', 'error', 'so rank is empty and J23-EXCLUDE-2 cannot be checked']);
  plant('P019', { 从事社会组织工作起始时间: '2019年13月1日' },
    ['data', 'error', 'a date that does not exist'],
    ['data', 'error', 'so J23-REQUIRE-5 cannot be checked']);
  // A second nominee with the id P020 (the finding names the id as written).
  mutate(rows, 'P021', { 编号: 'P020' });
  expected.push({ rule: 'data', nominee: 'P020', severity: 'error', why: 'the id P020 is used twice' });
  // Eight more county-level cadres proposed for the award: 12 of 77 selected, above 15%.
  for (const id of ['P026', 'P028', 'P030', 'P034', 'P036', 'P040', 'P044', 'P046']) mutate(rows, id, { 职级: '正处级', 干部管理权限: '' });
  expected.push({ rule: 'J23-CAP-1', nominee: 'slate', severity: 'error', why: '12 of 77 selected nominees are county-level cadres (15.6%), above 15%' });
  // A seventh organisation from 长春市: 7 recommended where 附件2 allows 6; and 31 proposed for 30 awards.
  rows.splice(6, 0, organisation(36, '长春市', true));
  expected.push({ rule: 'J23-QUOTA-4', nominee: 'slate', severity: 'error', why: '长春市 recommends 7 organisations, 6 allowed' });
  expected.push({ rule: 'J23-QUOTA-1', nominee: 'slate', severity: 'error', why: '31 organisations proposed for 30 awards' });
  // An empty row left in the middle of the sheet.
  rows.splice(20, 0, null);
  expected.push({ rule: 'data', nominee: 'slate', severity: 'warning', why: 'an empty row is reported, not silently skipped' });
  // Preferences are reported as notes, in both slates.
  expected.push({ rule: 'J23-PRIORITY-1', nominee: 'slate', severity: 'info', why: 'the share of grassroots or front-line nominees' });
  return {
    pass: { name: 'jilin-2023-social-orgs.pass.xlsx', headers: HEADERS, rows: pass },
    fail: { name: 'jilin-2023-social-orgs.fail.xlsx', headers: HEADERS, rows },
    expected,
  };
}
