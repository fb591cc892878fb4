/**
 * Slates for jilin-2020-judicial-covid.award: 38 collectives and 78 individuals, exactly as 附件1
 * allocates them to the recommending bodies. The rule file has no reference date: no rule of this
 * notice counts back in time (无违法违纪行为 has no window), so every record counts, however old.
 * No 是否拟表彰 column: both caps are of the recommended (推荐总数), and no rule counts selected nominees.
 */
import { list, mutate, personName, type Expected, type Row, type SlatePair } from './lib.js';

/** personName repeats after 60 people; this keeps its first 20 and never repeats within 600. */
const nameOf = (i: number): string => personName(i % 20).slice(0, 1) + personName((Math.floor(i / 20) + (i % 20)) % 30).slice(1);

/** Recommending body (the rule file's `region`), collectives, individuals: 附件1. */
const ALLOCATION: [string, number, number][] = [
  ['省监狱管理局', 6, 12], ['长春市', 4, 8], ['吉林市', 3, 6], ['四平市', 2, 4], ['辽源市', 1, 3], ['通化市', 2, 4], ['白山市', 1, 3],
  ['松原市', 2, 4], ['白城市', 2, 3], ['延边州', 2, 4], ['长白山', 1, 2], ['扩权强县试点市', 2, 4], ['厅戒毒局', 3, 6], ['厅机关', 4, 8],
  ['省直律师事务所', 2, 4], ['省直公证和司法鉴定机构', 1, 3],
];
const DISTRICTS: Record<string, string[]> = {
  长春市: ['长春市朝阳区', '长春市南关区', '长春市宽城区', '农安县', '德惠市', '榆树市', '长春市绿园区', '长春市二道区'],
  吉林市: ['吉林市船营区', '吉林市昌邑区', '磐石市', '蛟河市', '桦甸市', '吉林市丰满区'],
  四平市: ['四平市铁西区', '梨树县', '伊通满族自治县', '四平市铁东区'], 辽源市: ['辽源市龙山区', '东丰县', '辽源市西安区'],
  通化市: ['通化市东昌区', '集安市', '柳河县', '通化县'], 白山市: ['白山市浑江区', '抚松县', '临江市'],
  松原市: ['松原市宁江区', '扶余市', '乾安县', '长岭县'], 白城市: ['白城市洮北区', '大安市', '镇赉县'],
  延边州: ['延吉市', '敦化市', '珲春市', '图们市'], 长白山: ['长白山池北区', '长白山池西区'], 扩权强县试点市: ['公主岭市', '梅河口市'],
};
const PRISONS = ['吉林省四平监狱', '吉林省吉林监狱', '吉林省长春监狱', '吉林省公主岭监狱', '吉林省辽源监狱', '吉林省通化监狱'];
const REHAB = ['吉林省卡伦强制隔离戒毒所', '吉林省女子强制隔离戒毒所', '吉林省吉林强制隔离戒毒所'];
const TOWNS = ['新华街道', '胜利街道', '永安镇', '兴华街道', '红旗街道', '建设镇'];
const LAW_TOWN: Record<string, string> = {
  长春市: '吉林长春', 吉林市: '吉林江城', 四平市: '吉林四平', 辽源市: '吉林辽源', 通化市: '吉林通化', 白山市: '吉林白山', 松原市: '吉林松原', 白城市: '吉林白城',
  延边州: '吉林延边', 长白山: '吉林长白山', 扩权强县试点市: '吉林梅河口',
};

const UNIT_TYPE = {
  prison: '监狱系统', city: '市（州）、长白山、扩权强县试点市司法行政机关及所属单位', provincialRehab: '省属戒毒所', cityRehab: '市（州）戒毒所',
  department: '厅机关、厅直单位（戒毒所、公证处除外）', volunteer: '省直机关党员志愿者突击队员、下沉社区服务志愿者',
  lawFirm: '省直律师事务所', notary: '省直公证机构、司法鉴定机构',
};
/** Who reviews which unit category (三(一)). */
const REVIEWER: Record<string, string> = {
  [UNIT_TYPE.prison]: '省监狱管理局', [UNIT_TYPE.city]: '市（州）司法局', [UNIT_TYPE.cityRehab]: '市（州）司法局', [UNIT_TYPE.provincialRehab]: '厅戒毒局',
  [UNIT_TYPE.department]: '厅机关党委', [UNIT_TYPE.volunteer]: '厅机关党委', [UNIT_TYPE.lawFirm]: '厅律师工作处', [UNIT_TYPE.notary]: '厅公共法律服务管理处',
};

