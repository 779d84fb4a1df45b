using DdGates.Api;
using DdGates.Evaluation;

namespace DdGates.Cli;

/// <summary>
/// What a run may have tuned: retry and polling timings (tests shorten them) and when the step started
/// (evaluate's timeout counts from there, not from the first request).
/// </summary>
public sealed record CliRuntime(DateTimeOffset StartedAt, RetryPolicy? Retry = null, PollSchedule? Schedule = null);
