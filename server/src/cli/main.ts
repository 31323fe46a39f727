/**
 * `npm run --silent cli -- <command> …`
 *
 *   plan <file>   parse a plan (.txt UTF-8/GB18030, or .docx) and print Contract 4 JSON
 *   workspace …   list, export, import, rotate the server's workspaces (./workspace.ts)
 *
 * Errors go to stderr with a non-zero exit. Startup stays fast: the parser is
 * imported only for `plan`, the .docx reader only for .docx, the opencc table only for
 * Traditional text; an oversized file is refused from its size alone. The
 * workspace commands (and the store, yjs, jose they need) load only for `workspace`.
 */
import { open, stat } from 'node:fs/promises';

const USAGE = `用法 / usage: npm run --silent cli -- <command> …
  plan <file>   解析工作计划（.txt UTF-8/GB18030 或 .docx），输出 JSON / parse a plan and print JSON
  workspace <list|export|import|rotate> …   工作区备份、恢复与换发链接 / back up, restore, rotate links
                (npm run --silent cli -- workspace --help)`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function readBounded(file: string, limit: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件 / file not found: ${file}`);
    if (code === 'EACCES') throw new CliError(`没有读取权限 / permission denied: ${file}`);
    throw new CliError(`无法读取 / cannot read ${file}: ${(e as Error).message}`);
  }
  if (info.isDirectory()) throw new CliError(`这是一个目录，不是文件 / is a directory, not a file: ${file}`);
  if (info.size > limit) {
    const { tooLargeError } = await import('../../../shared/src/plan-text/decode');
    throw tooLargeError(info.size, limit);
  }
  // Read at most limit+1 bytes even if the file grew since stat (or is a FIFO).
  const fh = await open(file, 'r');
  try {
    const buf = new Uint8Array(Math.min(info.size || limit, limit) + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > limit) {
      const { tooLargeError } = await import('../../../shared/src/plan-text/decode');
      throw tooLargeError(n, limit);
    }
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}

async function planCommand(args: string[]): Promise<void> {
  const file = args[0];
  if (!file || args.length > 1) throw new CliError(USAGE, 2);
  const isDocx = /\.docx$/i.test(file);
  // Cheap checks first (size, encoding, binary, blank) with the small decode
  // module; the parser and its date tables load only for a plausible plan.
  const decode = await import('../../../shared/src/plan-text/decode');
  const docx = isDocx ? await import('../../../shared/src/plan-text/docx') : null;
  const bytes = await readBounded(file, docx ? docx.MAX_DOCX_BYTES : decode.MAX_PLAN_TEXT_BYTES);
  let text: string;
  if (docx) text = await docx.docxToText(bytes);
  else if (bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A .docx under another name: parse it as one rather than call it binary.
    text = await (await import('../../../shared/src/plan-text/docx')).docxToText(bytes);
  } else text = decode.decodePlanBytes(bytes);
  const { parsePlanAsync, toPlanJson } = await import('../../../shared/src/plan-text/index');
  const parse = await parsePlanAsync(text);
  process.stdout.write(`${JSON.stringify(toPlanJson(parse), null, 2)}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'plan':
        await planCommand(rest);
        return 0;
      case 'workspace': {
        const ws = await import('./workspace');
        if (rest[0] === undefined || rest[0] === '-h' || rest[0] === '--help' || rest[0] === 'help') {
          (rest[0] ? process.stdout : process.stderr).write(`用法 / usage: npm run --silent cli -- workspace …\n${ws.WORKSPACE_USAGE}\n`);
          return rest[0] ? 0 : 2;
        }
        try {
          await ws.workspaceCommand(rest);
        } catch (e) {
          const known = ws.workspaceError(e);
          if (!known) throw e;
          process.stderr.write(`${known.message}\n`);
          return known.code;
        }
        return 0;
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        (command ? process.stdout : process.stderr).write(`${USAGE}\n`);
        return command ? 0 : 2;
      default:
        throw new CliError(`未知命令 / unknown command: ${command}\n${USAGE}`, 2);
    }
  } catch (e) {
    const name = (e as Error | undefined)?.name;
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    if (name === 'PlanInputError') {
      process.stderr.write(`错误 / error: ${(e as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`内部错误 / internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 70;
  }
}

process.exitCode = await main(process.argv.slice(2));
