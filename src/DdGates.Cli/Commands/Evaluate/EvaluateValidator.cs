using System.Globalization;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Model;
using DdGates.Reconciling;

namespace DdGates.Cli.Commands.Evaluate;

/// <summary>
/// Three ways to name what is evaluated: a stored gate by service, env and identifier; one gate of a gates
/// file (stored, or its rules sent inline); or rules given directly, always sent inline.
/// </summary>
public static class EvaluateValidator
{
    public static (ValidatedEvaluation? Evaluation, IReadOnlyList<Diagnostic> Problems) Validate(EvaluateSettings s, Func<string, string?> readFile)
    {
        var problems = new List<Diagnostic>();
        var timeout = Timeout(s.TimeoutSeconds, problems);
        var (run, gate) = s.Run.ConfigPath is null && s.Run.Rules is null ? StoredGate(s, problems) : DeclaredGate(s, readFile, problems);
        if (problems.Count > 0 || run is null) return (null, problems);

        var key = gate?.Key ?? new GateKey(s.Run.Service!, s.Run.Env!, s.Run.Identifier ?? GateKey.DefaultIdentifier);
        var inline = !s.ApplyFirst && (s.Inline || s.Run.ConfigPath is null);
        var target = new EvaluationTarget(key, s.Version, s.PrimaryTag, inline ? gate : null);
        return (new ValidatedEvaluation(run, target, s.ApplyFirst, timeout, s.FailOnError, gate?.Location), []);
    }

    /// <summary>A gate named by service, env and identifier alone: nothing to apply or send inline.</summary>
    private static (ValidatedRun?, GateSpec?) StoredGate(EvaluateSettings s, List<Diagnostic> problems)
    {
        foreach (var (input, value) in new[] { (InputTable.Service, s.Run.Service), (InputTable.Env, s.Run.Env) })
        {
            if (value is null) problems.Add(Diagnostic.About(input, "required to name the gate to evaluate"));
        }

        foreach (var (input, value) in new[] { (InputTable.Service, s.Run.Service), (InputTable.Env, s.Run.Env), (InputTable.Identifier, s.Run.Identifier) })
        {
            if (value is not null && Names.TagProblem(value) is { } problem) problems.Add(Diagnostic.About(input, problem));
        }

        if (s.ApplyFirst) problems.Add(Diagnostic.About(InputTable.Command, "apply-and-evaluate (evaluate --apply) needs a gates file or rules to apply"));
        if (s.Inline) problems.Add(Diagnostic.About(InputTable.Inline, "needs a gates file or rules to send"));
        var (apiUrl, keys) = ReconcileValidator.Connection(s.Run, needsKeys: true, problems);
        return (problems.Count > 0 ? null : new ValidatedRun(new DesiredState([], []), apiUrl!, keys, s.Run.Concurrency), null);
    }

    /// <summary>Exactly one gate from a gates file or from rules.</summary>
    private static (ValidatedRun?, GateSpec?) DeclaredGate(EvaluateSettings s, Func<string, string?> readFile, List<Diagnostic> problems)
    {
        var (run, runProblems) = ReconcileValidator.Validate(s.Run, readFile, needsKeys: true);
        problems.AddRange(runProblems);
        if (run is not null && run.Desired.Gates.Count != 1)
        {
            Source where = s.Run.ConfigPath is { } file ? new InFile(file) : new FromInput(InputTable.Rules);
            problems.Add(new Diagnostic(where, "", $"evaluate needs exactly one gate, and {run.Desired.Gates.Count} match " +
                $"({string.Join(", ", run.Desired.Gates.Select(g => g.Key))}); narrow them with service, env and identifier"));
        }

        var gate = run is { Desired.Gates.Count: > 0 } ? run.Desired.Gates[0] : null;
        if (gate is { Absent: true })
        {
            problems.Add(new Diagnostic(new InFile(s.Run.ConfigPath ?? ""), "", $"gate {gate.Key} is declared absent (absent: true), so there is nothing to evaluate"));
        }

        if (gate is not null && string.IsNullOrEmpty(s.Version) && gate.Rules.Any(r => r.Type == RuleType.FaultyDeploymentDetection))
        {
            problems.Add(Diagnostic.About(InputTable.Version, $"required: gate {gate.Key} has a faulty_deployment_detection rule, which compares versions"));
        }

        return (run, gate);
    }

    private static TimeSpan Timeout(string? value, List<Diagnostic> problems)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= InputTable.MaxTimeoutSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add(Diagnostic.About(InputTable.Timeout, $"must be a whole number of seconds from 1 to {InputTable.MaxTimeoutSeconds}, found \"{value}\""));
        return TimeSpan.Zero;
    }
}
