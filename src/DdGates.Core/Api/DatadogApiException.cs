using System.Net;

namespace DdGates.Api;

/// <summary>
/// A Datadog call that failed after the resilience pipeline gave up. <see cref="StatusCode"/> is null
/// when no HTTP answer came (connection dropped, timed out). The message says what the call was doing
/// and never contains a key.
/// </summary>
public sealed class DatadogApiException : Exception
{
    public DatadogApiException(string operation, HttpStatusCode? statusCode, IReadOnlyList<string> errors, Exception? inner = null)
        : base(Compose(operation, statusCode, errors, inner), inner)
    {
        Operation = operation;
        StatusCode = statusCode;
        Errors = errors;
    }

    public string Operation { get; }
    public HttpStatusCode? StatusCode { get; }
    public IReadOnlyList<string> Errors { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>No 409 exists: a duplicate gate is a 400 with this text (docs/datadog-api.md).</summary>
    public bool IsGateAlreadyExists => StatusCode == HttpStatusCode.BadRequest && Errors.Any(e => e.Contains("already exists", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the server may or may not have acted (no answer, or a 5xx): the outcome is unknown.</summary>
    public bool IsAmbiguous => StatusCode is null || (int)StatusCode >= 500;

    private static string Compose(string operation, HttpStatusCode? status, IReadOnlyList<string> errors, Exception? inner)
    {
        var what = status is { } s ? $"Datadog answered {(int)s} {Hint(s)}".TrimEnd() : $"no answer from Datadog ({inner?.Message ?? "unknown error"})";
        var detail = errors.Count > 0 ? ": " + string.Join("; ", errors) : "";
        return $"{operation} failed: {what}{detail}";
    }

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized (check the API key)",
        HttpStatusCode.Forbidden => "Forbidden (check both keys, the site, and that the application key has the deployment_gates_read/write scopes)",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.TooManyRequests => "Too Many Requests (rate limited; retries exhausted)",
        _ => ReasonPhrase(status),
    };

    /// <summary>The status line's words: ServiceUnavailable -> "Service Unavailable", OK stays "OK".</summary>
    private static string ReasonPhrase(HttpStatusCode status)
    {
        if (!Enum.IsDefined(status)) return "";
        var name = status.ToString();
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? " " + c : c.ToString()));
    }
}
