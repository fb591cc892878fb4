/**
 * The standard vocabulary of Chinese award notices, as data: every name a rule file may use without
 * declaring it. Chinese names are written the way the notices write them; `aliases` collect the other
 * spellings of the same thing (副厅局级, 副司局级 and 副厅(局、师)级 are all 副厅级).
 * Names are matched after NFKC normalisation, so full-width brackets equal ASCII ones.
 */
import type { EnumDef, FieldDef } from './types.js';

// ── Cadre rank: one ordered scale for people and for units (处级单位, 副厅级单位) ─────────────────
// Equivalents: military grades (团级 = 处级, 师级 = 厅级, 营级 = 科级) and the management grades of public
// institutions (事业单位管理岗位 一级职员 = 正部级 … 九级职员 = 科员).
const rank: EnumDef = {
  id: 'rank', zh: '职级', en: 'rank', ordered: true,
  values: [
    { id: 'unranked', zh: '无职级', en: 'no cadre rank', aliases: ['无', '其他人员', 'none'] },
    { id: 'clerk', zh: '科员', en: 'clerk', aliases: ['科员级', '九级职员'] },
    { id: 'deputy-section', zh: '副科级', en: 'deputy section level', aliases: ['副科', '副乡科级', '八级职员', '副营级', '副营职'] },
    { id: 'section', zh: '正科级', en: 'section level', aliases: ['正科', '正乡科级', '七级职员', '正营级', '正营职', 'section-chief'] },
    { id: 'deputy-county', zh: '副处级', en: 'deputy county/division level', aliases: ['副县级', '副处', '副县处级', '六级职员', '副团级', '副团职', 'deputy-division'] },
    { id: 'county', zh: '正处级', en: 'county/division level', aliases: ['正县级', '正处', '正县处级', '五级职员', '正团级', '正团职', 'division'] },
    { id: 'vice-bureau', zh: '副厅级', en: 'vice-bureau level', aliases: ['副厅局级', '副司局级', '副局级', '副司级', '副厅', '副厅(局、师)级', '副地厅级', '副地级', '四级职员', '副师级', '副师职', 'deputy-bureau', 'vice-department'] },
    { id: 'bureau', zh: '正厅级', en: 'bureau level', aliases: ['正厅局级', '正司局级', '正局级', '正司级', '正厅', '正地厅级', '三级职员', '正师级', '正师职', 'department'] },
    { id: 'vice-ministerial', zh: '副部级', en: 'vice-ministerial level', aliases: ['副省部级', '副省级', '二级职员', 'deputy-ministerial'] },
    { id: 'ministerial', zh: '正部级', en: 'ministerial level', aliases: ['正省部级', '正省级', '一级职员'] },
  ],
  groups: [
    { id: 'section-level', zh: '科级', en: 'section level (deputy section to section)', aliases: ['乡科级', '营级'], members: ['deputy-section', 'section'] },
    { id: 'county-level', zh: '县处级', en: 'county level (deputy county to county)', aliases: ['处级', '处(团)级', '团级', '县处级干部', 'division-level'], members: ['deputy-county', 'county'] },
    { id: 'bureau-level', zh: '厅局级', en: 'bureau level (vice-bureau to bureau)', aliases: ['厅级', '司局级', '地厅级', '厅(局、师)级', '师级'], members: ['vice-bureau', 'bureau'] },
    { id: 'ministerial-level', zh: '省部级', en: 'ministerial level (vice-ministerial to ministerial)', aliases: ['部级'], members: ['vice-ministerial', 'ministerial'] },
  ],
};

