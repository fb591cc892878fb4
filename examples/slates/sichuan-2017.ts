/**
 * Slates for sichuan-2017-public-security.award: 42 collectives and 84 individuals from the 21 cities
 * and prefectures, the provincial departments and the science-city office, within 附件2
 * (tables/sichuan-2017-public-security.allocation.csv). The passing slate is a UTF-8 CSV with a BOM
 * (Excel's "CSV UTF-8"); the failing copy is an .xlsx file.
 */
import { change, list, mutate, personName, type Expected, type Row, type SlatePair } from './lib.js';

/** Region, its counties (districts), and the collectives and individuals it recommends. */
const REGIONS: [string, string[], number, number][] = [
  ['成都市', ['武侯区', '锦江区', '青羊区', '金牛区', '成华区', '郫都区', '双流区', '温江区', '都江堰市'], 5, 9],
  ['自贡市', ['自流井区', '贡井区', '富顺县', '荣县'], 2, 3], ['攀枝花市', ['东区', '米易县', '盐边县'], 1, 3],
  ['泸州市', ['江阳区', '龙马潭区', '泸县', '合江县'], 2, 3], ['德阳市', ['旌阳区', '广汉市', '什邡市', '绵竹市', '中江县'], 2, 4],
  ['绵阳市', ['涪城区', '游仙区', '江油市', '三台县', '北川县'], 3, 5], ['广元市', ['利州区', '昭化区', '剑阁县', '苍溪县'], 1, 3],
  ['遂宁市', ['船山区', '安居区', '射洪县'], 1, 2], ['内江市', ['东兴区', '威远县', '资中县'], 1, 2],
  ['乐山市', ['五通桥区', '峨眉山市', '夹江县', '犍为县'], 2, 3], ['南充市', ['顺庆区', '高坪区', '阆中市', '南部县', '营山县'], 3, 5],
  ['眉山市', ['东坡区', '彭山区', '仁寿县'], 1, 3], ['宜宾市', ['翠屏区', '南溪区', '江安县', '长宁县'], 2, 4],
  ['广安市', ['广安区', '华蓥市', '岳池县'], 1, 3], ['达州市', ['通川区', '达川区', '宣汉县', '大竹县', '渠县'], 2, 4],
  ['雅安市', ['雨城区', '名山区', '荥经县', '汉源县', '石棉县'], 2, 5], ['巴中市', ['巴州区', '通江县', '平昌县'], 1, 3],
  ['资阳市', ['雁江区', '安岳县'], 1, 2], ['阿坝州', ['马尔康市', '汶川县', '茂县'], 1, 3], ['甘孜州', ['康定市', '泸定县', '道孚县'], 1, 3],
  ['凉山州', ['西昌市', '会理县', '昭觉县'], 2, 3], ['省直有关部门', [], 4, 8], ['省政府科学城办事处', ['科学城'], 1, 1],
];
/** Provincial departments: member units of the governance committee. */
const DEPARTMENTS = ['四川省公安厅', '四川省司法厅', '四川省教育厅', '四川省民政厅', '四川省卫生和计划生育委员会', '四川省交通运输厅', '四川省人力资源和社会保障厅', '四川省住房和城乡建设厅'];
/** Tibetan, Qiang and Yi names for the autonomous prefectures. */
const MINORITY: Record<string, string[]> = { 阿坝州: ['泽仁拉姆', '杨尔基'], 甘孜州: ['降央卓玛', '格绒泽仁'], 凉山州: ['吉克阿呷', '马海木呷'] };
const COMMUNITIES = ['城关', '东街', '新华', '南门', '北城', '西街', '滨江'];

const IDENTITIES = {
  leader: '社会治安综合治理工作的组织领导者', politicalLegal: '政法委工作人员', office: '综治办、综治委成员单位工作人员',
  grid: '网格化服务管理中心、综治中心工作人员', activist: '群防群治积极分子',
} as const;
const SUBMISSION = '各市（州）及相关单位将评选推荐材料报省评选表彰办日期';
const DECISION = '省委政法委、省综治委、人力资源和社会保障厅表彰日期';
const EARLIER = '2013—2016年度全国综治先进推荐对象且未受到全国表彰';
const APPROVAL = '推荐审批表（签署意见并盖章）份数';
const CONSULTATION_FORM = '机关事业单位干部征求意见表（签署意见并盖章）份数';
const HEADERS = [
  '编号', '名称', '申报奖项', '类别', '地区', '推荐单位类型', '工作单位及职务', '所属系统', '单位性质', '单位层级', '职级', '中央驻川单位',
  ...Object.values(IDENTITIES), '不良记录', '已征求意见', '符合条件', EARLIER, '本单位公示', SUBMISSION, '省级公示', DECISION, APPROVAL, '公示材料份数', CONSULTATION_FORM, '是否拟表彰',
];

