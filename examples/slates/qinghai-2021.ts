/**
 * Slates for qinghai-2021-petition.award: 53 collectives and 90 individuals from the eight prefectures
 * and the provincial departments, within 附件2 as the rule file gives it. The passing slate is a CSV in
 * GB18030, as Excel on a Chinese Windows saves it; the failing copy is an .xlsx file.
 */
import { change, list, mutate, personName, type Expected, type Row, type SlatePair } from './lib.js';

/** Region as the slate writes it, its counties (市、区、县), and the collectives and individuals it recommends. */
const REGIONS: [string, string[], number, number][] = [
  ['西宁市', ['城东区', '城中区', '城西区', '城北区', '湟中区', '大通县', '湟源县'], 10, 15],
  ['海东市', ['乐都区', '平安区', '民和县', '互助县', '化隆县', '循化县'], 8, 13],
  ['海北州', ['海晏县', '祁连县', '刚察县', '门源县'], 5, 8],
  ['黄南州', ['同仁市', '尖扎县', '泽库县', '河南县'], 4, 7],
  ['海南州', ['共和县', '同德县', '贵德县', '兴海县', '贵南县'], 4, 7],
  ['果洛州', ['玛沁县', '班玛县', '甘德县', '达日县', '久治县', '玛多县'], 4, 6],
  ['玉树州', ['玉树市', '杂多县', '称多县', '治多县', '囊谦县', '曲麻莱县'], 4, 7],
  ['海西州', ['德令哈市', '格尔木市', '茫崖市', '乌兰县', '都兰县', '天峻县'], 5, 9],
  ['省直部门', [], 9, 16],
];
/** Provincial departments and enterprises with a petition office, and their body type. */
const DEPARTMENTS: [string, string][] = [
  ['青海省公安厅', '机关'], ['青海省人力资源和社会保障厅', '机关'], ['青海省自然资源厅', '机关'], ['青海省住房和城乡建设厅', '机关'],
  ['青海省农业农村厅', '机关'], ['青海省卫生健康委员会', '机关'], ['国网青海省电力公司', '企业'], ['青海省总工会', '人民团体'],
  ['中国石油青海油田分公司', '企业'], ['青海省教育厅', '机关'], ['青海省民政厅', '机关'],
];
const TIBETAN = ['才让多杰', '卓玛措', '扎西才让', '尼玛旦增', '索南加', '拉毛草', '更登达杰', '桑杰卓玛', '旦增尼玛', '仁青措', '多杰加', '完玛才旦', '公保扎西', '久美', '央金卓玛', '昂秀', '措吉', '加羊'];

const COUNTY_SUBMISSION = '县（市、区、行委）报市州信访部门组织初审日期';
const FIRST_REVIEW = '初步推荐材料和推荐工作报告报送省评选表彰领导小组复审日期';
const MOST_BEAUTIFUL = '“最美信访干部”人选';
const HEADERS = [
  '编号', '名称', '申报奖项', '类别', '地区', '推荐单位类型', '工作单位及职务', '所属系统', '单位性质', '单位层级', '职级', '从事信访工作起始时间',
  MOST_BEAUTIFUL, '不良记录', '已征求意见', '符合条件', '本单位公示', COUNTY_SUBMISSION, FIRST_REVIEW, '省级公示',
  '先进集体推荐审批表份数', '先进个人推荐审批表份数', '是否拟表彰',
];

const CONSULTED = list('组织人事部门', '纪检监察部门');
// The conditions of 三(一) and 三(二) by their ids: their Chinese wording holds commas, which a list cell splits.
const COLLECTIVE_CONDITIONS = list('guidance', 'organisation', 'innovation', 'tasks', 'mass-line');
const INDIVIDUAL_CONDITIONS = list('theory', 'problem-solving', 'dedication', 'key-periods', 'integrity');

