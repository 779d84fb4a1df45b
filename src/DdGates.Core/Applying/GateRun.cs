using DdGates.Planning;

namespace DdGates.Applying;

/// <summary>
/// One gate through apply: the plan that was actually executed (after adopting an existing gate, the
/// plan against its real rules, not the one shown first) and what came of it.
/// </summary>
public sealed record GateRun(GatePlan Plan, GateOutcome Outcome);
