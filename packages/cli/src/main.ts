/**
 * awardc: the command line. Exit codes: 0 clean, 1 problems found in the rule files, 2 usage or input
 * errors (and internal failures). Every message exists in Chinese and English; --lang, else LANG.
 */
import { Command, CommanderError, Option } from 'commander';
import { localeFromEnv, type Locale } from '@awardrules/language';
import { runCheck } from './commands/check.js';
import { mappedStack } from './stack.js';
import { runExplain } from './commands/explain.js';
import { runCompile } from './commands/compile.js';
import { runFmt } from './commands/fmt.js';
import { runValidate } from './commands/validate.js';
import { runDiff } from './commands/diff.js';
import { runTemplate } from './commands/template.js';
import { EXIT, type CliContext } from './context.js';
import { say } from './messages.js';
import { colorEnabled, createStyle } from './style.js';

export const VERSION = '0.1.0';

export interface Streams {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** The language asked for with --lang (read before commander, so help and errors are localised too). */
function requestedLocale(argv: readonly string[], env: NodeJS.ProcessEnv): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'zh' || value === 'en' ? value : localeFromEnv(env);
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, streams: Streams): Promise<number> {
  const locale = requestedLocale(argv, env);
  const t = (k: Parameters<typeof say>[1]) => say(locale, k);
  const color = colorEnabled(streams.stdout, env, argv.includes('--no-color') ? false : undefined);
  const ctx: CliContext = {
    locale, env, style: createStyle(color),
    out: (s) => streams.stdout.write(`${s}\n`),
    err: (s) => streams.stderr.write(`${s}\n`),
  };
  let code: number = EXIT.ok;
  const lang = () => new Option('--lang <lang>', t('helpLang')).choices(['zh', 'en']);
  const format = (choices: string[]) => new Option('--format <format>', t('helpFormat')).choices(choices).default('text');

  const program = new Command('awardc')
    .description(t('helpProgram'))
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => streams.stdout.write(s), writeErr: () => {} });

  program.command('check')
    .description(t('helpCheck'))
    .argument('<files...>')
    .addOption(format(['text', 'json']))
    .addOption(lang())
    .option('--catalog <file>', t('helpCatalog'))
    .option('--calendar <file>', t('helpCalendar'))
    .option('--no-color', t('helpColor'))
    .action((files: string[], o: { format: 'text' | 'json'; catalog?: string; calendar?: string }) => {
      code = runCheck(ctx, files, o);
    });

  program.command('fmt')
    .description(t('helpFmt'))
    .argument('<files...>')
    .option('--check', t('helpCheckFlag'))
    .option('--write', t('helpWrite'))
    .addOption(lang())
    .option('--no-color', t('helpColor'))
    .action((files: string[], o: { check?: boolean; write?: boolean }) => {
      code = runFmt(ctx, files, o);
    });

  program.command('explain')
    .description(t('helpExplain'))
    .argument('<file>')
    .addOption(format(['text', 'json']))
    .addOption(lang())
    .option('--calendar <file>', t('helpCalendar'))
    .option('--no-color', t('helpColor'))
    .action((file: string, o: { format: 'text' | 'json'; calendar?: string }) => {
      code = runExplain(ctx, file, o);
    });

  program.command('compile')
    .description(t('helpCompile'))
    .argument('<file>')
    .requiredOption('-o, --out <dir>', t('helpOut'))
    .option('--name <name>')
    .addOption(lang())
    .option('--no-color', t('helpColor'))
    .action(async (file: string, o: { out: string; name?: string }) => {
      code = await runCompile(ctx, file, o);
    });

  program.command('validate')
    .description(t('helpValidate'))
    .argument('<rules>')
    .argument('<slate>')
    .addOption(format(['text', 'json']))
    .addOption(lang())
    .option('--why <id>', t('helpWhy'))
    .option('--annotate <out.xlsx>', t('helpAnnotate'))
    .option('--reference-date <date>', t('helpReference'))
    .option('--calendar <file>', t('helpCalendar'))
    .option('--columns <file>', t('helpColumns'))
    .option('--sheet <sheet>', t('helpSheet'))
    .option('--no-color', t('helpColor'))
    .action(async (rules: string, slate: string, o: { format: 'text' | 'json'; why?: string; annotate?: string; referenceDate?: string; calendar?: string; columns?: string; sheet?: string }) => {
      code = await runValidate(ctx, rules, slate, o);
    });

  program.command('template')
    .description(t('helpTemplate'))
    .argument('<rules>')
    .option('-o, --out <file>', t('helpTemplateOut'))
    .addOption(lang())
    .option('--no-color', t('helpColor'))
    .action(async (rules: string, o: { out?: string }) => {
      code = await runTemplate(ctx, rules, o);
    });

  program.command('diff')
    .description(t('helpDiff'))
    .argument('<old>')
    .argument('<new>')
    .addOption(new Option('--format <format>', t('helpFormatDiff')).choices(['text', 'markdown', 'json']).default('text'))
    .addOption(lang())
    .option('--slate <file>', t('helpSlate'))
    .option('--award <old=new>', t('helpAwardPair'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--sheet <sheet>', t('helpSheet'))
    .option('--reference-date <date>', t('helpReference'))
    .option('--no-color', t('helpColor'))
    .action(async (oldFile: string, newFile: string, o: { format: 'text' | 'markdown' | 'json'; slate?: string; award?: string[]; sheet?: string; referenceDate?: string }) => {
      code = await runDiff(ctx, oldFile, newFile, o);
    });

  program.command('lsp')
    .description(t('helpLsp'))
    .option('--stdio', t('helpStdio'))
    // The transport options editors add (--node-ipc, --socket=N, --clientProcessId=N) go to the server.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      const { runServer } = await import('@awardrules/language-server');
      runServer();
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return usageError(ctx, e);
    ctx.err(say(locale, 'internal', e instanceof Error ? e.message : String(e)));
    if (env['AWARDC_DEBUG']) ctx.err(`${mappedStack(String((e as Error).stack))}\n`);
    return EXIT.usage;
  }
}

function usageError(ctx: CliContext, e: CommanderError): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownCommand': ctx.err(say(ctx.locale, 'unknownCommand', quoted)); break;
    case 'commander.unknownOption': ctx.err(say(ctx.locale, 'unknownOption', quoted)); break;
    case 'commander.missingArgument': case 'commander.missingMandatoryOptionValue': ctx.err(say(ctx.locale, 'missingArgument', quoted)); break;
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? '';
      const given = /argument '([^']*)'/.exec(e.message)?.[1] ?? quoted;
      ctx.err(say(ctx.locale, 'badChoice', given, allowed));
      break;
    }
    default: ctx.err(say(ctx.locale, 'usage', e.message.replace(/^error: /, '')));
  }
  return EXIT.usage;
}