const HEADERS = [
  '编号', '名称', '申报奖项', '类别', '地区', '单位类别', '审核单位', '所属系统', '单位性质', '工作单位及职务', '职级', '干部管理权限',
  '从事司法行政和法律服务工作', '一线', '不良记录', '符合条件', '本单位公示', '材料及电子版报送厅政治部组织宣传教育处',
  '先进集体事迹材料电子版', '表现突出的集体审批表电子版', '先进个人事迹材料电子版', '表现突出的个人审批表电子版',
];

const COLLECTIVE_CONDITIONS = list('political-task', 'leadership', 'preparedness', 'discipline', 'early-detection');
const INDIVIDUAL_EXTRAS = ['front-line-work', 'steadfast', 'legal-function', 'public-education', 'site-safety', 'volunteering', 'other-contribution'];

/** 公示5日 are calendar days: most publicise Monday to Friday; every fourth across a weekend (Fri 13 to Tue 17 March, 3 working days). */
function timing(i: number): Row {
  return i % 4 === 2
    ? { 本单位公示: '2020-03-13至2020-03-17', 材料及电子版报送厅政治部组织宣传教育处: '2020-03-18' }
    : { 本单位公示: '2020-03-16至2020-03-20', 材料及电子版报送厅政治部组织宣传教育处: '2020-03-23' };
}

interface Unit { name: string; unitType: string; body: string; rank: string }

function collectiveUnit(region: string, k: number): Unit {
  const towns = DISTRICTS[region];
  if (region === '省监狱管理局') return k === 0 ? { name: PRISONS[0]!, unitType: UNIT_TYPE.prison, body: '机关', rank: '正处级' } // a whole prison: a 处级 unit
    : { name: `${PRISONS[k]}第${k + 2}监区`, unitType: UNIT_TYPE.prison, body: '机关', rank: '正科级' };
  if (towns) {
    const place = towns[k % towns.length]!;
    return [
      { name: `${place}司法局`, unitType: UNIT_TYPE.city, body: '机关', rank: '正科级' },
      { name: `${place}司法局${TOWNS[k]}司法所`, unitType: UNIT_TYPE.city, body: '机关', rank: '副科级' },
      { name: `${place}法律援助中心`, unitType: UNIT_TYPE.city, body: '事业单位', rank: '正科级' },
      { name: `${region}司法局党员志愿服务队`, unitType: UNIT_TYPE.city, body: '志愿服务团队', rank: '无职级' },
    ][k % 4]!;
  }
  switch (region) {
    case '厅戒毒局': return [
      { name: REHAB[0]!, unitType: UNIT_TYPE.provincialRehab, body: '机关', rank: '正处级' },
      { name: `${REHAB[1]}第二大队`, unitType: UNIT_TYPE.provincialRehab, body: '机关', rank: '正科级' },
      // A city's rehab centre: counted in the places 厅戒毒局 allots, but reviewed by the city bureau.
      { name: '长春市强制隔离戒毒所', unitType: UNIT_TYPE.cityRehab, body: '机关', rank: '正科级' },
    ][k]!;
    case '厅机关': return [
      { name: '吉林省司法厅机关党员志愿者突击队', unitType: UNIT_TYPE.volunteer, body: '志愿服务团队', rank: '无职级' },
      { name: '吉林省司法厅下沉社区服务志愿者队', unitType: UNIT_TYPE.volunteer, body: '志愿服务团队', rank: '无职级' },
      { name: '吉林省司法厅社区矫正管理局', unitType: UNIT_TYPE.department, body: '机关', rank: '正处级' },
      { name: '吉林省司法厅机关服务中心', unitType: UNIT_TYPE.department, body: '事业单位', rank: '正科级' },
    ][k]!;
    case '省直律师事务所': return { name: ['吉林法正律师事务所', '吉林长白律师事务所'][k]!, unitType: UNIT_TYPE.lawFirm, body: '法律服务机构', rank: '无职级' };
    default: return { name: '吉林省长白公证处', unitType: UNIT_TYPE.notary, body: '法律服务机构', rank: '无职级' };
  }
}

function collective(i: number, region: string, k: number): Row {
  const u = collectiveUnit(region, k);
  return {
    编号: `C${String(i + 1).padStart(3, '0')}`, 名称: u.name, 申报奖项: '表现突出的集体', 类别: '集体', 地区: region, 单位类别: u.unitType,
    审核单位: REVIEWER[u.unitType]!, 所属系统: '司法行政系统', 单位性质: u.body, 职级: u.rank, 一线: k % 3 === 2 ? '否' : '是',
    符合条件: COLLECTIVE_CONDITIONS, ...timing(i), 先进集体事迹材料电子版: '是', 表现突出的集体审批表电子版: '是',
  };
}