/** 三(三): written opinions for staff of organs and institutions. */
const CONSULTED = list('干部管理部门', '纪检监察部门', '卫生计生部门');
// The conditions of 二(一) and 二(二) by their ids: their Chinese wording holds commas, which a list cell splits.
const COLLECTIVE_CONDITIONS = ['leadership-responsibility', 'coordination', 'social-participation', 'technology', 'prevention-system', 'governance-centres', 'groundwork', 'public-safety'];
const INDIVIDUAL_CONDITIONS = ['model-role', 'duty', 'integrity', 'publicity-education', 'innovation'];

/** Unit publicity in the weeks after the notice (issued 2017-10-09), in the date forms staff type. */
const WAVES: Row[] = [
  { 本单位公示: '2017-10-23至2017-10-27', [SUBMISSION]: '2017-11-10' },
  { 本单位公示: '2017年10月30日至2017年11月3日', [SUBMISSION]: '2017-11-15' },
  { 本单位公示: '2017.11.06—2017.11.10', [SUBMISSION]: '2017-11-17' },
];
/** After the leading group's review, the province publicises the list for a working week; the awards follow in 2018. */
const PROVINCE: Row = { 省级公示: '2017-12-04至2017-12-08', [DECISION]: '2018-01-26' };
const COMMON: Row = { 所属系统: '社会治安综合治理', 中央驻川单位: '否', [APPROVAL]: 4, 公示材料份数: 4, [CONSULTATION_FORM]: 4, 是否拟表彰: '是', ...PROVINCE };

/** personName repeats after 60 names; the rest of the list has names of its own. */
const moreNames = (k: number) => '邓蒋谢唐冯曾彭苏卢袁'[k % 10]! + ['建国', '玉兰', '德明', '春华', '永红', '秀珍', '国栋', '兰英', '成林', '小军', '丽君'][k % 11]!;

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;
const pick = <T>(items: readonly T[], n: number, count: number) => Array.from({ length: count }, (_, k) => items[(n + k * 3) % items.length]!);

function collective(n: number, region: string, counties: string[], k: number): Row {
  const provincial = region === '省直有关部门';
  const county = counties[k % Math.max(counties.length, 1)]!;
  const [name, body, level, rank] = provincial ? [`${DEPARTMENTS[k]}综治办`, '机关', '省级', '正科级']
    : region === '省政府科学城办事处' ? ['省政府科学城办事处综治办', '机关', '县级', '正科级']
    : [[`中共${county}委政法委员会`, '机关', '县级', '正科级'],
      [`${county}公安局治安管理大队`, '机关', '县级', '副科级'], [`${county}社会治安综合治理中心`, '事业单位', '县级', '副科级'],
      [`${county}平安志愿者协会`, '社会团体', '县级', '无职级']][(n + k) % 4]!;
  return {
    编号: id('C', n), 名称: name, 申报奖项: '全省社会治安综合治理先进集体', 类别: '集体', 地区: region, 推荐单位类型: provincial ? '省直部门' : '地区',
    单位性质: body, 单位层级: level, 职级: rank, 符合条件: list(...pick(COLLECTIVE_CONDITIONS, n, 1 + (n % 3))),
    [EARLIER]: n % 9 === 4 ? '是' : '否', ...WAVES[n % 3], ...COMMON,
  };
}

/** The j-th individual of a region; every ninth nominee is a county's party standing-committee member for political-legal affairs (副处级). */
function individual(n: number, name: string, region: string, counties: string[], j: number): Row {
  const provincial = region === '省直有关部门';
  const county = counties[j % Math.max(counties.length, 1)]!;
  const community = COMMUNITIES[n % COMMUNITIES.length]!;
  const [post, body, level, rank, ...identities] = provincial
    ? [`${DEPARTMENTS[j]}综治办干部`, '机关', '省级', j % 2 ? '副科级' : '正科级', IDENTITIES.office]
    : region === '省政府科学城办事处' ? ['省政府科学城办事处综治办干部', '机关', '县级', '正科级', IDENTITIES.office]
    : n % 9 === 1 ? [`中共${county}委常委、政法委书记`, '机关', '县级', '副处级', IDENTITIES.leader, IDENTITIES.politicalLegal]
    : [[`中共${county}委政法委员会综治科科长`, '机关', '县级', '正科级', IDENTITIES.politicalLegal],
      [`${county}社会治安综合治理中心干部`, '事业单位', '县级', '科员', IDENTITIES.grid],
      [`${county}${community}社区专职网格员`, '其他', '乡镇级', '无职级', IDENTITIES.grid],
      [`${county}公安局${community}派出所社区民警`, '机关', '乡镇级', '科员', IDENTITIES.office],
      [`${county}${community}社区平安志愿者`, '其他', '乡镇级', '无职级', IDENTITIES.activist]][j % 5]!;
  const conditions = pick(INDIVIDUAL_CONDITIONS, n, 1 + (n % 3));
  return {
    编号: id('P', n), 名称: name, 申报奖项: '全省社会治安综合治理先进个人', 类别: '个人', 地区: region, 推荐单位类型: provincial ? '省直部门' : '地区',
    工作单位及职务: post, 单位性质: body, 单位层级: level, 职级: rank, ...Object.fromEntries(identities.map((h) => [h, '√'])),
    已征求意见: body === '机关' || body === '事业单位' ? CONSULTED : '', 符合条件: list('political', ...conditions),
    [EARLIER]: n % 13 === 6 ? '是' : '否', ...WAVES[(n + 1) % 3], ...COMMON,
  };
}

