import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The calls whose string arguments are messages a client reads (in `{ message, errors }`); so are
 * `message:` properties and `message = …` parameter defaults.
 */
const MESSAGE_CALLS = new Set(['ApiError', 'HTTPException', 'badRequest', 'conflict', 'notFound', 'forbidden']);

export interface HandWrittenMessage {
  /** The French text; a template's `${…}` parts as `{}`. */
  text: string;
  file: string;
  line: number;
}

/** A literal is a message when it reads as one: words and a space, or French letters, or a full stop. */
const isMessage = (text: string) => /[A-Za-zÀ-ÿ]/.test(text) && (/\s/.test(text) || /[À-ÿ’«»]/.test(text) || text.endsWith('.'));

const calleeName = (node: ts.CallExpression | ts.NewExpression) => {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
};

/**
 * Every message literal passed to ApiError, HTTPException, badRequest, conflict, notFound and
 * forbidden, or written as a `message`, in the server's sources (tests excepted), with `${…}` parts as `{}`. Object keys
 * (field names, header names) are not messages; their values are.
 */
export function handWrittenMessages(root: string): HandWrittenMessage[] {
  const found: HandWrittenMessage[] = [];
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.split(path.sep).includes('test'));
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (![...MESSAGE_CALLS].some((name) => text.includes(name))) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const collect = (node: ts.Node) => {
      let literal: string | null = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
      else if (ts.isTemplateExpression(node)) literal = node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
      if (literal !== null) {
        const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
        if (!isKey && isMessage(literal)) found.push({ text: literal, file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
        if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => collect(span.expression));
        return;
      }
      node.forEachChild(collect);
    };
    const visit = (node: ts.Node) => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && MESSAGE_CALLS.has(calleeName(node))) {
        for (const argument of node.arguments ?? []) collect(argument);
      } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message') {
        collect(node.initializer); // `{ message: '…' }`: c.json answers, zod's own messages
      } else if (ts.isParameter(node) && node.initializer && ts.isIdentifier(node.name) && node.name.text === 'message') {
        collect(node.initializer); // `badRequest(errors, message = 'Données invalides.')`
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}