/** Counties publicise for a working week and report to the prefecture; the prefecture reports to the province by 6 August. */
const COUNTY_A: Row = { 本单位公示: '2021-07-12至2021-07-16', [COUNTY_SUBMISSION]: '2021-07-19', [FIRST_REVIEW]: '2021-08-04' };
/** Thursday to Wednesday: the weekend between does not count, 5 working days remain. */
const COUNTY_B: Row = { 本单位公示: '2021-07-15至2021-07-21', [COUNTY_SUBMISSION]: '2021-07-22', [FIRST_REVIEW]: '2021-08-05' };
/** Provincial departments go straight to the first review (四(一)), so their publicity may run past 26 July. */
const DEPARTMENT: Row = { 本单位公示: '2021-07-26至2021-07-30', [FIRST_REVIEW]: '2021-08-03' };
/** 二审二公示: after the second review, the province publicises the whole list for a working week. */
const PROVINCE: Row = { 省级公示: '2021-08-09至2021-08-13' };

/** personName repeats after 60 names; the rest of the list, like many in Qinghai, has Hui and Han names of its own. */
const moreNames = (k: number) => '马韩冯冶喇沈祁鲁苏蒋'[k % 10]! + ['建国', '玉兰', '海龙', '春花', '永红', '德明', '秀珍', '国栋', '兰英', '成林', '占海'][k % 11]!;

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;

function collective(n: number, region: string, counties: string[], k: number): Row {
  const provincial = region === '省直部门';
  const [dept, deptBody] = DEPARTMENTS[k % DEPARTMENTS.length]!;
  const [name, body, level, rank] = provincial
    ? [`${dept}信访办公室`, deptBody, '省级', deptBody === '机关' ? '正处级' : '无职级']
    : k === 0 ? [`${region}信访局`, '机关', '市级', '正处级']
    : k <= counties.length ? [`${counties[k - 1]}信访局`, '机关', '县级', '正科级']
    : [`${counties[k - 1 - counties.length]}公安局信访科`, '机关', '县级', '副科级'];
  return {
    编号: id('O', n), 名称: name, 申报奖项: '青海省信访系统先进集体', 类别: '集体', 地区: region, 推荐单位类型: provincial ? '省直部门' : '地区',
    所属系统: '信访', 单位性质: body, 单位层级: level, 职级: rank, [MOST_BEAUTIFUL]: '否', 已征求意见: CONSULTED, 符合条件: COLLECTIVE_CONDITIONS,
    ...(provincial ? DEPARTMENT : k % 2 === 0 ? COUNTY_A : COUNTY_B), ...PROVINCE, 先进集体推荐审批表份数: 2, 是否拟表彰: '是',
  };
}

/** The j-th individual of a region: prefecture bureau staff (every eighth a deputy director, 副处级), county bureau heads and staff, reception centres. */
function individual(n: number, name: string, region: string, counties: string[], j: number): Row {
  const provincial = region === '省直部门';
  const county = counties[j % Math.max(counties.length, 1)];
  const [dept, deptBody] = DEPARTMENTS[j % DEPARTMENTS.length]!;
  const [post, body, level, rank] = provincial
    ? [`${dept}信访${deptBody === '机关' ? '处' : '办公室'}${j % 4 === 0 ? '负责人' : '干部'}`, deptBody, '省级', j % 4 === 0 ? '正处级' : j % 2 ? '副科级' : '科员']
    : j % 4 === 0 ? [`${region}信访局${j % 8 === 0 ? '副局长' : '科长'}`, '机关', '市级', j % 8 === 0 ? '副处级' : '正科级']
    : j % 4 === 1 ? [`${county}信访局局长`, '机关', '县级', '正科级']
    : j % 4 === 2 ? [`${county}信访局干部`, '机关', '县级', '科员']
    : [`${county}人民来访接待中心工作人员`, '事业单位', '县级', '无职级'];
  return {
    编号: id('P', n), 名称: name, 申报奖项: '青海省信访系统先进个人', 类别: '个人', 地区: region, 推荐单位类型: provincial ? '省直部门' : '地区',
    工作单位及职务: post, 所属系统: '信访', 单位性质: body, 单位层级: level, 职级: rank,
    从事信访工作起始时间: `${2005 + (n % 12)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`,
    [MOST_BEAUTIFUL]: '否', 已征求意见: CONSULTED, 符合条件: INDIVIDUAL_CONDITIONS,
    ...(provincial ? DEPARTMENT : n % 3 === 0 ? COUNTY_B : COUNTY_A), ...PROVINCE, 先进个人推荐审批表份数: 2, 是否拟表彰: '是',
  };
}

