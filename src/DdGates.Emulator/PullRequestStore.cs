using System.Globalization;

namespace DdGates.Emulator;

/// <summary>
/// The pull-request comments of the fake GitHub and Azure DevOps (see PlatformEndpoints): per pull request, the
/// comments in creation order. GitHub comment ids and Azure thread ids grow, as on the real services.
/// </summary>
public sealed class PullRequestStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<FakeComment>> _byPullRequest = [];
    private readonly List<FaultScript> _faults = [];
    private long _nextId = 1_000_000_001;

    /// <summary>Tokens starting with this may read but not write: a fork's pull request, or a job without pull-requests: write.</summary>
    public const string ReadOnlyTokenPrefix = "ro-";

    /// <summary>Every Authorization header the fake was sent (to check the token travels as a bearer token, and nowhere else).</summary>
    public List<string> Authorizations { get; } = [];

    /// <summary>The live comments of a pull request ("github:owner/repo#12", "azure:repositoryId#7"), oldest first.</summary>
    public IReadOnlyList<FakeComment> Comments(string pullRequest)
    {
        lock (_lock) return _byPullRequest.TryGetValue(pullRequest, out var list) ? [.. list.Where(c => !c.Deleted)] : [];
    }

    /// <summary>Every comment the pull request ever had, deleted ones included.</summary>
    public IReadOnlyList<FakeComment> History(string pullRequest)
    {
        lock (_lock) return _byPullRequest.TryGetValue(pullRequest, out var list) ? [.. list] : [];
    }

    public FakeComment Add(string pullRequest, string body, string author)
    {
        lock (_lock)
        {
            if (!_byPullRequest.TryGetValue(pullRequest, out var list)) _byPullRequest[pullRequest] = list = [];
            var now = DateTimeOffset.UtcNow;
            var comment = new FakeComment(_nextId++, body, author, now, now, Deleted: false);
            list.Add(comment);
            return comment;
        }
    }

    /// <summary>Changes a comment's body; null when there is no such live comment.</summary>
    public FakeComment? Update(string pullRequest, long id, string body) => Replace(pullRequest, id, c => c with { Body = body, UpdatedAt = DateTimeOffset.UtcNow });

    public FakeComment? Delete(string pullRequest, long id) => Replace(pullRequest, id, c => c with { Deleted = true, UpdatedAt = DateTimeOffset.UtcNow });

    /// <summary>The pull request a GitHub comment id belongs to (GitHub addresses updates by comment id alone).</summary>
    public string? PullRequestOf(long id)
    {
        lock (_lock) return _byPullRequest.FirstOrDefault(p => p.Value.Any(c => c.Id == id && !c.Deleted)).Key;
    }

    /// <summary>Answers for the next requests to one route ("POST /repos/*/*/issues/*/comments"): 429, secondary, reset, forbidden, 500-after.</summary>
    public void ScriptFaults(string route, params string[] kinds)
    {
        lock (_lock)
        {
            if (kinds.Length == 0) _faults.RemoveAll(s => s.Route == route); // no faults: the route answers normally again
            else _faults.Add(new FaultScript(route, kinds));
        }
    }

    internal string? DrawFault(string method, string path)
    {
        lock (_lock)
        {
            return _faults.FirstOrDefault(f => !f.IsEmpty && f.Matches(method, path))?.Next();
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _byPullRequest.Clear();
            _faults.Clear();
            Authorizations.Clear();
        }
    }

    private FakeComment? Replace(string pullRequest, long id, Func<FakeComment, FakeComment> change)
    {
        lock (_lock)
        {
            if (!_byPullRequest.TryGetValue(pullRequest, out var list)) return null;
            var index = list.FindIndex(c => c.Id == id && !c.Deleted);
            if (index < 0) return null;
            return list[index] = change(list[index]);
        }
    }
}

/// <summary>One comment as the fake keeps it. On Azure, <see cref="Id"/> is the thread's id and the comment is its first.</summary>
public sealed record FakeComment(long Id, string Body, string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Deleted)
{
    public string Created => CreatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public string Updated => UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
