/**
 * The parse-time name check (`grammar.ts` "Names"): every name is a context root, a namespace
 * with that function, a member `app`/`org`/`access` have, or — inside a projection — a property of
 * the element; every call has the right number of arguments. Errors point at the offending name.
 */
import { childrenOf, spanOf } from './ast.js';
import type { Node, NodeOf } from './ast.js';
import { fail } from './errors.js';
import { ROOTS } from './grammar.js';
import type { FunctionSpec } from './functions/call.js';
import { NAMESPACES, functionsOf, namespacesWith, qualifiedName } from './functions/registry.js';

const ROOT_LIST = [...ROOTS.keys()].join(', ');
const NAMESPACE_LIST = [...NAMESPACES.keys()].join(', ');

/** Fails with the first unknown name, unknown function or wrong argument count. */
export function checkNames(root: Node): void {
  visit(root, false);
}

function visit(node: Node, inProjection: boolean): void {
  switch (node.kind) {
    case 'name':
      return checkName(node, inProjection);
    case 'this':
      if (!inProjection) fail('EL_UNKNOWN_NAME', '#this is defined only inside a projection .![…]', node.at);
      return;
    case 'member':
      return checkMember(node, inProjection);
    case 'call':
      return checkCall(node, inProjection);
    case 'map':
      return fail(
        'EL_SYNTAX',
        'a map literal is allowed only as an argument of user.getGroups or getFilteredGroups',
        node.at,
      );
    case 'projection':
      visit(node.object, inProjection);
      return visit(node.body, true);
    default:
      for (const child of childrenOf(node)) visit(child, inProjection);
  }
}

function checkName(node: NodeOf<'name'>, inProjection: boolean): void {
  if (ROOTS.has(node.name) || (inProjection && !NAMESPACES.has(node.name))) return;
  const functions = NAMESPACES.get(node.name);
  if (functions) {
    fail(
      'EL_UNKNOWN_NAME',
      `${node.name} is a function namespace, not a value`,
      node.at,
      `call one of its functions: ${node.name}.${[...functions.keys()][0]}(…)`,
    );
  }
  fail(
    'EL_UNKNOWN_NAME',
    `unknown name ${node.name}`,
    node.at,
    `an expression starts from ${ROOT_LIST}, a namespace (${NAMESPACE_LIST}) or a function`,
  );
}

function checkMember(node: NodeOf<'member'>, inProjection: boolean): void {
  const object = node.object;
  const functions = object.kind === 'name' ? NAMESPACES.get(object.name) : undefined;
  if (object.kind === 'name' && functions) {
    const name = qualifiedName(object.name, node.name);
    const span = spanOf(object.span, node.at);
    if (functions.has(node.name)) fail('EL_SYNTAX', `${name} is a function: call it with arguments, ${name}(…)`, span);
    fail(
      'EL_UNKNOWN_FUNCTION',
      `unknown function ${name}`,
      span,
      `${object.name} has: ${[...functions.keys()].join(', ')}`,
    );
  }
  const members = object.kind === 'name' ? ROOTS.get(object.name) : undefined;
  if (object.kind === 'name' && members && !members.includes(node.name)) {
    fail(
      'EL_UNKNOWN_NAME',
      `${object.name} has no member ${node.name}`,
      node.at,
      `${object.name} has: ${members.join(', ')}`,
    );
  }
  visit(object, inProjection);
}

function checkCall(node: NodeOf<'call'>, inProjection: boolean): void {
  const receiver = node.receiver;
  if (receiver && receiver.kind !== 'name') visit(receiver, inProjection);
  const receiverName = receiver?.kind === 'name' ? receiver.name : null;
  const functions = receiver && receiver.kind !== 'name' ? undefined : functionsOf(receiverName);
  const name = qualifiedName(receiverName, node.name);
  if (!functions) {
    if (receiverName !== null && !ROOTS.has(receiverName) && !inProjection) {
      fail('EL_UNKNOWN_NAME', `unknown name ${receiverName}`, receiver!.at, `namespaces: ${NAMESPACE_LIST}`);
    }
    const suggestion = namespacesWith(node.name).map((namespace) => `${namespace}.${node.name}(…)`);
    const note =
      receiverName && ROOTS.has(receiverName)
        ? `${receiverName} has no functions`
        : 'functions cannot be called on values';
    fail(
      'EL_UNKNOWN_FUNCTION',
      `unknown function ${name}`,
      node.at,
      suggestion.length ? `${note}; use ${suggestion.join(' or ')}` : note,
    );
  }
  const spec = functions.get(node.name);
  if (!spec) {
    const elsewhere = namespacesWith(node.name).map((namespace) => `${namespace}.${node.name}`);
    const unprefixed = 'without a namespace: the String functions, the isMemberOf… checks and getFilteredGroups';
    const note =
      receiverName === null
        ? elsewhere.length
          ? `did you mean ${elsewhere.join(' or ')}?`
          : unprefixed
        : `${receiverName} has: ${[...functions.keys()].join(', ')}`;
    fail('EL_UNKNOWN_FUNCTION', `unknown function ${name}`, node.at, note);
  }
  checkArity(spec, name, node);
  for (const arg of node.args) {
    if (arg.kind === 'map' && spec.maps) arg.entries.forEach((entry) => visit(entry.value, inProjection));
    else visit(arg, inProjection);
  }
}

function checkArity(spec: FunctionSpec, name: string, node: NodeOf<'call'>): void {
  const count = node.args.length;
  const paired = !spec.pairs || (count - spec.min) % 2 === 0;
  if (count >= spec.min && count <= spec.max && paired) return;
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  let expected: string;
  if (spec.pairs) expected = `${plural(spec.min)} or more, the ones after the second in key/value pairs`;
  else if (spec.min === spec.max) expected = plural(spec.min);
  else if (spec.max === Infinity) expected = `at least ${plural(spec.min)}`;
  else expected = `${spec.min} to ${plural(spec.max)}`;
  fail('EL_ARITY', `${name} expects ${expected}, got ${count}`, node.at);
}