function passRows(): Row[] {
  const orgs: Row[] = [];
  const people: Row[] = [];
  let han = 0;
  for (const [region, counties, o, p] of REGIONS) {
    for (let k = 0; k < o; k++) orgs.push(collective(orgs.length + 1, region, counties, k));
    for (let j = 0; j < p; j++) {
      const name = MINORITY[region]?.[j] ?? (han < 60 ? personName(han++) : moreNames(han++ - 60));
      people.push(individual(people.length + 1, name, region, counties, j));
    }
  }
  // Two central units stationed in Sichuan, recommended by the city where they are (一: 属地管理).
  const first = (region: string) => orgs.findIndex((r) => r['地区'] === region);
  orgs[first('达州市')] = change(orgs[first('达州市')]!, { 名称: '中国铁路成都局集团有限公司达州车务段', 单位性质: '企业', 单位层级: '市级', 职级: '正处级', 中央驻川单位: '是' });
  orgs[first('绵阳市')] = change(orgs[first('绵阳市')]!, { 名称: '国网四川省电力公司绵阳供电公司', 单位性质: '企业', 单位层级: '市级', 职级: '正处级', 中央驻川单位: '是' });
  // 38 of 42 collectives and 74 of 84 individuals are proposed for the award.
  for (const k of [3, 17, 29, 38]) orgs[k] = change(orgs[k]!, { 是否拟表彰: '否' });
  for (const k of [2, 8, 15, 23, 33, 41, 50, 58, 66, 79]) people[k] = change(people[k]!, { 是否拟表彰: '否' });
  return [...orgs, ...people];
}

