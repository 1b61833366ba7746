// Finds role names written as strings in a source file, with the TypeScript parser: shared by the check
// that the window spells none (tests/renderer/no-role-names.test.ts) and the check that db/ spells each
// set of roles once (tests/db/contract/roles.test.ts).
import ts from 'typescript';
import { ROLES } from '../../db/users/contract.ts';

const roleNames = new Set<string>(ROLES);

/** Every string in `text` (literals, template pieces, JSX attribute values) that is a role's name. */
export function roleLiterals(fileName: string, text: string): { line: number; role: string }[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { line: number; role: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      const value = node.text.trim();
      if (roleNames.has(value)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, role: value });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
