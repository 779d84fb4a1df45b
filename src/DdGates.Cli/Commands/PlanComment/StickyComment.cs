namespace DdGates.Cli.Commands.PlanComment;

/// <summary>What became of the plan comment.</summary>
public enum CommentResult { Created, Updated, Unchanged, NewerRunKept }

/// <summary>
/// Keeps exactly one comment per marker on a pull request, holding the newest run's plan. Every writer converges
/// the same way: the oldest comment with the marker is kept and any other is deleted, so two runs racing to create
/// end with one; a run never overwrites a comment that a later run wrote.
/// </summary>
public static class StickyComment
{
    public static async Task<CommentResult> PostAsync(IPullRequestComments comments, string marker, long runOrder, string body, CancellationToken ct)
    {
        var created = false;
        while (true)
        {
            var ours = (await comments.ListAsync(ct).ConfigureAwait(false)).Where(c => c.Body.Contains(marker, StringComparison.Ordinal)).OrderBy(c => c.Order).ToList();
            if (ours.Count == 0)
            {
                if (created) return CommentResult.Created; // ours was removed at once by someone else; do not fight over it
                await comments.CreateAsync(body, ct).ConfigureAwait(false);
                created = true;
                continue; // look again: a run racing with this one may have created one too
            }

            var keep = ours[0];
            foreach (var extra in ours.Skip(1)) await comments.DeleteAsync(extra, ct).ConfigureAwait(false);
            if (PlanComment.RunOf(keep.Body) > runOrder) return CommentResult.NewerRunKept;
            if (keep.Body == body) return created ? CommentResult.Created : CommentResult.Unchanged;
            await comments.UpdateAsync(keep, body, ct).ConfigureAwait(false);
            return CommentResult.Updated;
        }
    }
}