// ── Administrative level of a body, and of the party committee that manages a cadre ─────────────
const level: EnumDef = {
  id: 'level', zh: '层级', en: 'administrative level', ordered: true,
  values: [
    { id: 'township', zh: '乡镇级', en: 'township', aliases: ['乡级', '镇级', '乡镇', '街道'] },
    { id: 'county', zh: '县级', en: 'county', aliases: ['县区级', '县(市、区)级', '县市区级', '县区'] },
    { id: 'city', zh: '市级', en: 'city/prefecture', aliases: ['地市级', '市(州)级', '市州级', '地级', '市州', 'prefecture'] },
    { id: 'province', zh: '省级', en: 'province', aliases: ['省', '省直', 'provincial'] },
    { id: 'national', zh: '国家级', en: 'national', aliases: ['中央', '全国', 'central'] },
  ],
};

// ── Where a nominee is publicised (公示) ───────────────────────────────────────────────────────────
const publicityLevel: EnumDef = {
  id: 'publicity-level', zh: '公示范围', en: 'publicity level', ordered: true,
  values: [
    { id: 'unit', zh: '本单位', en: "the nominee's unit", aliases: ['所在单位', '单位'] },
    { id: 'county', zh: '县级', en: 'county', aliases: ['县区', '县(市、区)'] },
    { id: 'city', zh: '市(州)级', en: 'city/prefecture', aliases: ['市级', '地区', '本地区', '市州', 'prefecture'] },
    { id: 'province', zh: '省级', en: 'provincial', aliases: ['全省', '省级范围', 'province'] },
    { id: 'national', zh: '全国', en: 'national', aliases: ['全国范围', '国家级'] },
  ],
};

// ── Body type (单位性质) ──────────────────────────────────────────────────────────────────────────
const bodyType: EnumDef = {
  id: 'body-type', zh: '单位性质', en: 'body type', ordered: false,
  values: [
    { id: 'party-committee', zh: '党委', en: 'party committee', aliases: ['党委机关', '党的委员会'] },
    { id: 'government', zh: '政府', en: 'government', aliases: ['人民政府'] },
    { id: 'organ', zh: '机关', en: 'party or state organ', aliases: ['机关单位', '国家机关'] },
    { id: 'people-organisation', zh: '人民团体', en: "people's organisation", aliases: ['群团组织'] },
    { id: 'institution', zh: '事业单位', en: 'public institution' },
    { id: 'enterprise', zh: '企业', en: 'enterprise', aliases: ['企业单位'] },
    { id: 'social-group', zh: '社会团体', en: 'social group', aliases: ['社团'] },
    { id: 'social-service-agency', zh: '社会服务机构', en: 'social service agency', aliases: ['民办非企业单位', '民非'] },
    { id: 'foundation', zh: '基金会', en: 'foundation' },
    { id: 'military', zh: '军队', en: 'military', aliases: ['部队', '军队单位'] },
    { id: 'volunteer-team', zh: '志愿服务团队', en: 'volunteer team', aliases: ['志愿服务队', '志愿者队伍'] },
    { id: 'other', zh: '其他', en: 'other' },
  ],
  groups: [
    { id: 'party-government-organ', zh: '党政机关', en: 'party and government organs', members: ['party-committee', 'government', 'organ'] },
    { id: 'social-organisation', zh: '社会组织', en: 'social organisations', members: ['social-group', 'social-service-agency', 'foundation'] },
    { id: 'organ-or-institution', zh: '机关事业单位', en: 'organs and public institutions', members: ['party-committee', 'government', 'organ', 'people-organisation', 'institution'] },
    { id: 'enterprise-or-institution', zh: '企事业单位', en: 'enterprises and public institutions', members: ['enterprise', 'institution'] },
  ],
};

const nomineeKind: EnumDef = {
  id: 'nominee-kind', zh: '推荐对象类别', en: 'nominee kind', ordered: false,
  values: [
    { id: 'collective', zh: '集体', en: 'collective', aliases: ['先进集体', '单位'] },
    { id: 'individual', zh: '个人', en: 'individual', aliases: ['先进个人'] },
  ],
};