export function sichuan2017(): SlatePair {
  const pass = passRows();
  const rows: (Row | null)[] = pass.map((r) => ({ ...r }));
  const expected: Expected[] = [];
  const plant = (nominee: string, cells: Row, ...findings: [string, Expected['severity'], string][]) => {
    mutate(rows, nominee, cells);
    for (const [rule, severity, why] of findings) expected.push({ rule, nominee, severity, why });
  };
  // ── the collectives ──
  plant('C039', { 名称: '中国石油西南油气田分公司蜀南气矿', 单位性质: '企业', 单位层级: '市级', 职级: '正处级', 中央驻川单位: '是' },
    ['S17-SCOPE-3', 'error', 'a central unit stationed in Sichuan, recommended by a provincial department instead of the city where it is']);
  plant('C004', { 名称: '中共金堂县委', 单位性质: '党委', 单位层级: '县级', 职级: '正处级' }, ['S17-EXCLUDE-2', 'error', 'a county party committee']);
  plant('C002', { 名称: '都江堰市青城山镇人民政府', 单位性质: '政府', 单位层级: '乡镇级', 职级: '正科级' }); // a township government may take part: no finding
  plant('C006', { 名称: '富顺县富世镇东湖村民委员会', 单位性质: '其他', 单位层级: '乡镇级', 职级: '无职级' },
    ['S17-SCOPE-1', 'error', 'a villagers\' committee is none of the bodies of 一 (party and government organs, enterprises, institutions, social organisations)']);
  plant('C010', { 符合条件: '' }, ['S17-ATTEST-1', 'error', 'none of the eight conditions of 二(一) confirmed']);
  plant('C011', { 不良记录: '重特大公共安全事故 2017-03-14' }, ['S17-REQUIRE-1', 'error', 'a major public-safety accident (二(一)8)']);
  // ── the individuals ──
  plant('P009', { 工作单位及职务: '中共成都市委政法委员会副书记', 单位层级: '市级', 职级: '副厅级' }, ['S17-EXCLUDE-1', 'error', 'a vice-bureau-level cadre (成都 is a sub-provincial city)']);
  // 三(二) keeps county party committees out of the award, not the people who work in their departments: no finding.
  plant('P016', { 单位性质: '党委机关' });
  plant('P080', { 工作单位及职务: '四川省卫生和计划生育委员会综治办副主任', 职级: '副处级' },
    ['S17-CAP-2', 'warning', 'a provincial department recommends a 副处级 cadre (原则上推荐科级干部: a warning)']);
  plant('P011', { 已征求意见: list('干部管理部门', '纪检监察部门') }, ['S17-CONSULT-1', 'error', 'an institution\'s staff member without the health and family planning department\'s opinion']);
  // P012 is a community grid worker (单位性质 其他) with no opinions on file: outside organs and institutions none are needed.
  plant('P012', { 符合条件: 'political' }, ['S17-ATTEST-2', 'error', 'the political conditions but none of 二(二)1-5']);
  plant('P014', { 符合条件: list('political', 'innovation') }); // the political conditions and one of 二(二)1-5: met
  plant('P017', { 符合条件: list('duty', 'integrity') }, ['S17-ATTEST-2', 'error', 'two of 二(二)1-5 without the political conditions']);
  plant('P020', { 工作单位及职务: '广汉市顺达物流有限公司安全主管', 单位性质: '企业', 已征求意见: '', [IDENTITIES.grid]: '' },
    ['S17-SCOPE-2', 'error', 'a company\'s safety manager holds none of the identities of 一']);
  plant('P021', { [APPROVAL]: 3 }, ['S17-MATERIAL-1', 'error', '3 copies of the approval form, 一式4份 required']);
  plant('P022', { 本单位公示: '2017-11-03至2017-11-07', [SUBMISSION]: '2017-11-10' },
    ['S17-PUBLICITY-1', 'error', 'Friday to Tuesday: 5 calendar days but 3 working days']);
  plant('P025', { 省级公示: '2017-12-27至2018-01-02' },
    ['S17-PUBLICITY-2', 'error', '4 working days: 12-27, 12-28, 12-29 and 01-02; the weekend and New Year\'s Day do not count']);
  plant('P026', { 省级公示: '2017-12-27至2018-01-03' }); // 5 working days across New Year's Day: met
  plant('P027', { [SUBMISSION]: '2017-12-05' },
    ['S17-DEADLINE-1', 'error', 'materials reached the province on 12-05, after 2017-11-20'],
    ['S17-PUBLICITY-2', 'error', 'the province-wide publicity (12-04..12-08) began before the nominee was submitted']);
  // Seven county political-legal committees' deputy secretaries (副县级) proposed: 16 of the 76 individuals
  // proposed are 处(团)级 cadres (21.1%). 三(二) counts cadres, so the share is of individuals; of all 114
  // proposed nominees, collectives included, it would be 14.0%.
  for (const n of ['P006', 'P013', 'P023', 'P031', 'P038', 'P043', 'P050']) {
    const row = rows.find((r) => r?.['编号'] === n)!;
    mutate(rows, n, { 工作单位及职务: String(row['工作单位及职务']).replace('综治科科长', '副书记'), 职级: '副县级' });
  }
  expected.push({ rule: 'S17-CAP-1', nominee: 'slate', severity: 'error', why: '16 of 76 selected individuals are 处(团)级 cadres (21.1%), above 20%' });
  // 雅安市 proposes all five of its individuals and a sixth: 附件2 gives it 5.
  mutate(rows, 'P059', { 是否拟表彰: '是' });
  rows.splice(rows.findIndex((r) => r?.['编号'] === 'P062'), 0, change(individual(85, '高德胜', '雅安市', ['天全县'], 3), { 是否拟表彰: '是' }));
  expected.push({ rule: 'S17-QUOTA-3', nominee: 'slate', severity: 'error', why: '雅安市 proposes 6 individuals, 附件2 allows 5' });
  // ── cells the reader must take, or cannot ──
  plant('P030', { 是否拟表彰: '√' }); // a tick is yes
  plant('P029', { 本单位公示: '2017.10.23-10.27' }); // the end written short, as notices write it: the start's year and month
  plant('P028', { 本单位公示: '10月23日至27日' },
    ['data', 'error', 'a period with no year at all, which the reader does not take'],
    ['data', 'error', 'so S17-PUBLICITY-1 cannot be checked: the publicity is on record, only unreadable']);
  expected.push({ rule: 'S17-PRIORITY-1', nominee: 'slate', severity: 'info', why: 'the share of earlier national nominees, a note' });
  return {
    pass: { name: 'sichuan-2017-public-security.pass.csv', headers: HEADERS, rows: pass },
    fail: { name: 'sichuan-2017-public-security.fail.xlsx', headers: HEADERS, rows },
    expected,
  };
}
