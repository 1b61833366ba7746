// Every visible string comes from the catalogues (3.5.2): no words in JSX text, nor in the props a
// person reads. Punctuation and numbers alone are allowed.
const VISIBLE_PROPS = new Set([
  'label',
  'placeholder',
  'title',
  'description',
  'error',
  'alt',
  'aria-label',
  'aria-description',
  'children',
  'message',
  'tooltip',
  'confirmLabel',
  'cancelLabel',
  'nothingFoundMessage',
]);

const hasWords = (text) => /\p{L}/u.test(text);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid user-visible literals in JSX; use the catalogues' },
    messages: { literal: 'Visible text "{{text}}" must come from the catalogues (t(...)).' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!VISIBLE_PROPS.has(name) || !node.value) return;
        if (node.value.type === 'Literal' && typeof node.value.value === 'string' && hasWords(node.value.value)) {
          report(node.value, node.value.value);
        }
        if (node.value.type === 'JSXExpressionContainer') {
          const expression = node.value.expression;
          if (expression.type === 'Literal' && typeof expression.value === 'string' && hasWords(expression.value)) report(expression, expression.value);
          if (expression.type === 'TemplateLiteral' && expression.quasis.some((q) => hasWords(q.value.cooked ?? ''))) {
            report(expression, expression.quasis.map((q) => q.value.cooked).join('…'));
          }
        }
      },
      'JSXExpressionContainer > Literal'(node) {
        if (node.parent.parent?.type !== 'JSXAttribute' && typeof node.value === 'string' && hasWords(node.value)) report(node, node.value);
      },
    };
  },
};
