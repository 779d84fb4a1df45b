namespace DdGates.Cli;

/// <summary>Documented in README.md ("Exit codes"); scripts depend on them, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>Success: applied, or nothing to do, or (plan) no changes pending.</summary>
    public const int Ok = 0;
    /// <summary>Something failed on the way: Datadog errors, a partial apply, a gate the tool will not guess about; evaluate: Datadog errors with fail-on-error.</summary>
    public const int Failed = 1;
    /// <summary>plan --detailed-exitcode (or fail-on-drift): changes are pending.</summary>
    public const int ChangesPending = 2;
    /// <summary>Bad input: the gates file, flags, keys or site are wrong. Nothing was sent.</summary>
    public const int InvalidInput = 3;
    /// <summary>evaluate: the gate failed; do not deploy.</summary>
    public const int GateFailed = 4;
    /// <summary>evaluate: no verdict within the timeout, with fail-on-error.</summary>
    public const int EvaluationTimedOut = 5;
    /// <summary>Cancelled (Ctrl+C, SIGTERM).</summary>
    public const int Cancelled = 130;
}
