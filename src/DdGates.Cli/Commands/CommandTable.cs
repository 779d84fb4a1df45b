using System.CommandLine;
using DdGates.Cli.Commands.Evaluate;
using DdGates.Cli.Commands.Export;
using DdGates.Cli.Commands.PlanComment;
using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Commands.Report;
using DdGates.Cli.Inputs;
using DdGates.Config;

namespace DdGates.Cli.Commands;

/// <summary>
/// Every command, once. A new command is a folder under Commands/ and one row here (plus its input rows and the
/// manifests the tests check against <see cref="StepChoices"/>).
/// </summary>
public static class CommandTable
{
    public static IReadOnlyList<CommandRow> Rows(CliOptions o)
    {
        var evaluation = new EvaluateOptions();
        var reporting = new ReportOptions();
        return
        [
            CommandRow.Of("plan", "Show what apply would change, gate by gate and rule by rule. Sends no write.",
                [.. o.Reconcile, o.DetailedExitCode, o.FailOnDrift, o.Preflight],
                (r, env) => o.Read(r, env), i => i.Settings, ReconcileChecks, (p, c, s, ct) => new ReconcileCommand(p, c).RunAsync(s, apply: false, ct),
                examples: """
                      dd-gates plan --config gates.yaml                       # what would change
                      dd-gates plan --config gates.yaml --detailed-exitcode   # exit 2 when changes are pending
                      dd-gates plan --config gates.yaml -o json | jq .counts
                      dd-gates plan --config gates.yaml --preflight fail      # exit 1 when a monitor rule matches no monitor, or more than 50
                    """,
                runStep: (p, c, i, host, ct) => PlanCommentCommand.PlanAndCommentAsync(p, c, i, host, ct)),
            CommandRow.Of("apply", "Make Datadog hold exactly the declared gates and rules (idempotent; no state file).",
                [.. o.Reconcile, o.ExpectPlan, o.Preflight],
                (r, env) => o.Read(r, env), i => i.Settings, ReconcileChecks, (p, c, s, ct) => new ReconcileCommand(p, c).RunAsync(s, apply: true, ct),
                examples: """
                      DD_API_KEY=... DD_APP_KEY=... dd-gates apply --config gates.yaml
                      dd-gates apply --config gates.yaml --service checkout --env production --prune
                      dd-gates apply --service checkout --env staging --rules '{"rules":[{"name":"P0","type":"monitor","options":{"query":"service:checkout"}}]}'
                    """),
            CommandRow.Of("validate", "Check the gates (or rules) file and flags offline. Needs no keys, sends nothing.",
                o.Declared,
                (r, env) => o.Read(r, env), i => i.Settings, (s, read) => ReconcileValidator.Validate(s, read, needsKeys: false).Problems,
                (p, c, s, ct) => Task.FromResult(new ReconcileCommand(p, c).Validate(s)),
                examples: """
                      dd-gates validate --config gates.yaml            # no keys needed, nothing sent
                      dd-gates validate --config gates.yaml -o json    # the gates and rules it declares
                    """,
                inStep: false),
            CommandRow.Of("evaluate", "Ask the gate whether to deploy, wait for the verdict, and exit 0 to go or non-zero to stop.",
                [.. o.Reconcile.Where(x => x != o.Prune && x != o.DryRun), .. evaluation.All],
                (r, env) => evaluation.Read(r, o.Read(r, env)), i => i.Evaluate, (s, read) => EvaluateValidator.Validate(s, read).Problems,
                (p, c, s, ct) => new EvaluateCommand(p, c).RunAsync(s, ct),
                examples: """
                      dd-gates evaluate --service checkout --env production --version 1.4.2            # the stored gate
                      dd-gates evaluate --config gates.yaml --env production --version 1.4.2 --inline  # its rules, sent with the request
                      dd-gates evaluate --config gates.yaml --env production --version 1.4.2 --apply   # apply, then evaluate
                      dd-gates evaluate --service web --env prod --rules gate.json --timeout 900 --fail-on-error
                    """,
                evaluates: true),
            CommandRow.Of("apply-and-evaluate", "Apply, then evaluate, in one step (on the command line: evaluate --apply).",
                [], (r, env) => evaluation.Read(r, o.Read(r, env)), i => i.Evaluate with { ApplyFirst = true }, (s, read) => EvaluateValidator.Validate(s, read).Problems,
                (p, c, s, ct) => new EvaluateCommand(p, c).RunAsync(s, ct), evaluates: true, onCommandLine: false),
            CommandRow.Of("report", "Whether each selected gate is ready to enforce, from its evaluation history: finished evaluations, failures, and how many a dry run would have blocked.",
                [o.Config, o.Service, o.Env, o.Identifier, .. o.Connection, .. reporting.All],
                (r, env) => reporting.Read(r, o.Read(r, env)), i => i.Report, (s, read) => ReportValidator.Validate(s, read).Problems,
                (p, c, s, ct) => new ReportCommand(p, c).RunAsync(s, ct),
                examples: """
                      dd-gates report --service checkout --env production                # the last 14 days
                      dd-gates report --config gates.yaml --days 30 --min-evaluations 20 -o json
                      dd-gates report --config gates.yaml --env production --fail-unless-ready   # exit 1 unless every gate is ready
                    """),
            CommandRow.Of("export", "Write the gates that exist in Datadog as a gates file (YAML; JSON with -o json): the whole organization, or the selected ones.",
                [o.ExportService, o.ExportEnv, o.ExportIdentifier, .. o.Connection, o.ExportFile, o.Fold],
                (r, env) => new ExportSettings(o.Read(r, env), r.GetValue(o.ExportFile), r.GetValue(o.Fold)), i => i.Export, (s, _) => ExportValidator.Validate(s.Run).Problems,
                (p, c, s, ct) => new ExportCommand(p, c).RunAsync(s, ct),
                examples: """
                      dd-gates export > gates.yaml                               # every gate of the organization
                      dd-gates export --service checkout --file checkout.yaml    # then: dd-gates plan --config checkout.yaml shows no change
                      dd-gates export --fold --file fleet.yaml                   # services with the same rules as one entry, with {service} and {env}
                      dd-gates export --env production -o json
                    """),
        ];
    }

    /// <summary>The values of the step's <c>command</c> input, in table order.</summary>
    public static IReadOnlyList<string> StepChoices => [.. Rows(new CliOptions()).Where(r => r.InStep).Select(r => r.Name)];

    private static IReadOnlyList<Config.Diagnostic> ReconcileChecks(RunSettings s, Func<string, string?> read) => ReconcileValidator.Validate(s, read, needsKeys: true).Problems;
}
