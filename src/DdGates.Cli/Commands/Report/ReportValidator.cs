using System.Globalization;
using DdGates.Api;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Commands.Report;

/// <summary>A report whose every input checked out.</summary>
public sealed record ValidatedReport(Uri ApiUrl, Credentials Keys, int Concurrency, GateSelection Selection, int Days, int MinEvaluations, bool FailUnlessReady);

/// <summary>
/// Checks a report's inputs, all problems at once: the window (1 to 30 days: Datadog's history allows no
/// longer), the minimum, the selection (a gates file, or service/env/identifier), connection and credentials.
/// </summary>
public static class ReportValidator
{
    public static (ValidatedReport? Report, IReadOnlyList<Diagnostic> Problems) Validate(ReportSettings s, Func<string, string?> readFile)
    {
        var problems = new List<Diagnostic>();
        var days = Whole(InputTable.Days, s.Days, 1, InputTable.MaxReportDays, problems);
        var min = Whole(InputTable.MinEvaluations, s.MinEvaluations, 1, 100_000, problems);
        var selection = Selection(s.Run, readFile, problems);
        var (apiUrl, keys) = ReconcileValidator.Connection(s.Run, needsKeys: true, problems);
        return problems.Count > 0
            ? (null, problems)
            : (new ValidatedReport(apiUrl!, keys, s.Run.Concurrency, selection!, days, min, s.FailUnlessReady), []);
    }

    private static GateSelection? Selection(RunSettings s, Func<string, string?> readFile, List<Diagnostic> problems)
    {
        if (s.ConfigPath is not { } path) return new GateSelection(null, s.Service, s.Env, s.Identifier);
        var text = readFile(path);
        if (text is null)
        {
            problems.Add(new Diagnostic(path, 0, 0, "", "cannot read the gates file (does it exist?)"));
            return null;
        }

        var desired = DesiredStateLoader.FromGatesFile(text, path).Select(s.Service, s.Env, s.Identifier, path);
        problems.AddRange(desired.Diagnostics);
        return new GateSelection([.. desired.Gates.Where(g => !g.Absent).Select(g => g.Key)], s.Service, s.Env, s.Identifier);
    }

    private static int Whole(InputSpec input, string? value, int min, int max, List<Diagnostic> problems)
    {
        var text = value ?? input.Default!;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        problems.Add(Diagnostic.About(input, $"must be a whole number from {min} to {max}, found \"{text}\""));
        return 0;
    }
}