/** Unit, post, rank and who manages the cadre (干部管理权限: the level of the party committee). */
function post(region: string, k: number): Unit & { managedBy: string } {
  const towns = DISTRICTS[region];
  if (region === '省监狱管理局') return { name: `${PRISONS[k % 6]} ${k === 3 ? '副监狱长' : '监区民警'}`, unitType: UNIT_TYPE.prison, body: '机关', rank: k === 3 ? '副处级' : ['科员', '副科级', '正科级'][k % 3]!, managedBy: '省级' };
  if (towns) {
    const place = towns[k % towns.length]!;
    if (region === '长春市' && k === 0) return { name: '长春市司法局 副局长', unitType: UNIT_TYPE.city, body: '机关', rank: '副处级', managedBy: '市级' };
    if (k % 4 === 2) return { name: `${LAW_TOWN[region]}${['明德', '衡平', '正义'][k % 3]}律师事务所 律师`, unitType: UNIT_TYPE.city, body: '法律服务机构', rank: '无职级', managedBy: '' };
    if (k % 4 === 3) return { name: `${region === '扩权强县试点市' ? place : region}司法局 社区矫正科科员`, unitType: UNIT_TYPE.city, body: '机关', rank: '科员', managedBy: '市级' };
    // The heads of district and county judicial offices: 科级 cadres managed by the county party committee (J20-CAP-2).
    return { name: `${place}司法局${TOWNS[k % 6]}司法所 所长`, unitType: UNIT_TYPE.city, body: '机关', rank: k % 2 ? '正科级' : '副科级', managedBy: '县级' };
  }
  switch (region) {
    case '厅戒毒局': return k === 5
      ? { name: '吉林市强制隔离戒毒所 管教民警', unitType: UNIT_TYPE.cityRehab, body: '机关', rank: '副科级', managedBy: '市级' }
      : { name: `${REHAB[k % 3]} 管教民警`, unitType: UNIT_TYPE.provincialRehab, body: '机关', rank: ['科员', '副科级', '正科级'][k % 3]!, managedBy: '省级' };
    case '厅机关': return k < 3
      ? { name: `吉林省司法厅${['法治督察处', '人民参与和促进法治处', '政治部'][k]} ${k === 2 ? '副主任' : '处长'}`, unitType: UNIT_TYPE.department, body: '机关', rank: k === 2 ? '副处级' : '正处级', managedBy: '省级' }
      : { name: `吉林省司法厅 ${k < 6 ? '干部' : '下沉社区志愿者'}`, unitType: k < 6 ? UNIT_TYPE.department : UNIT_TYPE.volunteer, body: '机关', rank: ['科员', '副科级', '正科级'][k % 3]!, managedBy: '省级' };
    case '省直律师事务所': return { name: `${['吉林法正律师事务所', '吉林长白律师事务所'][k % 2]} 律师`, unitType: UNIT_TYPE.lawFirm, body: '法律服务机构', rank: '无职级', managedBy: '' };
    default: return { name: k === 0 ? '吉林省长白公证处 公证员' : '吉林正源司法鉴定中心 司法鉴定人', unitType: UNIT_TYPE.notary, body: '法律服务机构', rank: '无职级', managedBy: '' };
  }
}

function individual(i: number, region: string, k: number): Row {
  const p = post(region, k);
  return {
    编号: `P${String(i + 1).padStart(3, '0')}`, 名称: nameOf(i + 40), 申报奖项: '表现突出的个人', 类别: '个人', 地区: region, 单位类别: p.unitType,
    审核单位: REVIEWER[p.unitType]!, 所属系统: '司法行政系统', 单位性质: p.body, 工作单位及职务: p.name, 职级: p.rank, 干部管理权限: p.managedBy,
    从事司法行政和法律服务工作: '是', 一线: k % 4 === 1 ? '否' : '是', 符合条件: list('duty', INDIVIDUAL_EXTRAS[i % 7], i % 3 === 0 && INDIVIDUAL_EXTRAS[(i + 2) % 7]),
    ...timing(i), 先进个人事迹材料电子版: '是', 表现突出的个人审批表电子版: '是',
  };
}

function passRows(): Row[] {
  const collectives: Row[] = [];
  const individuals: Row[] = [];
  for (const [region, c, p] of ALLOCATION) {
    for (let k = 0; k < c; k++) collectives.push(collective(collectives.length, region, k));
    for (let k = 0; k < p; k++) individuals.push(individual(individuals.length, region, k));
  }
  // 116 recommended: 8 处级 (3 units, 5 cadres), within 10% (11.6); 25 county-managed 科级 cadres, within 30% (34.8).
  return [...collectives, ...individuals];
}

