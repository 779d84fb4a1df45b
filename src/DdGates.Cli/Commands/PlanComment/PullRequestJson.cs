using System.Text.Json.Serialization;

namespace DdGates.Cli.Commands.PlanComment;

// The few fields of the GitHub and Azure DevOps wire formats this program reads and writes; the contract test
// checks each against the platforms' published descriptions (docs/pr-comments-contract.json).

/// <summary>GitHub issue-comment (GET/POST /repos/{owner}/{repo}/issues/{issue_number}/comments).</summary>
public sealed record GitHubComment([property: JsonPropertyName("id")] long Id, [property: JsonPropertyName("body")] string? Body);

/// <summary>The body of POST .../issues/{n}/comments and PATCH .../issues/comments/{comment_id}.</summary>
public sealed record GitHubCommentBody([property: JsonPropertyName("body")] string Body);

/// <summary>Azure DevOps Comment (the first comment of a thread holds the plan).</summary>
public sealed record AzureComment(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("parentCommentId")] int ParentCommentId,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("isDeleted")] bool IsDeleted);

/// <summary>Azure DevOps GitPullRequestCommentThread, as listed.</summary>
public sealed record AzureThread(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("isDeleted")] bool IsDeleted,
    [property: JsonPropertyName("comments")] List<AzureComment>? Comments);

/// <summary>Azure DevOps wraps every list in {"count", "value"}.</summary>
public sealed record AzureThreadList([property: JsonPropertyName("value")] List<AzureThread> Value);

/// <summary>The first comment of a new thread: a root (parent 0) text comment.</summary>
public sealed record AzureNewComment(
    [property: JsonPropertyName("parentCommentId")] int ParentCommentId,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("commentType")] string CommentType);

/// <summary>POST .../threads: the comment, and a status that does not wait for someone to resolve it.</summary>
public sealed record AzureNewThread(
    [property: JsonPropertyName("comments")] List<AzureNewComment> Comments,
    [property: JsonPropertyName("status")] string Status);

/// <summary>PATCH .../threads/{threadId}/comments/{commentId}.</summary>
public sealed record AzureCommentContent([property: JsonPropertyName("content")] string Content);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<GitHubComment>))]
[JsonSerializable(typeof(GitHubComment))]
[JsonSerializable(typeof(GitHubCommentBody))]
[JsonSerializable(typeof(AzureThreadList))]
[JsonSerializable(typeof(AzureThread))]
[JsonSerializable(typeof(AzureNewThread))]
[JsonSerializable(typeof(AzureComment))]
[JsonSerializable(typeof(AzureCommentContent))]
internal sealed partial class PullRequestJsonContext : JsonSerializerContext;