const identity: EnumDef = {
  id: 'identity', zh: '人员身份', en: 'identity', ordered: false,
  values: [
    { id: 'cadre', zh: '干部', en: 'cadre' },
    { id: 'staff', zh: '工作人员', en: 'staff member', aliases: ['职工', '干部职工'] },
    { id: 'enterprise-head', zh: '企业负责人', en: 'enterprise head' },
    { id: 'volunteer', zh: '志愿者', en: 'volunteer', aliases: ['志愿服务人员'] },
  ],
};

const party: EnumDef = {
  id: 'party', zh: '政治面貌', en: 'political affiliation', ordered: false,
  values: [
    { id: 'cpc', zh: '中共党员', en: 'CPC member', aliases: ['共产党员', '中共预备党员', '党员'] },
    { id: 'democratic-party', zh: '民主党派', en: 'democratic party member', aliases: ['民主党派成员'] },
    { id: 'non-party', zh: '无党派人士', en: 'non-party personage', aliases: ['无党派'] },
    { id: 'cyl', zh: '共青团员', en: 'Communist Youth League member', aliases: ['团员'] },
    { id: 'masses', zh: '群众', en: 'no affiliation' },
  ],
  groups: [
    { id: 'non-cpc', zh: '非中共党员', en: 'not CPC members', members: ['democratic-party', 'non-party', 'cyl', 'masses'] },
  ],
};

const gender: EnumDef = {
  id: 'gender', zh: '性别', en: 'gender', ordered: false,
  values: [
    { id: 'male', zh: '男', en: 'male' },
    { id: 'female', zh: '女', en: 'female' },
  ],
};

// ── Departments whose opinion is sought (征求意见) ─────────────────────────────────────────────────
const department: EnumDef = {
  id: 'department', zh: '征求意见部门', en: 'consulted department', ordered: false,
  values: [
    { id: 'organisation-personnel', zh: '组织人事部门', en: 'organisation and personnel department', aliases: ['组织部门', '人事部门', '组织人事', '干部管理部门', '干部管理'] },
    { id: 'discipline-inspection', zh: '纪检监察机关', en: 'discipline inspection and supervision', aliases: ['纪检监察部门', '纪检监察', '纪委监委'] },
    { id: 'united-front', zh: '统战部门', en: 'united front department', aliases: ['统战部'] },
    { id: 'public-security', zh: '公安部门', en: 'public security department', aliases: ['公安机关', '公安'] },
    { id: 'finance', zh: '财政部门', en: 'finance department' },
    { id: 'human-resources', zh: '人力资源和社会保障部门', en: 'human resources and social security department', aliases: ['人社部门', '人力资源社会保障部门'] },
    { id: 'market-regulation', zh: '市场监管部门', en: 'market regulation department', aliases: ['市场监督管理部门'] },
    { id: 'tax', zh: '税务部门', en: 'tax department' },
    { id: 'federation-of-industry-and-commerce', zh: '工商联', en: 'federation of industry and commerce', aliases: ['工商业联合会'] },
    { id: 'audit', zh: '审计部门', en: 'audit department' },
    { id: 'ecology-environment', zh: '生态环境部门', en: 'ecology and environment department' },
    { id: 'emergency-management', zh: '应急管理部门', en: 'emergency management department' },
    { id: 'health', zh: '卫生健康部门', en: 'health department', aliases: ['卫生计生部门', '卫生和计划生育部门'] },
    { id: 'civil-affairs', zh: '民政部门', en: 'civil affairs department' },
  ],
};

// ── Dated occurrences on a nominee's record ──────────────────────────────────────────────────────
const misconduct: EnumDef = {
  id: 'misconduct', zh: '不良记录', en: 'record', ordered: false,
  values: [
    { id: 'violation', zh: '违法违纪', en: 'violation of law or discipline', aliases: ['违纪违法', '违法违纪行为', '违纪违法行为'] },
    { id: 'sanction', zh: '党纪政务处分', en: 'party or government disciplinary sanction', aliases: ['党纪处分', '政务处分'] },
    { id: 'organisational-handling', zh: '组织处理', en: 'organisational handling' },
    { id: 'accountability', zh: '问责', en: 'held accountable' },
    { id: 'admonishment', zh: '诫勉', en: 'admonished' },
    { id: 'summons', zh: '约谈', en: 'summoned for a talk' },
    { id: 'dishonesty-list', zh: '失信联合惩戒对象', en: 'on the joint-punishment dishonesty list' },
    { id: 'blacklist', zh: '严重违法失信黑名单', en: 'on the serious-dishonesty blacklist', aliases: ['黑名单'] },
    { id: 'safety-accident', zh: '重大安全责任事故', en: 'major safety accident it was responsible for' },
    { id: 'criminal-record', zh: '犯罪记录', en: 'criminal record' },
  ],
};

