/**
 * Slates for national-2021-government-affairs.award: 3 collectives and 3 individuals from each province
 * (2 from 新疆生产建设兵团), 20 and 20 from as many central state organs, one nominee per organ (三(一)).
 * 是否拟表彰 marks the nominees the review proposes: never more than 附件2 allots to a region.
 * The reference date is the first-review deadline, 2021-09-20: 近5年 runs from 2016-09-21.
 */
import { list, mutate, personName, type Expected, type Row, type SlatePair } from './lib.js';

/** personName repeats after 60 people; this keeps its first 20 and never repeats within 600. */
const nameOf = (i: number): string => personName(i % 20).slice(0, 1) + personName((Math.floor(i / 20) + (i % 20)) % 30).slice(1);

/** Region, a city, a county: where the nominees work. */
const PROVINCES: [string, string, string][] = [
  ['北京市', '北京市海淀区', '北京市密云区'], ['天津市', '天津市和平区', '天津市蓟州区'], ['河北省', '石家庄市', '正定县'], ['山西省', '太原市', '平遥县'],
  ['内蒙古自治区', '呼和浩特市', '托克托县'], ['辽宁省', '沈阳市', '新民市'], ['吉林省', '长春市', '农安县'], ['黑龙江省', '哈尔滨市', '宾县'],
  ['上海市', '上海市浦东新区', '上海市崇明区'], ['江苏省', '南京市', '沛县'], ['浙江省', '杭州市', '安吉县'], ['安徽省', '合肥市', '肥西县'],
  ['福建省', '福州市', '闽侯县'], ['江西省', '南昌市', '进贤县'], ['山东省', '济南市', '平阴县'], ['河南省', '郑州市', '中牟县'],
  ['湖北省', '武汉市', '嘉鱼县'], ['湖南省', '长沙市', '宁乡市'], ['广东省', '广州市', '博罗县'], ['广西壮族自治区', '南宁市', '宾阳县'],
  ['海南省', '海口市', '澄迈县'], ['重庆市', '重庆市渝中区', '石柱土家族自治县'], ['四川省', '成都市', '蒲江县'], ['贵州省', '贵阳市', '修文县'],
  ['云南省', '昆明市', '宜良县'], ['西藏自治区', '拉萨市', '林周县'], ['陕西省', '西安市', '蓝田县'], ['甘肃省', '兰州市', '榆中县'],
  ['青海省', '西宁市', '湟源县'], ['宁夏回族自治区', '银川市', '永宁县'], ['新疆维吾尔自治区', '乌鲁木齐市', '乌鲁木齐县'], ['新疆生产建设兵团', '第八师石河子市', '第六师五家渠市'],
];
const CENTRAL = [
  '中央办公厅', '中央组织部', '中央宣传部', '中央统战部', '中央对外联络部', '中央政法委', '中央网信办', '外交部', '国家发展和改革委员会', '教育部',
  '科学技术部', '工业和信息化部', '国家民族事务委员会', '公安部', '民政部', '司法部', '财政部', '人力资源社会保障部', '自然资源部', '生态环境部',
  '住房和城乡建设部', '交通运输部', '水利部', '农业农村部', '商务部', '文化和旅游部', '国家卫生健康委员会', '退役军人事务部', '应急管理部', '中国人民银行',
  '审计署', '海关总署', '国家税务总局', '国家市场监督管理总局', '国家统计局', '国家医疗保障局', '最高人民法院', '最高人民检察院', '全国人大常委会办公厅', '全国政协办公厅',
];
const DIVISIONS = ['资产管理处', '公共机构节能管理处', '房地产管理处', '服务保障处'];
const POSTS = ['驾驶员', '厨师', '水电维修工', '会议服务员'];

const HEADERS = [
  '编号', '名称', '申报奖项', '类别', '地区', '推荐单位', '单位性质', '单位层级', '职级', '所属系统', '工作单位及职务', '人员身份', '出生日期',
  '在职干部职工', '在上述单位工作起始时间', '所获荣誉', '近年作出新的突出贡献的时间', '不良记录', '已征求意见', '符合条件', '本单位公示', '省级公示',
  '主要先进事迹材料（第三人称）字数', 'paper-copies份数', 'paper-copies电子版', 'photo份数', 'photo文件名', 'photo大小', 'photo电子版', '是否拟表彰',
];

