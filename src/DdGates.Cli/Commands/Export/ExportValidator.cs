using DdGates.Api;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Inputs;
using DdGates.Config;
using DdGates.Model;

namespace DdGates.Cli.Commands.Export;

/// <summary>An export whose every input checked out: where to read, and which gates.</summary>
public sealed record ValidatedExport(Uri ApiUrl, Credentials Keys, int Concurrency, GateSelection Selection);

/// <summary>Checks an export's inputs, all problems at once: the selection's values, the connection and the credentials.</summary>
public static class ExportValidator
{
    public static (ValidatedExport? Export, IReadOnlyList<Diagnostic> Problems) Validate(RunSettings s)
    {
        var problems = new List<Diagnostic>();
        foreach (var (input, value) in new[] { (InputTable.Service, s.Service), (InputTable.Env, s.Env), (InputTable.Identifier, s.Identifier) })
        {
            if (value is not null && Names.TagProblem(value) is { } problem) problems.Add(Diagnostic.About(input, problem));
        }

        var (apiUrl, keys) = ReconcileValidator.Connection(s, needsKeys: true, problems);
        return problems.Count > 0
            ? (null, problems)
            : (new ValidatedExport(apiUrl!, keys, s.Concurrency, new GateSelection(null, s.Service, s.Env, s.Identifier)), []);
    }
}