function passRows(): Row[] {
  const orgs: Row[] = [];
  const people: Row[] = [];
  let tibetan = 0;
  let han = 0;
  for (const [region, counties, o, p] of REGIONS) {
    for (let k = 0; k < o; k++) orgs.push(collective(orgs.length + 1, region, counties, k));
    for (let j = 0; j < p; j++) {
      const tibetanName = ['果洛州', '玉树州'].includes(region) || (region === '黄南州' && j % 2 === 0);
      const name = tibetanName ? TIBETAN[tibetan++]! : han < 60 ? personName(han++) : moreNames(han++ - 60);
      people.push(individual(people.length + 1, name, region, counties, j));
    }
    // 一(二): a 最美信访干部 candidate is recommended as an individual and takes no place of the region's.
    // 海北州 has 8 places and proposes 8 individuals besides its candidate: 9 would be over without the exemption.
    if (region === '海北州' || region === '省直部门') {
      people.push(change(individual(people.length + 1, region === '海北州' ? '马秀兰' : '李春燕', region, counties, 1), {
        [MOST_BEAUTIFUL]: '是', 工作单位及职务: region === '海北州' ? '门源县信访局副局长' : '青海省信访局来访接待处干部', 职级: '副科级',
      }));
    }
  }
  // 49 of 53 collectives and 84 of 90 individuals come through the second review (是否拟表彰).
  for (const n of [17, 31, 48, 51]) orgs[n] = change(orgs[n]!, { 是否拟表彰: '否' });
  for (const n of [9, 27, 50, 60, 80, 86]) people[n] = change(people[n]!, { 是否拟表彰: '否' });
  return [...orgs, ...people];
}

