namespace DdGates.Cli.Exit;

/// <summary>How a step ends, beyond its exit code: what the CI host is told and how a terminal shows the reason.</summary>
public enum Conclusion
{
    /// <summary>Done; a reason, if any, is worth a warning (a failed gate in dry-run mode).</summary>
    Succeeded,
    /// <summary>The deploy goes on but did not get what it asked for (Azure: orange; GitHub: a warning).</summary>
    SucceededWithIssues,
    Failed,
    Cancelled,
    /// <summary>An unexpected exception: a bug in dd-gates, still reported like any failure.</summary>
    Crashed,
}
