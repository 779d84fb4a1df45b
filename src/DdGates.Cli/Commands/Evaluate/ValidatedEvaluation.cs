using DdGates.Evaluation;
using DdGates.Model;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Evaluate;

/// <summary>A checked evaluation: the target, the run to apply first (or none), the time budget, the error policy, and where the gate is declared.</summary>
public sealed record ValidatedEvaluation(ValidatedRun Run, EvaluationTarget Target, bool ApplyFirst, TimeSpan Timeout, bool FailOnError, SourceLocation? Location);