const ORGAN_OPINIONS = list('公安部门', '组织人事部门', '纪检监察机关');
const ENTERPRISE_OPINIONS = list('公安部门', '纪检监察机关', '审计部门', '市场监管部门', '税务部门', '生态环境部门', '人力资源和社会保障部门', '应急管理部门');
const COLLECTIVE_CONDITIONS = list('management', 'reform', 'organisation', 'conduct');
const pad = (n: number): string => String(n).padStart(2, '0');
/** The two recommending departments of a province (municipalities and the Corps have a 局, not a 厅). */
const provincialRecommender = (region: string): string =>
  `${region}${region.endsWith('市') || region === '新疆生产建设兵团' ? '人力资源和社会保障局' : '人力资源和社会保障厅'}、${region}机关事务管理局`;

/**
 * Unit publicity before the first review (due 2021-09-20), province publicity before the formal one.
 * Some publicise 09-14..09-18: five working days only because Saturday 09-18 was worked for the
 * Mid-Autumn holiday (09-19..21); some publicise at province across National Day (09-27..10-08 has 5).
 */
function timing(i: number): Row {
  return {
    本单位公示: ['2021-09-06至2021-09-10', '2021-09-13至2021-09-17', '2021-09-06至2021-09-10', '2021-09-14至2021-09-18'][i % 4]!,
    省级公示: i % 3 === 1 ? '2021-09-27至2021-10-08' : '2021-10-18至2021-10-22',
    '主要先进事迹材料（第三人称）字数': 1300 + ((i * 53) % 400), 'paper-copies份数': 5, 'paper-copies电子版': '是',
  };
}

function collective(i: number, region: string, k: number, selected: boolean): Row {
  const central = region === '中央国家机关';
  const p = PROVINCES.findIndex((x) => x[0] === region);
  const [, city, county] = PROVINCES[p] ?? ['', '', ''];
  const organ = CENTRAL[i % 20]!;
  // Only some are 处级 units: provincial divisions in every third province, half the central organs' divisions.
  const unit: [string, string, string, string] = central
    ? (i % 2 === 0 ? [`${organ}${organ.endsWith('厅') ? '' : '办公厅'}行政处`, '机关', '国家级', '正处级'] : [`${organ}机关服务中心综合服务科`, '事业单位', '国家级', '正科级'])
    : [
      p % 3 === 0 ? [`${region}机关事务管理局${DIVISIONS[p % 4]}`, '机关', '省级', '正处级'] : [`${region}直属机关综合服务中心`, '事业单位', '省级', '正科级'],
      [`${city}机关事务服务中心`, '事业单位', '市级', '正科级'],
      [`${county}机关事务服务中心`, '事业单位', '县级', i % 2 ? '副科级' : '正科级'],
    ][k] as [string, string, string, string];
  return {
    编号: `C${String(i + 1).padStart(3, '0')}`, 名称: unit[0], 申报奖项: '全国机关事务工作先进集体', 类别: '集体', 地区: region,
    推荐单位: central ? organ : provincialRecommender(region), 单位性质: unit[1], 单位层级: unit[2], 职级: unit[3], 所属系统: '机关事务',
    所获荣誉: i % 5 === 0 ? '市(州)级表彰奖励 2019-12-18' : '', 已征求意见: ORGAN_OPINIONS, 符合条件: COLLECTIVE_CONDITIONS, ...timing(i),
    是否拟表彰: selected ? '是' : '否',
  };
}

