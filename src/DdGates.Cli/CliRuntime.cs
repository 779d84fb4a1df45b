using DdGates.Evaluation;
using DdGates.Http;

namespace DdGates.Cli;

/// <summary>
/// What a run may have tuned: retry and polling timings (tests shorten them) and when the step started
/// (evaluate's timeout counts from there, not from the first request), and the clock a report's window ends at.
/// </summary>
public sealed record CliRuntime(DateTimeOffset StartedAt, RetryPolicy? Retry = null, PollSchedule? Schedule = null)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>stdout and stderr are a terminal a person watches (colour goes on, unless NO_COLOR says otherwise).</summary>
    public bool Terminal { get; init; }

    /// <summary>The run's secrets, taken out of every output (<see cref="Hosting.BoundaryWriter"/>); filled from the environment by <see cref="CliApp"/>.</summary>
    public SecretSet Secrets { get; init; } = new();
}
