using System.Net;
using System.Text.Json;

namespace DdGates.Cli.Commands.PlanComment;

/// <summary>A GitHub or Azure DevOps call that failed after the retries. The message names the call and the platform's own words, never the token.</summary>
public sealed class PullRequestApiException(string platform, string operation, HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner)
    : Exception(Compose(platform, operation, status, string.Join("; ", errors), inner), inner)
{
    public HttpStatusCode? StatusCode { get; } = status;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>The token may not do this: 401/403 (and GitHub's 404 for a repository the token cannot see).</summary>
    public bool IsDenied => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>Both platforms answer errors as JSON with a "message" (GitHub basic-error; Azure DevOps' WrappedException).</summary>
    public static IReadOnlyList<string> MessageOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? [m.GetString()!]
                : [];
        }
        catch (JsonException)
        {
            return body.Length == 0 ? [] : [body.Length > 200 ? body[..200] + "..." : body];
        }
    }

    private static string Compose(string platform, string operation, HttpStatusCode? status, string? detail, Exception? inner)
    {
        var what = status is { } s ? $"{platform} answered {(int)s}" : $"no answer from {platform} ({inner?.Message ?? "unknown error"})";
        return $"{operation} failed: {what}{(string.IsNullOrWhiteSpace(detail) ? "" : ": " + detail.ReplaceLineEndings(" "))}";
    }
}
