using DdGates.Api;
using DdGates.Cli.Inputs;
using DdGates.Cli.Presenting;
using DdGates.Cli.PullRequests;

namespace DdGates.Cli.Commands;

/// <summary>
/// plan on a pull request: the plan (or why there is none) as one comment on the pull request, kept up to date.
/// Never changes the step's result: a comment that cannot be posted is a warning, and the plan is in the summary anyway.
/// </summary>
public sealed class PlanCommentUseCase(IRunPresenter presenter, RetryPolicy policy, SecretSet secrets)
{
    public async Task PostAsync(PullRequestContext context, RunSettings settings, ReconcileRun run, CancellationToken ct)
    {
        switch (context)
        {
            case PullRequestContext.None none:
                presenter.Debug($"No pull request comment: {none.Why}.");
                return;
            case PullRequestContext.Unusable unusable:
                presenter.Warning($"The plan was not posted on the pull request: {unusable.Why}. It is in the job summary.");
                return;
        }

        var found = (PullRequestContext.Found)context;
        IPullRequestComments opened;
        try
        {
            opened = found.Open(policy, presenter.Debug);
        }
        catch (FormatException e)
        {
            presenter.Warning($"The plan was not posted on the pull request: {e.Message}. It is in the job summary.");
            return;
        }

        using var comments = opened;
        // The comment leaves the run: nothing in it may carry a secret (a server's answer quoted in the plan, say).
        var body = secrets.Redact(PlanComment.Render(settings, run.Outcome, run.Problems, found.RunOrder, found.RunUrl, comments.BodyLimit));
        try
        {
            var result = await StickyComment.PostAsync(comments, PlanComment.Marker(settings), found.RunOrder, body, ct);
            presenter.Progress(result switch
            {
                CommentResult.Created => $"Posted the plan on {comments.Platform} {comments.Where}.",
                CommentResult.Updated => $"Updated the plan comment on {comments.Platform} {comments.Where}.",
                CommentResult.Unchanged => $"The plan comment on {comments.Platform} {comments.Where} already shows this plan.",
                _ => $"Left the plan comment on {comments.Platform} {comments.Where} as it is: a later run wrote it.",
            });
        }
        catch (PullRequestApiException e) when (e.IsDenied)
        {
            presenter.Warning($"The plan was not posted on {comments.Platform} {comments.Where}: the token may not comment ({e.Message}). "
                + $"It needs {comments.Permission}; a pull request from a fork gets a read-only token. The plan is in the job summary.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An answer we could not read included: the comment is a courtesy, the plan step's result is the plan.
            presenter.Warning($"The plan was not posted on {comments.Platform} {comments.Where}: {e.Message}. The plan is in the job summary.");
        }
    }
}
