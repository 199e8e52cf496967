/**
 * Recursive descent with precedence climbing over `BINARY_LEVELS` (grammar in `grammar.ts`).
 * Depth is bounded twice so no input exhausts the stack: every recursive descent (an expression in
 * parentheses, arguments, items, brackets or ternary branches; a unary operator) counts against
 * `maxDepth`, and so does the height of every node built (postfix steps such as `a.b.c` nest
 * without recursing).
 */
import type { SourceSpan } from '../../contracts/expression.js';
import { childrenOf, spanOf } from './ast.js';
import type { ChainStep, MapEntry, Node } from './ast.js';
import { fail } from './errors.js';
import { BINARY_LEVELS } from './grammar.js';
import type { Token } from './lexer.js';

/** The tree of `tokens` (from `tokenize`), or an EL_SYNTAX / EL_TOO_DEEP failure. */
export function parseTokens(tokens: readonly Token[], maxDepth: number): Node {
  return new Parser(tokens, maxDepth).parse();
}

class Parser {
  private index = 0;
  private depth = 0;
  private readonly heights = new WeakMap<Node, number>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly maxDepth: number,
  ) {}

  parse(): Node {
    const node = this.expression();
    const token = this.peek();
    if (token.kind !== 'end')
      fail('EL_SYNTAX', `unexpected ${quote(token)}`, token, 'expected an operator or the end of the expression');
    return node;
  }

  private expression(): Node {
    this.enter();
    const test = this.binary(0);
    let node = test;
    const operator = this.peek();
    if (operator.op === '?') {
      this.index++;
      const then = this.expression();
      this.expect(':', operator, "expected ':' to complete the '?'");
      const otherwise = this.expression();
      node = this.build({
        kind: 'ternary',
        test,
        then,
        otherwise,
        span: spanOf(test.span, otherwise.span),
        at: operator,
      });
    } else if (operator.op === '?:') {
      this.index++;
      const fallback = this.expression();
      node = this.build({ kind: 'elvis', value: test, fallback, span: spanOf(test.span, fallback.span), at: operator });
    }
    this.depth--;
    return node;
  }

  private binary(level: number): Node {
    const operators = BINARY_LEVELS[level];
    if (!operators) return this.unary();
    const first = this.binary(level + 1);
    const rest: ChainStep[] = [];
    while (operators.includes(this.peek().op)) {
      const token = this.next();
      rest.push({ op: token.op, text: token.text, at: token, operand: this.binary(level + 1) });
    }
    if (rest.length === 0) return first;
    return this.build({
      kind: 'chain',
      first,
      rest,
      span: spanOf(first.span, rest[rest.length - 1]!.operand.span),
      at: rest[0]!.at,
    });
  }

  private unary(): Node {
    const token = this.peek();
    if (token.op !== '!' && token.op !== '-') return this.postfix();
    this.enter();
    this.index++;
    const operand = this.unary();
    this.depth--;
    return this.build({
      kind: 'unary',
      op: token.op,
      text: token.text,
      operand,
      span: spanOf(token, operand.span),
      at: token,
    });
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      const token = this.peek();
      if (token.op === '.') {
        this.index++;
        const name = this.next();
        if (!name.word) this.missing(name, "expected a name after '.'");
        if (this.peek().op === '(') {
          const at = node.kind === 'name' ? spanOf(node.span, name) : span(name);
          node = this.call(node, name.text, at);
        } else {
          node = this.build({
            kind: 'member',
            object: node,
            name: name.text,
            span: spanOf(node.span, name),
            at: span(name),
          });
        }
      } else if (token.op === '[' || token.op === '.![') {
        this.index++;
        const inner = this.expression();
        const close = this.expect(']', token, `unclosed '${token.text}'`);
        const [whole, at] = [spanOf(node.span, close), spanOf(token, close)];
        node = this.build(
          token.op === '['
            ? { kind: 'index', object: node, index: inner, span: whole, at }
            : { kind: 'projection', object: node, body: inner, span: whole, at },
        );
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'literal':
        return this.build({ kind: 'literal', value: token.value ?? null, span: span(token), at: span(token) });
      case 'this':
        return this.build({ kind: 'this', span: span(token), at: span(token) });
      case 'name':
        if (this.peek().op === '(') return this.call(null, token.text, span(token));
        return this.build({ kind: 'name', name: token.text, span: span(token), at: span(token) });
      case 'operator':
        if (token.op === '(') {
          const inner = this.expression();
          this.expect(')', token, "unclosed '('");
          return inner;
        }
        if (token.op === '{') return this.braces(token);
    }
    const previous = this.before(token);
    return this.missing(token, previous ? `expected an expression after ${quote(previous)}` : 'expected an expression');
  }

  private call(receiver: Node | null, name: string, at: SourceSpan): Node {
    const args = this.items(')', this.next());
    return this.build({ kind: 'call', receiver, name, args, span: this.through(receiver?.span ?? at), at });
  }

  /** `{…}`: a map when the first entry is `key :`, otherwise a list. */
  private braces(open: Token): Node {
    const key = this.peek();
    if (!(key.word || typeof key.value === 'string') || this.tokens[this.index + 1]?.op !== ':') {
      const items = this.items('}', open);
      const whole = this.through(open);
      return this.build({ kind: 'list', items, span: whole, at: whole });
    }
    const entries: MapEntry[] = [];
    do {
      const key = this.next();
      if (!key.word && typeof key.value !== 'string') this.missing(key, 'expected a key (a name or a string)');
      this.expect(':', key, `expected ':' after the key ${quote(key)}`);
      entries.push({ key: typeof key.value === 'string' ? key.value : key.text, value: this.expression() });
    } while (this.accept(','));
    this.expect('}', open, "unclosed '{'");
    const whole = this.through(open);
    return this.build({ kind: 'map', entries, span: whole, at: whole });
  }

  /** From `start` to the end of the last token consumed. */
  private through(start: SourceSpan): SourceSpan {
    return spanOf(start, this.tokens[this.index - 1]!);
  }

  /** Comma-separated expressions up to `close` (which may come at once). */
  private items(close: string, open: Token): Node[] {
    const items: Node[] = [];
    if (this.accept(close)) return items;
    do items.push(this.expression());
    while (this.accept(','));
    this.expect(close, open, `unclosed '${open.text}'`);
    return items;
  }

  /** `token` is not what `what` says should come: at the end, the error points at the token before. */
  private missing(token: Token, what: string): never {
    if (token.kind === 'end') fail('EL_SYNTAX', what, this.before(token) ?? { start: 0, end: token.end });
    return fail('EL_SYNTAX', `unexpected ${quote(token)}`, token, what);
  }

  /** Consumes `op` or fails: at the end of input the error points at `opener`. */
  private expect(op: string, opener: SourceSpan, atEnd: string): Token {
    const token = this.next();
    if (token.op === op) return token;
    if (token.kind === 'end') fail('EL_SYNTAX', atEnd, opener);
    return fail('EL_SYNTAX', `unexpected ${quote(token)}`, token, `expected '${op}'`);
  }

  private accept(op: string): boolean {
    if (this.peek().op !== op) return false;
    this.index++;
    return true;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  /** The current token, moving past it (the end token stays current). */
  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private before(token: Token): Token | undefined {
    return this.tokens[this.tokens.indexOf(token) - 1];
  }

  private enter(): void {
    this.depth++;
    if (this.depth > this.maxDepth) this.tooDeep(this.peek());
  }

  /** Records the node's height and refuses it past `maxDepth`. */
  private build(node: Node): Node {
    let height = 1;
    for (const child of childrenOf(node)) height = Math.max(height, (this.heights.get(child) ?? 1) + 1);
    if (height > this.maxDepth) this.tooDeep(node.at);
    this.heights.set(node, height);
    return node;
  }

  private tooDeep(at: SourceSpan): never {
    return fail('EL_TOO_DEEP', `expression nests deeper than ${this.maxDepth} levels`, at);
  }
}

function span(token: SourceSpan): SourceSpan {
  return { start: token.start, end: token.end };
}

function quote(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `'${token.text}'`;
}