function individual(i: number, region: string, k: number, selected: boolean): Row {
  const central = region === '中央国家机关';
  const [, city, county] = PROVINCES.find((p) => p[0] === region) ?? ['', '', ''];
  const organ = CENTRAL[20 + (i % 20)]!;
  const county1 = i % 2 === 0; // a 处级 cadre in every other province, and in one central organ of four
  const post: [string, string, string, string, string] = central
    ? [`${organ}机关服务中心 ${i % 4 === 0 ? '副主任' : '干部'}`, '事业单位', '国家级', i % 4 === 0 ? '副处级' : ['科员', '副科级', '正科级'][i % 3]!, '干部']
    : [
      [`${region}机关事务管理局${DIVISIONS[i % 4]} ${county1 ? '处长' : '科长'}`, '机关', '省级', county1 ? '正处级' : '正科级', '干部'],
      [`${city}机关事务管理局 ${['科员', '副科长', '科长'][i % 3]}`, '机关', '市级', ['科员', '副科级', '正科级'][i % 3]!, '干部'],
      [`${county}机关事务服务中心 ${POSTS[i % 4]}`, '事业单位', '县级', '无职级', '职工'],
    ][k] as [string, string, string, string, string];
  const name = nameOf(i);
  const birth = `${1966 + (i % 24)}-${pad(1 + (i % 12))}-${pad(1 + ((i * 7) % 28))}`;
  const honoured = i % 23 === 5; // a provincial honour, with a new contribution since: may take part
  return {
    编号: `P${String(i + 1).padStart(3, '0')}`, 名称: name, 申报奖项: '全国机关事务工作先进个人', 类别: '个人', 地区: region,
    推荐单位: central ? organ : provincialRecommender(region), 单位性质: post[1], 单位层级: post[2], 职级: post[3], 所属系统: '机关事务',
    工作单位及职务: post[0], 人员身份: post[4], 出生日期: birth, 在职干部职工: '是', 在上述单位工作起始时间: `${1992 + (i % 20)}-${pad(1 + (i % 9))}-01`,
    所获荣誉: honoured ? '省部级表彰奖励 2017-12-20' : i % 4 === 1 ? '市(州)级表彰奖励 2020-01-10' : '', 近年作出新的突出贡献的时间: honoured ? '2020-06-30' : '',
    已征求意见: ORGAN_OPINIONS, 符合条件: list(['management-contribution', 'service-contribution', 'special-projects'][i % 3], i % 5 === 0 && 'special-projects'),
    ...timing(i), photo份数: 5, photo文件名: `${name}-${birth.replace(/-/g, '')}.jpg`, photo大小: `${80 + ((i * 37) % 400)}KB`, photo电子版: '是',
    是否拟表彰: selected ? '是' : '否',
  };
}

function passRows(): Row[] {
  const collectives: Row[] = [];
  const individuals: Row[] = [];
  PROVINCES.forEach(([region], p) => {
    const n = region === '新疆生产建设兵团' ? 2 : 3;
    // Every fifth province's review drops one collective: recommended 3, proposed 2.
    for (let k = 0; k < n; k++) collectives.push(collective(collectives.length, region, k, !(p % 5 === 4 && k === 2)));
    for (let k = 0; k < n; k++) individuals.push(individual(individuals.length, region, k, true));
  });
  // 40 of 220 proposed are 处级 (19 units, 21 cadres): within 20% even counting units, as the rule file does.
  // No enterprise: `cap … controlled` warns whenever one is on the slate (the failing copy has two).
  for (let j = 0; j < 20; j++) collectives.push(collective(collectives.length, '中央国家机关', 0, j % 10 !== 9));
  for (let j = 0; j < 20; j++) individuals.push(individual(individuals.length, '中央国家机关', 0, j % 10 !== 4));
  return [...collectives, ...individuals];
}

