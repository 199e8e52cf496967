/**
 * Walks a parsed, name-checked tree against a context (`grammar.ts` "Semantics"). Recursion is as
 * deep as the tree, which the parser bounded; every node visited costs a step of the budget.
 */
import type { SourceSpan } from '../../contracts/expression.js';
import type { Node, NodeOf } from './ast.js';
import { Budget } from './budget.js';
import { fail } from './errors.js';
import { ROOTS } from './grammar.js';
import type { Call } from './functions/call.js';
import { lookupFunction, qualifiedName } from './functions/registry.js';
import { applyOperator, applyUnary, asBoolean } from './operators.js';
import type { ExpressionContext } from './types.js';
import { importValue, isAbsent, isObject, propertyOf, typeName } from './values.js';
import type { Value } from './values.js';

/** The element a projection `.![…]` is at; undefined outside one. */
type Scope = { readonly element: Value } | undefined;

/** The value of `root` in `context`, or an EL_* failure. */
export function evaluateTree(root: Node, context: ExpressionContext, maxSteps: number): Value {
  return new Evaluation(context, new Budget(maxSteps)).value(root, undefined);
}

class Evaluation {
  constructor(
    private readonly context: ExpressionContext,
    private readonly budget: Budget,
  ) {}

  value(node: Node, scope: Scope): Value {
    this.budget.tick(1, node.at);
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'list':
        return node.items.map((item) => this.value(item, scope));
      case 'map':
        return Object.fromEntries(node.entries.map((entry) => [entry.key, this.value(entry.value, scope)]));
      case 'name':
        return scope && !ROOTS.has(node.name)
          ? this.property(scope.element, node.name, node.at)
          : this.root(node.name, node.at);
      case 'this':
        return scope?.element ?? null;
      case 'member':
        return this.member(node, scope);
      case 'index':
        return this.index(this.value(node.object, scope), this.value(node.index, scope), node.at);
      case 'projection':
        return this.projection(node, scope);
      case 'call':
        return this.call(node, scope);
      case 'unary':
        return applyUnary(node.op, node.text, this.value(node.operand, scope), node.at);
      case 'chain':
        return this.chain(node, scope);
      case 'ternary': {
        const test = asBoolean(this.value(node.test, scope), "the condition of '?'", node.test.span);
        return this.value(test ? node.then : node.otherwise, scope);
      }
      case 'elvis': {
        const value = this.value(node.value, scope);
        return isAbsent(value) ? this.value(node.fallback, scope) : value;
      }
    }
  }

  /** A bare root is its object: `user` the profile, `app` `{id, clientId, profile}` …; null without a user. */
  private root(name: string, at: SourceSpan): Value {
    const { user, appuser, app, org, scopes } = this.context;
    const raw = { user: user?.profile ?? null, appuser, app, org, access: { scope: scopes } }[name];
    return importValue(raw, this.budget, at);
  }

  private member(node: NodeOf<'member'>, scope: Scope): Value {
    const object = node.object;
    // `user.x` and `appuser.x` read one attribute (not the whole profile) and are null without a user.
    if (object.kind === 'name' && (object.name === 'user' || object.name === 'appuser')) {
      this.budget.tick(1, object.at);
      const profile = object.name === 'user' ? this.context.user?.profile : this.context.appuser;
      return profile && Object.hasOwn(profile, node.name)
        ? importValue(profile[node.name], this.budget, node.at)
        : null;
    }
    return this.property(this.value(object, scope), node.name, node.at);
  }

  private property(object: Value, name: string, at: SourceSpan): Value {
    if (isObject(object)) return propertyOf(object, name);
    return fail('EL_TYPE', `cannot read property '${name}' of ${typeName(object)}`, at);
  }

  private index(object: Value, index: Value, at: SourceSpan): Value {
    if (isObject(object)) {
      if (typeof index !== 'string')
        fail('EL_TYPE', `an object is indexed by a string key, got ${typeName(index)}`, at);
      return propertyOf(object, index);
    }
    if (!Array.isArray(object) && typeof object !== 'string')
      return fail('EL_TYPE', `cannot index ${typeName(object)}`, at);
    if (typeof index !== 'number' || !Number.isInteger(index))
      return fail('EL_TYPE', `an index must be a whole number, got ${typeName(index)}`, at);
    const what = Array.isArray(object) ? 'array' : 'string';
    if (index < 0 || index >= object.length)
      fail('EL_INDEX', `index ${index} is outside the ${what} (length ${object.length})`, at);
    return object[index]!;
  }

  private projection(node: NodeOf<'projection'>, scope: Scope): Value {
    const items = this.value(node.object, scope);
    if (!Array.isArray(items))
      return fail('EL_TYPE', `a projection .![…] needs an array, got ${typeName(items)}`, node.at);
    return items.map((element) => this.value(node.body, { element }));
  }

  private chain(node: NodeOf<'chain'>, scope: Scope): Value {
    let result = this.value(node.first, scope);
    for (const step of node.rest) {
      if (step.op === '&&' || step.op === '||') {
        const left = asBoolean(result, `'${step.text}' on its left`, step.at);
        result =
          left === (step.op === '||')
            ? left
            : asBoolean(this.value(step.operand, scope), `'${step.text}' on its right`, step.at);
      } else {
        result = applyOperator(step, result, this.value(step.operand, scope), this.budget);
      }
    }
    return result;
  }

  private call(node: NodeOf<'call'>, scope: Scope): Value {
    const receiver = node.receiver?.kind === 'name' ? node.receiver.name : null;
    const spec = lookupFunction(receiver, node.name);
    if (!spec) return fail('EL_UNKNOWN_FUNCTION', `unknown function ${qualifiedName(receiver, node.name)}`, node.at);
    const args = node.args.map((arg) => this.value(arg, scope));
    const budget = this.budget;
    const call: Call = {
      name: qualifiedName(receiver, node.name),
      context: this.context,
      budget,
      at: node.at,
      tick: (steps) => budget.tick(steps, node.at),
      fail: (code, reason, arg) => fail(code, reason, arg === undefined ? node.at : (node.args[arg]?.span ?? node.at)),
    };
    const result = spec.apply(args, call);
    if (Array.isArray(result)) budget.checkSize(result.length, node.at);
    return result;
  }
}
