using System.Globalization;
using System.Text.Json;
using DdGates.Http;

namespace DdGates.Cli.Commands.PlanComment;

/// <summary>Where this run's plan comment goes, read from what the runner or the agent tells the step.</summary>
public abstract record PullRequestContext
{
    private PullRequestContext()
    {
    }

    /// <summary>Not a pull request build: nothing is posted, and nothing is said beyond a debug line.</summary>
    public sealed record None(string Why) : PullRequestContext;

    /// <summary>A pull request, but the step cannot comment on it: a warning says why and what fixes it.</summary>
    public sealed record Unusable(string Why) : PullRequestContext;

    /// <summary>A pull request to comment on. <see cref="CommentPlace.RunOrder"/> grows with every run (run id, attempt), so an older run never overwrites a newer plan.</summary>
    public sealed record Found(Func<RetryPolicy, Action<string>?, IPullRequestComments> Open, CommentPlace Place) : PullRequestContext;

    /// <summary>A number the runner or agent sets, 0 when unset or not a number.</summary>
    public static long Number(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The run id first, then the attempt: a rerun of a run comes after it.</summary>
    public static long Order(long run, string? attempt) => checked(run * 1000 + Math.Min(Number(attempt), 999));
}

/// <summary>Where the comment's links point and what it says it planned: the run, its order among runs, and the commit.</summary>
public sealed record CommentPlace(string RunUrl, long RunOrder, string? Commit);