export function national2021(): SlatePair {
  const pass = passRows();
  const rows: (Row | null)[] = pass.map((r) => ({ ...r }));
  const expected: Expected[] = [];
  const plant = (id: string, cells: Row, ...findings: [string, Expected['severity'], string][]) => {
    mutate(rows, id, cells);
    for (const [rule, severity, why] of findings) expected.push({ rule, nominee: id, severity, why });
  };
  const original = (id: string, header: string): string => String(pass.find((r) => r['编号'] === id)![header]);
  // ── publicity at the unit around the Mid-Autumn holiday (09-19..21 off, Saturday 09-18 worked) ──
  plant('P005', { 本单位公示: '2021-09-16至2021-09-22' },
    ['N21-PUBLICITY-1', 'error', '4 working days (16, 17, 18 the make-up Saturday, 22): 19-21 are the holiday']);
  plant('P002', { 本单位公示: '2021-09-13至2021-09-17' }); // Monday to Friday: 5 working days, no finding
  plant('P008', { 本单位公示: '2021-09-14至2021-09-18' }); // 5 working days only thanks to the make-up Saturday: no finding
  // ── 近5年 and 满5年, counted to 2021-09-20 ──
  plant('P015', { 所获荣誉: '省部级表彰奖励 2017-12-20', 近年作出新的突出贡献的时间: '2016-09-20' },
    ['N21-EXCLUDE-3', 'error', 'a provincial honour; the new contribution is exactly 5 years back, the day before 近5年 starts']);
  plant('P018', { 所获荣誉: '省部级表彰奖励 2017-12-20', 近年作出新的突出贡献的时间: '2016-09-21' }); // first day of 近5年: may take part
  // An empty 近年作出新的突出贡献的时间 means no new contribution, so the exception does not apply (the validator
  // reports the empty cell as a data error instead: a discrepancy, reported).
  plant('P021', { 所获荣誉: '省部级表彰奖励 2019-01-15' },
    ['N21-EXCLUDE-3', 'error', 'a provincial honour and no new contribution: 一般不参与评选']);
  plant('P024', { 不良记录: '违法违纪 2016-09-21' }, ['N21-REQUIRE-1', 'error', 'a violation on the first day of 近5年']);
  plant('P027', { 不良记录: '违法违纪 2016-09-20' }); // the day before 近5年: no finding
  plant('P030', { 在上述单位工作起始时间: '2016-09-20' }); // 5 full years on 2021-09-20: 5年以上(含5年) is met
  plant('P033', { 在上述单位工作起始时间: '2016-09-21' }, ['N21-SCOPE-2', 'error', '4 full years on 2021-09-20: one day short of 5']);
  // ── materials ──
  plant('P036', { '主要先进事迹材料（第三人称）字数': 1199 }, ['N21-MATERIAL-1', 'error', '1199 characters: 1500字左右 allows 1200-1800']);
  plant('C011', { '主要先进事迹材料（第三人称）字数': 1200 }); // lowest "about 1500": no finding
  plant('C014', { '主要先进事迹材料（第三人称）字数': 1800 }); // highest "about 1500": no finding
  plant('P048', { '主要先进事迹材料（第三人称）字数': 1801 }, ['N21-MATERIAL-1', 'error', '1801 characters: above 1800']);
  plant('P054', { photo文件名: original('P054', 'photo文件名').replace('.jpg', '.png') }, ['N21-MATERIAL-3', 'error', 'the photo is a PNG, JPG required']);
  plant('P057', { photo大小: '600KB' }, ['N21-MATERIAL-3', 'error', 'the photo is 600 KB, 50-500 KB required']);
  plant('P060', { photo文件名: `${original('P060', '名称')}.jpg` }, ['N21-MATERIAL-3', 'error', 'the photo is not named 姓名-出生年月日']);
  plant('P063', { photo大小: '500KB' }); // at the upper bound: no finding
  // ── consultations ──
  plant('C017', { 已征求意见: list('公安部门', '纪检监察机关') }, ['N21-CONSULT-2', 'error', 'an institution without the organisation department\'s approval']);
  plant('P069', { 已征求意见: list('公安部门', '组织人事部门') }, ['N21-CONSULT-2', 'error', 'a public institution\'s staff member without the discipline inspection opinion']);
  plant('C020', { 已征求意见: list('组织人事部门', '纪检监察机关') }, ['N21-CONSULT-1', 'error', 'no opinion of the provincial public security department']);
  plant('C035', { 名称: '合肥市机关后勤服务有限公司', 单位性质: '企业', 职级: '无职级', 已征求意见: ENTERPRISE_OPINIONS.replace('、应急管理部门', '') },
    ['N21-CONSULT-3', 'error', 'an enterprise without the emergency management department\'s opinion']);
  plant('P045', { 工作单位及职务: '济南市机关后勤服务集团有限公司 总经理', 单位性质: '企业', 人员身份: '企业负责人', 已征求意见: ENTERPRISE_OPINIONS }); // all seven: no finding
  // An enterprise's worker, not its head: 推荐对象为企业及其负责人的 asks the seven departments of those two only, so
  // the public security opinion suffices (the rule file's `body = enterprise` also catches workers: a discrepancy, reported).
  // The enterprise and its head make the controlled share a warning: a reviewer must judge 从严控制 (no number to check).
  plant('P051', { 工作单位及职务: '武汉市机关后勤服务有限公司 水电维修工', 单位性质: '企业', 已征求意见: '公安部门' });
  expected.push({ rule: 'N21-CAP-2', nominee: 'slate', severity: 'warning', why: 'an enterprise and an enterprise head take part: 从严控制比例 has no number, so it is flagged for review' });
  // ── who may not take part ──
  plant('C022', { 名称: '黑龙江省机关事务管理局', 单位性质: '机关', 职级: '正厅级' }, ['N21-EXCLUDE-1', 'error', 'a bureau-level unit (副司局级以上)']);
  plant('P040', { 工作单位及职务: '江西省机关事务管理局 副局长', 职级: '副司局级' }, ['N21-EXCLUDE-1', 'error', 'a vice-bureau-level cadre']);
  plant('C024', { 名称: '宾县人民政府', 单位性质: '政府', 单位层级: '县级', 职级: '正处级' }, ['N21-EXCLUDE-2', 'error', 'a county government (县级以上党委或者政府)']);
  plant('C026', { 不良记录: '重大安全责任事故 2018-04-12' }, ['N21-REQUIRE-2', 'error', 'a major safety accident within 5 years']);
  // 中央国家机关每个部门和单位可推荐1个先进集体或1名先进个人: 财政部 recommends a collective (C097) and an individual.
  plant('P099', { 推荐单位: '财政部', 工作单位及职务: '财政部机关服务中心 干部' });
  expected.push({ rule: 'N21-QUOTA-4', nominee: 'slate', severity: 'error', why: '财政部 recommends two nominees, one allowed' });
  // 24 city-bureau section chiefs promoted to 副处级: 45 of the 219 proposed (20.5%) are 县处级 cadres (43 would be 19.6%),
  // above 20% whether the share is of the individuals, of all proposed, or (as the rule file reads it) counts 处级 units too.
  for (const id of ['P011', 'P017', 'P020', 'P023', 'P026', 'P032', 'P035', 'P038', 'P041', 'P044', 'P047', 'P050',
    'P053', 'P056', 'P059', 'P062', 'P065', 'P068', 'P071', 'P074', 'P077', 'P080', 'P083', 'P086']) mutate(rows, id, { 职级: '副处级' });
  expected.push({ rule: 'N21-CAP-1', nominee: 'slate', severity: 'error', why: '45 of 219 proposed nominees are 县处级 cadres (20.5%), above 20%' });
  // ── cells the reader cannot take ──
  plant('P072', { 出生日期: '1979-02-29' },
    ['data', 'error', '29 February 1979 does not exist'],
    ['data', 'error', 'so the photo\'s file name (N21-MATERIAL-3) cannot be checked']);
  plant('P081', { 是否拟表彰: '待定' }, ['data', 'error', '待定 is not yes or no']); // and is not counted as proposed
  plant('C029', { 名称: '' }, ['data', 'error', 'a nominee without a name']);
  mutate(rows, 'P087', { 编号: 'P085' });
  expected.push({ rule: 'data', nominee: 'P085', severity: 'error', why: 'the id P085 is used twice' });
  rows.splice(60, 0, null);
  expected.push({ rule: 'data', nominee: 'slate', severity: 'warning', why: 'an empty row is reported, not silently skipped' });
  return {
    pass: { name: 'national-2021-government-affairs.pass.xlsx', headers: HEADERS, rows: pass },
    fail: { name: 'national-2021-government-affairs.fail.xlsx', headers: HEADERS, rows },
    expected,
  };
}
