// The dead-link check, run by `npm test` after lint: every relative link in README.md and docs/**/*.md must name a
// file that exists, and a `#anchor` into a Markdown file must name one of its headings (GitHub's slug rule). Code
// moves often; a doc pointing at a file that moved is found here, not by a reader.
//   node scripts/check-links.mjs [root]   → exit 1, listing file:line and target, when any link is broken
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Links that leave the repository: not ours to check. */
const EXTERNAL = /^(https?:|mailto:)/i;

/**
 * README.md and every Markdown file under docs/, as paths relative to the root (with `/`).
 * @param {string} root
 * @returns {string[]}
 */
export function markdownFiles(root) {
  /** @param {string} dir @returns {string[]} */
  const walk = (dir) =>
    readdirSync(path.join(root, dir), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const child = `${dir}/${entry.name}`;
        if (entry.isDirectory()) return walk(child);
        return entry.name.endsWith(".md") ? [child] : [];
      });
  const files = existsSync(path.join(root, "README.md")) ? ["README.md"] : [];
  return existsSync(path.join(root, "docs")) ? [...files, ...walk("docs")] : files;
}

const blank = (/** @type {string} */ text) => text.replace(/[^\n]/g, " ");

/**
 * The text with fenced code blocks blanked out (newlines kept, so offsets keep their line): they hold no links
 * and no headings.
 * @param {string} markdown
 * @returns {string}
 */
function withoutFences(markdown) {
  /** @type {string | null} */
  let fence = null;
  return markdown
    .split("\n")
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === null && marker) {
        fence = marker;
        return blank(line);
      }
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
        return blank(line);
      }
      return line;
    })
    .join("\n");
}

/** The text with code blocks and inline code blanked out: neither holds links. @param {string} markdown */
const proseOf = (markdown) => withoutFences(markdown).replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, blank);

/**
 * Every link target in the Markdown with the line it is on: inline links and images `[text](target "title")`,
 * including link text that wraps onto the next line, and reference definitions `[label]: target`.
 * @param {string} markdown
 * @returns {{ line: number, target: string }[]}
 */
export function linksIn(markdown) {
  const prose = proseOf(markdown);
  const lineAt = (/** @type {number} */ index) => prose.slice(0, index).split("\n").length;
  /** @type {{ line: number, target: string }[]} */
  const found = [];
  const inline = /(?<!\\)\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>\n]*)>|((?:[^()\s]|\([^()\s]*\))*))(?:\s+"[^"]*")?\s*\)/g;
  for (const match of prose.matchAll(inline)) {
    const closing = match[0].lastIndexOf("](");
    found.push({ line: lineAt(match.index + closing), target: match[1] ?? match[2] ?? "" });
  }
  for (const match of prose.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*(?:<([^>\n]*)>|(\S+))/gm)) {
    found.push({ line: lineAt(match.index), target: match[1] ?? match[2] ?? "" });
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * The anchor GitHub gives a heading: its text lowercased, every character that is not a letter, mark, digit,
 * `_`, `-` or space dropped, and spaces turned into hyphens (github-slugger's rule).
 * @param {string} heading the heading's source text
 * @returns {string}
 */
export function githubSlug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link or image counts by its text
    .replace(/<[^>]+>/g, "") // inline HTML tags are not text
    .replace(/(^|[^\p{L}\p{N}])_+([^_]+?)_+(?=[^\p{L}\p{N}]|$)/gu, "$1$2"); // _emphasis_ markers are not text
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/**
 * Every anchor a Markdown file offers: its headings' slugs (a repeated heading gets -1, -2, … as on GitHub), and
 * any `id` or `name` of inline HTML.
 * @param {string} markdown
 * @returns {Set<string>}
 */
export function anchorsOf(markdown) {
  /** @type {Set<string>} */
  const anchors = new Set();
  /** @param {string} heading */
  const add = (heading) => {
    const slug = githubSlug(heading.trim());
    let unique = slug;
    for (let n = 1; anchors.has(unique); n += 1) unique = `${slug}-${n}`;
    anchors.add(unique);
  };
  const lines = withoutFences(markdown).split("\n");
  lines.forEach((line, index) => {
    const atx = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (atx) {
      add(atx[1] ?? "");
      return;
    }
    const previous = lines[index - 1];
    const isParagraphLine =
      previous !== undefined && previous.trim() !== "" && !/^ {0,3}([#>|]|[-*+] |\d+\. )/.test(previous);
    if (/^ {0,3}(=+|-+)\s*$/.test(line) && isParagraphLine) add(previous);
  });
  for (const match of markdown.matchAll(/<[a-z][^>]*\s(?:id|name)="([^"]+)"/gi)) anchors.add(match[1] ?? "");
  return anchors;
}

/** A link's path or anchor with %-escapes decoded, or null when an escape is broken. @param {string} text */
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Every broken relative link in README.md and docs/**: a file or folder that does not exist, or an anchor no
 * heading of the Markdown file produces.
 * @param {string} root the checkout
 * @returns {{ file: string, line: number, target: string, problem: string }[]}
 */
export function checkLinks(root) {
  /** @type {Map<string, Set<string>>} */
  const anchorCache = new Map();
  /** @param {string} file absolute path of a Markdown file */
  const anchorsIn = (file) => {
    const known = anchorCache.get(file);
    if (known) return known;
    const anchors = anchorsOf(readFileSync(file, "utf8"));
    anchorCache.set(file, anchors);
    return anchors;
  };
  /** @type {{ file: string, line: number, target: string, problem: string }[]} */
  const problems = [];
  for (const file of markdownFiles(root)) {
    const source = path.join(root, file);
    for (const { line, target } of linksIn(readFileSync(source, "utf8"))) {
      if (EXTERNAL.test(target)) continue;
      const report = (/** @type {string} */ problem) => problems.push({ file, line, target, problem });
      const hash = target.indexOf("#");
      const pathPart = decoded(hash < 0 ? target : target.slice(0, hash));
      const anchor = hash < 0 ? "" : decoded(target.slice(hash + 1));
      if (pathPart === null || anchor === null) {
        report("broken %-escape");
        continue;
      }
      // A leading slash is the repository root, as GitHub reads it; anything else is relative to the file.
      const resolved =
        pathPart === ""
          ? source
          : pathPart.startsWith("/")
            ? path.join(root, pathPart)
            : path.resolve(path.dirname(source), pathPart);
      if (target === "") report("empty link");
      else if (!existsSync(resolved)) report("no such file");
      else if (hash >= 0 && resolved.endsWith(".md") && statSync(resolved).isFile()) {
        if (!anchorsIn(resolved).has(anchor)) report("no heading with this anchor");
      }
    }
  }
  return problems;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
  const files = markdownFiles(root);
  const problems = checkLinks(root);
  for (const { file, line, target, problem } of problems) console.error(`${file}:${line}: ${target} (${problem})`);
  if (problems.length > 0) {
    console.error(`${problems.length} broken link${problems.length === 1 ? "" : "s"} in ${files.length} files.`);
    process.exit(1);
  }
  process.stdout.write(`Links in ${files.length} Markdown files: all resolve.\n`);
}
