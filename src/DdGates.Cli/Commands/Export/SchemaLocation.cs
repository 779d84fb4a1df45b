using System.Reflection;

namespace DdGates.Cli.Commands.Export;

/// <summary>
/// Where the gates file's JSON Schema is published: in the repository the action runs from (the runner names it in
/// GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF), else in the repository this build was released from (stamped at
/// build time as DdGatesRepository). A build that knows neither writes no schema line rather than a guessed address.
/// </summary>
public static class SchemaLocation
{
    private const string SchemaPath = "schema/gates.schema.json";
    private const string Ref = "v1";

    public static string? Url(Func<string, string?> env)
    {
        if (Repository(env("GITHUB_ACTION_REPOSITORY")) is { } action) return For(env("GITHUB_SERVER_URL"), action, Tag(env("GITHUB_ACTION_REF")) ?? Ref);
        var stamped = typeof(SchemaLocation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "DdGatesRepository")?.Value;
        return Repository(stamped) is { } built ? For(null, built, Ref) : null;
    }

    /// <summary>github.com serves raw files from raw.githubusercontent.com; GitHub Enterprise Server from /raw/ under the repository.</summary>
    private static string For(string? server, string repository, string gitRef) =>
        server is null or "https://github.com"
            ? $"https://raw.githubusercontent.com/{repository}/{gitRef}/{SchemaPath}"
            : $"{server.TrimEnd('/')}/{repository}/raw/{gitRef}/{SchemaPath}";

    /// <summary>"owner/name", nothing else (the value goes into a URL).</summary>
    private static string? Repository(string? value) =>
        value is { Length: > 2 and < 200 } v && v.Count(c => c == '/') == 1 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/') && !v.Contains("..", StringComparison.Ordinal) ? v : null;

    /// <summary>A tag or branch the action was pinned to; a commit SHA too (all are refs raw URLs take).</summary>
    private static string? Tag(string? value) => value is { Length: > 0 and < 100 } v && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? v : null;
}
