export * from './types';
export { step, InterpreterError, decisionProblem } from './step';
export { evaluateExpression, parseExpression, ExpressionError } from './expression';
export { checkDecision, type Decider, type DecisionRefusal } from './decisions';
