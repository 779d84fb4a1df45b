using DdGates.Cli.Commands.Reconcile;
using DdGates.Cli.Exit;
using DdGates.Cli.Inputs;
using DdGates.Cli.Platforms;
using DdGates.Cli.Presenting;
using DdGates.Cli.Step;

namespace DdGates.Cli.Commands.PlanComment;

/// <summary>
/// plan on a pull request: the plan (or why there is none) as one comment on the pull request, kept up to date.
/// Never changes the step's result: a comment that cannot be posted is a warning, and the plan is in the summary anyway.
/// </summary>
public sealed class PlanCommentCommand(IRunPresenter presenter, CommandContext context)
{
    /// <summary>The step's plan: the plan itself, then (with pr-comment on) the comment on the pull request the run is for.</summary>
    public static async Task<CommandExit> PlanAndCommentAsync(IRunPresenter presenter, CommandContext context, StepInputs inputs, ICiHost host, CancellationToken ct)
    {
        var plan = await new ReconcileCommand(presenter, context).PlanOrApplyAsync(inputs.Settings, apply: false, ct);
        if (inputs.PrComment) await new PlanCommentCommand(presenter, context).PostAsync(host.PullRequest(inputs.GitHubToken, context.ReadFile), inputs.Settings, plan, ct);
        return plan.Exit;
    }

    public async Task PostAsync(PullRequestContext pullRequest, RunSettings settings, ReconcileResult run, CancellationToken ct)
    {
        switch (pullRequest)
        {
            case PullRequestContext.None none:
                presenter.Debug($"No pull request comment: {none.Why}.");
                return;
            case PullRequestContext.Unusable unusable:
                presenter.Warning($"The plan was not posted on the pull request: {unusable.Why}. It is in the job summary.");
                return;
        }

        var found = (PullRequestContext.Found)pullRequest;
        IPullRequestComments opened;
        try
        {
            opened = found.Open(context.Policy, presenter.Debug);
        }
        catch (FormatException e)
        {
            presenter.Warning($"The plan was not posted on the pull request: {e.Message}. It is in the job summary.");
            return;
        }

        using var comments = opened;
        // The comment leaves the run: nothing in it may carry a secret (a server's answer quoted in the plan, say).
        var body = context.Secrets.Redact(PlanComment.Render(settings, run, found.Place, comments.BodyLimit));
        try
        {
            var result = await StickyComment.PostAsync(comments, PlanComment.Marker(settings), found.Place.RunOrder, body, ct);
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
