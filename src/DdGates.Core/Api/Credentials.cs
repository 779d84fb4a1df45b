using System.Net.Http.Headers;

namespace DdGates.Api;

/// <summary>
/// How requests authenticate: the two Datadog keys, or an OAuth access token sent as <c>Authorization: Bearer</c>.
/// Never both (Datadog's own clients send one or the other). <see cref="ToString"/> never shows a value.
/// </summary>
public sealed class Credentials
{
    private Credentials(string? apiKey, string? appKey, string? accessToken)
    {
        ApiKey = apiKey;
        AppKey = appKey;
        AccessToken = accessToken;
    }

    public Credentials(string apiKey, string appKey) : this(apiKey, appKey, null)
    {
    }

    public static Credentials FromToken(string accessToken) => new(null, null, accessToken);

    public string? ApiKey { get; }
    public string? AppKey { get; }
    public string? AccessToken { get; }

    public void ApplyTo(HttpRequestHeaders headers)
    {
        if (AccessToken is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
            return;
        }

        headers.Add("DD-API-KEY", ApiKey);
        headers.Add("DD-APPLICATION-KEY", AppKey);
    }

    public override string ToString() => "Credentials(***)";

    /// <summary>Checks a secret's shape without ever echoing its value; null when fine.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "not set";
        if (value.Trim().Length == 0) return "must not be blank";
        if (value.Trim().Length != value.Length) return "has leading or trailing whitespace (a stray newline from a secret store?); remove it";
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return "contains whitespace or control characters";
        // An HTTP header carries visible ASCII only: such a key could never be sent, and every attempt would fail the same way.
        if (value.Any(c => c > '~')) return "contains characters other than visible ASCII, which cannot be sent in an HTTP header (a key pasted with a typographic quote or a non-breaking space?)";
        return null;
    }
}