const honour: EnumDef = {
  id: 'honour', zh: '荣誉', en: 'honour', ordered: false,
  values: [
    { id: 'national-honour', zh: '国家级表彰奖励', en: 'national honour' },
    { id: 'provincial-ministerial-honour', zh: '省部级表彰奖励', en: 'provincial or ministerial honour', aliases: ['省部级表彰'] },
    { id: 'city-honour', zh: '市(州)级表彰奖励', en: 'city or prefecture honour', aliases: ['市级表彰奖励'] },
  ],
};

// ── Evaluation grade of social organisations (社会组织评估等级) ──────────────────────────────────────
const grade: EnumDef = {
  id: 'grade', zh: '评估等级', en: 'evaluation grade', ordered: true,
  values: [
    { id: '1A', zh: '1A级', en: '1A', aliases: ['A', 'A级'] },
    { id: '2A', zh: '2A级', en: '2A', aliases: ['AA', 'AA级'] },
    { id: '3A', zh: '3A级', en: '3A', aliases: ['AAA', 'AAA级'] },
    { id: '4A', zh: '4A级', en: '4A', aliases: ['AAAA', 'AAAA级'] },
    { id: '5A', zh: '5A级', en: '5A', aliases: ['AAAAA', 'AAAAA级'] },
  ],
};

const recommenderType: EnumDef = {
  id: 'recommender-type', zh: '推荐单位类型', en: 'recommender type', ordered: false,
  values: [
    { id: 'region', zh: '地区', en: 'region', aliases: ['各地', '属地'] },
    { id: 'provincial-department', zh: '省直部门', en: 'provincial department', aliases: ['省直单位', '省直有关部门'] },
    { id: 'central-organ', zh: '中央国家机关', en: 'central state organ', aliases: ['中央国家机关各部门'] },
    { id: 'provincial-social-org', zh: '全省性社会组织', en: 'province-wide social organisation' },
  ],
};

const fileFormat: EnumDef = {
  id: 'file-format', zh: '文件格式', en: 'file format', ordered: false,
  values: [
    { id: 'jpg', zh: 'JPG', en: 'JPG', aliases: ['jpeg'] },
    { id: 'png', zh: 'PNG', en: 'PNG' },
    { id: 'pdf', zh: 'PDF', en: 'PDF' },
    { id: 'doc', zh: 'DOC', en: 'DOC' },
    { id: 'docx', zh: 'DOCX', en: 'DOCX' },
  ],
};

/** Enumerations whose values each notice lists itself. */
const perNotice = (id: string, zh: string, en: string): EnumDef => ({ id, zh, en, ordered: false, values: [], perNotice: true });

export const STANDARD_ENUMS: readonly EnumDef[] = [
  rank, level, publicityLevel, bodyType, nomineeKind, identity, party, gender, department, misconduct, honour,
  grade, recommenderType, fileFormat,
  perNotice('region', '地区', 'region'),
  perNotice('reviewer', '审核单位', 'reviewing body'),
  perNotice('sector', '所属系统', 'sector'),
];

/** Enumerations filled from a rule file's own declarations rather than written by the user. */
export const DERIVED_ENUMS = {
  /** The notice's awards. */
  award: { id: 'award', zh: '奖项', en: 'award' },
  /** Conditions listed in `attest` groups. */
  condition: { id: 'condition', zh: '评选条件', en: 'condition' },
} as const;

