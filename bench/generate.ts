/**
 * Generates large, valid rule files for benchmarks: many awards, each with a realistic mix of rules
 * (the shapes of the five example notices, with varied names and numbers).
 */
export function generateRuleFile(targetBytes: number, seed = 1): string {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const ranks = ['deputy-section', 'section', 'deputy-county', 'county', 'vice-bureau', 'bureau'];
  const parts: string[] = [
    'notice "基准〔2024〕1号" {\n  title "基准测试用通知"\n  issued 2024-01-02\n  tags B24\n  reference submission\n}\n',
    'extend region {\n' + Array.from({ length: 40 }, (_, i) => `  r${i} "地区${i}"`).join('\n') + '\n}\n',
    'extend identity {\n  staff-a "甲类人员"\n  staff-b "乙类人员"\n}\n',
    'field work "从事本项工作": tenure\nfield good "表现良好": yes/no\n',
    'deadline submission "材料报送" by 2024-03-15 #B24-DEADLINE-1\n',
    'exclude rank >= vice-bureau #B24-EXCLUDE-1\n',
  ];
  let size = parts.join('').length;
  let award = 0;
  let tag = 1;
  while (size < targetBytes) {
    const kind = award % 2 === 0 ? 'collective' : 'individual';
    const body: string[] = [];
    body.push(`award a${award} "第${award}号奖项（先进集体和先进个人评选表彰）" for ${kind} {`);
    body.push(`  quota <= ${10 + rnd(90)} #B24-QUOTA-${tag++} @二(二)`);
    body.push(`  recommend >= 120% of quota #B24-QUOTA-${tag++} @二(二)`);
    body.push(`  // 县处级干部的推荐比例控制在评选总数的${10 + rnd(20)}%以内`);
    body.push(`  cap rank = county-level <= ${10 + rnd(20)}% of selected #B24-CAP-${tag++} @四(二)2`);
    body.push(`  cap rank = section-level and managed-by = county <= ${20 + rnd(20)}% of recommended per region #B24-CAP-${tag++} @四(二)2`);
    body.push(`  require no {violation, sanction, accountability} within ${1 + rnd(5)} years #B24-REQUIRE-${tag++} @三(一)`);
    body.push(`  exclude honours has provincial-ministerial-honour unless good #B24-EXCLUDE-${tag++} @四2`);
    body.push(`  when identity has staff-a and rank <= ${ranks[rnd(4)]} {`);
    body.push(`    require work >= ${1 + rnd(6)} years #B24-REQUIRE-${tag++} @三(二)1`);
    body.push(`    consult {organisation-personnel, discipline-inspection, public-security} #B24-CONSULT-${tag++} @四(二)3`);
    body.push('  }');
    body.push(`  publicity >= 5 workdays at unit before submission #B24-PUBLICITY-${tag++} @四(一)1`);
    body.push('  attest any of {');
    for (let i = 0; i < 3; i++) body.push(`    c${award}-${i} "具备第${i + 1}项条件：在本职工作中作出突出贡献，群众公认"`);
    body.push(`  } #B24-ATTEST-${tag++} @三(二)`);
    body.push(`  material photo${award} "证件照" copies >= 5 format jpg size 50..500 KB #B24-MATERIAL-${tag++} @四5`);
    body.push('}');
    const text = body.join('\n') + '\n';
    parts.push(text);
    size += text.length;
    award++;
  }
  return parts.join('');
}
