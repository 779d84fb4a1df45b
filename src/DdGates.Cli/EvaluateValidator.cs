using System.Globalization;
using DdGates.Config;
using DdGates.Evaluation;
using DdGates.Model;

namespace DdGates.Cli;

/// <summary>A checked evaluation: the target, the run to apply first (or none), the time budget and the error policy.</summary>
public sealed record ValidatedEvaluation(ValidatedRun Run, EvaluationTarget Target, bool ApplyFirst, TimeSpan Timeout, bool FailOnError, SourceLocation? Location);

/// <summary>
/// Three ways to name what is evaluated: a stored gate by --service/--env/--identifier; one gate of a
/// gates file (stored, or its rules sent inline with --inline); or rules given with --rules, sent inline.
/// </summary>
public static class EvaluateValidator
{
    public const int MaxTimeoutSeconds = 86_400;

    public static (ValidatedEvaluation? Evaluation, IReadOnlyList<Diagnostic> Problems) Validate(EvaluateSettings s, Func<string, string?> readFile)
    {
        var problems = new List<Diagnostic>();
        var timeout = Timeout(s.TimeoutSeconds, problems);
        ValidatedRun? run;
        GateSpec? gate = null;
        if (s.Run.ConfigPath is null && s.Run.Rules is null)
        {
            foreach (var (flag, value) in new[] { ("--service", s.Run.Service), ("--env", s.Run.Env) })
            {
                if (value is null) problems.Add(new Diagnostic(flag, 0, 0, "", "required to name the gate to evaluate"));
            }

            foreach (var (flag, value) in new[] { ("--service", s.Run.Service), ("--env", s.Run.Env), ("--identifier", s.Run.Identifier) })
            {
                if (value is not null && Names.TagProblem(value) is { } problem) problems.Add(new Diagnostic(flag, 0, 0, "", problem));
            }

            if (s.ApplyFirst) problems.Add(new Diagnostic("--apply", 0, 0, "", "needs a gates file (--config) or --rules to apply"));
            if (s.Inline) problems.Add(new Diagnostic("--inline", 0, 0, "", "needs a gates file (--config) or --rules to send"));
            var (apiUrl, keys) = RunValidator.Connection(s.Run, needsKeys: true, problems);
            run = problems.Count > 0 ? null : new ValidatedRun(new DesiredState([], []), apiUrl!, keys, s.Run.Concurrency);
        }
        else
        {
            (run, var runProblems) = RunValidator.Validate(s.Run, readFile, needsKeys: true);
            problems.AddRange(runProblems);
            if (run is not null && run.Desired.Gates.Count != 1)
            {
                problems.Add(new Diagnostic(s.Run.ConfigPath ?? "--rules", 0, 0, "",
                    $"evaluate needs exactly one gate, and {run.Desired.Gates.Count} match ({string.Join(", ", run.Desired.Gates.Select(g => g.Key))}); narrow them with --service, --env and --identifier"));
            }

            gate = run is { Desired.Gates.Count: > 0 } ? run.Desired.Gates[0] : null;
            if (gate is not null && string.IsNullOrEmpty(s.Version) && gate.Rules.Any(r => r.Type == RuleType.FaultyDeploymentDetection))
            {
                problems.Add(new Diagnostic("--version", 0, 0, "", $"required: gate {gate.Key} has a faulty_deployment_detection rule, which compares versions"));
            }
        }

        if (problems.Count > 0 || run is null) return (null, problems);
        var key = gate?.Key ?? new GateKey(s.Run.Service!, s.Run.Env!, s.Run.Identifier ?? GateKey.DefaultIdentifier);
        var inline = !s.ApplyFirst && (s.Inline || (s.Run.ConfigPath is null && s.Run.Rules is not null));
        var target = new EvaluationTarget(key, s.Version, s.PrimaryTag, inline ? gate : null);
        return (new ValidatedEvaluation(run, target, s.ApplyFirst, timeout, s.FailOnError, gate?.Location), []);
    }

    private static TimeSpan Timeout(string? value, List<Diagnostic> problems)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= MaxTimeoutSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add(new Diagnostic("--timeout", 0, 0, "", $"must be a whole number of seconds from 1 to {MaxTimeoutSeconds}, found \"{value}\""));
        return TimeSpan.Zero;
    }
}