const f = (id: string, zh: string, en: string, type: FieldDef['type'], aliases?: string[], description?: FieldDef['description']): FieldDef =>
  ({ id, zh, en, type, ...(aliases ? { aliases } : {}), ...(description ? { description } : {}) });

/** Nominee fields every rule file may use. A rule file declares any other field it needs, with a type. */
export const STANDARD_FIELDS: readonly FieldDef[] = [
  f('id', '编号', 'nominee id', { kind: 'text' }, ['序号']),
  f('name', '名称', 'name', { kind: 'text' }, ['姓名', '单位名称']),
  f('kind', '类别', 'nominee kind', { kind: 'enum', enum: 'nominee-kind' }, ['推荐对象类别']),
  f('award', '申报奖项', 'award', { kind: 'enum', enum: 'award' }, ['奖项']),
  f('region', '地区', 'region', { kind: 'enum', enum: 'region' }, ['所在地区']),
  f('recommender', '推荐单位', 'recommending body', { kind: 'text' }),
  f('recommender-type', '推荐单位类型', 'recommender type', { kind: 'enum', enum: 'recommender-type' }),
  f('reviewer', '审核单位', 'reviewing body', { kind: 'enum', enum: 'reviewer' }, ['负责审核单位']),
  f('rank', '职级', 'rank', { kind: 'enum', enum: 'rank' }, ['级别', '行政级别', '职务级别'],
    { zh: '个人为本人职级，集体为单位级别', en: "an individual's cadre rank; a collective's unit rank" }),
  f('managed-by', '干部管理权限', 'managed by', { kind: 'enum', enum: 'level' }, ['管理权限'],
    { zh: '管理该干部的党委所在层级', en: 'level of the party committee that manages the cadre' }),
  f('body', '单位性质', 'body type', { kind: 'enum', enum: 'body-type' }, ['单位类型']),
  f('level', '单位层级', 'administrative level', { kind: 'enum', enum: 'level' }),
  f('sector', '所属系统', 'sector', { kind: 'enum', enum: 'sector' }, ['系统', '领域']),
  f('identity', '人员身份', 'identities', { kind: 'set', enum: 'identity' }, ['身份', 'identities'],
    { zh: '一人可有多个身份', en: 'a person may hold several' }),
  f('party', '政治面貌', 'political affiliation', { kind: 'enum', enum: 'party' }),
  f('gender', '性别', 'gender', { kind: 'enum', enum: 'gender' }),
  f('birth-date', '出生日期', 'date of birth', { kind: 'date' }, ['出生年月']),
  f('age', '年龄', 'age', { kind: 'tenure', since: 'birth-date' }),
  f('front-line', '一线', 'works on the front line', { kind: 'bool' }, ['工作一线']),
  f('grassroots', '基层', 'works at the grassroots', { kind: 'bool' }, ['基层单位']),
  f('honours', '所获荣誉', 'honours', { kind: 'events', enum: 'honour' }, ['荣誉', '获奖情况']),
  f('records', '不良记录', 'record', { kind: 'events', enum: 'misconduct' }, ['违纪违法记录']),
  f('consulted', '已征求意见', 'opinions on file', { kind: 'set', enum: 'department' }, ['征求意见情况']),
  f('attested', '符合条件', 'conditions met', { kind: 'set', enum: 'condition' }, ['具备条件']),
  f('rating', '评估等级', 'evaluation grade', { kind: 'enum', enum: 'grade', validity: true }, ['社会组织评估等级']),
  f('publicity-records', '公示情况', 'publicity records', { kind: 'record', record: 'publicity' }, ['公示记录']),
  f('materials', '申报材料', 'materials', { kind: 'record', record: 'materials' }, ['材料']),
  f('submitted', '报送日期', 'submission dates', { kind: 'record', record: 'submissions' }, ['上报日期']),
  f('units', '所在单位', 'units', { kind: 'record', record: 'units' }, ['工作单位']),
];
