/**
 * The syntax tree the parser builds and the evaluator walks. Every node has `span` (all its text)
 * and `at` (the part an error about the node underlines: an operator, a member name, a function's
 * qualified name, the token of a literal).
 */
import type { SourceSpan } from '../../contracts/expression.js';

interface Base {
  span: SourceSpan;
  at: SourceSpan;
}

/** One operator and its right operand in a left-associative run (`+ b`, `AND c`). */
export interface ChainStep {
  /** The symbolic form (`&&` for AND). */
  op: string;
  /** As written, for messages. */
  text: string;
  at: SourceSpan;
  operand: Node;
}

export interface MapEntry {
  key: string;
  value: Node;
}

export type Node =
  | (Base & { kind: 'literal'; value: string | number | boolean | null })
  | (Base & { kind: 'list'; items: Node[] })
  | (Base & { kind: 'map'; entries: MapEntry[] })
  | (Base & { kind: 'name'; name: string })
  | (Base & { kind: 'this' })
  | (Base & { kind: 'member'; object: Node; name: string })
  | (Base & { kind: 'index'; object: Node; index: Node })
  | (Base & { kind: 'projection'; object: Node; body: Node })
  /** `receiver` is the expression before the dot (`String`, `user`), null for `fn(…)`. */
  | (Base & { kind: 'call'; receiver: Node | null; name: string; args: Node[] })
  | (Base & { kind: 'unary'; op: '!' | '-'; text: string; operand: Node })
  | (Base & { kind: 'chain'; first: Node; rest: ChainStep[] })
  | (Base & { kind: 'ternary'; test: Node; then: Node; otherwise: Node })
  | (Base & { kind: 'elvis'; value: Node; fallback: Node });

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/** The direct children of a node, in source order. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'literal':
    case 'name':
    case 'this':
      return [];
    case 'list':
      return node.items;
    case 'map':
      return node.entries.map((entry) => entry.value);
    case 'member':
      return [node.object];
    case 'index':
      return [node.object, node.index];
    case 'projection':
      return [node.object, node.body];
    case 'call':
      return node.receiver ? [node.receiver, ...node.args] : node.args;
    case 'unary':
      return [node.operand];
    case 'chain':
      return [node.first, ...node.rest.map((step) => step.operand)];
    case 'ternary':
      return [node.test, node.then, node.otherwise];
    case 'elvis':
      return [node.value, node.fallback];
  }
}

/** The span from the start of `from` to the end of `to`. */
export function spanOf(from: SourceSpan, to: SourceSpan): SourceSpan {
  return { start: from.start, end: to.end };
}
