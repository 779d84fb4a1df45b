namespace DdGates.Cli.Exit;

/// <summary>
/// The exit codes, once: scripts depend on them, so they never change meaning. <c>--help</c> prints
/// <see cref="Table"/>, and a test checks README.md's table against it.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int ChangesPending = 2;
    public const int InvalidInput = 3;
    public const int GateFailed = 4;
    public const int EvaluationTimedOut = 5;
    public const int Cancelled = 130;

    public static readonly IReadOnlyList<(int Code, string Meaning)> Table =
    [
        (Ok, "success: applied, nothing to do, or (plan) no changes pending; evaluate: deploy"),
        (Failed, "failed: Datadog errors (evaluate: only with `fail-on-error`), a partial apply (the output says exactly which gates and rules were applied; rerun to finish), a gate the tool will not guess about (two differing rules of one name on the server; export: such a gate left out), `plan --fail-on-drift` with changes pending, `apply --expect-plan` with another plan (nothing written), or `report --fail-unless-ready` with a gate not ready"),
        (ChangesPending, "`plan --detailed-exitcode`: changes are pending"),
        (InvalidInput, "invalid input: file, flags, keys or site, and nothing was sent; evaluate: also the request Datadog refuses (no such gate, keys refused)"),
        (GateFailed, "evaluate: the gate failed; do not deploy"),
        (EvaluationTimedOut, "evaluate: no verdict within the timeout, with `fail-on-error`"),
        (Cancelled, "cancelled (Ctrl+C, SIGTERM)"),
    ];

    /// <summary>One word or two per code, for --help; <see cref="Table"/> (and README.md) says each in full.</summary>
    public static readonly IReadOnlyList<(int Code, string Word)> InBrief =
    [
        (Ok, "ok"), (Failed, "failed"), (ChangesPending, "changes pending (plan --detailed-exitcode)"), (InvalidInput, "invalid input, nothing sent"),
        (GateFailed, "gate failed (evaluate)"), (EvaluationTimedOut, "timed out (evaluate --fail-on-error)"), (Cancelled, "cancelled"),
    ];

    /// <summary>One line for --help; the README's exit-code table has the whole story.</summary>
    public static string Help() => "Exit codes: " + string.Join(", ", InBrief.Select(t => $"{t.Code} {t.Word}")) + " (README.md, \"Exit codes\", says each in full).";
}
