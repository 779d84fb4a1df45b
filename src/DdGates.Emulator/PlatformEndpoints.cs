using System.Globalization;
using System.Text.Json.Nodes;

namespace DdGates.Emulator;

/// <summary>
/// A fake of the few GitHub and Azure DevOps endpoints the plan comment uses, beside the Datadog API on the same
/// port, answering as docs/pr-comments-contract.json says (a contract test validates both sides):
/// GitHub's issue comments (also under /ghes/api/v3, as GitHub Enterprise Server serves them), and Azure Repos'
/// pull-request threads. Any bearer token may read; a token starting with "ro-" may not write (403), as a fork's
/// pull request gets. Faults are scripted per route on <see cref="PullRequestStore.ScriptFaults"/>.
/// </summary>
internal static class PlatformEndpoints
{
    private const string Threads = "/{organization}/{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId:int}/threads";

    public static void Map(WebApplication app, EmulatorState state)
    {
        var store = state.PullRequests;
        // github.com answers at the root; GitHub Enterprise Server at /api/v3 on its host (GITHUB_API_URL), here also under /ghes.
        foreach (var root in new[] { "", "/api/v3", "/ghes/api/v3" })
        {
            var github = app.MapGroup(root + "/repos/{owner}/{repo}/issues");
            github.MapMethods("/{number:int}/comments", ["GET"], ctx => Guard(ctx, store, "github", write: false, () =>
            {
                var (owner, repo, number) = (Text(ctx, "owner"), Text(ctx, "repo"), (int)Number(ctx, "number"));
                var perPage = Query(ctx, "per_page", 30);
                var page = Query(ctx, "page", 1);
                var all = store.Comments(GitHubKey(owner, repo, number));
                return Answer(200, new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)GitHubComment(ctx, owner, repo, number, c))]));
            }));
            github.MapMethods("/{number:int}/comments", ["POST"], ctx => Guard(ctx, store, "github", write: true, async () =>
            {
                var (owner, repo, number) = (Text(ctx, "owner"), Text(ctx, "repo"), (int)Number(ctx, "number"));
                if (await Body(ctx) is not { } body || body["body"]?.GetValue<string>() is not { } text) return GitHubError(422, "Invalid request.\n\n\"body\" wasn't supplied.");
                if (text.Length > 65_536) return GitHubError(422, "Validation Failed: body is too long (maximum is 65536 characters)");
                var comment = store.Add(GitHubKey(owner, repo, number), text, "github-actions[bot]");
                return Answer(201, GitHubComment(ctx, owner, repo, number, comment));
            }));
            github.MapMethods("/comments/{id:long}", ["PATCH"], ctx => Guard(ctx, store, "github", write: true, async () =>
            {
                var (owner, repo, id) = (Text(ctx, "owner"), Text(ctx, "repo"), Number(ctx, "id"));
                if (await Body(ctx) is not { } body || body["body"]?.GetValue<string>() is not { } text) return GitHubError(422, "Invalid request.\n\n\"body\" wasn't supplied.");
                if (text.Length > 65_536) return GitHubError(422, "Validation Failed: body is too long (maximum is 65536 characters)");
                if (store.PullRequestOf(id) is not { } key || store.Update(key, id, text) is not { } updated) return GitHubError(404, "Not Found");
                return Answer(200, GitHubComment(ctx, owner, repo, int.Parse(key[(key.LastIndexOf('#') + 1)..], CultureInfo.InvariantCulture), updated));
            }));
            github.MapMethods("/comments/{id:long}", ["DELETE"], ctx => Guard(ctx, store, "github", write: true, () =>
                store.PullRequestOf(Number(ctx, "id")) is { } key && store.Delete(key, Number(ctx, "id")) is not null ? Answer(204, null) : GitHubError(404, "Not Found")));
        }

        app.MapMethods(Threads, ["GET"], ctx => Guard(ctx, store, "azure", write: false, () =>
        {
            var threads = store.History(AzureKey(ctx)).Select(c => (JsonNode)AzureThread(c)).ToList();
            return Answer(200, new JsonObject { ["count"] = threads.Count, ["value"] = new JsonArray([.. threads]) });
        }));
        app.MapMethods(Threads, ["POST"], ctx => Guard(ctx, store, "azure", write: true, async () =>
        {
            if (await Body(ctx) is not { } body || body["comments"]?[0]?["content"]?.GetValue<string>() is not { } content) return AzureError(400, "Invalid argument value.\r\nParameter name: comments");
            if (content.Length > 150_000) return AzureError(400, "A discussion comment cannot be longer than 150000 characters.\r\nParameter name: comment.Content");
            var comment = store.Add(AzureKey(ctx), content, "Project Collection Build Service");
            return Answer(200, AzureThread(comment, body["status"]?.GetValue<string>() ?? "active"));
        }));
        app.MapMethods(Threads + "/{threadId:long}/comments/{commentId:int}", ["PATCH"], ctx =>
            Guard(ctx, store, "azure", write: true, async () =>
            {
                var (threadId, commentId) = (Number(ctx, "threadId"), Number(ctx, "commentId"));
                if (await Body(ctx) is not { } body || body["content"]?.GetValue<string>() is not { } content) return AzureError(400, "Invalid argument value.\r\nParameter name: comment");
                if (content.Length > 150_000) return AzureError(400, "A discussion comment cannot be longer than 150000 characters.\r\nParameter name: comment.Content");
                if (commentId != 1 || store.Update(AzureKey(ctx), threadId, content) is not { } updated) return AzureError(404, $"TF401180: The requested pull request comment {commentId} cannot be found.");
                return Answer(200, AzureComment(updated));
            }));
        app.MapMethods(Threads + "/{threadId:long}/comments/{commentId:int}", ["DELETE"], ctx =>
            Guard(ctx, store, "azure", write: true, () =>
                Number(ctx, "commentId") == 1 && store.Delete(AzureKey(ctx), Number(ctx, "threadId")) is not null
                    ? Answer(200, null)
                    : AzureError(404, $"TF401180: The requested pull request comment {Number(ctx, "commentId")} cannot be found.")));
    }

    public static string GitHubKey(string owner, string repo, int number) => $"github:{owner}/{repo}#{number}";

    public static string AzureKey(string repositoryId, int pullRequestId) => $"azure:{repositoryId}#{pullRequestId}";

    private static string AzureKey(HttpContext ctx) => AzureKey(Text(ctx, "repositoryId"), (int)Number(ctx, "pullRequestId"));

    private static string Text(HttpContext ctx, string name) => ctx.Request.RouteValues[name]?.ToString() ?? "";

    private static long Number(HttpContext ctx, string name) => long.Parse(Text(ctx, name), CultureInfo.InvariantCulture);

    private static JsonObject GitHubComment(HttpContext ctx, string owner, string repo, int number, FakeComment c)
    {
        var api = $"{ctx.Request.Scheme}://{ctx.Request.Host}/repos/{owner}/{repo}";
        return new JsonObject
        {
            ["id"] = c.Id,
            ["node_id"] = "IC_" + Convert.ToBase64String(BitConverter.GetBytes(c.Id)).TrimEnd('='),
            ["url"] = $"{api}/issues/comments/{c.Id}",
            ["html_url"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}/{owner}/{repo}/pull/{number}#issuecomment-{c.Id}",
            ["issue_url"] = $"{api}/issues/{number}",
            ["body"] = c.Body,
            ["user"] = new JsonObject { ["login"] = c.Author, ["id"] = 41898282, ["type"] = "Bot" },
            ["author_association"] = "NONE",
            ["created_at"] = c.Created[..19] + "Z",
            ["updated_at"] = c.Updated[..19] + "Z",
        };
    }

    private static JsonObject AzureThread(FakeComment c, string status = "closed") => new()
    {
        ["id"] = c.Id,
        ["publishedDate"] = c.Created,
        ["lastUpdatedDate"] = c.Updated,
        ["comments"] = new JsonArray(AzureComment(c)),
        ["status"] = status,
        ["threadContext"] = null,
        ["properties"] = new JsonObject(),
        ["isDeleted"] = c.Deleted,
    };

    private static JsonObject AzureComment(FakeComment c) => new()
    {
        ["id"] = 1,
        ["parentCommentId"] = 0,
        ["author"] = new JsonObject { ["displayName"] = c.Author, ["id"] = "7e8c1d2a-0000-4000-8000-000000000001" },
        ["content"] = c.Body,
        ["publishedDate"] = c.Created,
        ["lastUpdatedDate"] = c.Updated,
        ["lastContentUpdatedDate"] = c.Updated,
        ["commentType"] = "text",
        ["isDeleted"] = c.Deleted,
        ["usersLiked"] = new JsonArray(),
    };

    /// <summary>Auth (a bearer token; "ro-" tokens read only), Azure's required api-version, then any scripted fault, then the handler.</summary>
    private static async Task Guard(HttpContext ctx, PullRequestStore store, string platform, bool write, Func<Task<PlatformAnswer>> handler)
    {
        var authorization = ctx.Request.Headers.Authorization.ToString();
        lock (store.Authorizations) store.Authorizations.Add(authorization);
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : "";
        PlatformAnswer answer;
        if (token.Length == 0) answer = platform == "github" ? GitHubError(401, "Requires authentication") : AzureError(401, "TF400813: The user is not authorized to access this resource.");
        else if (write && token.StartsWith(PullRequestStore.ReadOnlyTokenPrefix, StringComparison.Ordinal)) answer = Forbidden(platform);
        else if (platform == "azure" && string.IsNullOrEmpty(ctx.Request.Query["api-version"])) answer = AzureError(400, "No api-version was supplied for the \"" + ctx.Request.Method + "\" request.");
        else
        {
            var fault = store.DrawFault(ctx.Request.Method, ctx.Request.Path.Value ?? "");
            if (fault == "500-after") await handler();
            answer = fault switch
            {
                null => await handler(),
                "429" => new PlatformAnswer(429, new JsonObject { ["message"] = "Too many requests" }, [("Retry-After", "1")]),
                "secondary" => new PlatformAnswer(403, new JsonObject { ["message"] = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, [("retry-after", "1")]),
                "reset" => new PlatformAnswer(403, new JsonObject { ["message"] = "API rate limit exceeded." },
                    [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))]),
                "forbidden" => Forbidden(platform),
                _ => new PlatformAnswer(500, new JsonObject { ["message"] = "Server Error" }, []),
            };
        }

        ctx.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) ctx.Response.Headers[name] = value;
        if (answer.Body is null) return;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(answer.Body.ToJsonString());
    }

    private static Task Guard(HttpContext ctx, PullRequestStore store, string platform, bool write, Func<PlatformAnswer> handler) =>
        Guard(ctx, store, platform, write, () => Task.FromResult(handler()));

    private static PlatformAnswer Forbidden(string platform) => platform == "github"
        ? GitHubError(403, "Resource not accessible by integration")
        : AzureError(403, "TF401027: You need the Git 'PullRequestContribute' permission to perform this action.");

    private static PlatformAnswer Answer(int status, JsonNode? body) => new(status, body, []);

    private static PlatformAnswer GitHubError(int status, string message) =>
        new(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest/issues/comments", ["status"] = status.ToString(CultureInfo.InvariantCulture) }, []);

    private static PlatformAnswer AzureError(int status, string message) =>
        new(status, new JsonObject { ["$id"] = "1", ["message"] = message, ["typeKey"] = "InvalidArgumentValueException", ["errorCode"] = 0, ["eventId"] = 3000 }, []);

    private static async Task<JsonObject?> Body(HttpContext ctx)
    {
        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static int Query(HttpContext ctx, string name, int fallback) =>
        int.TryParse(ctx.Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, 100) : fallback;

    private sealed record PlatformAnswer(int Status, JsonNode? Body, IReadOnlyList<(string Name, string Value)> Headers);
}
