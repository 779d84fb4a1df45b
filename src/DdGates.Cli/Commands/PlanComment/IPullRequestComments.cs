namespace DdGates.Cli.Commands.PlanComment;

/// <summary>
/// The top-level comments of one pull request, on whichever platform hosts it: GitHub issue comments, or the first
/// comment of each Azure Repos thread. Only what keeping one comment up to date needs.
/// </summary>
public interface IPullRequestComments : IDisposable
{
    /// <summary>"GitHub", "Azure Repos": for messages.</summary>
    string Platform { get; }

    /// <summary>The pull request, as a person names it ("octo/app#12").</summary>
    string Where { get; }

    /// <summary>The longest comment the platform accepts, in characters.</summary>
    int BodyLimit { get; }

    /// <summary>What the token needs to comment, in the platform's words (for the warning when it may not).</summary>
    string Permission { get; }

    /// <summary>Every live top-level comment, oldest first.</summary>
    Task<IReadOnlyList<PostedComment>> ListAsync(CancellationToken ct);

    Task CreateAsync(string body, CancellationToken ct);

    Task UpdateAsync(PostedComment comment, string body, CancellationToken ct);

    /// <summary>Removes the comment; one already gone counts as removed.</summary>
    Task DeleteAsync(PostedComment comment, CancellationToken ct);
}

/// <summary>A comment as the platform holds it. <paramref name="Order"/> grows with creation (GitHub's comment id, Azure's thread id).</summary>
public sealed record PostedComment(long Order, long Id, string Body);