export function jilin2020(): SlatePair {
  const pass = passRows();
  const rows: (Row | null)[] = pass.map((r) => ({ ...r }));
  const expected: Expected[] = [];
  const plant = (id: string, cells: Row, ...findings: [string, Expected['severity'], string][]) => {
    mutate(rows, id, cells);
    for (const [rule, severity, why] of findings) expected.push({ rule, nominee: id, severity, why });
  };
  plant('C003', { 审核单位: '厅机关党委' }, ['J20-ROUTE-1', 'error', 'a prison unit is reviewed by 省监狱管理局, not 厅机关党委']);
  plant('P021', { 审核单位: '' },
    ['data', 'error', 'no reviewing body on record, so J20-ROUTE-1 cannot be checked: an error, as the route itself is']);
  plant('C031', {}); // a city rehab centre: one of 厅戒毒局's places, but the city bureau reviews it (三(一)): no finding
  plant('P005', { 本单位公示: '2020-03-16至2020-03-19' }, ['J20-PUBLICITY-1', 'error', 'publicised 4 days; 公示5日 asks for 5']);
  // Friday 13 to Tuesday 17 March: 5 calendar days but 3 working days. 公示5日 counts calendar days: no finding.
  plant('P007', { 本单位公示: '2020-03-13至2020-03-17', 材料及电子版报送厅政治部组织宣传教育处: '2020-03-18' });
  plant('P069', { 职级: '副厅级', 工作单位及职务: '吉林省司法厅 二级巡视员' }, ['J20-EXCLUDE-1', 'error', '副厅级（含）以上 do not take part']);
  plant('C010', { 表现突出的集体审批表电子版: '否' }, ['J20-MATERIAL-1', 'error', 'the approval form (附件2) has no electronic version']);
  plant('P015', { 符合条件: 'duty' }, ['J20-ATTEST-2', 'error', '履职尽责 confirmed, but none of the seven conditions 二(二)1-7']);
  plant('P022', { 材料及电子版报送厅政治部组织宣传教育处: '2020-03-26' }, ['J20-DEADLINE-1', 'error', 'materials sent on 26 March; due by 25 March']);
  plant('P026', { 材料及电子版报送厅政治部组织宣传教育处: '2020-03-25' }); // on the day: 于2020年3月25日前 includes the 25th
  plant('C012', { 不良记录: '班子成员违法违纪行为 2019-11-02' }, ['J20-REQUIRE-1', 'error', 'a member of the leadership team broke the law or discipline']);
  plant('P040', { 不良记录: '违法违纪 2013-05-20' }, ['J20-REQUIRE-2', 'error', 'a violation in 2013: 无违法违纪行为 sets no time limit']);
  plant('P067', { 从事司法行政和法律服务工作: '否', 工作单位及职务: '吉林省司法厅机关服务中心 驾驶员' },
    ['J20-SCOPE-2', 'error', 'a driver: not judicial-administration or legal-service work']);
  // Four 科级 cadres outside the county-managed group promoted to 副处级: 12 of 117 recommended (10.3%) are 处级; 11 would be 9.4%.
  for (const id of ['P006', 'P009', 'P060', 'P068']) mutate(rows, id, { 职级: '副处级' });
  expected.push({ rule: 'J20-CAP-1', nominee: 'slate', severity: 'error', why: '12 of 117 recommended are 处级 units or cadres (10.3%), above 10%' });
  // Eleven city-bureau clerks and lawyers replaced by heads of county judicial offices: 36 of 117 (30.8%) county-managed 科级 cadres.
  for (const id of ['P016', 'P020', 'P024', 'P030', 'P037', 'P044', 'P051', 'P057', 'P029', 'P033', 'P036']) {
    mutate(rows, id, { 职级: '副科级', 干部管理权限: '县级', 单位性质: '机关', 工作单位及职务: '县（市、区）司法局 司法所所长' });
  }
  expected.push({ rule: 'J20-CAP-2', nominee: 'slate', severity: 'error', why: '36 of 117 recommended are 科级 cadres managed by county party committees (30.8%), above 30%' });
  // A fifth collective from 长春市, where 附件1 allows 4.
  rows.splice(10, 0, { ...collective(38, '长春市', 1), 名称: '长春市宽城区司法局团山街道司法所' });
  expected.push({ rule: 'J20-QUOTA-1', nominee: 'slate', severity: 'error', why: '长春市 recommends 5 collectives, 4 allowed' });
  // The preference for the front line is reported as a note, in both slates.
  expected.push({ rule: 'J20-PRIORITY-1', nominee: 'slate', severity: 'info', why: 'the share of front-line nominees' });
  return {
    pass: { name: 'jilin-2020-judicial-covid.pass.xlsx', headers: HEADERS, rows: pass },
    fail: { name: 'jilin-2020-judicial-covid.fail.xlsx', headers: HEADERS, rows },
    expected,
  };
}