export function qinghai2021(): SlatePair {
  const pass = passRows();
  const rows: (Row | null)[] = pass.map((r) => ({ ...r }));
  const expected: Expected[] = [];
  const plant = (nominee: string, cells: Row, ...findings: [string, Expected['severity'], string][]) => {
    mutate(rows, nominee, cells);
    for (const [rule, severity, why] of findings) expected.push({ rule, nominee, severity, why });
  };
  // ── the collectives ──
  // An eleventh collective proposed for 西宁市, which has 10 places. A township government may be
  // nominated: 一(二) excludes party committees and governments from the county level up only.
  rows.splice(10, 0, change(collective(54, '西宁市', ['湟中区'], 1), { 名称: '湟中区多巴镇人民政府', 单位性质: '政府', 单位层级: '乡镇级', 职级: '正科级' }));
  expected.push({ rule: 'Q21-QUOTA-3', nominee: 'slate', severity: 'error', why: '西宁市 proposes 11 collectives, 附件2 allows 10' });
  plant('O013', { 不良记录: '集体进京上访和重复进京到非接待场所有关问题 2019-09-28' }, ['Q21-REQUIRE-3', 'error', 'a collective petition to Beijing in the run-up to the 70th anniversary']);
  plant('O018', { 名称: '中共互助县委', 单位性质: '党委', 单位层级: '县级', 职级: '正处级' }, ['Q21-EXCLUDE-2', 'error', 'a county party committee']);
  // O032 is not proposed: 果洛州's places are not at stake.
  plant('O032', { 名称: '尼玛才让', 工作单位及职务: '玛沁县信访局副局长', 职级: '副科级', [MOST_BEAUTIFUL]: '是' },
    ['Q21-QUOTA-4', 'error', 'a 最美信访干部 candidate entered on the list of collectives; 一(二): recommended as an individual']);
  // ── the individuals ──
  // 海北州 proposes 9 individuals for 8 places; one is its 最美信访干部 candidate (P037), who takes no place: no finding.
  plant('P002', { 从事信访工作起始时间: '2018-08-06' }); // exactly 3 full years on the reference date 2021-08-06: met
  plant('P003', { 从事信访工作起始时间: '2018-08-07' }, ['Q21-REQUIRE-1', 'error', '2 full years on 2021-08-06: one day short of 3']);
  plant('P004', { 本单位公示: '2021-07-16至2021-07-21', [COUNTY_SUBMISSION]: '2021-07-22' },
    ['Q21-PUBLICITY-1', 'error', 'Friday to Wednesday: 4 working days, the weekend does not count']);
  // A provincial department's nominee is publicised before the first review, not before 26 July: 07-28..08-03 is 5 working days, ending the day before its report.
  plant('P076', { 本单位公示: '2021-07-28至2021-08-03', [FIRST_REVIEW]: '2021-08-04' });
  plant('P077', { 本单位公示: '2021-08-02至2021-08-06', [FIRST_REVIEW]: '2021-08-06' },
    ['Q21-PUBLICITY-1', 'error', 'a provincial department\'s publicity still running on the day it reported to the first review']);
  plant('P006', { 省级公示: '' }, ['Q21-PUBLICITY-2', 'error', 'no province-wide publicity on record (二审二公示)']);
  plant('P007', { 省级公示: '2021-08-09至2021-08-12' }, ['Q21-PUBLICITY-2', 'error', 'province-wide publicity of 4 working days']);
  plant('P008', { [FIRST_REVIEW]: '2021-08-06', 省级公示: '2021-08-06至2021-08-13' },
    ['Q21-PUBLICITY-2', 'error', 'province-wide publicity began the day the nominee reached the first review, not after it']);
  plant('P087', { 工作单位及职务: '青海省信访局副局长', 职级: '副厅级' }, ['Q21-EXCLUDE-1', 'error', 'a vice-department-level cadre']);
  // 一(二) excludes county party committees as nominees, not the people who work in their offices: no finding.
  plant('P018', { 工作单位及职务: '中共民和县委办公室信访督查室干部', 单位性质: '党委机关', 单位层级: '县级' });
  plant('P011', { 已征求意见: '组织人事部门' }, ['Q21-CONSULT-1', 'error', 'no opinion of the discipline inspection department']);
  plant('P012', { 符合条件: INDIVIDUAL_CONDITIONS.replace('、integrity', '') }, ['Q21-ATTEST-2', 'error', '三(二)5 not confirmed']);
  plant('P013', { 先进个人推荐审批表份数: '' }, ['Q21-MATERIAL-1', 'error', 'no 先进个人推荐审批表 (附件4)']);
  // 0 copies is how a 份数 column says the form is missing; the notice asks for it (四(二)).
  plant('P019', { 先进个人推荐审批表份数: 0 }, ['Q21-MATERIAL-1', 'error', '0 copies of the 先进个人推荐审批表 (附件4)']);
  plant('P014', { [COUNTY_SUBMISSION]: '2021-07-27' }, ['Q21-DEADLINE-1', 'error', 'reached the prefecture on 07-27, after 26 July']);
  // Four county bureau directors ranked 副县级: 19 of the 83 individuals proposed are county-level cadres (22.9%;
  // P015, whose 是否拟表彰 cannot be read, is not counted as proposed).
  for (const n of ['P021', 'P030', 'P046', 'P066']) {
    const row = rows.find((r) => r?.['编号'] === n)!;
    mutate(rows, n, { 工作单位及职务: `${String(row['工作单位及职务'])}（副县级）`, 职级: '副县级' });
  }
  expected.push({ rule: 'Q21-CAP-1', nominee: 'slate', severity: 'warning', why: '19 of 83 selected individuals are county-level cadres (22.9%), above 20% (原则上: a warning)' });
  // ── cells the reader cannot take ──
  plant('P015', { 是否拟表彰: '待定' }, ['data', 'error', '待定 is neither yes nor no']);
  // P028 is not proposed, so the per-region quota does not depend on its region.
  plant('P028', { 地区: '海东巿' }, ['data', 'error', '海东巿 with 巿 (fú) for 市: not a region']);
  mutate(rows, 'P017', { 编号: 'P016' });
  expected.push({ rule: 'data', nominee: 'P016', severity: 'error', why: 'the id P016 is used twice' });
  rows.splice(40, 0, null);
  expected.push({ rule: 'data', nominee: 'slate', severity: 'warning', why: 'an empty row is reported, not silently skipped' });
  return {
    pass: { name: 'qinghai-2021-petition.pass.csv', encoding: 'gb18030', headers: HEADERS, rows: pass },
    fail: { name: 'qinghai-2021-petition.fail.xlsx', headers: HEADERS, rows },
    expected,
  };
}
